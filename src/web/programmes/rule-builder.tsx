import { Checkbox, Chip, Grid, Group, MultiSelect, NumberInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SHELTER_CATEGORIES, TARGET_STATUSES } from '#domain/assistance/targeting';
import { api } from '#web/api/client.ts';
import { useReference } from '#web/api/queries.ts';
import type { Items, Site } from '#web/api/types.ts';
import { PcodeMultiPicker } from '#web/components/pcode-picker.tsx';
import { currentLang } from '#web/i18n/index.ts';
import { codeLabel, siteName, useReferenceLabels } from '#web/lib/labels.ts';
import type { FieldErrors } from '#web/lib/problems.ts';
import { shelterGroups } from '#web/lib/shelter-options.ts';
import { labelIn } from './labels.ts';
import { useWeights } from './queries.ts';
import { targetableNeeds, type RuleState } from './rule-state.ts';

interface Props {
  value: RuleState;
  onChange: (changes: Partial<RuleState>) => void;
  /** Errors by path inside the rules (`size.max`). */
  errors: FieldErrors;
  readOnly: boolean;
  /** The weights a submitted round's score counts, kept at its submit (null: today's, as for a draft). */
  keptWeights?: { criterion: string; weight: number }[] | null;
}

/** Sites where families live (camps, settlements, collective centres), for targeting by site. */
function useTargetSites() {
  return useQuery({
    queryKey: ['sites', 'list', 'targeting'],
    queryFn: () => api<Items<Site>>('/api/sites').then((r) => r.items.filter((s) => s.kind !== 'transit_point')),
    staleTime: 5 * 60 * 1000,
  });
}

const nullable = (v: string | number) => (v === '' || v === undefined ? '' : Number(v));

/**
 * Who a round targets, built from criteria that all must hold: where families are now, their
 * displacement, shelter, size, the needs of any member (never the sensitive ones), a minimum
 * vulnerability score, and who is excluded. Stored as data on the round (rule-state.ts).
 */
