import { Fragment, useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundPreview } from '#domain/assistance/rounds';
import { BarList } from '#web/assistance/bar-list.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { problemMessage } from '#web/lib/problems.ts';
import { useCatalogue } from '#web/stock/catalogue.ts';
import { lineText } from './item-text.ts';
import { labelIn } from './labels.ts';

type Area = RoundPreview['governorates'][number];
const areaLabel = (a: Pick<Area, 'name' | 'nameAr' | 'nameCkb'>) => labelIn({ en: a.name, ar: a.nameAr, ckb: a.nameCkb });

/**
 * What the round would target now (nothing is created): for a draft being edited, what the form
 * holds, saved or not, a moment after each change; households and people by governorate and
 * district, those left out by each exclusion, and the totals the formula implies per item and in IQD.
 */
export function PreviewPanel({ preview, pending, invalid }: { preview: UseQueryResult<RoundPreview>; pending: boolean; invalid: boolean }) {
  const { t } = useTranslation();
  const p = preview.data;
  const updating = pending || preview.isFetching;
  return (
    <Paper withBorder p="md" radius="md" data-testid="round-preview">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">{t('roundPreview.title')}</Title>
        {updating && !invalid && <Loader size="xs" aria-label={t('roundPreview.updating')} data-testid="preview-updating" />}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">{t('roundPreview.hint')}</Text>
      {invalid && <Alert color="orange" mb="sm" data-testid="preview-invalid"><Text size="sm">{t('roundPreview.invalid')}</Text></Alert>}
      {preview.isError && !invalid ? (
        <Alert color="red" data-testid="preview-error"><Text size="sm">{problemMessage(preview.error)}</Text></Alert>
      ) : !p ? (
        <Loader size="sm" />
      ) : (
        <div style={{ opacity: updating || invalid || preview.isPlaceholderData ? 0.55 : 1 }} data-testid="preview-result" data-state={updating || invalid ? 'updating' : 'current'}>
          <PreviewResult preview={p} />
        </div>
      )}
    </Paper>
  );
}

function Big({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text fz={28} fw={700} lh={1.2} className="ltr" data-testid={testId}>{formatNumber(value)}</Text>
    </div>
  );
}

function PreviewResult({ preview: p }: { preview: RoundPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2}>
        <Big label={t('roundPreview.households')} value={p.households} testId="preview-households" />
        <Big label={t('roundPreview.people')} value={p.people} testId="preview-people" />
      </SimpleGrid>
      <Stack gap={2}>
        {p.excluded.servedInSector > 0 && <Text size="xs" c="dimmed" data-testid="preview-excluded-served">{t('roundPreview.excludedServed', { n: formatNumber(p.excluded.servedInSector) })}</Text>}
        {p.excluded.openDuplicates > 0 && <Text size="xs" c="dimmed" data-testid="preview-excluded-duplicates">{t('roundPreview.excludedDuplicates', { n: formatNumber(p.excluded.openDuplicates) })}</Text>}
        {p.notEntitled > 0 && <Text size="xs" c="orange.8" data-testid="preview-not-entitled">{t('roundPreview.notEntitled', { n: formatNumber(p.notEntitled) })}</Text>}
      </Stack>
      {p.governorates.length > 0 && (
        <>
          <BarList
            rows={p.governorates.map((g) => ({ name: areaLabel(g), values: { households: g.households } }))}
            series={[{ key: 'households', label: t('roundPreview.households'), color: 'var(--mantine-color-blue-6)' }]}
            testId="preview-chart"
          />
          <AreaTable governorates={p.governorates} />
        </>
      )}
      <Totals preview={p} />
    </Stack>
  );
}

/** Governorates with their districts shown on a click. */
function AreaTable({ governorates }: { governorates: Area[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(governorates.length === 1 ? governorates[0].pcode : null);
  return (
    <Table verticalSpacing={4} fz="sm" data-testid="preview-areas">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('roundPreview.area')}</Table.Th>
          <Table.Th ta="end">{t('roundPreview.households')}</Table.Th>
          <Table.Th ta="end">{t('roundPreview.people')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {governorates.map((g) => (
          <Fragment key={g.pcode}>
            <Table.Tr data-testid="preview-area" data-pcode={g.pcode}>
              <Table.Td>
                <UnstyledButton onClick={() => setOpen(open === g.pcode ? null : g.pcode)} aria-expanded={open === g.pcode} fw={600} fz="sm">
                  {open === g.pcode ? '▾' : '▸'} {areaLabel(g)}
                </UnstyledButton>
              </Table.Td>
              <Table.Td ta="end" data-testid="preview-area-households">{formatNumber(g.households)}</Table.Td>
              <Table.Td ta="end">{formatNumber(g.people)}</Table.Td>
            </Table.Tr>
            {open === g.pcode && g.districts.map((d) => (
              <Table.Tr key={d.pcode} data-testid="preview-district" data-pcode={d.pcode}>
                <Table.Td ps="lg"><Text size="sm">{areaLabel(d)} <Text span size="xs" c="dimmed" className="ltr">{d.pcode}</Text></Text></Table.Td>
                <Table.Td ta="end">{formatNumber(d.households)}</Table.Td>
                <Table.Td ta="end">{formatNumber(d.people)}</Table.Td>
              </Table.Tr>
            ))}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** What the formula implies: each line's total, and the items stock must hold (kits expanded, no cash). */
function Totals({ preview: p }: { preview: RoundPreview }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const item = (code: string) => catalogue.data?.items.find((i) => i.code === code);
  if (p.lines.length === 0) return <Text size="sm" c="dimmed">{t('roundPreview.noFormula')}</Text>;
  return (
    <Stack gap={4} data-testid="preview-totals">
      <Text size="sm" fw={700}>{t('roundPreview.totals')}</Text>
      {p.lines.map((l) => <Text key={l.code} size="sm" data-testid="preview-line" data-code={l.code}>{lineText(l, item(l.code))}</Text>)}
      {p.stock.length > 0 && (
        <>
          <Text size="sm" fw={700} mt="xs">{t('roundPreview.stock')}</Text>
          {p.stock.map((l) => <Text key={l.code} size="sm" c="dimmed" data-testid="preview-stock-line">{lineText(l, item(l.code))}</Text>)}
        </>
      )}
    </Stack>
  );
}
