import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Weights } from '#domain/assistance/catalogue';
import { WeightInput, WeightUpdate } from '#domain/assistance/configuration';
import { api } from '#web/api/client.ts';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { notifySuccess, problemMessage } from '#web/lib/problems.ts';
import { labelIn } from '#web/programmes/labels.ts';
import { useWeights } from '#web/programmes/queries.ts';
import { ConfigModal, LabelsFields, noLabels, useConfigSaved, useConfigSubmit, WHOLE_BADGE } from './config-form.tsx';

type Weight = Weights['items'][number];
const path = (criterion: string) => `/api/assistance/weights/${encodeURIComponent(criterion)}`;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The criteria of the vulnerability score and their weights: added, changed and removed; rounds already submitted keep theirs. */
export function WeightsPanel() {
  const { t } = useTranslation();
  const weights = useWeights();
  const [editing, setEditing] = useState<{ criterion: string | null } | null>(null);
  const [removing, setRemoving] = useState<Weight | null>(null);
  if (weights.isError) return <ErrorState error={weights.error} onRetry={() => weights.refetch()} />;
  if (!weights.data) return <PageLoader />;
  return (
    <Stack gap="sm" data-testid="catalogue-weights">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('configure.weightsNote')}</Text>
        <Button onClick={() => setEditing({ criterion: null })} data-testid="weight-add">{t('configure.addWeight')}</Button>
      </Group>
      {weights.data.length === 0 ? <EmptyState title={t('configure.empty')} compact /> : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" data-testid="weights-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('configure.name')}</Table.Th>
                <Table.Th>{t('configure.criterion')}</Table.Th>
                <Table.Th ta="end">{t('configure.weight')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weights.data.map((w) => (
                <Table.Tr key={w.criterion} data-testid="weight-row" data-criterion={w.criterion} c={w.counted ? undefined : 'dimmed'}>
                  <Table.Td>
                    <Text size="sm"><bdi>{labelIn(w.labels)}</bdi></Text>
                    {!w.counted && <Badge size="xs" color="gray" variant="outline" styles={WHOLE_BADGE}>{t('configure.notCounted')}</Badge>}
                  </Table.Td>
                  <Table.Td><Text size="sm" ff="monospace" className="ltr">{w.criterion}</Text></Table.Td>
                  <Table.Td ta="end"><span className="ltr" data-testid="weight-value">{signed(w.weight)}</span></Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => setEditing({ criterion: w.criterion })} data-testid={`weight-edit-${w.criterion}`}>{t('common.edit')}</Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(w)} data-testid={`weight-remove-${w.criterion}`}>{t('configure.remove')}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <WeightForm key={editing.criterion ?? ''} weight={weights.data.find((w) => w.criterion === editing.criterion) ?? null} onClose={() => setEditing(null)} />}
      {removing && <RemoveWeight weight={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function WeightForm({ weight, onClose }: { weight: Weight | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useConfigSubmit();
  const [criterion, setCriterion] = useState(weight?.criterion ?? '');
  const [value, setValue] = useState<number | ''>(weight?.weight ?? 1);
  const [labels, setLabels] = useState(weight?.labels ?? noLabels);
  const save = () => {
    const n = value === '' ? NaN : value;
    const body = weight
      ? { version: weight.version, ...(n !== weight.weight ? { weight: n } : {}), ...(JSON.stringify(labels) !== JSON.stringify(weight.labels) ? { labels } : {}) }
      : { criterion: criterion.trim(), weight: n, labels };
    void form.submit({
      schema: weight ? WeightUpdate : WeightInput, body, method: weight ? 'PATCH' : 'POST', url: weight ? path(weight.criterion) : '/api/assistance/weights',
      done: (saved) => t(weight ? 'configure.saved' : 'configure.created', { name: labelIn((saved as unknown as Weight).labels) }), onDone: onClose,
    });
  };
  return (
    <ConfigModal title={weight ? t('configure.editWeightTitle', { name: labelIn(weight.labels) }) : t('configure.newWeightTitle')} opened onClose={onClose} onSubmit={save} form={form} testId="weight-form">
      <Group align="flex-start" grow>
        <TextInput label={t('configure.criterion')} value={criterion} onChange={(e) => setCriterion(e.currentTarget.value)} error={form.errors.criterion} readOnly={!!weight} variant={weight ? 'filled' : 'default'} required dir="ltr" data-testid="weight-criterion" />
        <NumberInput label={t('configure.weight')} value={value} onChange={(n) => setValue(n === '' ? '' : Number(n))} error={form.errors.weight} min={-100} max={100} allowDecimal={false} required dir="ltr" data-testid="weight-value-input" />
      </Group>
      {!weight && <Text size="xs" c="dimmed">{t('configure.criterionHint')}</Text>}
      <Text size="xs" c="dimmed">{t('configure.weightHint')}</Text>
      <LabelsFields value={labels} onChange={setLabels} errors={form.errors} testId="weight" />
    </ConfigModal>
  );
}

/** Removing a criterion, once confirmed, at the version read. */
function RemoveWeight({ weight, onClose }: { weight: Weight; onClose: () => void }) {
  const { t } = useTranslation();
  const saved = useConfigSaved();
  const remove = useMutation({
    mutationFn: () => api(`${path(weight.criterion)}?version=${weight.version}`, { method: 'DELETE' }),
    onSuccess: () => { saved(); notifySuccess(t('configure.removed', { name: labelIn(weight.labels) })); onClose(); },
    onError: () => saved(),
  });
  return (
    <Modal opened onClose={onClose} title={t('configure.removeTitle', { name: labelIn(weight.labels) })} data-testid="weight-remove-dialog">
      <Stack gap="sm">
        <Text size="sm">{t('configure.removeBody')}</Text>
        {remove.isError && <Alert color="red"><Text size="sm">{problemMessage(remove.error)}</Text></Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()} data-testid="weight-remove-confirm">{t('configure.remove')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
