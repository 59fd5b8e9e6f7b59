/** The directory of organisations, a sheet, and its edit by the organisation's managers. */
import type { Deps } from '../../deps';
import type { Organisation, OrganisationInput, OrganisationSummary, MyOrganisation } from '../../protocol/organisations';
import { conflict } from '../../errors';
import type { UserRow } from '../../db/users';
import {
  findOrganisation,
  findOrganisationBySiret,
  searchOrganisations,
  updateOrganisation,
  type OrganisationSearch,
} from '../../db/organisations';
import { membershipOf, organisationMembers } from '../../db/organisation-members';
import { accessManagedOrganisation, accessOrganisation, managesOrganisation } from '../../access/organisations';
import { presentOrganisation, presentOrganisationSummary } from '../../presenters/organisations';
import { communeOf, sheetColumns } from './sheet';

/** A page of the directory; `nextCursor` is the offset of the next page. */
export async function searchDirectory(
  deps: Deps,
  s: OrganisationSearch,
): Promise<{ items: OrganisationSummary[]; nextCursor: number | null }> {
  const rows = await searchOrganisations(deps.db, { ...s, limit: s.limit + 1 });
  const items = rows.slice(0, s.limit).map((r) => presentOrganisationSummary(r, Number(r.member_count), communeOf));
  return { items, nextCursor: rows.length > s.limit ? s.offset + s.limit : null };
}

/** A sheet with its active members' names and functions. */
export async function getOrganisation(deps: Deps, actor: UserRow, id: number): Promise<Organisation> {
  const org = await accessOrganisation(deps.db, id);
  const members = await organisationMembers(deps.db, id, true);
  return presentOrganisation(org, members, await managesOrganisation(deps.db, actor, id), communeOf);
}

/** A manager rewrites the sheet; a SIRET another organisation has is refused. */
export async function editOrganisation(deps: Deps, actor: UserRow, id: number, input: OrganisationInput): Promise<Organisation> {
  await accessManagedOrganisation(deps.db, actor, id);
  const sheet = sheetColumns(input);
  if (sheet.siret) {
    const other = await findOrganisationBySiret(deps.db, sheet.siret);
    if (other && other.id !== id)
      throw conflict('siret_taken', 'Une autre organisation a déjà ce SIRET.', {
        fields: { siret: 'Une autre organisation a déjà ce SIRET.' },
      });
  }
  await updateOrganisation(deps.db, id, sheet);
  return getOrganisation(deps, actor, id);
}

/** The caller's organisation, if any (GET /api/me/organisation). */
export async function myOrganisation(deps: Deps, actor: UserRow): Promise<MyOrganisation | null> {
  const link = await membershipOf(deps.db, actor.id);
  if (!link) return null;
  const org = await findOrganisation(deps.db, link.organisation_id);
  return org ? { id: org.id, name: org.name, managesMembers: !!link.manages_members } : null;
}
