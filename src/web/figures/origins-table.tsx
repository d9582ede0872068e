import { useState } from 'react';
import { Box, Button, Group, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { useAreaNames } from '#web/lib/labels.ts';
import { EstimatedMark } from './key-figures.tsx';
import { useOrigins, type FigureParams } from './queries.ts';

const SHOWN = 10;

/** Where displaced families came from and where they are now, by governorate, largest flows first. */
export function OriginsTable({ figures }: { figures: FigureParams }) {
  const { t } = useTranslation();
  const areaNames = useAreaNames();
  const origins = useOrigins(figures);
  const [all, setAll] = useState(false);
  if (origins.isError) return <ErrorState error={origins.error} onRetry={() => origins.refetch()} />;
  if (!origins.data) return <PageLoader />;
  // Origins are by governorate: with an area chosen, the families now in its governorate.
  const governorate = figures.area?.slice(0, 5) ?? null;
  const items = origins.data.items.filter((f) => !governorate || f.current === governorate).sort((a, b) => b.families - a.families);
  const scope = (
    <Text size="sm" c="dimmed" mb="xs" data-testid="figures-origins-scope">
      {governorate ? t('figures.originsScope', { area: areaNames(governorate) }) : t('figures.wholeCountry')}
    </Text>
  );
  if (items.length === 0) return <>{scope}<EmptyState compact title={t(figures.source === 'assessments' && !origins.data.round ? 'figures.noRound' : 'figures.noRows')} /></>;
  const largest = items[0].families || 1;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <>
      {scope}
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={6} data-testid="figures-origins-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('figures.from')}</Table.Th>
              <Table.Th>{t('figures.to')}</Table.Th>
              <Table.Th ta="end">{t('figures.idpFamilies')}</Table.Th>
              <Table.Th ta="end">{t('figures.idpIndividuals')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((flow) => (
              <Table.Tr key={`${flow.origin}-${flow.current}`} data-testid="origins-row">
                <Table.Td>{areaNames(flow.origin)}</Table.Td>
                <Table.Td>{areaNames(flow.current)}</Table.Td>
                <Table.Td ta="end">
                  <Text size="sm">{formatNumber(flow.families)}</Text>
                  <Box w={96} ms="auto"><Progress value={(flow.families / largest) * 100} size="xs" color="orange" aria-hidden /></Box>
                </Table.Td>
                <Table.Td ta="end">
                  <Group gap={4} justify="flex-end" wrap="nowrap"><EstimatedMark estimated={flow.estimated} /><span>{formatNumber(flow.individuals)}</span></Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items.length > SHOWN && (
        <Group justify="center" mt="xs">
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)} data-testid="origins-all">
            {all ? t('figures.showFewer') : t('figures.showAll', { n: items.length })}
          </Button>
        </Group>
      )}
    </>
  );
}
