import { v7 as uuidv7 } from 'uuid';
import type { Household, MemberInput } from '#domain/registry/household';
import type { Actor, Ctx } from '../context.ts';
import { can } from '../identity/policy.ts';
import type { StoredMember } from './store.ts';

/**
 * Sensitive specific needs (SV, TR...) never sit in the plain column: they are sealed with the
 * data key and shown only to protection roles. An edit by someone who cannot see them keeps them.
 */
export function toStoredMembers(ctx: Ctx, actor: Actor, members: MemberInput[], sensitive: Set<string>, previous: StoredMember[] = []): StoredMember[] {
  const before = new Map(previous.map((m) => [m.id, m]));
  return members.map((m) => {
    const id = m.id ?? uuidv7();
    const plain = m.specificNeeds.filter((c) => !sensitive.has(c));
    const secret = m.specificNeeds.filter((c) => sensitive.has(c));
    const kept = before.get(id)?.sensitiveNeeds ?? null;
    const sensitiveNeeds = can(actor, 'protection.write')
      ? (secret.length ? ctx.sealer.seal(JSON.stringify(secret)) : null)
      : kept;
    return {
      id, relationship: m.relationship, givenName: m.givenName, fatherName: m.fatherName ?? null,
      grandfatherName: m.grandfatherName ?? null, familyName: m.familyName ?? null, sex: m.sex,
      birthDate: m.birthDate ?? null, documents: m.documents, noDocuments: m.noDocuments,
      specificNeeds: [...new Set(plain)], sensitiveNeeds,
    };
  });
}

/** The members as the actor may see them: sensitive codes opened only for protection roles. */
export function visibleMembers(ctx: Ctx, actor: Actor | null, members: StoredMember[]): Household['members'] {
  const open = actor !== null && can(actor, 'protection.read');
  return members.map(({ sensitiveNeeds, ...m }) => ({
    ...m, sex: m.sex as 'm' | 'f', relationship: m.relationship as Household['members'][number]['relationship'],
    documents: m.documents as Household['members'][number]['documents'],
    specificNeeds: open && sensitiveNeeds ? [...m.specificNeeds, ...(JSON.parse(ctx.sealer.open(sensitiveNeeds)) as string[])] : m.specificNeeds,
  }));
}

/** The opened sensitive codes per member, to tell whether an edit changed them. */
export function sensitiveState(ctx: Ctx, members: StoredMember[]): string {
  return JSON.stringify(members.filter((m) => m.sensitiveNeeds).map((m) => [m.id, JSON.parse(ctx.sealer.open(m.sensitiveNeeds!))]));
}

export function hasSensitive(members: StoredMember[]): boolean {
  return members.some((m) => m.sensitiveNeeds !== null);
}
