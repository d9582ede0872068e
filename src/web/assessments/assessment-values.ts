import { estimateIndividuals } from '#domain/movement/figures';
import type { Assessment } from '#domain/movement/assessments';
import { sharesToSend, type ShareValue } from './breakdown.ts';

/** The assessment form as typed: numbers may be blank while typing. */
export interface AssessmentValues {
  assessedOn: string;
  idpFamilies: number | string;
  /** Blank when only families are known: the server estimates families x 6. */
  idpIndividuals: number | string;
  returneeFamilies: number | string;
  returneeIndividuals: number | string;
  byOrigin: ShareValue[];
  byWave: ShareValue[];
  byShelter: ShareValue[];
  priorityNeeds: string[];
  informant: { name: string; role: string; phone: string };
  notes: string;
}

export const emptyAssessment = (today: string): AssessmentValues => ({
  assessedOn: today, idpFamilies: '', idpIndividuals: '', returneeFamilies: '', returneeIndividuals: '',
  byOrigin: [], byWave: [], byShelter: [], priorityNeeds: [], informant: { name: '', role: '', phone: '' }, notes: '',
});

/** A stored assessment as form values; estimated individuals show as blank (still estimated when saved). */
export function assessmentValues(a: Assessment): AssessmentValues {
  return {
    assessedOn: a.assessedOn,
    idpFamilies: a.idpFamilies,
    idpIndividuals: a.idpIndividualsEstimated ? '' : a.idpIndividuals,
    returneeFamilies: a.returneeFamilies,
    returneeIndividuals: a.returneeIndividualsEstimated ? '' : a.returneeIndividuals,
    byOrigin: a.byOrigin.map((s) => ({ ...s })),
    byWave: a.byWave.map((s) => ({ ...s })),
    byShelter: a.byShelter.map((s) => ({ ...s })),
    priorityNeeds: [...a.priorityNeeds],
    informant: { name: a.keyInformant?.name ?? '', role: a.keyInformant?.role ?? '', phone: a.keyInformant?.phone ?? '' },
    notes: a.notes ?? '',
  };
}

const count = (v: number | string) => (v === '' ? 0 : Number(v));
const optional = (v: number | string) => (v === '' ? null : Number(v));

/** The estimate the server will make where individuals are left blank. */
export const estimateOf = (families: number | string) => estimateIndividuals(count(families));

/**
 * The body to send. The key informant is sent only by someone who may see it: theirs replaces
 * it (blank removes it); for anyone else it is left out, so what is on record stays.
 */
export function assessmentBody(v: AssessmentValues, informants: boolean) {
  const name = v.informant.name.trim();
  return {
    assessedOn: v.assessedOn.trim(),
    idpFamilies: count(v.idpFamilies),
    idpIndividuals: optional(v.idpIndividuals),
    returneeFamilies: count(v.returneeFamilies),
    returneeIndividuals: optional(v.returneeIndividuals),
    byOrigin: sharesToSend(v.byOrigin),
    byWave: sharesToSend(v.byWave),
    byShelter: sharesToSend(v.byShelter),
    priorityNeeds: v.priorityNeeds,
    ...(informants ? { keyInformant: name ? { name, role: v.informant.role.trim() || null, phone: v.informant.phone.trim() || null } : null } : {}),
    notes: v.notes.trim() || null,
  };
}
