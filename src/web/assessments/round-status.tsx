import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Open (assessments still change) or closed (locked, counted in the figures). */
export function RoundStatusBadge({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'open' ? 'blue' : 'gray'} data-testid="round-status">
      {t(status === 'open' ? 'assessments.statusOpen' : 'assessments.statusClosed')}
    </Badge>
  );
}
