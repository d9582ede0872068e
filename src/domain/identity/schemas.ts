import { z } from 'zod';
import { PCODE } from '../places/pcode.ts';
import { Version } from '../registry/household.ts';

/** What a signed-in person may do; roles (data) grant sets of these. */
export const PERMISSIONS = [
  'households.read', 'households.write', 'households.import', 'households.export',
  'protection.read', 'protection.write',
  'dedup.check', 'dedup.review',
  'figures.read', 'assessments.read', 'assessments.write', 'assessments.manage', 'assessments.informants',
  'assistance.read', 'assistance.manage', 'assistance.approve', 'assistance.distribute', 'assistance.configure', 'cards.print', 'stock.read', 'stock.manage',
  'users.manage', 'organizations.manage', 'places.manage', 'audit.verify',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const Username = z.string().trim().regex(/^[A-Za-z0-9._-]{3,40}$/, 'username.invalid');
export const Password = z.string().min(10, 'password.weak').max(200, 'text.too_long');
export const OrgCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,16}$/, 'code.invalid');
export const Scope = z.array(z.string().trim().toUpperCase().regex(PCODE, 'pcode.invalid')).max(50, 'too_many');
export const TotpCode = z.string().trim().regex(/^\d{6}$/, 'mfa.code_invalid');
export const LocaleCode = z.enum(['en', 'ar', 'ckb'], 'invalid_value');

export const LoginInput = z.object({
  username: z.string().trim().min(1, 'required').max(80, 'text.too_long'),
  password: z.string().min(1, 'required').max(200, 'text.too_long'),
  code: TotpCode.optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  organization: z.object({ id: z.uuid(), code: z.string(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable() }),
  role: z.string(),
  permissions: z.array(z.string()),
  scope: z.array(z.string()),
  locale: z.string(),
  mfaEnabled: z.boolean(),
  mfaRequired: z.boolean(),
  mfaSetupRequired: z.boolean(),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const TokenInput = z.object({ name: z.string().trim().min(1, 'required').max(80, 'text.too_long') });
export const MfaCodeInput = z.object({ code: TotpCode });
export const PasswordChange = z.object({ currentPassword: z.string().min(1, 'required'), newPassword: Password });

export const OrganizationInput = z.object({
  code: OrgCode,
  name: z.string().trim().min(1, 'required').max(200, 'text.too_long'),
  nameAr: z.string().trim().max(200, 'text.too_long').optional().nullable(),
  nameCkb: z.string().trim().max(200, 'text.too_long').optional().nullable(),
  kind: z.enum(['government', 'un', 'ngo', 'other'], 'invalid_value').default('ngo'),
});
export type OrganizationInput = z.infer<typeof OrganizationInput>;

export const Organization = z.object({
  id: z.uuid(), code: z.string(), name: z.string(), nameAr: z.string().nullable(),
  nameCkb: z.string().nullable(), kind: z.string(), createdAt: z.string(),
});
export type Organization = z.infer<typeof Organization>;

export const UserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1, 'required').max(120, 'text.too_long'),
  password: Password,
  organizationId: z.uuid('uuid.invalid'),
  role: z.string().trim().min(1, 'required'),
  scope: Scope.default([]),
  locale: LocaleCode.default('en'),
  mfaRequired: z.boolean().default(false),
});
export type UserInput = z.infer<typeof UserInput>;

export const UserUpdate = z.object({
  version: Version,
  displayName: z.string().trim().min(1, 'required').max(120, 'text.too_long').optional(),
  role: z.string().trim().min(1, 'required').optional(),
  scope: Scope.optional(),
  locale: LocaleCode.optional(),
  active: z.boolean().optional(),
  mfaRequired: z.boolean().optional(),
  password: Password.optional(),
  unlock: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const User = z.object({
  id: z.uuid(), username: z.string(), displayName: z.string(),
  organization: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  role: z.string(), scope: z.array(z.string()), locale: z.string(), active: z.boolean(),
  mfaEnabled: z.boolean(), mfaRequired: z.boolean(), lockedUntil: z.string().nullable(), version: z.number().int(),
});
export type User = z.infer<typeof User>;
