import { useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIso } from '#web/i18n/format.ts';
import { LocationSelect } from '#web/stock/location-picker.tsx';

/** Chooses a distribution point and a day, and opens its sheet to print. */
export function SheetPicker() {
  const { t } = useTranslation();
  const [point, setPoint] = useState<string | null>(null);
  const [day, setDay] = useState(todayIso());
  const ready = !!point && /^\d{4}-\d{2}-\d{2}$/.test(day);
  return (
    <Group align="flex-end" gap="sm">
      <LocationSelect kind="point" label={t('aidReports.point')} value={point} onChange={setPoint} w={320} testId="sheet-point" />
      <TextInput label={t('aidReports.day')} value={day} onChange={(e) => setDay(e.currentTarget.value)} dir="ltr" w={160} data-testid="sheet-day" />
      <Button component={Link} to={ready ? `/assistance/reports/sheet?point=${point}&day=${day}` : '#'} disabled={!ready} data-testid="sheet-open">{t('aidReports.openSheet')}</Button>
    </Group>
  );
}
