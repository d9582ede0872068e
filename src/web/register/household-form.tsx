import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Box, Button, Group, List, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { translateError } from '#web/i18n/errors.ts';
import { HouseholdInput } from '#domain/registry/household';
import { ApiError } from '#web/api/client.ts';
import { useReference } from '#web/api/queries.ts';
import { currentLang } from '#web/i18n/index.ts';
import { notifyError, problemMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { emptyMember, inheritedNames, placeErrors, toInput, type HouseholdValues, type MemberValues, type Relationship } from './form-values.ts';
import { Section } from '#web/components/section.tsx';
import { LocationSection, ProtectionSection } from './household-sections.tsx';
import { MemberCard, type NeedOption } from './member-card.tsx';

export interface HouseholdFormProps {
  initial: HouseholdValues;
  registries: { value: string; label: string }[];
  submitLabel: string;
  onSubmit: (input: HouseholdInput) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
  /** Shown after the members (the duplicate check), given the values as typed. */
  renderAfterMembers?: (values: HouseholdValues) => React.ReactNode;
  /** Shown in the sticky save bar, beside the member count. */
  footerStatus?: React.ReactNode;
  /** Checked after validation, before saving: false stops the save (the caller says why). */
  beforeSubmit?: () => boolean;
  /** The household's id when where it is now follows its movements: that part is shown read-only. */
  currentLocked?: string | null;
}

/** An empty area field says "required" rather than "this is not a P-code". */
function requiredWhenEmpty(errors: FieldErrors, input: Record<string, unknown>): FieldErrors {
  const out = { ...errors };
  for (const path of Object.keys(out)) {
    const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], input);
    if (path.endsWith('pcode') && !value) out[path] = translateError(currentLang(), 'required');
  }
  return out;
}

const TEXT_FIELDS = 'input[data-enter]:not(:disabled)';
const FOCUSABLE = 'input:not([type=hidden]):not(:disabled), textarea:not(:disabled)';

/** Fields in tab order; of a radio group only the checked radio (or the first, if none is). */
function focusable(form: HTMLFormElement | null): HTMLElement[] {
  const all = [...(form?.querySelectorAll<HTMLInputElement>(FOCUSABLE) ?? [])];
  return all.filter((el) => {
    if (el.type !== 'radio') return true;
    const group = all.filter((r) => r.type === 'radio' && r.name === el.name);
    return el.checked || (!group.some((r) => r.checked) && group[0] === el);
  });
}

/**
 * The household form used to register and to edit. Built for a clerk at a busy desk: the head's
 * name is focused first, Enter moves to the next field, Enter in a member's last field adds the
 * next member, Ctrl+Enter saves. Validated with the shared HouseholdInput schema before sending;
 * errors from the schema or the server are shown at their field, translated.
 */
