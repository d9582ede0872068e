import { Alert, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '#web/auth/session.tsx';
import { Field, Section } from '#web/components/section.tsx';
import { currentLang } from '#web/i18n/index.ts';
import { organizationName, useAreaNames, useReferenceLabels } from '#web/lib/labels.ts';
import { MfaSection } from './mfa-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { TokensSection } from './tokens-section.tsx';

/** The signed-in person's profile, password, two-factor authentication and API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="md" maw={880}>
      <Title order={1} size="h2">{t('account.title')}</Title>
      {me.mfaSetupRequired && (
        <Alert color="orange" data-testid="mfa-setup-required">{t('account.mfaSetupRequired')}</Alert>
      )}
      {/* Until two-factor is set up the server answers only the account routes. */}
      {!me.mfaSetupRequired && <Profile />}
      <MfaSection />
      {!me.mfaSetupRequired && <PasswordSection />}
      {!me.mfaSetupRequired && <TokensSection />}
    </Stack>
  );
}

function Profile() {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useReferenceLabels();
  const areaNames = useAreaNames();
  const lang = currentLang();
  return (
    <Section title={t('account.profile')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Field label={t('account.username')} ltr>{me.username}</Field>
        <Field label={t('users.displayName')}>{me.displayName}</Field>
        <Field label={t('account.organization')}>{organizationName(me.organization)} <Text span c="dimmed" size="xs" className="ltr">{me.organization.code}</Text></Field>
        <Field label={t('account.role')}>{labels.role(me.role)}</Field>
        <Field label={t('account.scope')}>
          {me.scope.length ? me.scope.map((p) => areaNames(p)).join(lang === 'en' ? ', ' : '، ') : t('pcode.scopeAll')}
        </Field>
        <Field label={t('account.mfaSection')}>
          <Group gap="xs">
            <Badge variant="light" color={me.mfaEnabled ? 'teal' : 'gray'}>{me.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}</Badge>
            {me.mfaRequired && <Badge variant="outline" color="orange">{t('users.mfaDemanded')}</Badge>}
          </Group>
        </Field>
      </SimpleGrid>
    </Section>
  );
}
