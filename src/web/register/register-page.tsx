import { useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Household, HouseholdInput } from '#domain/registry/household';
import { api } from '#web/api/client.ts';
import { useMe } from '#web/auth/session.tsx';
import { uuidv7 } from '#web/lib/uuid.ts';
import { newHousehold, type HouseholdValues } from './form-values.ts';
import { HouseholdForm } from './household-form.tsx';
import { useRegistries } from './registries.ts';

/**
 * Registers a household. One Idempotency-Key per distinct body: a double click or a retry after a
 * lost response sends the same key, so the server never creates the household twice.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const registries = useRegistries();
  const [initial, setInitial] = useState<HouseholdValues>(() => newHousehold(me.organization.code));
  const [formKey, setFormKey] = useState(0);
  const [result, setResult] = useState<Household | null>(null);
  const idempotency = useRef<{ body: string; key: string } | null>(null);

  const onSubmit = async (input: HouseholdInput) => {
    const body = JSON.stringify(input);
    if (idempotency.current?.body !== body) idempotency.current = { body, key: uuidv7() };
    const household = await api<Household>('/api/households', {
      method: 'POST',
      body: input,
      headers: { 'Idempotency-Key': idempotency.current.key },
    });
    idempotency.current = null;
    client.setQueryData(['household', household.id], household);
    void client.invalidateQueries({ queryKey: ['households'] });
    setResult(household);
  };

  // The next family at the same desk usually lives in the same place: keep location and shelter.
  const registerAnother = () => {
    const last = result;
    setInitial(newHousehold(last?.registry ?? me.organization.code, last ? {
      current: { pcode: last.current.pcode, siteId: last.current.siteId, address: '' },
      shelter: last.shelter,
    } : {}));
    setResult(null);
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
      />
    </Stack>
  );
}

function Registered({ household, onAnother }: { household: Household; onAnother: () => void }) {
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
