import '#web/i18n/distribution/index.ts';
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { useStockLocation, useStockLocations } from '#web/stock/api.ts';
import { LocationSelect } from '#web/stock/location-picker.tsx';
import type { Point } from './api.ts';
import { OnlineDesk } from './online-desk.tsx';
import { OfflineDesk } from './offline/offline-desk.tsx';
import { offlinePoint, useOfflinePoint } from './offline/use-offline-point.ts';

const POINT_KEY = 'amina.distribution-point';
type Mode = 'online' | 'offline';

function rememberedPoint(): string | null {
  try {
    return localStorage.getItem(POINT_KEY);
  } catch {
    return null;
  }
}

/**
 * The distribution point: the officer chooses the point, then checks each family's card (or
 * searches the family) and records what it collects. Online every check goes to the server;
 * offline it works from the list downloaded to this device and syncs later.
 */
export function DistributionPage() {
  const { t } = useTranslation();
  const network = useNetwork();
  const [pointId, setPointId] = useState<string | null>(rememberedPoint);
  // Whether the organisation has points at all (the picker's first page, asked once for both).
  const points = useStockLocations({ kind: 'point', q: '', active: true });
  const chosen = useStockLocation(pointId);
  const offline = useOfflinePoint(pointId);
  const [mode, setMode] = useState<Mode>(navigator.onLine ? 'online' : 'offline');
  const open = chosen.data && chosen.data.kind === 'point' && chosen.data.active ? chosen.data : undefined;
  const point: Point | undefined = open ?? offlinePoint(offline.state);

  // Without network the device's list is the only way to work.
  useEffect(() => {
    if (!network.online) setMode('offline');
  }, [network.online]);

  const choose = (id: string | null) => {
    setPointId(id);
    try {
      if (id) localStorage.setItem(POINT_KEY, id);
    } catch {
      // Private mode: the point is chosen again next time.
    }
  };

  if (network.online && !point && (points.isPending || (pointId && chosen.isPending))) return <PageLoader />;
  if (points.isError && !point) return <ErrorState error={points.error} onRetry={() => points.refetch()} />;
  const none = !point && points.data?.total === 0;

  return (
    <Stack gap="md" data-testid="distribution-page">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="sm">
          <Title order={1} size="h2">{t('distribution.title')}</Title>
          {!network.online && <Badge color="orange" size="lg" data-testid="network-offline">{t('offline.noNetwork')}</Badge>}
        </Group>
        <Button component={Link} to="/distribution/conflicts" variant="default" data-testid="conflicts-link">{t('conflicts.title')}</Button>
      </Group>
      <Group align="flex-end" gap="md">
        <LocationSelect
          kind="point" label={t('distribution.point')} placeholder={t('distribution.pointPlaceholder')}
          value={point ? pointId : null} chosen={point ?? null} onChange={choose} miw={280} testId="point-select"
        />
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          data={[
            { value: 'online', label: t('distribution.modeOnline'), disabled: !network.online },
            { value: 'offline', label: t('distribution.modeOffline') },
          ]}
          data-testid="desk-mode"
        />
      </Group>
      {!point ? (
        none
          ? <EmptyState title={t('distribution.noPoints')} hint={t('distribution.noPointsHint')} />
          : <Alert color="blue">{t('distribution.choosePoint')}</Alert>
      ) : mode === 'online' ? (
        <OnlineDesk key={point.id} point={point} />
      ) : (
        <OfflineDesk key={point.id} point={point} offline={offline} />
      )}
    </Stack>
  );
}
