import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { Household, HouseholdInput } from '#domain/registry/household';
import { api, ApiError } from '#web/api/client.ts';
import { useHousehold } from '#web/api/queries.ts';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { HouseholdFacts, MembersList } from '#web/households/household-details.tsx';
import { notifySuccess } from '#web/lib/problems.ts';
import { householdValues } from './form-values.ts';
import { HouseholdForm } from './household-form.tsx';
import { useRegistries } from './registries.ts';

/**
 * Edits a household at the version that was read. When someone else saved in between (409),
 * the current record is shown and the clerk loads it and redoes the edit: never an overwrite.
 */
export function EditHouseholdPage() {
  const { id } = useParams();
  const household = useHousehold(id);
  if (household.isPending) return <PageLoader />;
  if (household.isError) return <ErrorState error={household.error} onRetry={() => household.refetch()} />;
  // Another registry's record, read to compare, is not edited here (the server refuses it too).
  if (household.data.restricted) return <Navigate to={`/households/${household.data.id}`} replace />;
  return <EditForm household={household.data} />;
}

/** The server refused to move the family by an edit: a movement placed it where it is. */
function followsMovements(error: unknown): boolean {
  return error instanceof ApiError && (error.problem.errors ?? []).some((e) => (e as { code?: string }).code === 'current.follows_movements');
}

function EditForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const registries = useRegistries();
  const [base, setBase] = useState(household);
  const [initial, setInitial] = useState(() => householdValues(household));
  const [formKey, setFormKey] = useState(0);
  const [conflict, setConflict] = useState<Household | null>(null);
  // Once a movement is recorded, where the family is now is changed by recording another one.
  const [refused, setRefused] = useState(false);
  const locked = refused || !!base.displacement.movementId;
  const options = registries.some((r) => r.value === base.registry)
    ? registries
    : [...registries, { value: base.registry, label: base.registry }];

  const onSubmit = async (typed: HouseholdInput) => {
    const input = locked ? { ...typed, current: base.current, shelter: base.shelter } : typed;
    try {
      const saved = await api<Household>(`/api/households/${encodeURIComponent(base.id)}`, {
        method: 'PATCH',
        body: { ...input, version: base.version },
      });
      client.setQueryData(['household', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['households'] });
      notifySuccess(t('register.saved', { version: saved.version }));
      navigate(`/households/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem.current) {
        setConflict(error.problem.current as Household);
      }
      if (followsMovements(error)) setRefused(true);
      throw error;
    }
  };

  const loadCurrent = () => {
    if (!conflict) return;
    client.setQueryData(['household', conflict.id], conflict);
    setBase(conflict);
    setInitial(householdValues(conflict));
    setFormKey((k) => k + 1);
    setConflict(null);
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('register.editTitle', { number: base.registrationNumber })}
      </Title>
      <HouseholdForm
        key={formKey}
        initial={initial}
        registries={options}
        submitLabel={t('register.saveChanges')}
        onSubmit={onSubmit}
        onCancel={() => navigate(`/households/${base.id}`)}
        testId="edit-form"
        currentLocked={locked ? base.id : null}
      />
      <Modal
        opened={!!conflict}
        onClose={() => setConflict(null)}
        title={t('register.conflictTitle')}
        size="min(1100px, 95vw)"
        data-testid="conflict-modal"
      >
        {conflict && (
          <Stack gap="md">
            <Alert color="orange">
              <Text size="sm">{t('register.conflictBody', { version: conflict.version })}</Text>
            </Alert>
            <HouseholdFacts household={conflict} />
            <MembersList members={conflict.members} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConflict(null)} data-testid="conflict-keep">{t('register.conflictKeep')}</Button>
              <Button onClick={loadCurrent} data-testid="conflict-reload">{t('register.conflictReload')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
