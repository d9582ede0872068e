import '#web/i18n/assistance/index.ts';
import './sheet.css';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DistributionSheet } from '#domain/assistance/reports';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber, formatPartialDate } from '#web/i18n/format.ts';
import { i18next, LANGS, type Lang } from '#web/i18n/index.ts';
import { useAreaNames } from '#web/lib/labels.ts';
import { lineText } from '#web/programmes/item-text.ts';
import { useCatalogue } from '#web/stock/catalogue.ts';
import { useSheet } from './queries.ts';

/** A sheet heading in all three languages (the sheet is read by staff of either ministry and partners). */
function Three({ k }: { k: string }) {
  // Each line keeps the page's alignment; its text keeps its own direction.
  return <span className="three">{LANGS.map((lang) => <span key={lang} lang={lang}><bdi dir={lang === 'en' ? 'ltr' : 'rtl'}>{i18next.getFixedT(lang)(`distSheet.${k}` as never)}</bdi></span>)}</span>;
}

const time = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** The collections at one distribution point on one day, to print on A4 and sign. */
export function SheetPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const sheet = useSheet(params.get('point'), params.get('day'));
  return (
    <div className="sheet" data-print-sheet data-testid="sheet-page">
      <Group justify="space-between" mb="md" className="no-print">
        <Button component={Link} to="/assistance/reports" variant="default">{t('distSheet.back')}</Button>
        <Button onClick={() => window.print()} disabled={!sheet.data} data-testid="sheet-print">{t('distSheet.print')}</Button>
      </Group>
      {sheet.isError ? <ErrorState error={sheet.error} onRetry={() => sheet.refetch()} /> : !sheet.data ? <PageLoader /> : <Sheet sheet={sheet.data} />}
    </div>
  );
}

const names = (s: DistributionSheet): Record<Lang, string> => ({ en: s.point.name, ar: s.point.nameAr || s.point.name, ckb: s.point.nameCkb || s.point.nameAr || s.point.name });

function Sheet({ sheet }: { sheet: DistributionSheet }) {
  const { t } = useTranslation();
  const areaNames = useAreaNames();
  const catalogue = useCatalogue();
  const item = (code: string) => catalogue.data?.items.find((i) => i.code === code);
  const pointNames = names(sheet);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1} size="h3"><Three k="title" /></Title>
        </div>
        <Stack gap={0} ta="end">
          <Text fw={700} className="ltr" data-testid="sheet-point-code">{sheet.point.code}</Text>
          <Text size="sm">{areaNames(sheet.point.pcode)}</Text>
        </Stack>
      </Group>
      <Group gap="xl" align="flex-start">
        {LANGS.map((lang) => (
          <Stack key={lang} gap={0} lang={lang} dir={lang === 'en' ? 'ltr' : 'rtl'}>
            <Text size="sm" fw={700}><bdi>{pointNames[lang]}</bdi></Text>
            <Text size="sm" data-testid={`sheet-day-${lang}`}>{formatPartialDate(lang, sheet.day)}</Text>
          </Stack>
        ))}
      </Group>
      {sheet.rows.length === 0 ? <EmptyState compact title={t('distSheet.empty')} /> : (
        <table className="sheet-table" data-testid="sheet-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th><Three k="time" /></th>
              <th><Three k="household" /></th>
              <th className="num"><Three k="people" /></th>
              <th><Three k="received" /></th>
              <th><Three k="collectedBy" /></th>
              <th className="sign"><Three k="signature" /></th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((r, i) => (
              <tr key={r.entitlementId} data-testid="sheet-row">
                <td className="num">{i + 1}</td>
                <td className="num">{time(r.redeemedAt)}</td>
                <td><span className="ltr">{r.household.registrationNumber}</span><br /><bdi dir="auto">{r.household.headName}</bdi></td>
                <td className="num">{formatNumber(r.people)}</td>
                <td>{r.contents.map((l) => <div key={l.code}>{lineText(l, item(l.code))}</div>)}<Text span size="xs" c="dimmed"><span className="ltr">{r.programme.code}</span> · {t('distRound.title', { number: r.roundNumber })}</Text></td>
                <td>{r.collectedBy === 'alternate' ? <>{t('distSheet.alternate')}: <bdi dir="auto">{r.collectorName}</bdi></> : t('distSheet.head')}</td>
                <td className="sign" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Text size="sm" fw={700} data-testid="sheet-summary">{t('distSheet.summary', { households: formatNumber(sheet.households), people: formatNumber(sheet.people) })}</Text>
      {sheet.totals.length > 0 && (
        <div className="sheet-lines" data-testid="sheet-totals">
          {sheet.totals.map((l) => <Text key={l.code} size="sm">{lineText(l, item(l.code))}</Text>)}
        </div>
      )}
      <div className="sheet-signatures">
        <div><Three k="officer" /></div>
        <div><Three k="supervisor" /></div>
      </div>
    </Stack>
  );
}
