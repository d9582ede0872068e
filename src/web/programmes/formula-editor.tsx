import { ActionIcon, Button, Group, Menu, NumberInput, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '#domain/assistance/catalogue';
import { isActive, useCatalogue } from '#web/stock/catalogue.ts';
import type { FieldErrors } from '#web/lib/problems.ts';
import { labelIn } from './labels.ts';
import {
  addBand, addLine, BASES, bandsOf, newPart, removeBand, removeLine, setEnd, setQuantity, type FormulaState, type PartState,
} from './formula-state.ts';
import { unitLabel } from './item-text.ts';

interface Props {
  value: FormulaState;
  onChange: (value: FormulaState) => void;
  /** Errors by path inside the formula (`parts.0.lines`). */
  errors: FieldErrors;
  readOnly: boolean;
}

function RemoveIcon() {
  return <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden><path d="M6 6l12 12M18 6 6 18" /></svg>;
}

/**
 * What each targeted household receives: parts that add up, each per household, per person or
 * by household size band, with lines of catalogue items, kits and cash (IQD).
 */
export function FormulaEditor({ value, onChange, errors, readOnly }: Props) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const items = catalogue.data?.items ?? [];
  const update = (i: number, part: PartState) => onChange({ parts: value.parts.map((p, k) => (k === i ? part : p)) });
  const remove = (i: number) => onChange({ parts: value.parts.filter((_, k) => k !== i) });
  return (
    <Stack gap="sm" data-testid="formula-editor">
      {value.parts.length === 0 && <Text size="sm" c="dimmed">{t('formula.empty')}</Text>}
      {value.parts.map((part, i) => (
        <PartEditor key={i} index={i} part={part} items={items} onChange={(p) => update(i, p)} onRemove={() => remove(i)} errors={errors} readOnly={readOnly} />
      ))}
      {errors.parts && <Text size="xs" c="red">{errors.parts}</Text>}
      {!readOnly && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="light" w="fit-content" data-testid="formula-add-part">{t('formula.addPart')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {BASES.map((b) => <Menu.Item key={b} onClick={() => onChange({ parts: [...value.parts, newPart(b)] })} data-testid={`formula-add-${b}`}>{t(`formula.per.${b}`)}</Menu.Item>)}
          </Menu.Dropdown>
        </Menu>
      )}
    </Stack>
  );
}

interface PartProps {
  index: number;
  part: PartState;
  items: CatalogueItem[];
  onChange: (part: PartState) => void;
  onRemove: () => void;
  errors: FieldErrors;
  readOnly: boolean;
}

