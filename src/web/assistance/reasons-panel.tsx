import { useState } from 'react';
import { Badge, Button, Group, NumberInput, SegmentedControl, Stack, Switch, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REASON_DIRECTIONS } from '#domain/assistance/stock';
import type { StockReason } from '#domain/assistance/stock-views';
import { ReasonInput, ReasonUpdate } from '#domain/assistance/configuration';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { useReasons } from '#web/stock/api.ts';
import { reasonName } from '#web/stock/labels.ts';
import { ConfigModal, LabelsFields, noLabels, useConfigSubmit, WHOLE_BADGE } from './config-form.tsx';

type Direction = StockReason['direction'];
const DIRECTION_COLOUR: Record<Direction, string> = { out: 'red', in: 'teal', both: 'gray' };

/** Why stock changes outside receipts and dispatches: the reasons counts and adjustments offer. Code and direction never change. */
export function ReasonsPanel() {
  const { t } = useTranslation();
  const reasons = useReasons();
  const [editing, setEditing] = useState<{ code: string | null } | null>(null);
  if (reasons.isError) return <ErrorState error={reasons.error} onRetry={() => reasons.refetch()} />;
  if (!reasons.data) return <PageLoader />;
  return (
    <Stack gap="sm" data-testid="catalogue-reasons">
      <Group justify="flex-end">
        <Button onClick={() => setEditing({ code: null })} data-testid="reason-add">{t('configure.addReason')}</Button>
      </Group>
      {reasons.data.length === 0 ? <EmptyState title={t('configure.empty')} compact /> : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing="xs" data-testid="reasons-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('configure.name')}</Table.Th>
                <Table.Th>{t('configure.direction')}</Table.Th>
                <Table.Th>{t('configure.status')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reasons.data.map((r) => (
                <Table.Tr key={r.code} data-testid="reason-row" data-code={r.code} c={r.active === false ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Text size="sm"><bdi>{reasonName(r)}</bdi></Text>
                    <Text size="xs" c="dimmed" ff="monospace" className="ltr">{r.code}</Text>
                  </Table.Td>
                  <Table.Td><Badge styles={WHOLE_BADGE} variant="light" color={DIRECTION_COLOUR[r.direction]}>{t(`configure.directions.${r.direction}`)}</Badge></Table.Td>
                  <Table.Td>
                    <Badge styles={WHOLE_BADGE} variant={r.active === false ? 'outline' : 'light'} color={r.active === false ? 'gray' : 'teal'}>{r.active === false ? t('configure.inactive') : t('configure.active')}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setEditing({ code: r.code })} data-testid={`reason-edit-${r.code}`}>{t('common.edit')}</Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ReasonForm key={editing.code ?? ''} reason={reasons.data.find((r) => r.code === editing.code) ?? null} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ReasonForm({ reason, onClose }: { reason: StockReason | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useConfigSubmit();
  const [code, setCode] = useState(reason?.code ?? '');
  const [direction, setDirection] = useState<Direction>(reason?.direction ?? 'out');
  const [labels, setLabels] = useState(reason ? { en: reason.name, ar: reason.nameAr, ckb: reason.nameCkb } : noLabels);
  const [active, setActive] = useState(reason?.active !== false);
  const [position, setPosition] = useState<number | ''>(reason?.position ?? '');
  const save = () => {
    const body = reason
      ? {
        version: reason.version, ...(active !== (reason.active !== false) ? { active } : {}),
        ...(position !== '' && position !== reason.position ? { position } : {}),
        ...(labels.en !== reason.name || labels.ar !== reason.nameAr || labels.ckb !== reason.nameCkb ? { labels } : {}),
      }
      : { code: code.trim(), direction, labels };
    void form.submit({
      schema: reason ? ReasonUpdate : ReasonInput, body, method: reason ? 'PATCH' : 'POST',
      url: reason ? `/api/stock/reasons/${encodeURIComponent(reason.code)}` : '/api/stock/reasons',
      done: (saved) => t(reason ? 'configure.saved' : 'configure.created', { name: reasonName(saved as unknown as StockReason) }), onDone: onClose,
    });
  };
  return (
    <ConfigModal title={reason ? t('configure.editReasonTitle', { name: reasonName(reason) }) : t('configure.newReasonTitle')} opened onClose={onClose} onSubmit={save} form={form} testId="reason-form">
      <TextInput label={t('configure.code')} description={reason ? undefined : t('configure.codeHint')} inputWrapperOrder={['label', 'input', 'description', 'error']} value={code} onChange={(e) => setCode(e.currentTarget.value.toLowerCase())} error={form.errors.code} readOnly={!!reason} variant={reason ? 'filled' : 'default'} required dir="ltr" data-testid="reason-code" />
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('configure.direction')}</Text>
        <SegmentedControl value={direction} onChange={(d) => !reason && setDirection(d as Direction)} disabled={!!reason} data={REASON_DIRECTIONS.map((d) => ({ value: d, label: t(`configure.directions.${d}`) }))} data-testid="reason-direction" />
        <Text size="xs" c="dimmed">{t('configure.directionHint')}</Text>
      </Stack>
      <LabelsFields value={labels} onChange={setLabels} errors={form.errors} testId="reason" />
      {reason && (
        <Group gap="lg" align="flex-end">
          <Switch label={t('configure.reasonActiveLabel')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} style={{ flex: 1 }} data-testid="reason-active" />
          <NumberInput label={t('configure.position')} value={position} onChange={(n) => setPosition(n === '' ? '' : Number(n))} error={form.errors.position} min={0} allowDecimal={false} w={110} dir="ltr" data-testid="reason-position" />
        </Group>
      )}
    </ConfigModal>
  );
}
