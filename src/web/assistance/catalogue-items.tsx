import { useState } from 'react';
import { Badge, Button, Group, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useReferenceLabels } from '#web/lib/labels.ts';
import { labelIn } from '#web/programmes/labels.ts';
import { lineText, unitLabel } from '#web/programmes/item-text.ts';
import { isActive, useCatalogue } from '#web/stock/catalogue.ts';
import { WHOLE_BADGE } from './config-form.tsx';
import { ItemForm } from './item-form.tsx';

const KIND_COLOUR = { item: 'blue', kit: 'grape', cash: 'teal' } as const;

/** Items, kits and cash transfers with their sector, unit, value and state; added and edited in a form. */
export function ItemsPanel() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const labels = useReferenceLabels();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<{ code: string | null } | null>(null);
  if (catalogue.isError && !catalogue.data) return <ErrorState error={catalogue.error} onRetry={() => catalogue.refetch()} />;
  if (!catalogue.data) return <PageLoader />;
  const all = catalogue.data.items;
  const items = all.filter((i) => showInactive || isActive(i));
  const byCode = new Map(all.map((i) => [i.code, i]));
  return (
    <Stack gap="sm" data-testid="catalogue-items">
      <Group justify="space-between">
        <Switch label={t('configure.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} data-testid="items-show-inactive" />
        <Button onClick={() => setEditing({ code: null })} data-testid="item-add">{t('configure.addItem')}</Button>
      </Group>
      {items.length === 0 ? <EmptyState title={t('configure.empty')} compact /> : (
        <Table.ScrollContainer minWidth={880}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="items-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('configure.name')}</Table.Th>
                <Table.Th>{t('configure.kind')}</Table.Th>
                <Table.Th>{t('configure.sector')}</Table.Th>
                <Table.Th>{t('configure.unit')}</Table.Th>
                <Table.Th ta="end">{t('configure.value')}</Table.Th>
                <Table.Th>{t('configure.holds')}</Table.Th>
                <Table.Th>{t('configure.status')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.code} data-testid="item-row" data-code={i.code} data-active={isActive(i)} c={isActive(i) ? undefined : 'dimmed'}>
                  <Table.Td>
                    <Text size="sm" fw={600}><bdi>{labelIn(i.labels)}</bdi></Text>
                    <Text size="xs" c="dimmed" ff="monospace" className="ltr">{i.code}</Text>
                  </Table.Td>
                  <Table.Td><Badge styles={WHOLE_BADGE} variant="light" color={KIND_COLOUR[i.kind]}>{t(`configure.kinds.${i.kind}`)}</Badge></Table.Td>
                  <Table.Td><Text size="sm" maw={200} lineClamp={2}>{labels.sector(i.sector)}</Text></Table.Td>
                  <Table.Td>{unitLabel(i.unit)}</Table.Td>
                  <Table.Td ta="end"><span className="ltr">{i.kind === 'cash' || i.unitValueIqd === null ? '—' : formatNumber(i.unitValueIqd)}</span></Table.Td>
                  <Table.Td>
                    <Text size="xs" maw={260} data-testid="item-holds">{i.components.map((c) => lineText(c, byCode.get(c.code))).join(currentLang() === 'en' ? ', ' : '، ') || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge styles={WHOLE_BADGE} variant={isActive(i) ? 'light' : 'outline'} color={isActive(i) ? 'teal' : 'gray'}>{isActive(i) ? t('configure.active') : t('configure.inactive')}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setEditing({ code: i.code })} data-testid={`item-edit-${i.code}`}>{t('common.edit')}</Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {/* The entry as now read: after a stale save it carries the new version, the form keeps what was typed. */}
      {editing && <ItemForm key={editing.code ?? ''} item={(editing.code && byCode.get(editing.code)) || null} opened onClose={() => setEditing(null)} />}
    </Stack>
  );
}