export function RuleBuilder({ value, onChange, errors, readOnly, keptWeights = null }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const reference = useReference();
  const labels = useReferenceLabels();
  const sites = useTargetSites();
  const needs = targetableNeeds(reference.data?.specificNeeds);
  const err = (path: string) => errors[path] ?? Object.entries(errors).find(([p]) => p.startsWith(`${path}.`))?.[1];
  const heading = (text: string) => <Title order={3} size="h6" mt="xs">{text}</Title>;

  return (
    <Stack gap="xs" data-testid="rule-builder">
      {heading(t('targeting.where'))}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <PcodeMultiPicker label={t('targeting.areas')} description={t('targeting.areasHint')} placeholder={t('targeting.anyArea')} value={value.areas} onChange={(areas) => onChange({ areas })} error={err('areas')} readOnly={readOnly} data-testid="rule-areas" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <MultiSelect
            label={t('targeting.sites')}
            description={t('targeting.sitesHint')}
            placeholder={value.sites.length ? undefined : t('targeting.anySite')}
            data={(sites.data ?? []).map((s) => ({ value: s.id, label: siteName(s) }))}
            value={value.sites}
            onChange={(ids) => onChange({ sites: ids })}
            error={err('sites')}
            searchable
            clearable
            readOnly={readOnly}
            hidePickedOptions
            data-testid="rule-sites"
          />
        </Grid.Col>
      </Grid>

      {heading(t('targeting.displacement'))}
      <Group gap="lg" align="flex-start">
        <Checkbox.Group value={value.statuses} onChange={(v) => onChange({ statuses: v as RuleState['statuses'] })} error={err('statuses')} label={t('targeting.status')} data-testid="rule-statuses">
          <Group gap="md" mt={6}>
            {TARGET_STATUSES.map((s) => <Checkbox key={s} value={s} label={t(`targeting.statuses.${s}`)} disabled={readOnly} data-testid={`rule-status-${s}`} />)}
          </Group>
        </Checkbox.Group>
        <TextInput label={t('targeting.sinceFrom')} value={value.sinceFrom} onChange={(e) => onChange({ sinceFrom: e.currentTarget.value })} error={err('since.from')} placeholder="2014-06-01" dir="ltr" w={170} readOnly={readOnly} data-testid="rule-since-from" />
        <TextInput label={t('targeting.sinceTo')} value={value.sinceTo} onChange={(e) => onChange({ sinceTo: e.currentTarget.value })} error={err('since.to')} placeholder="2014-08-31" dir="ltr" w={170} readOnly={readOnly} data-testid="rule-since-to" />
      </Group>
      <Text size="xs" c="dimmed">{t('targeting.sinceHint')}</Text>

      {heading(t('targeting.shelter'))}
      <Text size="xs" c="dimmed">{t('targeting.shelterHint')}</Text>
      <Chip.Group multiple value={value.shelterCategories} onChange={(v) => !readOnly && onChange({ shelterCategories: v as RuleState['shelterCategories'] })}>
        <Group gap={6}>
          {SHELTER_CATEGORIES.map((c) => <Chip key={c} value={c} size="sm" data-testid={`rule-shelter-category-${c}`}>{codeLabel('shelterCategory', c)}</Chip>)}
        </Group>
      </Chip.Group>
      <MultiSelect
        label={t('targeting.shelterTypes')}
        placeholder={value.shelterTypes.length ? undefined : t('targeting.anyShelterType')}
        data={shelterGroups(reference.data?.shelterTypes, lang)}
        value={value.shelterTypes}
        onChange={(shelterTypes) => onChange({ shelterTypes })}
        error={err('shelterTypes')}
        searchable
        clearable
        readOnly={readOnly}
        hidePickedOptions
        data-testid="rule-shelter-types"
      />

      {heading(t('targeting.size'))}
      <Group gap="sm" align="flex-start">
        <NumberInput label={t('targeting.sizeMin')} value={value.sizeMin} onChange={(v) => onChange({ sizeMin: nullable(v) })} error={err('size.min')} min={1} max={100} allowDecimal={false} w={150} dir="ltr" readOnly={readOnly} data-testid="rule-size-min" />
        <NumberInput label={t('targeting.sizeMax')} value={value.sizeMax} onChange={(v) => onChange({ sizeMax: nullable(v) })} error={err('size.max')} min={1} max={100} allowDecimal={false} w={150} dir="ltr" readOnly={readOnly} data-testid="rule-size-max" />
      </Group>

      {heading(t('targeting.needs'))}
      <Text size="xs" c="dimmed">{t('targeting.needsHint')}</Text>
      <Chip.Group multiple value={value.needs} onChange={(v) => !readOnly && onChange({ needs: v })}>
        <Group gap={6} data-testid="rule-needs">
          {needs.map((n) => (
            <Chip key={n.code} value={n.code} size="sm" data-testid={`rule-need-${n.code}`}>
              <span className="ltr">{n.code}</span> · {labels.need(n.code)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {err('needs') && <Text size="xs" c="red">{err('needs')}</Text>}

      {heading(t('targeting.score'))}
      <ScoreWeights kept={keptWeights} />
      <NumberInput label={t('targeting.minScore')} description={t('targeting.minScoreHint')} inputWrapperOrder={['label', 'input', 'description', 'error']} value={value.minScore} onChange={(v) => onChange({ minScore: nullable(v) })} error={err('minScore')} allowDecimal={false} w={220} dir="ltr" readOnly={readOnly} data-testid="rule-min-score" />

      {heading(t('targeting.exclusions'))}
      <Switch label={t('targeting.excludeServed')} description={t('targeting.excludeServedHint')} checked={value.excludeServedInSector} onChange={(e) => !readOnly && onChange({ excludeServedInSector: e.currentTarget.checked })} disabled={readOnly} data-testid="rule-exclude-served" />
      <Switch label={t('targeting.excludeDuplicates')} description={t('targeting.excludeDuplicatesHint')} checked={value.excludeOpenDuplicates} onChange={(e) => !readOnly && onChange({ excludeOpenDuplicates: e.currentTarget.checked })} disabled={readOnly} data-testid="rule-exclude-duplicates" />
      <Text size="xs" c="dimmed">{t('targeting.mergedAlways')}</Text>
    </Stack>
  );
}

/**
 * The weights of the vulnerability score, so the minimum means something: today's for a draft;
 * for a submitted round, those kept at its submit (named as configured, or by the criterion if
 * it has been removed since).
 */
function ScoreWeights({ kept }: { kept: { criterion: string; weight: number }[] | null }) {
  const { t } = useTranslation();
  const weights = useWeights();
  if (!weights.data) return null;
  const rows = kept === null ? weights.data : kept.map((k) => {
    const now = weights.data.find((w) => w.criterion === k.criterion);
    return { ...k, labels: now?.labels ?? { en: k.criterion, ar: k.criterion, ckb: k.criterion }, counted: true };
  });
  return (
    <>
      {kept !== null && <Text size="xs" c="dimmed" data-testid="rule-weights-kept">{t('targeting.weightsKept')}</Text>}
      <Table withTableBorder verticalSpacing={2} fz="xs" maw={520} data-testid="rule-weights" data-kept={kept !== null}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('targeting.criterion')}</Table.Th>
            <Table.Th ta="end">{t('targeting.weight')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((w) => (
            <Table.Tr key={w.criterion} c={w.counted ? undefined : 'dimmed'}>
              <Table.Td>{labelIn(w.labels)}{!w.counted && <> · {t('targeting.notCounted')}</>}</Table.Td>
              <Table.Td ta="end" className="ltr">{w.weight > 0 ? `+${w.weight}` : w.weight}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
