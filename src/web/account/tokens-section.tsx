import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { translateError } from '#web/i18n/errors.ts';
import { api } from '#web/api/client.ts';
import type { ApiToken, Items } from '#web/api/types.ts';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir } from '#web/lib/labels.ts';
import { notifyError, notifySuccess, serverFieldErrors } from '#web/lib/problems.ts';
import { Section } from '#web/components/section.tsx';

const TOKENS_KEY = ['tokens'] as const;

/** API tokens: create one (shown once), see when each was last used, revoke. */
export function TokensSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: () => api<Items<ApiToken>>('/api/auth/tokens').then((r) => r.items) });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const lang = currentLang();

  const create = useMutation({
    mutationFn: () => api<{ id: string; name: string; token: string }>('/api/auth/tokens', { method: 'POST', body: { name: name.trim() } }),
    onSuccess: (result) => {
      setCreated(result);
      setName('');
      void client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (error) => {
      const fields = serverFieldErrors(error);
      if (fields.name) setNameError(fields.name);
      else notifyError(error);
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      setRevoking(null);
      notifySuccess(t('account.tokenRevoked'));
      void client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: notifyError,
  });

  const onCreate = (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(translateError(lang, 'required'));
      return;
    }
    create.mutate();
  };

  return (
    <Section title={t('account.tokensSection')} testId="tokens-section">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('account.tokensIntro')}</Text>
        <form onSubmit={onCreate} noValidate>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('account.tokenName')}
              placeholder={t('account.tokenNameHint')}
              value={name}
              onChange={(e) => { setName(e.currentTarget.value); setNameError(null); }}
              error={nameError}
              dir={autoDir(name)}
              w={{ base: '100%', xs: 320 }}
              data-testid="token-name"
            />
            <Button type="submit" mt={{ base: 0, xs: 25 }} loading={create.isPending} data-testid="token-create">{t('account.tokenCreate')}</Button>
          </Group>
        </form>
        {tokens.isPending ? <PageLoader /> : tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
        ) : tokens.data.length === 0 ? <Text size="sm" c="dimmed">{t('account.tokensEmpty')}</Text> : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('account.tokenName')}</Table.Th>
                  <Table.Th>{t('account.tokenCreated')}</Table.Th>
                  <Table.Th>{t('account.tokenLastUsed')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => (
                  <Table.Tr key={token.id} data-testid="token-row">
                    <Table.Td><bdi dir="auto">{token.name}</bdi></Table.Td>
                    <Table.Td>{formatDateTime(lang, token.createdAt)}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? formatDateTime(lang, token.lastUsedAt) : t('account.tokenNeverUsed')}</Table.Td>
                    <Table.Td ta="end">
                      <Button size="xs" color="red" variant="subtle" onClick={() => setRevoking(token)} data-testid="token-revoke">
                        {t('account.tokenRevoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal opened={!!created} onClose={() => setCreated(null)} title={t('account.tokenCreatedTitle')} size="lg" closeOnClickOutside={false}>
        {created && (
          <Stack gap="sm">
            <Alert color="orange">{t('account.tokenCreatedBody')}</Alert>
            <Code block className="ltr" data-testid="token-value" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{created.token}</Code>
            <Group justify="flex-end" gap="sm">
              <CopyButton value={created.token}>
                {({ copied, copy }) => <Button variant="light" onClick={copy} data-testid="token-copy">{copied ? t('common.copied') : t('common.copy')}</Button>}
              </CopyButton>
              <Button onClick={() => setCreated(null)} data-testid="token-done">{t('common.close')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title={t('account.tokenRevoke')} centered>
        {revoking && (
          <Stack gap="md">
            <Text size="sm">{t('account.tokenRevokeConfirm', { name: revoking.name })}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setRevoking(null)}>{t('common.cancel')}</Button>
              <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(revoking.id)} data-testid="token-revoke-confirm">
                {t('account.tokenRevoke')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Section>
  );
}
