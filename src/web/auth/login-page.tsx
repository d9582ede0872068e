import { useState } from 'react';
import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { asciiDigits } from '#domain/shared/partial-date';
import { api, ApiError } from '#web/api/client.ts';
import type { Me } from '#web/api/types.ts';
import { LanguageSwitch } from '#web/shell/language-switch.tsx';
import { problemMessage } from '#web/lib/problems.ts';
import { signedIn, useSession } from './session.tsx';

interface Credentials {
  username: string;
  password: string;
  code?: string;
}

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Username and password, then the authenticator code when the account has two-factor on. */
export function LoginPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [error, setError] = useState<string | null>(null);

  const login = useMutation({
    mutationFn: (body: Credentials) => api<{ user: Me }>('/api/auth/login', { method: 'POST', body }),
    onSuccess: ({ user }) => {
      signedIn(client, user);
      navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 401 && err.problem.mfaRequired) {
        if (step === 'code') setError(problemMessage(err));
        else setError(null);
        setStep('code');
        setCode('');
        return;
      }
      setError(problemMessage(err));
    },
  });

  if (session.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    login.mutate(step === 'code' ? { username, password, code: asciiDigits(code.trim()) } : { username, password });
  };
  const startOver = () => {
    setStep('password');
    setCode('');
    setPassword('');
    setError(null);
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch variant="default" />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420} component="main">
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <Group gap="sm" wrap="nowrap">
                <img src="/favicon.svg" width={40} height={40} alt="" />
                <div>
                  <Title order={1} size="h2">{t('app.name')}</Title>
                  <Text size="sm" c="dimmed">{t('app.tagline')}</Text>
                </div>
              </Group>
              <Title order={2} size="h4">{t('login.title')}</Title>
              <Text size="sm" c="dimmed">{step === 'code' ? t('login.mfaIntro') : t('login.intro')}</Text>
              {error && <Alert color="red" role="alert" data-testid="login-error">{error}</Alert>}
              {step === 'password' ? (
                <>
                  <TextInput
                    label={t('login.username')}
                    value={username}
                    onChange={(e) => setUsername(e.currentTarget.value)}
                    autoComplete="username"
                    autoCapitalize="none"
                    spellCheck={false}
                    dir="ltr"
                    required
                    autoFocus
                    data-testid="login-username"
                  />
                  <PasswordInput
                    label={t('login.password')}
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                    autoComplete="current-password"
                    dir="ltr"
                    required
                    data-testid="login-password"
                  />
                </>
              ) : (
                <TextInput
                  label={t('login.code')}
                  description={t('login.codeHint')}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value.replace(/[^\d٠-٩۰-۹]/g, '').slice(0, 8))}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  dir="ltr"
                  required
                  autoFocus
                  data-testid="login-code"
                  styles={{ input: { letterSpacing: '0.3em', fontSize: 20 } }}
                />
              )}
              <Button type="submit" loading={login.isPending} fullWidth size="md" data-testid="login-submit">
                {step === 'code' ? t('login.verify') : t('login.submit')}
              </Button>
              {step === 'code' && (
                <Anchor component="button" type="button" size="sm" onClick={startOver} data-testid="login-start-over">
                  {t('login.startOver')}
                </Anchor>
              )}
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
