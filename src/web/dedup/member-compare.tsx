import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { codeLabel } from '#web/lib/labels.ts';
import { fieldLabel, highlightStyle, levelWords, PERSON_FIELDS, reasonColor, reasons, tint, type Explanations } from './levels.ts';

/** A person as compared: names in the script they were written in, sex and partial birth date. */
export interface ComparedPerson {
  relationship?: string | null;
  givenName: string | null;
  fatherName: string | null;
  grandfatherName: string | null;
  familyName: string | null;
  sex: string | null;
  birthDate: string | null;
}

/** One row: two people found to be one (with the field levels), or one person with no match. */
export interface ComparisonRow {
  key: string;
  a: ComparedPerson | null;
  b: ComparedPerson | null;
  fields?: Explanations;
  score?: number;
  band?: string;
}

/** A value marked with its level's colour; the words are in the title for a pointer. */
function Marked({ value, field, fields }: { value: string | null; field: (typeof PERSON_FIELDS)[number][0]; fields?: Explanations }) {
  const level = fields?.[field]?.level;
  const style = highlightStyle(level);
  if (!value && !style) return null;
  return (
    <span style={style} title={level ? `${fieldLabel(field)}: ${levelWords(field, level)}` : undefined} data-level={level}>
      {value || '—'}
    </span>
  );
}

function PersonCell({ person, fields }: { person: ComparedPerson | null; fields?: Explanations }) {
  const { t } = useTranslation();
  if (!person) return <Text size="sm" c="dimmed">{t('dedup.noMatch')}</Text>;
  const lang = currentLang();
  const names = PERSON_FIELDS.slice(0, 4).map(([field, key]) => ({ field, value: person[key] }));
  const sex = person.sex ? codeLabel('sex', person.sex) : null;
  return (
    <div>
      <Text fw={600} size="sm" component="div">
        <bdi dir="auto">
          {names.map(({ field, value }, i) => (
            <span key={field}>{i > 0 && ' '}<Marked value={value} field={field} fields={fields} /></span>
          ))}
        </bdi>
      </Text>
      <Text size="xs" c="dimmed" component="div">
        {person.relationship && <>{codeLabel('relationship', person.relationship)} · </>}
        <Marked value={sex} field="sex" fields={fields} /> · <Marked value={formatPartialDate(lang, person.birthDate) || null} field="birthDate" fields={fields} />
      </Text>
    </div>
  );
}

/** The comparisons of one member pair in words, each tinted with its level's colour. */
export function Reasons({ fields }: { fields: Explanations }) {
  const { t } = useTranslation();
  const list = reasons(fields);
  if (list.length === 0) return <Text size="sm" span style={tint('teal')}>{t('dedup.allSame')}</Text>;
  return (
    <Group gap={6}>
      {list.map((r) => (
        <Text key={r.field} size="sm" span style={tint(reasonColor(r.level))} data-testid={`reason-${r.field}`} data-level={r.level}>
          {fieldLabel(r.field)}: {levelWords(r.field, r.level)}
        </Text>
      ))}
    </Group>
  );
}

/** People side by side, one pair per row, every differing field highlighted and put in words. */
export function ComparisonTable({ left, right, rows, testId }: { left: React.ReactNode; right: React.ReactNode; rows: ComparisonRow[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" withTableBorder withColumnBorders data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="32%">{left}</Table.Th>
            <Table.Th w="32%">{right}</Table.Th>
            <Table.Th>{t('dedup.differences')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-testid="compare-row">
              <Table.Td><PersonCell person={row.a} fields={row.fields} /></Table.Td>
              <Table.Td><PersonCell person={row.b} fields={row.fields} /></Table.Td>
              <Table.Td>{row.fields ? <Reasons fields={row.fields} /> : null}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
