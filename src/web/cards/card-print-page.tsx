import '#web/i18n/distribution/index.ts';
import './card-print.css';
import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { useCurrentCard } from './api.ts';
import { HouseholdCard, type CardSize } from './household-card.tsx';

/** Paper sizes, landscape (width x height in mm). */
const PAGE: Record<CardSize, string> = { a6: '148mm 105mm', a7: '105mm 74mm' };

/** The household's valid card alone on the page, sized for A6 or A7 paper, with a print button. */
export function CardPrintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const size: CardSize = params.get('size') === 'a7' ? 'a7' : 'a6';
  const card = useCurrentCard(id!);

  return (
    <>
      <style>{`@page { size: ${PAGE[size]}; margin: 0; }`}</style>
      <Group className="no-print" justify="space-between" p="md" gap="sm" data-testid="card-toolbar">
        <Button component={Link} to={`/households/${id}`} variant="default">{t('card.backToHousehold')}</Button>
        <Group gap="sm">
          <Text size="sm">{t('card.paper')}</Text>
          <SegmentedControl
            value={size}
            onChange={(v) => setParams(v === 'a6' ? {} : { size: v }, { replace: true })}
            data={[{ value: 'a6', label: 'A6' }, { value: 'a7', label: 'A7' }]}
            data-testid="card-size"
          />
          <Button onClick={() => window.print()} disabled={!card.data} data-testid="card-print">{t('card.print')}</Button>
        </Group>
      </Group>
      {card.isPending ? <PageLoader /> : card.isError ? <ErrorState error={card.error} onRetry={() => card.refetch()} /> : (
        <div className="card-print-sheet">
          <HouseholdCard printable={card.data} size={size} />
        </div>
      )}
    </>
  );
}
