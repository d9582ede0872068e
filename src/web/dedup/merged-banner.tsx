import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Household } from '#domain/registry/household';

/** On a household merged into another record: where the family's record is now. */
export function MergedBanner({ household: h }: { household: Household }) {
  const { t } = useTranslation();
  if (h.status !== 'merged' && !h.mergedInto) return null;
  return (
    <Alert color="grape" title={t('dedup.mergedTitle')} data-testid="merged-banner">
      <Text size="sm">{t('dedup.mergedBody')}</Text>
      {h.mergedInto && (
        <Anchor component={Link} to={`/households/${h.mergedInto}`} fw={600} size="sm" data-testid="merged-survivor-link">
          {t('dedup.openSurvivor')}
        </Anchor>
      )}
    </Alert>
  );
}
