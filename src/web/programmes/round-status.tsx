import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundStatus } from '#domain/assistance/rounds';
import { ROUND_STATUS_COLOUR } from './queries.ts';

/** Draft, submitted, approved, issued or closed. */
export function RoundStatusBadge({ status, size = 'md' }: { status: RoundStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return <Badge size={size} variant="light" color={ROUND_STATUS_COLOUR[status]} data-testid="dist-round-status" data-status={status}>{t(`distRoundStatus.${status}`)}</Badge>;
}
