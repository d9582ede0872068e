import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useAlerts } from './api.ts';
import { locationName } from './labels.ts';

const itemName = (i: { name: string; nameAr: string; nameCkb: string }) => locationName(i);

/** Items at or under their low level, and goods handed out offline beyond the recorded stock. */
export function AlertsPanel({ location }: { location?: string }) {
  const { t } = useTranslation();
  const alerts = useAlerts();
  if (!alerts.data) return null;
  const low = alerts.data.low.filter((a) => !location || a.location.id === location);
  const short = alerts.data.shortfalls.filter((a) => !location || a.location.id === location);
  if (!low.length && !short.length) return null;
  return (
    <Alert color="orange" title={t('stock.alertsTitle')} data-testid="stock-alerts">
      <Stack gap={4}>
        {low.map((a) => (
          <Text key={`${a.location.id}-${a.item.code}`} size="sm" data-testid="alert-low">
            {!location && <><Anchor component={Link} to={`/stock/${a.location.id}`} size="sm"><bdi>{locationName(a.location)}</bdi></Anchor>: </>}
            {t('stock.lowAlert', { item: itemName(a.item), n: formatNumber(a.quantity), low: formatNumber(a.lowLevel) })}
          </Text>
        ))}
        {short.map((a) => (
          <Text key={`s-${a.location.id}-${a.item.code}`} size="sm" data-testid="alert-shortfall">
            {!location && <><Anchor component={Link} to={`/stock/${a.location.id}`} size="sm"><bdi>{locationName(a.location)}</bdi></Anchor>: </>}
            {t('stock.shortfallAlert', { item: itemName(a.item), n: formatNumber(a.missing), since: formatDateTime(currentLang(), a.since) })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
