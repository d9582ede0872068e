import { useState } from 'react';
import { ActionIcon, Button, Grid, Group, NumberInput, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem, ItemKind } from '#domain/assistance/catalogue';
import { ITEM_KINDS } from '#domain/assistance/catalogue';
import { ITEM_UNITS, ItemInput, ItemUpdate } from '#domain/assistance/configuration';
import { useReference } from '#web/api/queries.ts';
import { useReferenceLabels } from '#web/lib/labels.ts';
import { labelIn } from '#web/programmes/labels.ts';
import { unitLabel } from '#web/programmes/item-text.ts';
import { isActive, useCatalogue } from '#web/stock/catalogue.ts';
import { ConfigModal, LabelsFields, noLabels, useConfigSubmit, type LabelValues } from './config-form.tsx';

type Line = { code: string | null; quantity: number | '' };

interface Values {
  code: string; kind: ItemKind; sector: string | null; labels: LabelValues; unit: string;
  unitValueIqd: number | ''; components: Line[]; active: boolean; position: number | '';
}

function valuesOf(item: CatalogueItem | null): Values {
  if (!item) return { code: '', kind: 'item', sector: null, labels: noLabels, unit: 'piece', unitValueIqd: '', components: [{ code: null, quantity: 1 }], active: true, position: '' };
  return {
    code: item.code, kind: item.kind, sector: item.sector, labels: item.labels, unit: item.unit, unitValueIqd: item.unitValueIqd ?? '',
    components: item.components.map((c) => ({ ...c })), active: item.active !== false, position: item.position ?? '',
  };
}

const linesOf = (lines: Line[]) => lines.filter((l) => l.code || l.quantity !== '').map((l) => ({ code: l.code ?? '', quantity: l.quantity === '' ? NaN : l.quantity }));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The request: every field of a new entry; only what changed of an existing one, at the version read. */
function bodyOf(v: Values, item: CatalogueItem | null) {
  const value = v.unitValueIqd === '' ? null : v.unitValueIqd;
  if (!item) {
    return {
      code: v.code.trim(), kind: v.kind, sector: v.sector ?? '', labels: v.labels, unit: v.kind === 'cash' ? 'iqd' : v.unit,
      ...(v.kind === 'cash' ? {} : { unitValueIqd: value }), ...(v.kind === 'kit' ? { components: linesOf(v.components) } : {}),
    };
  }
  const body: Record<string, unknown> = { version: item.version };
  if (!same(v.labels, item.labels)) body.labels = v.labels;
  if (v.sector && v.sector !== item.sector) body.sector = v.sector;
  if (item.kind !== 'cash' && v.unit !== item.unit) body.unit = v.unit;
  if (item.kind !== 'cash' && value !== item.unitValueIqd) body.unitValueIqd = value;
  if (v.active !== (item.active !== false)) body.active = v.active;
  if (v.position !== '' && v.position !== item.position) body.position = v.position;
  if (item.kind === 'kit' && !same(linesOf(v.components), item.components)) body.components = linesOf(v.components);
  return body;
}

