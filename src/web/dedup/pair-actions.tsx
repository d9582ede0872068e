import { Button, Group, Kbd, Paper, SegmentedControl, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewPair } from '#domain/dedup/api';
import { autoDir } from '#web/lib/labels.ts';

export interface PairActionsProps {
  pair: ReviewPair;
  note: string;
  onNote: (note: string) => void;
  survivor: string;
  onSurvivor: (id: string) => void;
  busy: boolean;
  onSame: () => void;
  onDifferent: () => void;
  onNext: () => void;
  onPrevious: () => void;
  onUndo: () => void;
}

/** The shortcuts, always in view: they work whenever the cursor is not in the note. */
export function ShortcutLegend({ kind = 'household' }: { kind?: ReviewPair['kind'] }) {
  const { t } = useTranslation();
  const person = kind === 'individual';
  const keys: [string[], string][] = [
    [['S'], t(person ? 'dedup.keySamePerson' : 'dedup.keySame')], [['D'], t(person ? 'dedup.keyDifferentPeople' : 'dedup.keyDifferent')],
    [['N', 'J'], t('dedup.keyNext')],
    [['K'], t('dedup.keyPrevious')], [['U'], t('dedup.keyUndo')],
  ];
  return (
    <Group gap="md" data-testid="shortcut-legend">
      {keys.map(([letters, label]) => (
        <Text key={label} size="xs" c="dimmed" span>
          {letters.map((l, i) => <span key={l}>{i > 0 && ' / '}<Kbd size="xs">{l}</Kbd></span>)} {label}
        </Text>
      ))}
      <Text size="xs" c="dimmed" span>{t('dedup.keysOffWhileTyping')}</Text>
    </Group>
  );
}

/**
 * The decision bar under the pair: a note, which record survives, Same / Different / Skip. An
 * individual pair has no record to choose: its later registration is linked to the other.
 */
export function PairActions(p: PairActionsProps) {
  const { t } = useTranslation();
  const open = p.pair.status === 'open';
  const person = p.pair.kind === 'individual';
  return (
    <Paper withBorder p="sm" radius="md" shadow="sm" pos="sticky" bottom={8} style={{ zIndex: 5 }} data-testid="pair-actions">
      <Group gap="sm" align="center" wrap="wrap">
        <Textarea
          aria-label={t('dedup.note')}
          placeholder={t('dedup.notePlaceholder')}
          value={p.note}
          onChange={(e) => p.onNote(e.currentTarget.value)}
          onKeyDown={(e) => { if (e.key === 'Escape') e.currentTarget.blur(); }}
          disabled={!open}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={1000}
          dir={autoDir(p.note)}
          style={{ flex: '1 1 240px' }}
          data-testid="pair-note"
        />
        {open && !person && (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c="dimmed" id="pair-survivor-label">{t('dedup.survivor')}</Text>
            <SegmentedControl
              size="xs"
              value={p.survivor}
              onChange={p.onSurvivor}
              data={[{ value: p.pair.a.id, label: t('dedup.keep', { side: 'A' }) }, { value: p.pair.b.id, label: t('dedup.keep', { side: 'B' }) }]}
              aria-labelledby="pair-survivor-label"
              data-testid="pair-survivor"
            />
          </Group>
        )}
        <Group gap="xs">
          {open && <Button onClick={p.onSame} loading={p.busy} color="grape" data-testid="decide-same">{t(person ? 'dedup.samePerson' : 'dedup.same')}</Button>}
          {open && <Button onClick={p.onDifferent} disabled={p.busy} variant="light" data-testid="decide-different">{t(person ? 'dedup.differentPeople' : 'dedup.different')}</Button>}
          {p.pair.status === 'same' && p.pair.mergeId && (
            <Button onClick={p.onUndo} loading={p.busy} variant="light" color="red" data-testid="undo-merge">{t(person ? 'dedup.undoLink' : 'dedup.undo')}</Button>
          )}
          <Button onClick={p.onPrevious} variant="default" data-testid="pair-previous">{t('dedup.previous')}</Button>
          <Button onClick={p.onNext} variant="default" data-testid="pair-next">{open ? t('dedup.skip') : t('dedup.next')}</Button>
        </Group>
      </Group>
    </Paper>
  );
}
