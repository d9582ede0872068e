import type { z } from 'zod';
import type { CheckInput } from '#domain/dedup/api';
import { DOCUMENT_TYPES } from '#domain/registry/household';
import { parsePartialDate } from '#domain/shared/partial-date';
import { normalizePhone } from '#domain/shared/phone';
import type { HouseholdValues, MemberValues, Relationship } from '#web/register/form-values.ts';

/**
 * The body of a duplicate check (CheckInput) built from the registration form as typed so far:
 * only values the schema accepts (a half-typed phone is left out, a half-typed date is cut to the
 * part complete, so the check never fails on them) and only members with a given name and a
 * relationship. `positions[i]` is the form index of the i-th member sent, so a candidate's
 * `matchedWith` finds the member on the form.
 */
export type CheckBody = z.input<typeof CheckInput>;

export interface CheckRequest {
  body: CheckBody;
  positions: number[];
}

const trimmed = (text: string) => text.trim() || null;

/**
 * The birth date typed so far, at the precision complete: "1975-0" (a month being typed) is still
 * 1975, so the check does not come and go while the clerk types a full date.
 */
export function typedBirth(raw: string): string | null {
  const text = raw.trim();
  for (const prefix of [text, text.slice(0, 7), text.slice(0, 4)]) {
    const date = parsePartialDate(prefix);
    if (date) return date.value;
  }
  return null;
}

/** The head has a given name, a father's name and a birth year (or fuller date). */
export function headReady(values: HouseholdValues): boolean {
  const head = values.members.find((m) => m.relationship === 'head');
  return !!head && !!head.givenName.trim() && !!head.fatherName.trim() && typedBirth(head.birthDate) !== null;
}

type DocumentType = (typeof DOCUMENT_TYPES)[number];
const isDocumentType = (type: string | null): type is DocumentType => DOCUMENT_TYPES.includes(type as DocumentType);

function memberBody(m: MemberValues, relationship: Relationship): CheckBody['members'][number] {
  const documents = m.noDocuments ? [] : m.documents.flatMap((d) => (d.number.trim() && isDocumentType(d.type) ? [{ type: d.type, number: d.number.trim() }] : []));
  return {
    relationship,
    givenName: m.givenName.trim(),
    fatherName: trimmed(m.fatherName),
    grandfatherName: trimmed(m.grandfatherName),
    familyName: trimmed(m.familyName),
    ...(m.sex ? { sex: m.sex } : {}),
    birthDate: typedBirth(m.birthDate),
    documents,
  };
}

/** The check to send for these values, or null while the head is not typed far enough. */
export function checkRequest(values: HouseholdValues): CheckRequest | null {
  if (!headReady(values)) return null;
  const sent = values.members.flatMap((m, i) => (m.givenName.trim() && m.relationship ? [{ m, i, relationship: m.relationship }] : []));
  const phone = values.phone.trim() ? normalizePhone(values.phone) : null;
  const body: CheckBody = {
    ...(values.origin.pcode ? { origin: { pcode: values.origin.pcode } } : {}),
    ...(phone ? { phone } : {}),
    members: sent.map(({ m, relationship }) => memberBody(m, relationship)),
  };
  return { body, positions: sent.map(({ i }) => i) };
}
