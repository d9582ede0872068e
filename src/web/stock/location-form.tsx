import { useState } from 'react';
import { Grid, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { StockLocationInput, type StockLocationKind } from '#domain/assistance/stock';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { uuidv7 } from '#web/lib/uuid.ts';
import { StockModal, useStockSubmit } from './stock-form.tsx';

/** A new warehouse or distribution point of the keeper's organisation. */
export function LocationForm({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [id, setId] = useState(uuidv7);
  const [kind, setKind] = useState<StockLocationKind>('warehouse');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [nameAr, setNameAr] = useState('');
  const [nameCkb, setNameCkb] = useState('');
  const [pcode, setPcode] = useState<string | null>(null);
  const form = useStockSubmit();
  const close = () => { form.reset(); onClose(); };
  const save = () => form.submit({
    schema: StockLocationInput, url: '/api/stock/locations', done: t('stock.locationAdded'),
    onDone: () => { setId(uuidv7()); close(); navigate(`/stock/${id}`); },
    body: () => ({ id, kind, code, name, nameAr: nameAr || null, nameCkb: nameCkb || null, pcode: pcode ?? '' }),
  });
  return (
    <StockModal title={t('stock.addLocation')} opened={opened} onClose={close} onSubmit={save} saving={form.saving} failure={form.failure} testId="location-form">
      <div>
        <Text size="sm" fw={500} mb={4}>{t('stock.kindLabel')}</Text>
        <SegmentedControl value={kind} onChange={(v) => setKind(v as StockLocationKind)} data={[{ value: 'warehouse', label: t('stock.kind.warehouse') }, { value: 'point', label: t('stock.kind.point') }]} data-testid="location-kind" />
      </div>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 4 }}><TextInput label={t('stock.code')} value={code} onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} dir="ltr" error={form.errors.code} required data-testid="location-code" /></Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}><TextInput label={t('stock.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.errors.name} required data-testid="location-name" /></Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}><TextInput label={t('stock.nameAr')} value={nameAr} onChange={(e) => setNameAr(e.currentTarget.value)} dir="rtl" error={form.errors.nameAr} /></Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}><TextInput label={t('stock.nameCkb')} value={nameCkb} onChange={(e) => setNameCkb(e.currentTarget.value)} dir="rtl" error={form.errors.nameCkb} /></Grid.Col>
        <Grid.Col span={12}><PcodePicker label={t('stock.area')} value={pcode} onChange={setPcode} error={form.errors.pcode} required data-testid="location-pcode" /></Grid.Col>
      </Grid>
    </StockModal>
  );
}
