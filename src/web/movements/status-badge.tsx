import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';

export type DisplacementStatus = 'displaced' | 'returned' | 'abroad';

const COLOURS: Record<DisplacementStatus, string> = { displaced: 'orange', returned: 'teal', abroad: 'violet' };
const LABELS = {
  displaced: ['displacementStatus.displaced', 'displacementStatus.displacedSince'],
  returned: ['displacementStatus.returned', 'displacementStatus.returnedSince'],
  abroad: ['displacementStatus.abroad', 'displacementStatus.abroadSince'],
} as const;

/** "Displaced since June 2014", "Returned since 2017", "Abroad since October 2018". */
export function DisplacementBadge({ status, since, size = 'md' }: { status: DisplacementStatus; since: string | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const [plain, dated] = LABELS[status];
  return (
    <Badge color={COLOURS[status]} variant="light" size={size} style={{ textTransform: 'none' }} data-testid="displacement-status" data-status={status}>
      {since ? t(dated, { date: formatPartialDate(currentLang(), since) }) : t(plain)}
    </Badge>
  );
}
