import { useEffect, useState } from 'react';
import { Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountInput, ReceiveInput, ThresholdsInput } from '#domain/assistance/stock';
import type { Dispatch } from '#domain/assistance/stock-views';
import { formatNumber, todayIso } from '#web/i18n/format.ts';
import { autoDir } from '#web/lib/labels.ts';
import { useReasons } from './api.ts';
import { useItemLabels } from './catalogue.ts';
import { locationName, reasonOptions } from './labels.ts';
import { emptyLine, LinesEditor, linesBody, type EditLine } from './lines-editor.tsx';
import { StockModal, useStockSubmit } from './stock-form.tsx';
import type { FormProps } from './document-forms.tsx';

const text = (v: string) => v.trim() || null;
const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

/** A difference in words: "the record says 120 · difference −10" (or "120 were sent · ..."). */
function useDifference() {
  const { t } = useTranslation();
  return (base: number, given: number | string, label: 'stock.expected' | 'stock.sent' = 'stock.expected') => {
    const start = t(label, { n: formatNumber(base) });
    if (given === '' || Number.isNaN(Number(given))) return start;
    const d = Number(given) - base;
    return `${start} · ${d === 0 ? t('stock.noDifference') : t('stock.difference', { n: signed(d) })}`;
  };
}

/** A physical count: each level becomes what was counted, with a reason for every difference. */
export function CountForm({ location, levels, opened, onClose }: FormProps) {
  const { t } = useTranslation();
  const { stockOptions } = useItemLabels();
  const reasons = useReasons();
  const difference = useDifference();
  const start = () => (levels.length ? levels.map((l) => ({ item: l.item.code, quantity: '', reason: null })) : [emptyLine()]);
  const [lines, setLines] = useState<EditLine[]>(start);
  const [countedOn, setCountedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const form = useStockSubmit();
  const expected = new Map(levels.map((l) => [l.item.code, l.quantity]));
  useEffect(() => { if (opened) setLines(start()); }, [opened]);
  const close = () => { form.reset(); onClose(); };
  const save = () => form.submit({
    schema: CountInput, url: '/api/stock/counts', done: t('stock.countDone'), onDone: close,
    body: () => ({ locationId: location.id, countedOn, lines: linesBody(lines, 'counted', true), note: text(note) }),
  });
  return (
    <StockModal title={t('stock.countTitle', { place: locationName(location) })} opened={opened} onClose={close} onSubmit={save} saving={form.saving} failure={form.failure} testId="count-form">
      <Text size="sm" c="dimmed">{t('stock.countIntro')}</Text>
      <LinesEditor
        lines={lines} onChange={setLines} items={stockOptions} errors={form.errors} quantityLabel={t('stock.counted')} allowZero
        reasons={reasonOptions(reasons.data)}
        hint={(l) => (l.item ? difference(expected.get(l.item) ?? 0, l.quantity) : null)}
      />
      <TextInput label={t('stock.countedOn')} value={countedOn} onChange={(e) => setCountedOn(e.currentTarget.value)} dir="ltr" error={form.errors.countedOn} w={200} />
      <Textarea label={t('stock.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} dir={autoDir(note)} autosize minRows={2} error={form.errors.note} />
    </StockModal>
  );
}

/** A dispatch arriving here: what came of each item (what was sent is filled in), a reason for each difference. */
export function ReceiveForm({ dispatch, opened, onClose }: { dispatch: Dispatch; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { stockOptions } = useItemLabels();
  const reasons = useReasons();
  const difference = useDifference();
  const [lines, setLines] = useState<EditLine[]>(() => dispatch.lines.map((l) => ({ item: l.item, quantity: l.quantity, reason: null })));
  const [note, setNote] = useState('');
  const form = useStockSubmit();
  const sent = new Map(dispatch.lines.map((l) => [l.item, l.quantity]));
  const close = () => { form.reset(); onClose(); };
  const save = () => form.submit({
    schema: ReceiveInput, url: `/api/stock/dispatches/${dispatch.id}/receive`, done: t('stock.receiveDone'), onDone: close,
    body: () => ({ lines: linesBody(lines, 'quantity', true), note: text(note) }),
  });
  return (
    <StockModal title={t('stock.receiveTitle', { place: locationName(dispatch.from) })} opened={opened} onClose={close} onSubmit={save} saving={form.saving} failure={form.failure} testId="receive-form">
      <LinesEditor
        lines={lines} onChange={setLines} items={stockOptions} errors={form.errors} quantityLabel={t('stock.quantityArrived')} allowZero fixedItems
        reasons={reasonOptions(reasons.data)}
        hint={(l) => (l.item ? difference(sent.get(l.item) ?? 0, l.quantity, 'stock.sent') : null)}
      />
      <Textarea label={t('stock.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} dir={autoDir(note)} autosize minRows={2} error={form.errors.note} />
    </StockModal>
  );
}

/** Low levels per item at this place: at or under it, the item shows in the alerts. Empty clears it. */
export function ThresholdsForm({ location, levels, opened, onClose }: FormProps) {
  const { t } = useTranslation();
  const { stockOptions } = useItemLabels();
  const start = () => (levels.length ? levels.map((l) => ({ item: l.item.code, quantity: l.lowLevel ?? '', reason: null })) : [emptyLine()]);
  const [lines, setLines] = useState<EditLine[]>(start);
  const form = useStockSubmit();
  useEffect(() => { if (opened) setLines(start()); }, [opened]);
  const close = () => { form.reset(); onClose(); };
  const save = () => form.submit({
    schema: ThresholdsInput, url: `/api/stock/locations/${location.id}/thresholds`, method: 'PUT', done: t('stock.thresholdsDone'), onDone: close,
    body: () => ({ thresholds: lines.filter((l) => l.item).map((l) => ({ item: l.item, lowLevel: l.quantity === '' ? null : Number(l.quantity) })) }),
  });
  return (
    <StockModal title={t('stock.thresholdsTitle', { place: locationName(location) })} opened={opened} onClose={close} onSubmit={save} saving={form.saving} failure={form.failure} testId="thresholds-form">
      <Text size="sm" c="dimmed">{t('stock.thresholdsIntro')}</Text>
      <LinesEditor lines={lines} onChange={setLines} items={stockOptions} errors={remap(form.errors)} quantityLabel={t('stock.lowLevel')} allowZero />
    </StockModal>
  );
}

/** Threshold errors name `thresholds.N.lowLevel`; the editor shows `lines.N.quantity`. */
function remap(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^thresholds\.(\d+)\.lowLevel$/, 'lines.$1.quantity').replace(/^thresholds\./, 'lines.'), v]));
}
