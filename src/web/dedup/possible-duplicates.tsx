import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '#domain/dedup/api';
import { BandBadge } from './candidate-card.tsx';

/**
 * After a registration: the existing families the server found it may duplicate (already queued
 * for a data manager). Shown as a warning when the clerk registered without seeing them, as a
 * plain note when the clerk registered anyway with a reason.
 */
export function PossibleDuplicates({ candidates, reasonGiven }: { candidates: Candidate[]; reasonGiven: boolean }) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  return (
    <Alert
      color={reasonGiven ? 'gray' : 'orange'}
      title={reasonGiven ? t('dedup.queuedTitle') : t('dedup.afterSaveTitle')}
      ta="start"
      w="100%"
      data-testid="possible-duplicates"
    >
      <Stack gap="xs">
        <Text size="sm">{reasonGiven ? t('dedup.queuedBody') : t('dedup.afterSaveBody')}</Text>
        {candidates.map((c) => (
          <Group key={c.householdId} gap="xs">
            <Anchor href={`/households/${c.householdId}`} target="_blank" rel="noopener" ff="monospace" className="ltr">
              {c.registrationNumber}
            </Anchor>
            <BandBadge band={c.band} score={c.score} />
            {c.registries.map((r) => <Badge key={r} variant="outline" color="gray">{r}</Badge>)}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
