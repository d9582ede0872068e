import { Text } from '@mantine/core';
import { useSite } from '#web/api/queries.ts';
import { siteName, useAreaNames } from '#web/lib/labels.ts';

interface Place {
  pcode: string | null;
  siteId: string | null;
  place: string | null;
}

/** Where a movement went: "Debaga camp · Makhmour (Erbil)"; abroad only the place written. */
export function PlaceText({ place }: { place: Place }) {
  const areaNames = useAreaNames();
  const site = useSite(place.siteId);
  const parts = [
    site.data ? siteName(site.data) : null,
    place.place ? <bdi key="place" dir="auto">{place.place}</bdi> : null,
    place.pcode ? areaNames(place.pcode) : null,
  ].filter((p) => p !== null && p !== '');
  return (
    <Text span size="sm">
      {parts.map((p, i) => <span key={i}>{i > 0 ? ' · ' : ''}{p}</span>)}
      {parts.length === 0 && '—'}
    </Text>
  );
}
