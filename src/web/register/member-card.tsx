import { memo } from 'react';
import {
  ActionIcon, Badge, Button, Checkbox, Grid, Group, Input, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, RELATIONSHIPS, SEXES } from '#domain/registry/household';
import { ageInYears } from '#web/i18n/format.ts';
import { autoDir } from '#web/lib/labels.ts';
import type { FieldErrors } from '#web/lib/problems.ts';
import { emptyDocument, type MemberValues, type Relationship } from './form-values.ts';

export interface NeedOption {
  value: string;
  label: string;
}

interface MemberCardProps {
  index: number;
  member: MemberValues;
  errors: FieldErrors;
  needs: NeedOption[];
  canRemove: boolean;
  onChange: (index: number, changes: Partial<MemberValues>) => void;
  onRelationship: (index: number, relationship: Relationship | null) => void;
  onRemove: (index: number) => void;
}

/** Letters that pick the sex while the control has focus (Latin, Arabic and Kurdish initials). */
const SEX_KEYS: Record<string, 'm' | 'f'> = { m: 'm', f: 'f', 'ذ': 'm', 'ن': 'm', 'أ': 'f', 'م': 'f' };

function CloseIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M6 6l12 12M18 6 6 18" />
    </svg>
  );
}

/**
 * One member: relationship, the four name parts (kept in the script typed), sex, a partial birth
 * date, documents or "no documents", specific needs. Text fields marked `data-enter` take part in
 * the form's Enter-to-advance keyboard flow.
 */
export const MemberCard = memo(function MemberCard(props: MemberCardProps) {
  const { index, member, errors, needs, canRemove, onChange, onRelationship, onRemove } = props;
  const { t } = useTranslation();
  const path = `members.${index}`;
  const err = (field: string) => errors[`${path}.${field}`];
  const set = (changes: Partial<MemberValues>) => onChange(index, changes);
  const text = (field: 'givenName' | 'fatherName' | 'grandfatherName' | 'familyName' | 'birthDate') => ({
    value: member[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set({ [field]: e.currentTarget.value }),
    error: err(field),
    dir: field === 'birthDate' ? 'ltr' : autoDir(member[field]),
    'data-enter': '',
    'data-testid': `member-${index}-${field}`,
  });
  const age = ageInYears(member.birthDate.trim());
  const sexLabelId = `member-${member.key}-sex`;

  const setDocument = (d: number, changes: { type?: string | null; number?: string }) =>
    set({ documents: member.documents.map((doc, i) => (i === d ? { ...doc, ...changes } : doc)) });

  return (
    <Paper withBorder p="md" radius="md" data-member-index={index} data-testid={`member-${index}`} component="fieldset" m={0}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs">
          <Text component="legend" fw={700} p={0}>{t('member.number', { n: index + 1 })}</Text>
          {member.relationship === 'head' && <Badge variant="light">{t('relationship.head')}</Badge>}
        </Group>
        {canRemove && (
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={() => onRemove(index)}
            aria-label={t('member.remove', { n: index + 1 })}
            data-testid={`member-${index}-remove`}
          >
            <CloseIcon />
          </ActionIcon>
        )}
      </Group>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <Select
            label={t('member.relationship')}
            data={RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationship.${r}`) }))}
            value={member.relationship}
            onChange={(v) => onRelationship(index, v as Relationship | null)}
            error={err('relationship')}
            searchable
            selectFirstOptionOnChange
            allowDeselect={false}
            required
            data-member-first=""
            data-testid={`member-${index}-relationship`}
          />
          <TextInput label={t('member.givenName')} required autoComplete="off" autoFocus={index === 0} {...text('givenName')} />
          <TextInput label={t('member.fatherName')} autoComplete="off" {...text('fatherName')} />
          <TextInput label={t('member.grandfatherName')} autoComplete="off" {...text('grandfatherName')} />
          <TextInput label={t('member.familyName')} autoComplete="off" {...text('familyName')} />
        </SimpleGrid>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <Input.Wrapper label={t('member.sex')} required error={err('sex')} labelElement="div" id={sexLabelId}>
              <SegmentedControl
                fullWidth
                onKeyDown={(e) => {
                  const sex = SEX_KEYS[e.key.toLowerCase()];
                  if (sex) { e.preventDefault(); set({ sex }); }
                }}
                data={SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))}
                value={member.sex}
                onChange={(v) => set({ sex: v as 'm' | 'f' })}
                aria-labelledby={`${sexLabelId}-label`}
                color={member.sex ? 'blue' : undefined}
                data-testid={`member-${index}-sex`}
                mt={4}
              />
            </Input.Wrapper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <TextInput
              label={t('member.birthDate')}
              description={age !== null ? t('member.age', { n: age }) : t('register.dateHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder="1975-06-01"
              autoComplete="off"
              {...text('birthDate')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <MultiSelect
              label={t('member.specificNeeds')}
              placeholder={member.specificNeeds.length ? undefined : t('member.specificNeedsPlaceholder')}
              data={needs}
              value={member.specificNeeds}
              onChange={(v) => set({ specificNeeds: v })}
              error={err('specificNeeds')}
              searchable
              clearable
              hidePickedOptions
              data-testid={`member-${index}-needs`}
            />
          </Grid.Col>
        </Grid>
        <Input.Wrapper label={t('member.documents')} error={err('documents')} labelElement="div">
          <Stack gap="xs" mt={4}>
            {!member.noDocuments && member.documents.map((doc, d) => (
              <Group key={doc.key} gap="xs" align="flex-start" wrap="nowrap">
                <Select
                  aria-label={t('member.documentType')}
                  data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`documentType.${type}`) }))}
                  value={doc.type}
                  onChange={(type) => setDocument(d, { type })}
                  error={errors[`${path}.documents.${d}.type`]}
                  allowDeselect={false}
                  w={{ base: '45%', sm: 240 }}
                  data-testid={`member-${index}-doc-${d}-type`}
                />
                <TextInput
                  aria-label={t('member.documentNumber')}
                  placeholder={t('member.documentNumber')}
                  value={doc.number}
                  onChange={(e) => setDocument(d, { number: e.currentTarget.value })}
                  error={errors[`${path}.documents.${d}.number`]}
                  dir="ltr"
                  autoComplete="off"
                  style={{ flex: 1 }}
                  maw={320}
                  data-enter=""
                  data-testid={`member-${index}-doc-${d}-number`}
                />
                {member.documents.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    onClick={() => set({ documents: member.documents.filter((_, i) => i !== d) })}
                    aria-label={t('member.removeDocument')}
                  >
                    <CloseIcon />
                  </ActionIcon>
                )}
              </Group>
            ))}
            <Group gap="md">
              {!member.noDocuments && member.documents.length < 10 && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => set({ documents: [...member.documents, emptyDocument()] })}
                  data-testid={`member-${index}-doc-add`}
                >
                  {t('member.addDocument')}
                </Button>
              )}
              <Checkbox
                label={t('member.noDocuments')}
                checked={member.noDocuments}
                onChange={(e) => {
                  const noDocuments = e.currentTarget.checked;
                  set({ noDocuments, documents: noDocuments ? [] : [emptyDocument()] });
                }}
                error={err('noDocuments')}
                data-testid={`member-${index}-no-documents`}
              />
            </Group>
          </Stack>
        </Input.Wrapper>
      </Stack>
    </Paper>
  );
});
