import { lazy, Suspense, useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Candidate } from '#domain/dedup/api';
import type { Household, HouseholdInput } from '#domain/registry/household';
import { api } from '#web/api/client.ts';
import { can, useMe } from '#web/auth/session.tsx';
import { DuplicateCheck, DuplicateStatus } from '#web/dedup/duplicate-check.tsx';
import { useDuplicateDecision } from '#web/dedup/duplicate-decision.ts';
import { uuidv7 } from '#web/lib/uuid.ts';
import { newHousehold, type HouseholdValues } from './form-values.ts';
import { HouseholdForm } from './household-form.tsx';
import { useRegistries } from './registries.ts';

const PossibleDuplicates = lazy(async () => ({ default: (await import('#web/dedup/possible-duplicates.tsx')).PossibleDuplicates }));

/** The answer of a registration: the household and the existing families it may duplicate. */
type Registration = Household & { possibleDuplicates?: Candidate[]; reasonGiven?: boolean };

/**
 * Registers a household. One Idempotency-Key per distinct body: a double click or a retry after a
 * lost response sends the same key, so the server never creates the household twice. While the
 * clerk types, possible duplicates are shown below the members (with the dedup.check permission).
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const registries = useRegistries();
  const [initial, setInitial] = useState<HouseholdValues>(() => newHousehold(me.organization.code));
  const [formKey, setFormKey] = useState(0);
  const [result, setResult] = useState<Registration | null>(null);
  const idempotency = useRef<{ body: string; key: string } | null>(null);
  const checks = can(me, 'dedup.check');
  const decision = useDuplicateDecision();

  const onSubmit = async (input: HouseholdInput) => {
    const duplicateReason = decision.duplicateReason();
    const sent = duplicateReason ? { ...input, duplicateReason } : input;
    const body = JSON.stringify(sent);
    if (idempotency.current?.body !== body) idempotency.current = { body, key: uuidv7() };
    const { possibleDuplicates, ...household } = await api<Registration>('/api/households', {
      method: 'POST',
      body: sent,
      headers: { 'Idempotency-Key': idempotency.current.key },
    });
    idempotency.current = null;
    client.setQueryData(['household', household.id], household);
    void client.invalidateQueries({ queryKey: ['households'] });
    setResult({ ...household, possibleDuplicates, reasonGiven: !!duplicateReason });
  };

  // The next family at the same desk usually lives in the same place: keep location and shelter.
  const registerAnother = () => {
    const last = result;
    setInitial(newHousehold(last?.registry ?? me.organization.code, last ? {
      current: { pcode: last.current.pcode, siteId: last.current.siteId, address: '' },
      shelter: last.shelter,
    } : {}));
    setResult(null);
    decision.reset();
    setFormKey((k) => k + 1);
  };

  if (result) return <Registered household={result} onAnother={registerAnother} />;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('register.title')}</Title>
      <HouseholdForm
        key={formKey}
        initial={initial}
        registries={registries}
        submitLabel={t('register.submit')}
        onSubmit={onSubmit}
        testId="register-form"
        renderAfterMembers={checks ? (values) => <DuplicateCheck values={values} decision={decision} /> : undefined}
        footerStatus={checks ? <DuplicateStatus decision={decision} /> : undefined}
        beforeSubmit={checks ? decision.beforeSubmit : undefined}
      />
    </Stack>
  );
}

function Registered({ household, onAnother }: { household: Registration; onAnother: () => void }) {
  const { t } = useTranslation();
  const head = household.members.find((m) => m.relationship === 'head') ?? household.members[0];
  const headName = [head?.givenName, head?.fatherName, head?.grandfatherName, head?.familyName].filter(Boolean).join(' ');
  return (
    <Paper withBorder p="xl" radius="md" maw={640} mx="auto" mt="lg" data-testid="register-success">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" color="teal" aria-hidden>
          <svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5"><path d="m5 12 5 5 9-10" /></svg>
        </ThemeIcon>
        <Title order={1} size="h2">{t('register.successTitle')}</Title>
        <Text c="dimmed">{t('register.successNumber')}</Text>
        <Text
          fz={{ base: 26, sm: 36 }}
          fw={700}
          ff="monospace"
          className="ltr"
          data-testid="registration-number"
          style={{ wordBreak: 'break-all', userSelect: 'all' }}
        >
          {household.registrationNumber}
        </Text>
        <Text fw={600} size="lg"><bdi dir="auto">{headName}</bdi></Text>
        <Text size="sm" c="dimmed">{t('register.successSize', { n: household.size })}</Text>
        {!!household.possibleDuplicates?.length && (
          <Suspense fallback={null}>
            <PossibleDuplicates candidates={household.possibleDuplicates} reasonGiven={!!household.reasonGiven} />
          </Suspense>
        )}
        <Group mt="md" gap="sm" justify="center">
          <Button component={Link} to={`/households/${household.id}`} variant="default" data-testid="open-household">
            {t('register.openHousehold')}
          </Button>
          <Button onClick={onAnother} autoFocus data-testid="register-another">{t('register.registerAnother')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
