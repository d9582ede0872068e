import type { Programme } from '#domain/assistance/programmes';

/** The programme form's values and the body it sends (POST /api/programmes, PATCH /api/programmes/:id). */

export interface ProgrammeValues {
  code: string;
  name: string;
  nameAr: string;
  nameCkb: string;
  sector: string | null;
  areas: string[];
  startsOn: string;
  endsOn: string;
  closed: boolean;
}

export function valuesOf(p: Programme | null): ProgrammeValues {
  return {
    code: p?.code ?? '', name: p?.name ?? '', nameAr: p?.nameAr ?? '', nameCkb: p?.nameCkb ?? '', sector: p?.sector ?? null,
    areas: p?.areas ?? [], startsOn: p?.startsOn ?? '', endsOn: p?.endsOn ?? '', closed: p?.status === 'closed',
  };
}

/** The body of a new programme, or of an edit (code and sector stay as they were). */
export function programmeBody(v: ProgrammeValues, editing: Pick<Programme, 'version'> | null) {
  const common = { name: v.name, nameAr: v.nameAr || null, nameCkb: v.nameCkb || null, areas: v.areas, startsOn: v.startsOn, endsOn: v.endsOn || null };
  return editing
    ? { ...common, version: editing.version, status: v.closed ? 'closed' as const : 'active' as const }
    : { ...common, code: v.code, sector: v.sector ?? '' };
}