/** An entry of the catalogue added or changed: names in three languages, sector, unit, value; a kit's contents; whether it is offered. */
export function ItemForm({ item, opened, onClose }: { item: CatalogueItem | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const reference = useReference();
  const labels = useReferenceLabels();
  const form = useConfigSubmit();
  const [v, setV] = useState(() => valuesOf(item));
  const set = (changes: Partial<Values>) => setV((old) => ({ ...old, ...changes }));
  const save = () => form.submit({
    schema: item ? ItemUpdate : ItemInput, body: bodyOf(v, item), method: item ? 'PATCH' : 'POST',
    url: item ? `/api/assistance/items/${encodeURIComponent(item.code)}` : '/api/assistance/items',
    done: (saved) => t(item ? 'configure.saved' : 'configure.created', { name: labelIn((saved as unknown as CatalogueItem).labels) }),
    onDone: onClose,
  });
  const e = form.errors;
  return (
    <ConfigModal title={item ? t('configure.editItemTitle', { name: labelIn(item.labels) }) : t('configure.newItemTitle')} opened={opened} onClose={onClose} onSubmit={save} form={form} testId="item-form">
      {!item && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('configure.kind')}</Text>
          <SegmentedControl value={v.kind} onChange={(kind) => set({ kind: kind as ItemKind, unit: kind === 'kit' ? 'kit' : v.unit === 'kit' ? 'piece' : v.unit })} data={ITEM_KINDS.map((k) => ({ value: k, label: t(`configure.kinds.${k}`) }))} data-testid="item-kind" />
          <Text size="xs" c="dimmed">{t(`configure.kindHint.${v.kind}`)}</Text>
        </Stack>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <TextInput label={t('configure.code')} description={item ? undefined : t('configure.codeHint')} inputWrapperOrder={['label', 'input', 'description', 'error']} value={v.code} onChange={(ev) => set({ code: ev.currentTarget.value.toLowerCase() })} error={e.code} readOnly={!!item} variant={item ? 'filled' : 'default'} required dir="ltr" data-testid="item-code" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Select
            label={t('configure.sector')} required searchable allowDeselect={false} value={v.sector} onChange={(sector) => set({ sector })} error={e.sector}
            data={(reference.data?.sectors ?? []).map((s) => ({ value: s.code, label: `${s.number}. ${labels.sector(s.code)}` }))} data-testid="item-sector"
          />
        </Grid.Col>
      </Grid>
      <LabelsFields value={v.labels} onChange={(l) => set({ labels: l })} errors={e} testId="item" />
      {v.kind === 'cash' ? <Text size="sm" c="dimmed">{t('configure.cashUnit')}</Text> : (
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Select label={t('configure.unit')} data={ITEM_UNITS.filter((u) => u !== 'iqd').map((u) => ({ value: u, label: unitLabel(u) }))} value={v.unit} onChange={(unit) => unit && set({ unit })} error={e.unit} allowDeselect={false} data-testid="item-unit" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <NumberInput label={t('configure.value')} description={t('configure.valueHint')} inputWrapperOrder={['label', 'input', 'description', 'error']} value={v.unitValueIqd} onChange={(n) => set({ unitValueIqd: n === '' ? '' : Number(n) })} error={e.unitValueIqd} min={0} allowDecimal={false} thousandSeparator="," dir="ltr" data-testid="item-value" />
          </Grid.Col>
        </Grid>
      )}
      {v.kind === 'kit' && <KitContents lines={v.components} own={v.code} onChange={(components) => set({ components })} errors={e} />}
      {item && (
        <Group gap="lg" align="flex-end">
          <Switch label={t('configure.activeLabel')} description={t('configure.activeHint')} checked={v.active} onChange={(ev) => set({ active: ev.currentTarget.checked })} style={{ flex: 1 }} data-testid="item-active" />
          <NumberInput label={t('configure.position')} value={v.position} onChange={(n) => set({ position: n === '' ? '' : Number(n) })} error={e.position} min={0} allowDecimal={false} w={110} dir="ltr" data-testid="item-position" />
        </Group>
      )}
    </ConfigModal>
  );
}

/** What a kit holds: active items of the catalogue, each with how many. */
function KitContents({ lines, own, onChange, errors }: { lines: Line[]; own: string; onChange: (lines: Line[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const items = (catalogue.data?.items ?? []).filter((i) => i.kind === 'item' && i.code !== own);
  const name = (code: string | null) => { const i = items.find((x) => x.code === code); return i ? labelIn(i.labels) : code ?? ''; };
  const set = (i: number, change: Partial<Line>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...change } : l)));
  const taken = new Set(lines.map((l) => l.code));
  return (
    <Stack gap="xs" data-testid="kit-contents">
      <div>
        <Text size="sm" fw={500}>{t('configure.contents')}</Text>
        <Text size="xs" c="dimmed">{t('configure.contentsHint')}</Text>
      </div>
      {lines.map((line, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="kit-line">
          <Select
            aria-label={t('configure.addComponent')} searchable value={line.code} onChange={(code) => set(i, { code })} style={{ flex: 3 }}
            data={items.filter((o) => (isActive(o) && !taken.has(o.code)) || o.code === line.code).map((o) => ({ value: o.code, label: labelIn(o.labels) }))}
            error={errors[`components.${i}.code`]} data-testid={`kit-item-${i}`}
          />
          <NumberInput aria-label={t('configure.quantity')} value={line.quantity} onChange={(n) => set(i, { quantity: n === '' ? '' : Number(n) })} min={1} allowDecimal={false} dir="ltr" style={{ flex: 1 }} error={errors[`components.${i}.quantity`]} data-testid={`kit-qty-${i}`} />
          <ActionIcon variant="subtle" color="gray" mt={4} onClick={() => onChange(lines.filter((_, j) => j !== i))} aria-label={t('configure.removeComponent', { name: name(line.code) })} disabled={lines.length === 1}>×</ActionIcon>
        </Group>
      ))}
      {errors.components && <Text size="sm" c="red" data-testid="kit-error">{errors.components}</Text>}
      <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => onChange([...lines, { code: null, quantity: 1 }])} data-testid="kit-add">
        {t('configure.addComponent')}
      </Button>
    </Stack>
  );
}
