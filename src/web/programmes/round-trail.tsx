import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DistributionRound } from '#domain/assistance/rounds';
import { formatDateTime } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { nameList, roundTrail } from './round-steps.ts';

/** The round's trail as a timeline, under who prepared it (created or edited the draft). */
export function RoundTrail({ round }: { round: DistributionRound }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const events = roundTrail(round);
  return (
    <>
    <Text size="sm" c="dimmed" mb="sm" data-testid="round-authors">{t('distRound.preparedBy', { names: nameList(lang, round.authors.map((a) => a.username)) })}</Text>
    <Timeline active={events.length - 1} bulletSize={12} lineWidth={2} data-testid="round-trail">
      {events.map((e) => (
        <Timeline.Item key={`${e.key}-${e.at}`} title={t(`distRound.trail.${e.key}`)} color={e.key === 'rejected' ? 'red' : e.key === 'closed' ? 'dark' : undefined} data-testid="trail-event" data-event={e.key}>
          <Text size="xs" c="dimmed">
            {e.by ? <><bdi>{e.by}</bdi> · </> : null}{formatDateTime(lang, e.at)}
          </Text>
          {e.reason && <Text size="sm" mt={2}><bdi dir="auto">{e.reason}</bdi></Text>}
        </Timeline.Item>
      ))}
    </Timeline>
    </>
  );
}
