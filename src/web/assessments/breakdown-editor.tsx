import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '#web/i18n/format.ts';
import { breakdownStatus, takenCodes, type ShareValue } from './breakdown.ts';

interface Props {
  label: string;
  shares: ShareValue[];
  onChange: (shares: ShareValue[]) => void;
  options: { value: string; label: string }[];
  /** The IDP families the shares must add up to. */
  total: number;
  error?: string;
  readOnly?: boolean;
  testId: string;
}

const STATE_COLOUR = { empty: 'dimmed', short: 'orange.8', exact: 'teal.8', over: 'red.8' } as const;

/** Families shared out by a code (origin, wave, shelter), with how far the shares are from the total. */
export function BreakdownEditor({ label, shares, onChange, options, total, error, readOnly, testId }: Props) {
  const { t } = useTranslation();
  const status = breakdownStatus(shares, total);
  const set = (index: number, change: Partial<ShareValue>) => onChange(shares.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const message = {
    empty: t('assessments.breakdownEmpty'),
    short: t('assessments.breakdownShort', { sum: formatNumber(status.sum), total: formatNumber(total), n: formatNumber(status.remaining) }),
    exact: t('assessments.breakdownExact', { total: formatNumber(total) }),
    over: t('assessments.breakdownOver', { sum: formatNumber(status.sum), total: formatNumber(total), n: formatNumber(-status.remaining) }),
  }[status.state];
  return (
    <Stack gap={6} data-testid={testId}>
      <Text size="sm" fw={600}>{label}</Text>
      {shares.map((share, i) => {
        const taken = takenCodes(shares, i);
        return (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
            <Select
              flex={1}
              aria-label={label}
              data={options.filter((o) => !taken.has(o.value))}
              value={share.code}
              onChange={(code) => set(i, { code })}
              searchable
              readOnly={readOnly}
              data-testid={`${testId}-code-${i}`}
            />
            <NumberInput
              w={120}
              aria-label={t('assessments.families')}
              value={share.families}
              onChange={(families) => set(i, { families })}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              readOnly={readOnly}
              dir="ltr"
              data-testid={`${testId}-families-${i}`}
            />
            {!readOnly && (
              <ActionIcon variant="subtle" color="gray" mt={6} onClick={() => onChange(shares.filter((_, k) => k !== i))} aria-label={t('assessments.removeShare')}>
                <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden><path d="M6 6l12 12M18 6 6 18" /></svg>
              </ActionIcon>
            )}
          </Group>
        );
      })}
      <Group justify="space-between" gap="xs">
        <Text size="xs" c={STATE_COLOUR[status.state]} data-testid={`${testId}-status`} data-state={status.state}>{message}</Text>
        {!readOnly && shares.length < options.length && (
          <Button size="compact-xs" variant="light" onClick={() => onChange([...shares, { code: null, families: '' }])} data-testid={`${testId}-add`}>{t('assessments.addShare')}</Button>
        )}
      </Group>
      {error && <Text size="xs" c="red" data-testid={`${testId}-error`}>{error}</Text>}
    </Stack>
  );
}
