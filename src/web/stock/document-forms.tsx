import { useState } from 'react';
import { Grid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdjustmentInput, DispatchInput, ReceiptInput } from '#domain/assistance/stock';
import type { LocationRef, StockLevel, StockLocation } from '#domain/assistance/stock-views';
import { formatNumber, todayIso } from '#web/i18n/format.ts';
import { autoDir } from '#web/lib/labels.ts';
import { useReasons } from './api.ts';
import { useItemLabels } from './catalogue.ts';
import { locationName, reasonOptions } from './labels.ts';
import { emptyLine, LinesEditor, linesBody, type EditLine } from './lines-editor.tsx';
import { DestinationSelect } from './location-picker.tsx';
import { StockModal, useStockSubmit } from './stock-form.tsx';

export interface FormProps {
  location: StockLocation;
  levels: StockLevel[];
  opened: boolean;
  onClose: () => void;
}

const text = (v: string) => v.trim() || null;

/** Goods arriving from outside (a supplier, a donor's convoy), with the delivery note's number. */
export function ReceiptForm({ location, opened, onClose }: FormProps) {
  const { t } = useTranslation();
  const { stockOptions } = useItemLabels();
  const [lines, setLines] = useState<EditLine[]>([emptyLine()]);
  const [supplier, setSupplier] = useState('');
  const [reference, setReference] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const form = useStockSubmit();
  const close = () => { form.reset(); setLines([emptyLine()]); onClose(); };
  const save = () => form.submit({
    schema: ReceiptInput, url: '/api/stock/receipts', done: t('stock.receiptDone'), onDone: close,
    body: () => ({ locationId: location.id, lines: linesBody(lines, 'quantity'), supplier: text(supplier), reference: text(reference), note: text(note), receivedOn }),
  });
  return (
    <StockModal title={t('stock.receiptTitle', { place: locationName(location) })} opened={opened} onClose={close} onSubmit={save} saving={form.saving} failure={form.failure} testId="receipt-form">
      <LinesEditor lines={lines} onChange={setLines} items={stockOptions} errors={form.errors} quantityLabel={t('stock.quantityReceived')} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 5 }}><TextInput label={t('stock.supplier')} value={supplier} onChange={(e) => setSupplier(e.currentTarget.value)} dir={autoDir(supplier)} error={form.errors.supplier} /></Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}><TextInput label={t('stock.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} dir="ltr" error={form.errors.reference} data-testid="receipt-reference" /></Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}><TextInput label={t('stock.receivedOn')} value={receivedOn} onChange={(e) => setReceivedOn(e.currentTarget.value)} dir="ltr" error={form.errors.receivedOn} /></Grid.Col>
      </Grid>
      <Textarea label={t('stock.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} dir={autoDir(note)} autosize minRows={2} error={form.errors.note} />
    </StockModal>
  );
}

/** Goods sent to another place: they leave here at once and travel until received there. */
export function DispatchForm({ location, levels, opened, onClose }: FormProps) {
  const { t } = useTranslation();
  const { stockOptions } = useItemLabels();
  const [to, setTo] = useState<string | null>(null);
  const [lines, setLines] = useState<EditLine[]>([emptyLine()]);
  const [waybill, setWaybill] = useState('');
  const [note, setNote] = useState('');
  const form = useStockSubmit();
  const inStock = new Map(levels.map((l) => [l.item.code, l.quantity]));
  const close = () => { form.reset(); setLines([emptyLine()]); onClose(); };
  const save = () => form.submit({
    schema: DispatchInput, url: '/api/stock/dispatches', done: t('stock.dispatchDone'), onDone: close,
    body: () => ({ fromLocationId: location.id, toLocationId: to ?? '', lines: linesBody(lines, 'quantity'), waybill: text(waybill), note: text(note) }),
  });
  const describe = (p: LocationRef) => `${locationName(p)} (${p.code}) · ${t(`stock.kind.${p.kind}`)} · ${p.organizationCode}`;
  return (
    <StockModal title={t('stock.dispatchTitle', { place: locationName(location) })} opened={opened} onClose={close} onSubmit={save} saving={form.saving} failure={form.failure} testId="dispatch-form">
      <DestinationSelect
        label={t('stock.dispatchTo')} from={location.id} opened={opened} describe={describe} value={to} onChange={setTo}
        error={form.errors.toLocationId} required testId="dispatch-to"
      />
      <LinesEditor
        lines={lines} onChange={setLines} items={stockOptions} errors={form.errors} quantityLabel={t('stock.quantitySent')}
        hint={(l) => (l.item ? t('stock.inStock', { n: formatNumber(inStock.get(l.item) ?? 0) }) : null)}
      />
      <TextInput label={t('stock.waybill')} value={waybill} onChange={(e) => setWaybill(e.currentTarget.value)} dir="ltr" error={form.errors.waybill} />
      <Textarea label={t('stock.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} dir={autoDir(note)} autosize minRows={2} error={form.errors.note} />
    </StockModal>
  );
}

/** Stock found or lost outside a count: a signed quantity per item, each with its reason. */
export function AdjustmentForm({ location, levels, opened, onClose }: FormProps) {
  const { t } = useTranslation();
  const { stockOptions } = useItemLabels();
  const reasons = useReasons();
  const [lines, setLines] = useState<EditLine[]>([emptyLine()]);
  const [note, setNote] = useState('');
  const form = useStockSubmit();
  const inStock = new Map(levels.map((l) => [l.item.code, l.quantity]));
  const close = () => { form.reset(); setLines([emptyLine()]); onClose(); };
  const save = () => form.submit({
    schema: AdjustmentInput, url: '/api/stock/adjustments', done: t('stock.adjustmentDone'), onDone: close,
    body: () => ({ locationId: location.id, lines: linesBody(lines, 'quantity', true), note: text(note) }),
  });
  return (
    <StockModal title={t('stock.adjustmentTitle', { place: locationName(location) })} opened={opened} onClose={close} onSubmit={save} saving={form.saving} failure={form.failure} testId="adjustment-form">
      <LinesEditor
        lines={lines} onChange={setLines} items={stockOptions} errors={form.errors} quantityLabel={t('stock.change')} allowNegative
        reasons={reasonOptions(reasons.data)}
        hint={(l) => (l.item ? t('stock.adjustmentHint', { n: formatNumber(inStock.get(l.item) ?? 0) }) : null)}
      />
      <Textarea label={t('stock.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} dir={autoDir(note)} autosize minRows={2} error={form.errors.note} />
    </StockModal>
  );
}
