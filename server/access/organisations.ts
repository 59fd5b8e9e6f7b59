/**
 * Who may do what with organisations. Any full member reads the directory
 * and a sheet; platform admins decide the access requests and manage every
 * organisation; an organisation's own managers (members with "gérer les
 * membres") edit its sheet and its members. Nobody outside an organisation
 * sees its members' accounts: they answer `not_found`, as missing ones.
 */
import type { Knex } from 'knex';
import { forbidden, notFound } from '../errors';
import type { UserRow } from '../db/users';
import { findOrganisation, type OrganisationRow } from '../db/organisations';
import { findOrganisationMember, membershipOf, type MemberWithAccount } from '../db/organisation-members';
import { isAdmin } from './roles';
import { isFullMember } from './groups';

/** Platform admins review the public access requests. */
export const canReviewOrganisationRequests = (user: UserRow): boolean => isAdmin(user);

/** The directory and the sheets are for full members (not chat-only). */
export const canBrowseOrganisations = (user: UserRow): boolean => isFullMember(user);

/** Whether `user` manages the members of organisation `organisationId` (its managers, and platform admins). */
export async function managesOrganisation(db: Knex, user: UserRow, organisationId: number): Promise<boolean> {
  if (isAdmin(user)) return true;
  const link = await membershipOf(db, user.id);
  return !!link && link.organisation_id === organisationId && !!link.manages_members;
}

/** The organisation, for any full member; `not_found` if missing. */
export async function accessOrganisation(db: Knex, organisationId: number): Promise<OrganisationRow> {
  const org = await findOrganisation(db, organisationId);
  if (!org) throw notFound('Organisation');
  return org;
}

/**
 * The organisation, for those who manage it. Its own plain members get 403
 * (they see the organisation); anyone else `not_found`.
 */
export async function accessManagedOrganisation(db: Knex, user: UserRow, organisationId: number): Promise<OrganisationRow> {
  const org = await accessOrganisation(db, organisationId);
  if (await managesOrganisation(db, user, organisationId)) return org;
  const link = await membershipOf(db, user.id);
  if (link?.organisation_id === organisationId) throw forbidden('Seuls les gestionnaires de l’organisation peuvent faire cela.');
  throw notFound('Organisation');
}

/** A member of the managed organisation with their account; `not_found` for anyone else (never another organisation's people). */
export async function accessOrganisationMember(
  db: Knex,
  user: UserRow,
  organisationId: number,
  userId: number,
): Promise<MemberWithAccount> {
  await accessManagedOrganisation(db, user, organisationId);
  const member = await findOrganisationMember(db, organisationId, userId);
  if (!member || member.erased_at) throw notFound('Membre');
  return member;
}
