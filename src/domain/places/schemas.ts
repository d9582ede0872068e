import { z } from 'zod';
import { PCODE } from './pcode.ts';

export const Area = z.object({
  pcode: z.string(), level: z.number().int(), parentPcode: z.string().nullable(),
  nameEn: z.string(), nameAr: z.string(), nameCkb: z.string().nullable(),
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

export const SiteInput = z.object({
  id: z.uuid('uuid.invalid').optional(),
  name: z.string().trim().min(1, 'required').max(200, 'text.too_long'),
  nameAr: z.string().trim().max(200, 'text.too_long').optional().nullable(),
  nameCkb: z.string().trim().max(200, 'text.too_long').optional().nullable(),
  kind: z.enum(SITE_KINDS, 'invalid_value'),
  pcode: z.string().trim().toUpperCase().regex(PCODE, 'pcode.invalid'),
  latitude: z.number().min(-90, 'too_small').max(90, 'too_big').optional().nullable(),
  longitude: z.number().min(-180, 'too_small').max(180, 'too_big').optional().nullable(),
  capacity: z.number().int().min(0, 'too_small').max(10_000_000, 'too_big').optional().nullable(),
  managingOrganizationId: z.uuid('uuid.invalid').optional().nullable(),
});
export type SiteInput = z.infer<typeof SiteInput>;

export const Site = z.object({
  id: z.uuid(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable(), kind: z.string(),
  pcode: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable(), capacity: z.number().nullable(),
  managingOrganizationId: z.string().nullable(),
});
export type Site = z.infer<typeof Site>;

export const SiteQuery = z.object({
  pcode: z.string().trim().toUpperCase().regex(/^IQG\d{2}(Q\d{2}(N\d{2})?)?$/, 'pcode.invalid').optional(),
  q: z.string().trim().max(100, 'text.too_long').optional(),
});

const Labels = z.object({ en: z.string(), ar: z.string(), ckb: z.string() });
export const Reference = z.object({
  shelterTypes: z.array(z.object({ code: z.string(), category: z.string(), labels: Labels })),
  specificNeeds: z.array(z.object({ code: z.string(), labels: Labels, sensitive: z.boolean() })),
  roles: z.array(z.object({ code: z.string(), labels: Labels, permissions: z.array(z.string()) })),
});
export type Reference = z.infer<typeof Reference>;
