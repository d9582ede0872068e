import '#web/i18n/distribution/index.ts';
import { useEffect, useState } from 'react';
import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNetwork, useWindowEvent } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime, formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { LanguageSwitch } from '#web/shell/language-switch.tsx';
import { OfflineDesk } from './offline-desk.tsx';
import * as store from './store.ts';
import { offlinePoint, useOfflinePoint } from './use-offline-point.ts';

type KeptList = Awaited<ReturnType<typeof store.allLists>>[number];

/**
 * What Amina shows when it opens without reaching the server (the service worker served the app
 * from the device): the distribution lists kept on this device, each opened with its passphrase,
 * so a point keeps serving families after the browser was closed. Nothing else of the registry is
 * on the device. "Try again" asks the server once more and opens the whole app when it answers;
 * until then collections sync by themselves when the network comes back (the session cookie and
 * its CSRF cookie are still there).
 */
export function OfflineStart({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  const { t } = useTranslation();
  const network = useNetwork();
  const [lists, setLists] = useState<KeptList[] | null>(null);
  const [pointId, setPointId] = useState<string | null>(null);
  const offline = useOfflinePoint(pointId);
  const point = offlinePoint(offline.state);
  // Said only once the browser reports the network back: having a network at the start does not
  // mean the server answers (a Wi-Fi without a way out).
  const [back, setBack] = useState(false);
  useWindowEvent('online', () => setBack(true));
  useWindowEvent('offline', () => setBack(false));

  useEffect(() => {
    void store.allLists().then((kept) => {
      setLists(kept);
      if (kept.length === 1) setPointId(kept[0].pointId);
    });
  }, []);

  return (
    <Box p="md" maw={1200} mx="auto" component="main">
      <Stack gap="md" data-testid="offline-start">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Title order={1} size="h3">{t('app.name')}</Title>
            {!network.online && <Badge color="orange" size="lg" data-testid="network-offline">{t('offline.noNetwork')}</Badge>}
          </Group>
          <LanguageSwitch />
        </Group>
        <Alert color={back ? 'blue' : 'orange'} title={t('offline.start.title')} data-testid="offline-start-alert" data-back={back}>
          <Stack gap="xs">
            <Text size="sm">{t('offline.start.intro')}</Text>
            {back && <Text size="sm" fw={600}>{t('offline.start.back')}</Text>}
            <Group>
              <Button size="xs" variant={back ? 'filled' : 'default'} onClick={onRetry} loading={retrying} data-testid="offline-start-retry">
                {back ? t('offline.start.reconnect') : t('offline.start.retry')}
              </Button>
            </Group>
          </Stack>
        </Alert>
        {lists === null ? <PageLoader /> : lists.length === 0 ? (
          <EmptyState title={t('offline.start.none')} />
        ) : pointId === null ? (
          <ListChoice lists={lists} onChoose={setPointId} />
        ) : (
          <Stack gap="sm">
            {lists.length > 1 && (
              <Group>
                <Button variant="subtle" size="xs" onClick={() => setPointId(null)} data-testid="offline-start-other">{t('offline.start.other')}</Button>
              </Group>
            )}
            {point ? <OfflineDesk key={point.id} point={point} offline={offline} /> : <PageLoader />}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

function ListChoice({ lists, onChoose }: { lists: KeptList[]; onChoose: (pointId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">{t('offline.start.lists')}</Title>
      {lists.map((l) => (
        <Paper key={l.pointId} withBorder p="sm" radius="md" data-testid="offline-start-list" data-point={l.pointCode}>
          <Group justify="space-between" gap="sm">
            <Stack gap={2}>
              <Text fw={600}>{l.pointName} <Text span c="dimmed" size="sm" dir="ltr">{l.pointCode}</Text></Text>
              <Text size="sm" c="dimmed">{t('offline.start.made', { when: formatDateTime(currentLang(), l.generatedAt) })}</Text>
              {l.pending > 0 && <Text size="sm" c="orange.8">{t('offline.start.pending', { n: formatNumber(l.pending) })}</Text>}
            </Stack>
            <Button onClick={() => onChoose(l.pointId)} data-testid="offline-start-open">{t('offline.start.open')}</Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
