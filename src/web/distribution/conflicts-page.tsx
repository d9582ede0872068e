import '#web/i18n/distribution/index.ts';
import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Radio, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Conflict } from '#domain/assistance/distribution';
import { can, useMe } from '#web/auth/session.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, type FieldErrors } from '#web/lib/problems.ts';
import { useItemLabels } from '#web/stock/catalogue.ts';
import { resolveConflict, useConflicts } from './api.ts';

type Resolution = Conflict['resolution'] & string;

/** Two points that both handed out one entitlement while offline: the supervisor says what happened. */
export function ConflictsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const conflicts = useConflicts(status);
  const [resolving, setResolving] = useState<Conflict | null>(null);
  // Officers see the conflicts of their points; a supervisor (assistance.manage) resolves them.
  const canResolve = can(useMe(), 'assistance.manage');

  return (
    <Stack gap="md" data-testid="conflicts-page">
      <Group justify="space-between">
        <Title order={1} size="h2">{t('conflicts.title')}</Title>
        <Button component={Link} to="/distribution" variant="default">{t('conflicts.back')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('conflicts.intro')}</Text>
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as 'open' | 'resolved')}
        data={[{ value: 'open', label: t('conflicts.open') }, { value: 'resolved', label: t('conflicts.resolved') }]}
        w="fit-content"
      />
      {conflicts.isPending ? <PageLoader /> : conflicts.isError ? <ErrorState error={conflicts.error} onRetry={() => conflicts.refetch()} /> : (
        conflicts.data.length === 0
          ? <EmptyState title={status === 'open' ? t('conflicts.noneOpen') : t('conflicts.noneResolved')} />
          : conflicts.data.map((c) => <ConflictCard key={c.id} conflict={c} onResolve={canResolve ? () => setResolving(c) : undefined} />)
      )}
      {resolving && <ResolveModal conflict={resolving} onClose={() => setResolving(null)} />}
    </Stack>
  );
}

function ConflictCard({ conflict: c, onResolve }: { conflict: Conflict; onResolve?: () => void }) {
  const { t } = useTranslation();
  const { line } = useItemLabels();
  const lang = currentLang();
  return (
    <Paper withBorder p="md" radius="md" data-testid="conflict">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Text fw={700}>{c.contents.map(line).join(' · ')}</Text>
          {c.first && (
            <Text size="sm" data-testid="conflict-first">{t('conflicts.first', { where: c.first.pointName, when: formatDateTime(lang, c.first.redeemedAt) })}</Text>
          )}
          <Text size="sm" c="red.8" fw={600} data-testid="conflict-second">
            {t('conflicts.second', { where: c.pointName, when: formatDateTime(lang, c.redeemedAt) })}
            {c.collectorName ? ` · ${t('distribution.collectedByAlternate', { name: c.collectorName })}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {t('conflicts.reported', { when: formatDateTime(lang, c.reportedAt) })}{c.deviceId ? ` · ${t('conflicts.device')}: ` : ''}
            {c.deviceId && <span className="ltr">{c.deviceId}</span>}
          </Text>
          <Text size="sm"><Link to={`/households/${c.householdId}`}>{t('conflicts.openHousehold')}</Link></Text>
          {c.status === 'resolved' && (
            <Text size="sm" data-testid="conflict-resolution">
              <Badge variant="light" color={c.resolution === 'double_collection' ? 'red' : 'gray'} me={6}>{t(`conflicts.resolution.${c.resolution ?? 'recording_error'}`)}</Badge>
              {c.note && <bdi>{c.note}</bdi>}
            </Text>
          )}
        </Stack>
        {c.status === 'open' && onResolve && <Button onClick={onResolve} data-testid="conflict-resolve">{t('conflicts.resolve')}</Button>}
      </Group>
    </Paper>
  );
}

function ResolveModal({ conflict, onClose }: { conflict: Conflict; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [resolution, setResolution] = useState<Resolution>('double_collection');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      await resolveConflict(conflict.id, resolution, note.trim() || null);
      notifySuccess(t('conflicts.resolvedNow'));
      void client.invalidateQueries({ queryKey: ['redemption-conflicts'] });
      onClose();
    } catch (error) {
      showSaveError(error, setErrors);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('conflicts.resolveTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Radio.Group value={resolution} onChange={(v) => setResolution(v as Resolution)} error={errors.resolution}>
            <Stack gap="xs">
              <Radio value="double_collection" label={t('conflicts.resolution.double_collection')} description={t('conflicts.doubleHint')} data-testid="resolution-double" />
              <Radio value="recording_error" label={t('conflicts.resolution.recording_error')} description={t('conflicts.errorHint')} data-testid="resolution-error" />
            </Stack>
          </Radio.Group>
          <Textarea label={t('conflicts.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} dir={autoDir(note)} autosize minRows={2} data-testid="resolution-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={saving} data-testid="resolution-submit">{t('conflicts.resolve')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
