import type { Knex } from 'knex';
import type { UserRow } from './users';

/** A row of `organisation_members`: one organisation per account at most. */
export interface OrganisationMemberRow {
  id: number;
  organisation_id: number;
  user_id: number;
  manages_members: boolean | number;
  created_at: Date | number | string;
}

/** A member's account and their link. */
export type MemberWithAccount = UserRow & { organisation_id: number; manages_members: boolean | number };

export async function insertOrganisationMember(
  db: Knex,
  m: { organisationId: number; userId: number; managesMembers: boolean },
): Promise<void> {
  await db('organisation_members').insert({
    organisation_id: m.organisationId,
    user_id: m.userId,
    manages_members: m.managesMembers,
    created_at: new Date(),
  });
}

/** The organisation an account belongs to, if any. */
export async function membershipOf(db: Knex, userId: number): Promise<OrganisationMemberRow | undefined> {
  return db<OrganisationMemberRow>('organisation_members').where({ user_id: userId }).first();
}

/** A member of this organisation with their account, or undefined (another organisation's person as well). */
export async function findOrganisationMember(db: Knex, organisationId: number, userId: number): Promise<MemberWithAccount | undefined> {
  return db('organisation_members as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where({ 'm.organisation_id': organisationId, 'm.user_id': userId })
    .select('u.*', 'm.organisation_id', 'm.manages_members')
    .first();
}

/** Every member of an organisation, by name; `activeOnly` for what other members see. */
export async function organisationMembers(db: Knex, organisationId: number, activeOnly: boolean): Promise<MemberWithAccount[]> {
  const q = db('organisation_members as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where('m.organisation_id', organisationId)
    .whereNull('u.erased_at')
    .select('u.*', 'm.organisation_id', 'm.manages_members')
    .orderByRaw('lower(u.last_name), lower(u.first_name), u.id');
  if (activeOnly) q.where('u.status', 'active');
  return q;
}

export async function setManagesMembers(db: Knex, organisationId: number, userId: number, manages: boolean): Promise<void> {
  await db('organisation_members').where({ organisation_id: organisationId, user_id: userId }).update({ manages_members: manages });
}

/** Active members who manage the organisation, other than `exceptUserId`. */
export async function otherActiveManagers(db: Knex, organisationId: number, exceptUserId: number): Promise<number> {
  const row = await db('organisation_members as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where({ 'm.organisation_id': organisationId, 'm.manages_members': true, 'u.status': 'active' })
    .whereNot('m.user_id', exceptUserId)
    .count({ n: '*' })
    .first();
  return Number(row?.n ?? 0);
}

export async function deleteOrganisationMember(db: Knex, organisationId: number, userId: number): Promise<void> {
  await db('organisation_members').where({ organisation_id: organisationId, user_id: userId }).delete();
}
