import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '#web/api/client.ts';
import type { Items, User } from '#web/api/types.ts';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useAreaNames, useReferenceLabels } from '#web/lib/labels.ts';
import { CreateUserForm, EditUserForm } from './user-form.tsx';

export const USERS_KEY = ['users'] as const;

const isLocked = (u: User) => !!u.lockedUntil && new Date(u.lockedUntil) > new Date();

function Status({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color={user.active ? 'teal' : 'gray'}>{user.active ? t('users.active') : t('users.inactive')}</Badge>
      {isLocked(user) && <Text size="xs" c="red">{t('users.locked', { time: formatDateTime(currentLang(), user.lockedUntil) })}</Text>}
    </Stack>
  );
}

function Mfa({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={user.mfaEnabled ? 'teal' : user.mfaRequired ? 'orange' : 'gray'}>
      {user.mfaEnabled ? t('users.mfaOn') : user.mfaRequired ? t('users.mfaDemanded') : t('users.mfaOff')}
    </Badge>
  );
}

function useScopeText() {
  const { t } = useTranslation();
  const areaNames = useAreaNames();
  return (scope: string[]) =>
    scope.length ? scope.map((p) => areaNames(p)).join(currentLang() === 'en' ? ', ' : '، ') : t('pcode.scopeAll');
}

interface ListProps {
  users: User[];
  onEdit: (user: User) => void;
}

function UsersTable({ users, onEdit }: ListProps) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const scopeText = useScopeText();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.username')}</Table.Th>
            <Table.Th>{t('users.displayName')}</Table.Th>
            <Table.Th>{t('users.organization')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.scope')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>{t('users.mfa')}</Table.Th>
            <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} data-testid="user-row">
              <Table.Td><Text span ff="monospace" size="sm" className="ltr">{u.username}</Text></Table.Td>
              <Table.Td><bdi dir="auto">{u.displayName}</bdi></Table.Td>
              <Table.Td><Text span size="sm" className="ltr">{u.organization.code}</Text></Table.Td>
              <Table.Td>{labels.role(u.role)}</Table.Td>
              <Table.Td><Text size="sm" lineClamp={2} maw={260}>{scopeText(u.scope)}</Text></Table.Td>
              <Table.Td><Status user={u} /></Table.Td>
              <Table.Td><Mfa user={u} /></Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => onEdit(u)} data-testid={`user-edit-${u.username}`}>
                  {t('common.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserCards({ users, onEdit }: ListProps) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const scopeText = useScopeText();
  return (
    <Stack gap="sm" data-testid="users-cards">
      {users.map((u) => (
        <Card key={u.id} withBorder padding="sm" data-testid="user-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={700}><bdi dir="auto">{u.displayName}</bdi></Text>
              <Text size="sm" ff="monospace" c="dimmed" className="ltr">{u.username}</Text>
            </div>
            <Button size="xs" variant="light" onClick={() => onEdit(u)} data-testid={`user-edit-${u.username}`}>{t('common.edit')}</Button>
          </Group>
          <Text size="sm" mt={6}>{u.organization.code} · {labels.role(u.role)}</Text>
          <Text size="xs" c="dimmed">{t('users.scope')}: {scopeText(u.scope)}</Text>
          <Group gap="xs" mt={6}><Status user={u} /><Mfa user={u} /></Group>
        </Card>
      ))}
    </Stack>
  );
}

/** Accounts: who works where, with which role, and whether they can sign in. */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => api<Items<User>>('/api/users').then((r) => r.items) });
  const phone = useMediaQuery('(max-width: 48em)');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">{t('users.title')}</Title>
        <Button onClick={() => setCreating(true)} data-testid="user-add">{t('users.add')}</Button>
      </Group>
      {users.isPending ? <PageLoader /> : users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : users.data.length === 0 ? <EmptyState title={t('users.empty')} /> : phone ? (
        <UserCards users={users.data} onEdit={setEditing} />
      ) : (
        <UsersTable users={users.data} onEdit={setEditing} />
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('users.add')} size="lg" fullScreen={!!phone}>
        {creating && <CreateUserForm onDone={() => setCreating(false)} />}
      </Modal>
      <Modal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing ? t('users.editTitle', { username: editing.username }) : ''}
        size="lg"
        fullScreen={!!phone}
      >
        {editing && <EditUserForm user={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
