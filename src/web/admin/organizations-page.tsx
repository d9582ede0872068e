import { useState } from 'react';
import { Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { translateError } from '#web/i18n/errors.ts';
import { api } from '#web/api/client.ts';
import { useOrganizations } from '#web/api/queries.ts';
import { ORGANIZATION_KINDS, type Organization, type OrganizationKind } from '#web/api/types.ts';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { codeLabel, organizationName } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, type FieldErrors } from '#web/lib/problems.ts';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const [creating, setCreating] = useState(false);
  const phone = useMediaQuery('(max-width: 48em)');
  const lang = currentLang();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">{t('orgs.title')}</Title>
        <Button onClick={() => setCreating(true)} data-testid="org-add">{t('orgs.add')}</Button>
      </Group>
      {organizations.isPending ? <PageLoader /> : organizations.isError ? (
        <ErrorState error={organizations.error} onRetry={() => organizations.refetch()} />
      ) : organizations.data.length === 0 ? <EmptyState title={t('orgs.empty')} /> : phone ? (
        <Stack gap="sm" data-testid="organizations-cards">
          {organizations.data.map((o) => (
            <Card key={o.id} withBorder padding="sm" data-testid="organization-row">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={700}><bdi dir="auto">{organizationName(o)}</bdi></Text>
                <Text span ff="monospace" fw={600} className="ltr">{o.code}</Text>
              </Group>
              <Text size="sm" c="dimmed">{codeLabel('orgKind', o.kind)} · {formatDate(lang, o.createdAt)}</Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="sm" data-testid="organizations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orgs.code')}</Table.Th>
                <Table.Th>{t('orgs.nameColumn')}</Table.Th>
                <Table.Th>{t('orgs.kind')}</Table.Th>
                <Table.Th>{t('orgs.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organizations.data.map((o) => (
                <Table.Tr key={o.id} data-testid="organization-row">
                  <Table.Td><Text span ff="monospace" fw={600} className="ltr">{o.code}</Text></Table.Td>
                  <Table.Td><bdi dir="auto">{organizationName(o)}</bdi></Table.Td>
                  <Table.Td>{codeLabel('orgKind', o.kind)}</Table.Td>
                  <Table.Td>{formatDate(lang, o.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('orgs.add')} size="lg" fullScreen={!!phone}>
        {creating && <OrganizationForm onDone={() => setCreating(false)} />}
      </Modal>
    </Stack>
  );
}

interface OrganizationInput {
  code: string;
  name: string;
  nameAr: string;
  nameCkb: string;
  kind: OrganizationKind;
}

function OrganizationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState<OrganizationInput>({ code: '', name: '', nameAr: '', nameCkb: '', kind: 'government' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (changes: Partial<OrganizationInput>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in changes))));
  };
  const create = useMutation({
    mutationFn: (body: object) => api<Organization>('/api/organizations', { method: 'POST', body }),
    onSuccess: (org) => {
      void client.invalidateQueries({ queryKey: ['organizations'] });
      notifySuccess(t('orgs.created_ok', { code: org.code }));
      onDone();
    },
    onError: (error) => showSaveError(error, setErrors),
  });
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const lang = currentLang();
    const code = values.code.trim().toUpperCase();
    const found: FieldErrors = {};
    if (!/^[A-Z0-9_]{2,16}$/.test(code)) found.code = translateError(lang, 'code.invalid');
    if (!values.name.trim()) found.name = translateError(lang, 'required');
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate({
      code,
      name: values.name.trim(),
      nameAr: values.nameAr.trim() || undefined,
      nameCkb: values.nameCkb.trim() || undefined,
      kind: values.kind,
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('orgs.code')}
          description={t('orgs.codeHint')}
          value={values.code}
          onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
          error={errors.code}
          dir="ltr"
          required
          data-autofocus
          data-testid="org-code"
        />
        <TextInput label={t('orgs.name')} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} required dir="ltr" data-testid="org-name" />
        <TextInput label={t('orgs.nameAr')} value={values.nameAr} onChange={(e) => set({ nameAr: e.currentTarget.value })} error={errors.nameAr} dir="rtl" lang="ar" data-testid="org-name-ar" />
        <TextInput label={t('orgs.nameCkb')} value={values.nameCkb} onChange={(e) => set({ nameCkb: e.currentTarget.value })} error={errors.nameCkb} dir="rtl" lang="ckb" data-testid="org-name-ckb" />
        <Select
          label={t('orgs.kind')}
          data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
          value={values.kind}
          onChange={(kind) => kind && set({ kind: kind as OrganizationKind })}
          error={errors.kind}
          allowDeselect={false}
          data-testid="org-kind"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending} data-testid="org-submit">{t('common.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