function PartEditor({ index, part, items, onChange, onRemove, errors, readOnly }: PartProps) {
  const { t } = useTranslation();
  const prefix = `parts.${index}`;
  const partErrors = Object.entries(errors).filter(([p]) => p === prefix || p.startsWith(`${prefix}.`)).map(([, m]) => m);
  const byCode = new Map(items.map((i) => [i.code, i]));
  const bands = part.per === 'band' ? bandsOf(part.ends) : [];
  const used = new Set(part.lines.map((l) => l.code));
  const options = (['item', 'kit', 'cash'] as const).map((kind) => ({
    group: t(`formula.kinds.${kind}`),
    items: items.filter((i) => i.kind === kind && isActive(i) && !used.has(i.code)).map((i) => ({ value: i.code, label: labelIn(i.labels) })),
  })).filter((g) => g.items.length > 0);

  return (
    <Paper withBorder p="sm" radius="md" data-testid={`formula-part-${index}`} data-per={part.per}>
      <Group justify="space-between" mb="xs">
        <Text fw={700} size="sm">{t(`formula.per.${part.per}`)}</Text>
        {!readOnly && <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove} data-testid={`formula-remove-part-${index}`}>{t('formula.removePart')}</Button>}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">{t(`formula.hint.${part.per}`)}</Text>
      {part.per === 'person' && (
        <NumberInput label={t('formula.maxPeople')} value={part.maxPeople} onChange={(v) => onChange({ ...part, maxPeople: v === '' ? '' : Number(v) })} min={1} max={100} allowDecimal={false} w={220} mb="xs" dir="ltr" readOnly={readOnly} placeholder={t('formula.everyone')} data-testid={`formula-max-people-${index}`} />
      )}
      <Table.ScrollContainer minWidth={part.per === 'band' ? 220 + bands.length * 130 : 420}>
        <Table verticalSpacing={4} withRowBorders={false} data-testid={`formula-lines-${index}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={200}>{t('formula.line')}</Table.Th>
              {part.per === 'band'
                ? bands.map((b, k) => (
                    <Table.Th key={k} data-testid={`formula-band-${index}-${k}`}>
                      <BandHeader from={b.from} to={b.to} readOnly={readOnly} canRemove={bands.length > 1}
                        onEnd={(v) => onChange(setEnd(part, k, v))} onRemove={() => onChange(removeBand(part, k))} testId={`formula-band-end-${index}-${k}`} />
                    </Table.Th>
                  ))
                : <Table.Th>{t('formula.quantity')}</Table.Th>}
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {part.lines.map((line) => {
              const item = byCode.get(line.code);
              return (
                <Table.Tr key={line.code} data-testid="formula-line" data-code={line.code}>
                  <Table.Td><Text size="sm">{item ? labelIn(item.labels) : line.code}</Text></Table.Td>
                  {line.quantities.map((q, k) => (
                    <Table.Td key={k}>
                      <NumberInput
                        size="xs"
                        value={q}
                        onChange={(v) => onChange(setQuantity(part, line.code, k, v === '' ? '' : Number(v)))}
                        min={0}
                        allowDecimal={false}
                        thousandSeparator=","
                        rightSection={<Text size="xs" c="dimmed" pe={4}>{unitLabel(item?.unit ?? '')}</Text>}
                        rightSectionWidth={item?.kind === 'cash' ? 44 : 64}
                        placeholder="—"
                        aria-label={`${item ? labelIn(item.labels) : line.code} ${part.per === 'band' ? `${bands[k].from}${bands[k].to === null ? '+' : `-${bands[k].to}`}` : ''}`}
                        dir="ltr"
                        readOnly={readOnly}
                        data-testid={`formula-qty-${index}-${line.code}-${k}`}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {!readOnly && <ActionIcon variant="subtle" color="gray" onClick={() => onChange(removeLine(part, line.code))} aria-label={t('formula.removeLine')}><RemoveIcon /></ActionIcon>}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!readOnly && (
        <Group gap="sm" mt="xs" align="flex-end">
          <Select placeholder={t('formula.addLine')} data={options} value={null} onChange={(code) => code && onChange(addLine(part, code))} searchable w={280} size="xs" aria-label={t('formula.addLine')} data-testid={`formula-add-line-${index}`} />
          {part.per === 'band' && <Button size="xs" variant="default" onClick={() => onChange(addBand(part))} data-testid={`formula-add-band-${index}`}>{t('formula.addBand')}</Button>}
        </Group>
      )}
      {partErrors.length > 0 && <Text size="xs" c="red" mt={4} data-testid={`formula-error-${index}`}>{partErrors[0]}</Text>}
    </Paper>
  );
}

/** "1 – [3] people": the band's upper end editable; the open band reads "7+". */
function BandHeader({ from, to, readOnly, canRemove, onEnd, onRemove, testId }: {
  from: number; to: number | null; readOnly: boolean; canRemove: boolean; onEnd: (v: number) => void; onRemove: () => void; testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {to === null || readOnly ? (
        <Text size="sm" fw={700} className="ltr">{to === null ? `${from}+` : `${from}–${to}`}</Text>
      ) : (
        <>
          <Text size="sm" fw={700} className="ltr">{from}–</Text>
          <NumberInput size="xs" w={56} value={to} onChange={(v) => v !== '' && onEnd(Number(v))} min={from} max={99} allowDecimal={false} dir="ltr" aria-label={t('formula.bandEnd', { from })} data-testid={testId} />
        </>
      )}
      <Text size="xs" c="dimmed">{t('formula.people')}</Text>
      {!readOnly && canRemove && <ActionIcon size="sm" variant="subtle" color="gray" onClick={onRemove} aria-label={t('formula.removeBand')}><RemoveIcon /></ActionIcon>}
    </Group>
  );
}
