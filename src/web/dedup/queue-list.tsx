import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PairHousehold, ReviewPair } from '#domain/dedup/api';
import { BandBadge } from './candidate-card.tsx';
import { StatusBadge } from './status-badge.tsx';

function headName(h: PairHousehold): string {
  const head = h.members.find((m) => m.relationship === 'head') ?? h.members[0];
  return head ? [head.givenName, head.fatherName, head.grandfatherName, head.familyName].filter(Boolean).join(' ') : '';
}

function Side({ h }: { h: PairHousehold }) {
  return (
    <>
      <Text size="sm" ff="monospace" className="ltr">{h.registrationNumber}</Text>
      <Text size="xs" c="dimmed"><bdi dir="auto">{headName(h)}</bdi></Text>
    </>
  );
}

/** The pairs of this page, best score first; the one shown is marked, a click shows another. */
export function QueueList({ items, selected, offset, onSelect }: { items: ReviewPair[]; selected: number; offset: number; onSelect: (index: number) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} highlightOnHover data-testid="pair-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('dedup.match')}</Table.Th>
            <Table.Th>A</Table.Th>
            <Table.Th>B</Table.Th>
            <Table.Th>{t('dedup.statusLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p, i) => (
            <Table.Tr
              key={p.id}
              className="clickable-row"
              onClick={() => onSelect(i)}
              bg={i === selected ? 'var(--mantine-color-blue-light)' : undefined}
              aria-selected={i === selected}
              data-testid="pair-row"
            >
              <Table.Td>{offset + i + 1}</Table.Td>
              <Table.Td><BandBadge band={p.band} score={p.score} /></Table.Td>
              <Table.Td><Side h={p.a} /></Table.Td>
              <Table.Td><Side h={p.b} /></Table.Td>
              <Table.Td><StatusBadge status={p.status} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
