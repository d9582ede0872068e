import '#web/i18n/assistance/index.ts';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUrlParams } from '#web/lib/url-params.ts';
import { ItemsPanel } from './catalogue-items.tsx';
import { ReasonsPanel } from './reasons-panel.tsx';
import { WeightsPanel } from './weights-panel.tsx';

const TABS = ['items', 'weights', 'reasons'] as const;
type Tab = (typeof TABS)[number];

/**
 * The shared configuration of assistance (`assistance.configure`): the catalogue of items, kits
 * and cash, the weights of the vulnerability score, and the reasons stock changes. The tab is
 * kept in the address.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const { params, update } = useUrlParams({ tab: 'items' });
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'items';
  return (
    <Stack gap="md" data-testid="catalogue-page">
      <Title order={1} size="h2">{t('configure.title')}</Title>
      <Text size="sm" c="dimmed" maw={900}>{t('configure.intro')}</Text>
      <Tabs value={tab} onChange={(value) => update({ tab: value })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => <Tabs.Tab key={x} value={x} data-testid={`catalogue-tab-${x}`}>{t(`configure.tabs.${x}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="items" pt="md"><ItemsPanel /></Tabs.Panel>
        <Tabs.Panel value="weights" pt="md"><WeightsPanel /></Tabs.Panel>
        <Tabs.Panel value="reasons" pt="md"><ReasonsPanel /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