export function HouseholdForm(props: HouseholdFormProps) {
  const { initial, registries, submitLabel, onSubmit, onCancel, testId, renderAfterMembers, footerStatus, beforeSubmit, currentLocked } = props;
  const { t } = useTranslation();
  const reference = useReference();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const leaving = useRef(false);
  const focusMember = useRef<number | null>(null);
  const focusError = useRef(false);

  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(initial), [values, initial]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    if (focusMember.current !== null) {
      form.querySelector<HTMLElement>(`[data-member-index="${focusMember.current}"] [data-member-first]`)?.focus();
      focusMember.current = null;
    }
    if (focusError.current) {
      const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[data-testid="form-errors"]');
      invalid?.scrollIntoView({ block: 'center' });
      if (invalid?.matches('input, textarea')) invalid.focus({ preventScroll: true });
      focusError.current = false;
    }
  });

  const clearErrors = useCallback((paths: string[]) => {
    setErrors((current) => {
      const next = Object.fromEntries(Object.entries(current).filter(([p]) => !paths.some((x) => p === x || p.startsWith(`${x}.`))));
      return Object.keys(next).length === Object.keys(current).length ? current : next;
    });
  }, []);

  const update = useCallback((change: (v: HouseholdValues) => HouseholdValues, paths: string[]) => {
    setValues(change);
    clearErrors(paths);
  }, [clearErrors]);

  const changeMember = useCallback((index: number, changes: Partial<MemberValues>) => {
    setValues((v) => ({ ...v, members: v.members.map((m, i) => (i === index ? { ...m, ...changes } : m)) }));
    clearErrors(Object.keys(changes).map((k) => `members.${index}.${k}`));
  }, [clearErrors]);

  const changeRelationship = useCallback((index: number, relationship: Relationship | null) => {
    setValues((v) => {
      const head = v.members.find((m) => m.relationship === 'head');
      return {
        ...v,
        members: v.members.map((m, i) => {
          if (i !== index) return m;
          const inherited = head && head !== m && relationship ? inheritedNames(head, relationship) : {};
          const filled = Object.fromEntries(Object.entries(inherited).filter(([k]) => !m[k as keyof MemberValues]));
          return { ...m, ...filled, relationship };
        }),
      };
    });
    clearErrors([`members.${index}.relationship`, 'members']);
  }, [clearErrors]);

  const addMember = useCallback(() => {
    setValues((v) => {
      focusMember.current = v.members.length;
      return { ...v, members: [...v.members, emptyMember(v.members.some((m) => m.relationship === 'head') ? null : 'head')] };
    });
  }, []);

  const removeMember = useCallback((index: number) => {
    setValues((v) => ({ ...v, members: v.members.filter((_, i) => i !== index) }));
    clearErrors(['members']);
  }, [clearErrors]);

  const submit = async () => {
    if (submitting) return;
    const input = toInput(values);
    const parsed = HouseholdInput.safeParse(input);
    if (!parsed.success) {
      const placed = placeErrors(requiredWhenEmpty(zodFieldErrors(parsed.error.issues), input));
      setErrors(placed.fields);
      setOtherErrors(placed.other);
      focusError.current = true;
      return;
    }
    setErrors({});
    setOtherErrors([]);
    if (beforeSubmit && !beforeSubmit()) return;
    setSubmitting(true);
    leaving.current = true;
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      leaving.current = false;
      // A stale version (409) is shown by the page, with the current record.
      if (error instanceof ApiError && error.status === 409) return;
      const placed = placeErrors(serverFieldErrors(error));
      setErrors(placed.fields);
      const fieldCount = Object.keys(placed.fields).length;
      if (fieldCount === 0 && placed.other.length === 0) notifyError(error);
      setOtherErrors(fieldCount || placed.other.length ? [...(error instanceof ApiError ? [problemMessage(error)] : []), ...placed.other] : []);
      focusError.current = true;
    } finally {
      setSubmitting(false);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void submit();
      return;
    }
    if (target.tagName !== 'INPUT') return;
    // Enter never submits the whole registration by accident.
    e.preventDefault();
    if (!target.matches(TEXT_FIELDS) && (target as HTMLInputElement).type !== 'radio') return;
    const card = target.closest<HTMLElement>('[data-member-index]');
    const fields = card ? [...card.querySelectorAll<HTMLElement>(TEXT_FIELDS)] : [];
    if (card && fields[fields.length - 1] === target) {
      const index = Number(card.dataset.memberIndex);
      if (index === values.members.length - 1) addMember();
      else formRef.current?.querySelector<HTMLElement>(`[data-member-index="${index + 1}"] [data-member-first]`)?.focus();
      return;
    }
    const all = focusable(formRef.current);
    all[all.indexOf(target) + 1]?.focus();
  };

  const lang = currentLang();
  const needs: NeedOption[] = useMemo(
    () => (reference.data?.specificNeeds ?? []).map((n) => ({
      value: n.code,
      label: `${n.code} — ${n.labels[lang] || n.labels.en}${n.sensitive ? ` (${t('member.sensitive')})` : ''}`,
    })),
    [reference.data, lang, t],
  );

  return (
    <form
      ref={formRef}
      onSubmit={(e) => { e.preventDefault(); void submit(); }}
      onKeyDown={onKeyDown}
      noValidate
      data-testid={testId}
    >
      <Stack gap="md">
        {(otherErrors.length > 0 || Object.keys(errors).length > 0) && (
          <Alert color="red" title={t('common.fixErrors')} data-testid="form-errors" role="alert">
            {otherErrors.length > 0 && (
              <List size="sm">{otherErrors.map((m) => <List.Item key={m}>{m}</List.Item>)}</List>
            )}
          </Alert>
        )}
        <Group gap="sm" align="flex-end">
          <Select
            label={t('register.registry')}
            data={registries}
            value={values.registry}
            onChange={(registry) => update((v) => ({ ...v, registry: registry ?? v.registry }), ['registry'])}
            error={errors.registry}
            allowDeselect={false}
            disabled={registries.length < 2}
            w={{ base: '100%', xs: 480 }}
            data-testid="field-registry"
          />
        </Group>
        <Section title={`${t('register.membersSection')} (${values.members.length})`} testId="section-members">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">{t('register.membersHint')}</Text>
            {errors.members && (
              <Alert color="red" p="xs" data-testid="members-error">{errors.members}</Alert>
            )}
            {values.members.map((member, index) => (
              <MemberCard
                key={member.key}
                index={index}
                member={member}
                errors={errors}
                needs={needs}
                canRemove={values.members.length > 1}
                onChange={changeMember}
                onRelationship={changeRelationship}
                onRemove={removeMember}
              />
            ))}
            <Box>
              <Button variant="light" onClick={addMember} data-testid="member-add">{t('register.addMember')}</Button>
            </Box>
          </Stack>
        </Section>
        {renderAfterMembers?.(values)}
        <LocationSection values={values} errors={errors} update={update} currentLocked={currentLocked} />
        <ProtectionSection values={values} errors={errors} update={update} />
        <Paper
          withBorder
          p="sm"
          radius="md"
          shadow="sm"
          pos="sticky"
          bottom={8}
          style={{ zIndex: 5 }}
        >
          <Group justify="space-between" gap="sm">
            <Group gap="xs">
              <Badge variant="light" size="lg">{t('register.membersSection')}: {values.members.length}</Badge>
              {footerStatus}
              <Text size="xs" c="dimmed" visibleFrom="sm">Ctrl+Enter</Text>
            </Group>
            <Group gap="sm">
              {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
              <Button type="submit" loading={submitting} size="md" data-testid="register-submit">{submitLabel}</Button>
            </Group>
          </Group>
        </Paper>
      </Stack>
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('register.leaveWarning')}
        centered
      >
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => blocker.reset?.()} data-testid="leave-stay">{t('common.cancel')}</Button>
          <Button color="red" onClick={() => blocker.proceed?.()} data-testid="leave-confirm">{t('common.yes')}</Button>
        </Group>
      </Modal>
    </form>
  );
}
