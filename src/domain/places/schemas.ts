import { z } from 'zod';
import { PCODE } from './pcode.ts';

export const Area = z.object({
  pcode: z.string(), level: z.number().int(), parentPcode: z.string().nullable(),
  nameEn: z.string(), nameAr: z.string(), nameCkb: z.string().nullable(),
  /** A point inside the area (from its boundary, once imported). */
  latitude: z.number().nullable().optional(), longitude: z.number().nullable().optional(),
});
export type Area = z.infer<typeof Area>;

export const AreaQuery = z.object({
  level: z.coerce.number().int().min(1, 'invalid_value').max(3, 'invalid_value').optional(),
  parent: z.string().trim().toUpperCase().regex(PCODE, 'pcode.invalid').optional(),
  q: z.string().trim().max(100, 'text.too_long').optional(),
  boundaries: z.enum(['true', 'false'], 'invalid_value').optional(),
});
export type AreaQuery = z.infer<typeof AreaQuery>;

export const SITE_KINDS = ['camp', 'informal_settlement', 'collective_centre', 'host_community', 'transit_point', 'other'] as const;
/** Transit points (flow monitoring): checkpoints, border crossings... */
export const TRANSIT_TYPES = ['checkpoint', 'border_crossing', 'airport', 'bus_station', 'other'] as const;

const siteFields = {
  name: z.string().trim().min(1, 'required').max(200, 'text.too_long'),
  nameAr: z.string().trim().max(200, 'text.too_long').optional().nullable().transform((v) => v || null),
  nameCkb: z.string().trim().max(200, 'text.too_long').optional().nullable().transform((v) => v || null),
  kind: z.enum(SITE_KINDS, 'invalid_value'),
  /** The shelter type people live in there (camp, school...): the shelter of families moved there. */
  shelter: z.string().trim().regex(/^[a-z_]{2,40}$/, 'shelter.invalid').optional().nullable().transform((v) => v ?? null),
  transitType: z.enum(TRANSIT_TYPES, 'invalid_value').optional().nullable().transform((v) => v ?? null),
  pcode: z.string().trim().toUpperCase().regex(PCODE, 'pcode.invalid'),
  latitude: z.number().min(-90, 'too_small').max(90, 'too_big').optional().nullable(),
  longitude: z.number().min(-180, 'too_small').max(180, 'too_big').optional().nullable(),
  capacity: z.number().int().min(0, 'too_small').max(10_000_000, 'too_big').optional().nullable(),
  managingOrganizationId: z.uuid('uuid.invalid').optional().nullable(),
};

/** Only a transit point has a transit type, and it must have one. */
function transitType(s: { kind: string; transitType: string | null }, ctx: z.RefinementCtx) {
  if ((s.kind === 'transit_point') !== (s.transitType !== null)) ctx.addIssue({ code: 'custom', path: ['transitType'], message: 'site.transit_type' });
}

export const SiteInput = z.object({ id: z.uuid('uuid.invalid').optional(), ...siteFields }).superRefine(transitType);
export type SiteInput = z.infer<typeof SiteInput>;

/** An edit of a site at the version read; `active: false` closes it (no one moves there any more). */
export const SiteUpdate = z.object({ version: z.number().int().min(1, 'too_small').max(2_147_483_647, 'too_big'), active: z.boolean(), ...siteFields })
  .superRefine(transitType);
export type SiteUpdate = z.infer<typeof SiteUpdate>;

export const Site = z.object({
  id: z.uuid(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable(), kind: z.string(),
  shelter: z.string().nullable(), transitType: z.string().nullable(), active: z.boolean(), version: z.number().int(),
  pcode: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable(), capacity: z.number().nullable(),
  managingOrganizationId: z.string().nullable(),
  /** Displaced families and people the registry has there now. */
  population: z.object({ families: z.number().int(), individuals: z.number().int() }),
});
export type Site = z.infer<typeof Site>;

export const SiteQuery = z.object({
  pcode: z.string().trim().toUpperCase().regex(/^IQG\d{2}(Q\d{2}(N\d{2})?)?$/, 'pcode.invalid').optional(),
  q: z.string().trim().max(100, 'text.too_long').optional(),
  kind: z.enum(SITE_KINDS, 'invalid_value').optional(),
  /** Closed sites too. */
  all: z.enum(['true', 'false'], 'invalid_value').optional(),
});
export type SiteQuery = z.infer<typeof SiteQuery>;

const Labels = z.object({ en: z.string(), ar: z.string(), ckb: z.string() });
export const Reference = z.object({
  shelterTypes: z.array(z.object({ code: z.string(), category: z.string(), labels: Labels })),
  waves: z.array(z.object({ code: z.string(), startsOn: z.string(), endsOn: z.string().nullable(), labels: Labels })),
  sectors: z.array(z.object({ code: z.string(), number: z.number().int(), labels: Labels })),
  priorityNeeds: z.array(z.object({ code: z.string(), sector: z.string(), labels: Labels })),
  specificNeeds: z.array(z.object({ code: z.string(), labels: Labels, sensitive: z.boolean() })),
  roles: z.array(z.object({ code: z.string(), labels: Labels, permissions: z.array(z.string()) })),
});
export type Reference = z.infer<typeof Reference>;
