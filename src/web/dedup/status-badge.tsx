import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PairStatus } from './queries.ts';

const COLORS: Record<PairStatus, string> = { open: 'blue', same: 'grape', different: 'gray', superseded: 'gray' };

/** A pair's review status: to review, same family (merged), different families, superseded. */
export function StatusBadge({ status }: { status: PairStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'superseded' ? 'outline' : 'light'} data-testid="pair-status" data-status={status}>
      {t(`dedup.status.${status}`)}
    </Badge>
  );
}
