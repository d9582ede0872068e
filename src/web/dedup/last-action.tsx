import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LastAction } from './use-review.ts';

/** What was just decided, with Undo while a merge stands. */
export function LastActionBar({ last, onUndo, busy }: { last: LastAction; onUndo: (mergeId: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const { a, b } = last.pair;
  const survivor = last.merge?.survivorId === b.id ? b : a;
  const merged = survivor === a ? b : a;
  const text = last.kind === 'same'
    ? t(last.merge?.kind === 'link' ? 'dedup.lastLinked' : 'dedup.lastSame', { merged: merged.registrationNumber, survivor: survivor.registrationNumber })
    : last.kind === 'different'
      ? t('dedup.lastDifferent', { a: a.registrationNumber, b: b.registrationNumber })
      : t('dedup.lastUndone', { a: a.registrationNumber, b: b.registrationNumber });
  return (
    <Alert color={last.kind === 'same' ? 'grape' : 'gray'} variant="light" p="xs" data-testid="last-action" data-kind={last.kind}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{text}</Text>
        {last.kind === 'same' && last.merge && (
          <Button size="xs" variant="default" onClick={() => onUndo(last.merge!.id)} loading={busy} data-testid="last-undo">
            {t('dedup.undo')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
