import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { problemMessage } from '#web/lib/problems.ts';
import type { RoundEditor } from './round-editor-state.ts';

/** Whether the draft is saved, and the button that saves it (nothing is saved otherwise). */
export function SaveBar({ editor }: { editor: RoundEditor }) {
  const { t } = useTranslation();
  const { state } = editor;
  const colour = state === 'saved' ? 'dimmed' : state === 'unsaved' || state === 'saving' ? 'blue.7' : 'orange.8';
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between">
      <Group gap="xs" wrap="nowrap" aria-live="polite" data-testid="round-save-state" data-state={state}>
        {state === 'saving' && <Loader size="xs" />}
        <Text size="sm" c={colour}>{state === 'failed' ? `${t('distRound.saveFailed')} ${problemMessage(editor.error)}` : t(`distRound.saveState.${state}`)}</Text>
      </Group>
      <Button
        size="xs" onClick={() => void editor.save()} loading={state === 'saving'}
        disabled={state !== 'unsaved' && state !== 'failed'} data-testid="round-save"
      >
        {t('distRound.save')}
      </Button>
    </Group>
  );
}

/**
 * Asks before leaving the page (a link, the back button) while the draft has unsaved changes:
 * stay, leave without saving, or save and leave (staying when the save fails, to show why).
 */
export function LeaveGuard({ editor }: { editor: RoundEditor }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => editor.dirty && currentLocation.pathname !== nextLocation.pathname);
  if (blocker.state !== 'blocked') return null;
  const saveAndLeave = async () => {
    if (await editor.save()) blocker.proceed();
    else blocker.reset();
  };
  return (
    <Modal opened onClose={() => blocker.reset()} title={t('distRound.leave.title')} data-testid="round-leave">
      <Stack gap="md">
        <Text size="sm">{t('distRound.leave.body')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => blocker.reset()} data-testid="round-leave-stay">{t('distRound.leave.stay')}</Button>
          <Button color="red" variant="light" onClick={() => blocker.proceed()} data-testid="round-leave-discard">{t('distRound.leave.discard')}</Button>
          <Button onClick={() => void saveAndLeave()} loading={editor.state === 'saving'} disabled={editor.state === 'invalid'} data-testid="round-leave-save">
            {t('distRound.leave.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
