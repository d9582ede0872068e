import { useState } from 'react';
import { Badge, Button, Grid, Group, Paper, Radio, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Field } from '#web/components/section.tsx';
import { ageInYears, formatDateTime, formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir, codeLabel } from '#web/lib/labels.ts';
import { useItemLabels } from '#web/stock/catalogue.ts';
import type { DeskEntitlement, DeskFamily } from './desk-model.ts';
import { ltrText } from './ltr-text.ts';
import type { Collector } from './offline/use-offline-point.ts';

const STATE_COLOR: Record<DeskEntitlement['state'], string> = {
  available: 'blue', collected: 'gray', collected_here: 'gray', cancelled: 'gray', other_point: 'orange',
};

/** The head of household as the officer checks them against the person in front of the desk. */
export function HeadCheck({ family, card }: { family: DeskFamily; card?: { serial: number; expiresOn: string } | null }) {
  const { t } = useTranslation();
  const h = family.household;
  const age = ageInYears(h.headBirthDate);
  return (
    <Paper withBorder p="md" radius="md" data-testid="head-check">
      <Text size="xs" c="dimmed" fw={600}>{t('distribution.checkIdentity')}</Text>
      <Title order={2} size="h1" my={4} data-testid="head-name"><bdi>{h.headName}</bdi></Title>
      <Grid gap="sm" mt="xs">
        <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('distribution.sex')}>{codeLabel('sex', h.headSex)}</Field></Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Field label={t('distribution.born')}>{h.headBirthDate ? `${h.headBirthDate.slice(0, 4)}${age !== null ? ` (${t('distribution.age', { n: age })})` : ''}` : null}</Field>
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('distribution.size')} testId="family-size">{formatNumber(h.size)}</Field></Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('distribution.registrationNumber')} ltr testId="family-number">{h.registrationNumber}</Field></Grid.Col>
        {card && (
          <Grid.Col span={12}>
            <Text size="sm" c="dimmed">{t('distribution.cardLine', { serial: card.serial, expires: ltrText(card.expiresOn) })}</Text>
          </Grid.Col>
        )}
      </Grid>
    </Paper>
  );
}

/** What the family is entitled to, each with its state here. */
export function EntitlementList({ entitlements }: { entitlements: DeskEntitlement[] }) {
  const { t } = useTranslation();
  const { line } = useItemLabels();
  const lang = currentLang();
  return (
    <Stack gap="xs" data-testid="entitlements">
      {entitlements.map((e) => (
        <Paper key={e.id} withBorder p="sm" radius="md" data-testid="entitlement" data-state={e.state}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600}>{e.contents.map(line).join(' · ')}</Text>
              <Text size="sm" c="dimmed">
                <bdi>{e.programme}</bdi> · {t('distribution.round', { n: e.roundNumber })}
                {e.people ? ` · ${t('distribution.people', { n: formatNumber(e.people) })}` : ''}
              </Text>
              {e.collected && (
                <Text size="sm" fw={600}>{t('distribution.collectedOn', { when: formatDateTime(lang, e.collected.at), where: e.collected.where })}</Text>
              )}
            </div>
            <Badge color={STATE_COLOR[e.state]} variant="light" size="lg">{t(`distribution.state.${e.state}`)}</Badge>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * Records the hand-over: by the head (the default) or by an alternate collector named on the
 * spot. The button has the focus, so a checked family is served with Enter.
 */
export function CollectForm({ available, onCollect, onCancel, busy }: {
  available: DeskEntitlement[];
  onCollect: (entitlementId: string, collector: Collector) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { line } = useItemLabels();
  const [chosen, setChosen] = useState(available[0].id);
  const [by, setBy] = useState<Collector['collectedBy']>('head');
  const [name, setName] = useState('');
  const [document, setDocument] = useState('');
  const [error, setError] = useState('');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (by === 'alternate' && !name.trim()) return setError(t('distribution.collectorNameRequired'));
    onCollect(chosen, {
      collectedBy: by,
      collectorName: by === 'alternate' ? name.trim() : null,
      collectorDocument: by === 'alternate' ? document.trim() || null : null,
    });
  };

  return (
    <Paper withBorder p="md" radius="md" bd="2px solid var(--mantine-color-green-6)" component="form" onSubmit={submit} data-testid="collect-form">
      <Stack gap="sm">
        {available.length > 1 && (
          <Radio.Group value={chosen} onChange={setChosen} label={t('distribution.whichEntitlement')}>
            <Stack gap={6} mt={6}>
              {available.map((e) => <Radio key={e.id} value={e.id} label={`${e.contents.map(line).join(' · ')} — ${e.programme}`} />)}
            </Stack>
          </Radio.Group>
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>{t('distribution.collectedBy')}</Text>
          <SegmentedControl
            value={by}
            onChange={(v) => setBy(v as Collector['collectedBy'])}
            data={[{ value: 'head', label: t('distribution.byHead') }, { value: 'alternate', label: t('distribution.byAlternate') }]}
            data-testid="collect-by"
          />
        </div>
        {by === 'alternate' && (
          <Group grow align="flex-start">
            <TextInput label={t('distribution.collectorName')} value={name} onChange={(e) => { setName(e.currentTarget.value); setError(''); }} error={error || undefined} dir={autoDir(name)} required data-testid="collector-name" />
            <TextInput label={t('distribution.collectorDocument')} value={document} onChange={(e) => setDocument(e.currentTarget.value)} dir="ltr" data-testid="collector-document" />
          </Group>
        )}
        <Group gap="sm" wrap="nowrap">
          <Button type="submit" size="xl" color="green" loading={busy} autoFocus style={{ flex: 1 }} data-testid="collect-submit">{t('distribution.recordCollection')}</Button>
          <Button size="xl" variant="default" onClick={onCancel} data-testid="collect-cancel">{t('distribution.notThisFamily')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
