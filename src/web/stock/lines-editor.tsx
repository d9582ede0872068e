import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '#web/lib/problems.ts';

export interface EditLine {
  item: string | null;
  quantity: number | string;
  reason: string | null;
}

export const emptyLine = (item: string | null = null): EditLine => ({ item, quantity: '', reason: null });

interface Props {
  lines: EditLine[];
  onChange: (lines: EditLine[]) => void;
  items: { value: string; label: string }[];
  errors: FieldErrors;
  quantityLabel: string;
  /** Reasons to choose from (differences, adjustments); none: no reason column. */
  reasons?: { value: string; label: string }[];
  /** The items are given (a dispatch being received): they cannot be changed, added or removed. */
  fixedItems?: boolean;
  allowNegative?: boolean;
  allowZero?: boolean;
  /** Something to show under a line (what is in stock, what was sent, the difference). */
  hint?: (line: EditLine, index: number) => React.ReactNode;
}

/** Lines of a stock document: an item, a quantity and, where asked, a reason; errors beside each field. */
export function LinesEditor({ lines, onChange, items, errors, quantityLabel, reasons, fixedItems, allowNegative, allowZero, hint }: Props) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<EditLine>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...change } : l)));
  const taken = new Set(lines.map((l) => l.item));
  return (
    <Stack gap="xs" data-testid="stock-lines">
      {lines.map((line, i) => (
        <div key={i} data-testid="stock-line">
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Select
              label={i === 0 ? t('stock.item') : undefined}
              aria-label={t('stock.item')}
              data={items.filter((o) => o.value === line.item || !taken.has(o.value))}
              value={line.item}
              onChange={(item) => set(i, { item })}
              searchable
              disabled={fixedItems}
              error={errors[`lines.${i}.item`]}
              style={{ flex: 2 }}
              data-testid="line-item"
            />
            <NumberInput
              label={i === 0 ? quantityLabel : undefined}
              aria-label={quantityLabel}
              value={line.quantity}
              onChange={(quantity) => set(i, { quantity })}
              min={allowNegative ? undefined : allowZero ? 0 : 1}
              allowDecimal={false}
              allowNegative={!!allowNegative}
              thousandSeparator=","
              dir="ltr"
              error={errors[`lines.${i}.quantity`] || errors[`lines.${i}.counted`]}
              style={{ flex: 1 }}
              data-testid="line-quantity"
            />
            {reasons && (
              <Select
                label={i === 0 ? t('stock.reason') : undefined}
                aria-label={t('stock.reason')}
                data={reasons}
                value={line.reason}
                onChange={(reason) => set(i, { reason })}
                clearable
                error={errors[`lines.${i}.reason`]}
                style={{ flex: 1.5 }}
                data-testid="line-reason"
              />
            )}
            {!fixedItems && lines.length > 1 && (
              <ActionIcon variant="subtle" color="gray" mt={i === 0 ? 28 : 4} onClick={() => onChange(lines.filter((_, j) => j !== i))} aria-label={t('stock.removeLine')}>
                ×
              </ActionIcon>
            )}
          </Group>
          {hint && <Text size="xs" c="dimmed" mt={2}>{hint(line, i)}</Text>}
        </div>
      ))}
      {errors.lines && <Text size="sm" c="red">{errors.lines}</Text>}
      {!fixedItems && (
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => onChange([...lines, emptyLine()])} data-testid="line-add">
          {t('stock.addLine')}
        </Button>
      )}
    </Stack>
  );
}

/** The lines as sent to the server: quantities as numbers, empty lines dropped. */
export function linesBody<K extends string>(lines: EditLine[], quantityKey: K, withReason = false) {
  return lines
    .filter((l) => l.item || l.quantity !== '')
    .map((l) => ({ item: l.item ?? '', [quantityKey]: l.quantity === '' ? NaN : Number(l.quantity), ...(withReason ? { reason: l.reason } : {}) }) as { item: string; reason?: string | null } & Record<K, number>);
}
