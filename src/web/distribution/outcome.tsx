import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntitlementLine } from '#domain/assistance/distribution';
import { formatDateTime } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useItemLabels } from '#web/stock/catalogue.ts';

export type CardProblem = 'forged' | 'revoked' | 'expired' | 'unknown' | 'none';

/** The big answers of the point, readable at arm's length in a crowd. */
export type Outcome =
  | { kind: 'collected'; contents: EntitlementLine[]; at: string; collector: string | null; offline: boolean }
  | { kind: 'already'; at: string; where: string }
  | { kind: 'card'; problem: CardProblem; message?: string }
  | { kind: 'not_entitled'; message?: string }
  | { kind: 'error'; title: string; message: string; lines?: string[] };

const COLOR: Record<Outcome['kind'], string> = { collected: 'green', already: 'red', card: 'red', not_entitled: 'orange', error: 'red' };

function Mark({ ok }: { ok: boolean }) {
  return (
    <svg width="34" height="34" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      {ok ? <path d="m5 12.5 4.5 4.5L19 7.5" /> : <path d="M6 6l12 12M18 6 6 18" />}
    </svg>
  );
}

/** One outcome, with the button to the next family (focused, so Enter moves on). */
export function OutcomePanel({ outcome, onNext }: { outcome: Outcome; onNext: () => void }) {
  const { t } = useTranslation();
  const { line } = useItemLabels();
  const lang = currentLang();
  const color = COLOR[outcome.kind];
  let title: string;
  let body: React.ReactNode = null;
  switch (outcome.kind) {
    case 'collected':
      title = t('distribution.collectedNow');
      body = (
        <>
          <Text size="lg" fw={600} data-testid="outcome-contents">{outcome.contents.map(line).join(' · ')}</Text>
          <Text>{outcome.collector ? t('distribution.collectedByAlternate', { name: outcome.collector }) : t('distribution.collectedByHead')} · {formatDateTime(lang, outcome.at)}</Text>
          {outcome.offline && <Text size="sm" fw={600}>{t('offline.savedOnDevice')}</Text>}
        </>
      );
      break;
    case 'already':
      title = t('distribution.alreadyTitle');
      body = (
        <Text size="xl" fw={700} data-testid="outcome-already-when">
          {outcome.at ? t('distribution.alreadyCollected', { when: formatDateTime(lang, outcome.at), where: outcome.where }) : t('offline.collectedBeforeList')}
        </Text>
      );
      break;
    case 'card':
      title = t(`distribution.cardProblem.${outcome.problem}`);
      body = <Text size="lg">{outcome.message ?? t(`distribution.cardProblemHint.${outcome.problem}`)}</Text>;
      break;
    case 'not_entitled':
      title = t('distribution.notEntitledTitle');
      body = <Text size="lg">{outcome.message ?? t('distribution.notEntitledHint')}</Text>;
      break;
    default:
      title = outcome.title;
      body = (
        <>
          <Text size="lg">{outcome.message}</Text>
          {outcome.lines?.map((l) => <Text key={l} fw={600} data-testid="outcome-line-error">{l}</Text>)}
        </>
      );
  }
  return (
    <Paper p="lg" radius="md" bg={`${color}.0`} bd={`3px solid var(--mantine-color-${color}-6)`} data-testid={`outcome-${outcome.kind}`} role="alert">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon size={56} radius="xl" color={color}><Mark ok={outcome.kind === 'collected'} /></ThemeIcon>
        <Stack gap={6} style={{ flex: 1 }}>
          <Title order={2} size="h2" c={`${color}.9`}>{title}</Title>
          {body}
        </Stack>
      </Group>
      <Group justify="flex-end" mt="md">
        <Button size="lg" color={outcome.kind === 'collected' ? 'green' : 'gray'} onClick={onNext} autoFocus data-testid="next-family">
          {t('distribution.nextFamily')}
        </Button>
      </Group>
    </Paper>
  );
}
