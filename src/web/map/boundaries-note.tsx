import { Alert, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The licence of the COD-AB boundaries, shown under every map drawn from them. */
export function BoundariesAttribution() {
  const { t } = useTranslation();
  return <Text size="xs" c="dimmed" mt={4} data-testid="map-attribution">{t('map.attribution')}</Text>;
}

/** No boundaries imported yet: what the map needs and how an administrator provides it. */
export function NoBoundaries({ level }: { level: 1 | 2 }) {
  const { t } = useTranslation();
  const file = level === 1 ? 'irq_admbnda_adm1_cso_20190603.geojson' : 'irq_admbnda_adm2_cso_20190603.geojson';
  return (
    <Alert color="gray" title={t('map.noBoundaries')} data-testid="map-no-boundaries">
      <Text size="sm" mb={6}>{t('map.noBoundariesHint')}</Text>
      <Code block className="ltr">npx amina areas import {file}</Code>
    </Alert>
  );
}
