import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Figures, FigureSource } from '#domain/movement/figures';
import { formatNumber, formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { problemMessage } from '#web/lib/problems.ts';

interface Props {
  registry: UseQueryResult<Figures>;
  assessments: UseQueryResult<Figures>;
  source: FigureSource;
  onSource: (source: FigureSource) => void;
}

/** The two sources side by side, each with where its figures come from; they are never summed. */
export function KeyFigures({ registry, assessments, source, onSource }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SourceCard source="registry" query={registry} shown={source === 'registry'} onShow={() => onSource('registry')} />
        <SourceCard source="assessments" query={assessments} shown={source === 'assessments'} onShow={() => onSource('assessments')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">{t('figures.neverAdded')}</Text>
    </Stack>
  );
}

/** "Estimated" beside a figure that includes families x 6. */
export function EstimatedMark({ estimated }: { estimated: boolean }) {
  const { t } = useTranslation();
  if (!estimated) return null;
  return (
    <Tooltip label={t('figures.estimatedHint')} withArrow multiline w={240}>
      <Badge size="xs" variant="light" color="yellow" style={{ textTransform: 'none' }} data-testid="figure-estimated">{t('figures.estimated')}</Badge>
    </Tooltip>
  );
}

function SourceCard({ source, query, shown, onShow }: { source: FigureSource; query: UseQueryResult<Figures>; shown: boolean; onShow: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const data = query.data;
  const noRound = source === 'assessments' && data && !data.round;
  const origin = !data
    ? ''
    : source === 'registry'
      ? t('figures.registryOrigin')
      : data.round
        ? t('figures.roundOrigin', { number: data.round.number, date: formatPartialDate(lang, data.round.reportedOn) })
        : t('figures.noRound');
  const stat = (label: string, value: number, testId: string, estimated = false) => (
    <div>
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Group gap={6} wrap="nowrap">
        <Text fz={26} fw={700} lh={1.2} className="ltr" data-testid={testId}>{noRound ? '—' : formatNumber(value)}</Text>
        <EstimatedMark estimated={estimated && !noRound} />
      </Group>
    </div>
  );
  return (
    <Card withBorder radius="md" padding="md" data-testid={`key-${source}`} style={shown ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <div>
          <Text fw={700}>{t(source === 'registry' ? 'figures.sourceRegistry' : 'figures.sourceAssessments')}</Text>
          <Text size="xs" c="dimmed" data-testid={`key-${source}-origin`}>{origin}</Text>
        </div>
        {shown ? (
          <Badge variant="light" color="blue" style={{ flexShrink: 0 }}>{t('figures.shownBelow')}</Badge>
        ) : (
          <Button size="compact-sm" variant="subtle" onClick={onShow} data-testid={`key-${source}-show`}>{t('figures.showBelow')}</Button>
        )}
      </Group>
      {query.isError ? (
        <Text size="sm" c="red">{problemMessage(query.error)}</Text>
      ) : !data ? (
        <Loader size="sm" />
      ) : (
        <SimpleGrid cols={3} spacing="xs">
          {stat(t('figures.idpFamilies'), data.totals.families, `key-${source}-families`)}
          {stat(t('figures.idpIndividuals'), data.totals.individuals, `key-${source}-individuals`, data.totals.estimated)}
          {stat(t('figures.returnees'), data.totals.returnees, `key-${source}-returnees`, data.totals.estimated)}
        </SimpleGrid>
      )}
      {source === 'registry' && data && data.totals.abroadFamilies > 0 && (
        <Text size="xs" c="dimmed" mt={6}>{t('figures.abroad', { n: formatNumber(data.totals.abroadFamilies) })}</Text>
      )}
    </Card>
  );
}
