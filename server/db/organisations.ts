import type { Knex } from 'knex';
import { whereAnyContains } from '../database';

/** A row of `organisations`. */
export interface OrganisationRow {
  id: number;
  type: string;
  name: string;
  commune_code: string;
  department_code: string;
  siret: string | null;
  website: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  services: string | null;
  created_at: Date | number | string;
  updated_at: Date | number | string;
}

export type OrganisationSheet = Omit<OrganisationRow, 'id' | 'created_at' | 'updated_at'>;

export async function insertOrganisation(db: Knex, sheet: OrganisationSheet): Promise<OrganisationRow> {
  const now = new Date();
  const [row] = await db('organisations')
    .insert({ ...sheet, created_at: now, updated_at: now })
    .returning('*');
  return row as OrganisationRow;
}

export async function findOrganisation(db: Knex, id: number): Promise<OrganisationRow | undefined> {
  return db<OrganisationRow>('organisations').where({ id }).first();
}

export async function findOrganisationBySiret(db: Knex, siret: string): Promise<OrganisationRow | undefined> {
  return db<OrganisationRow>('organisations').where({ siret }).first();
}

export async function updateOrganisation(db: Knex, id: number, sheet: OrganisationSheet): Promise<OrganisationRow> {
  const [row] = await db('organisations')
    .where({ id })
    .update({ ...sheet, updated_at: new Date() })
    .returning('*');
  return row as OrganisationRow;
}

/** What the directory filters on; `afterId` pages by (lower name, id) through `offset` kept small by `limit`. */
export interface OrganisationSearch {
  q?: string;
  type?: string;
  departmentCode?: string;
  offset: number;
  limit: number;
}

/** A page of the directory, by name, with each organisation's count of active members. */
export async function searchOrganisations(
  db: Knex,
  s: OrganisationSearch,
): Promise<Array<OrganisationRow & { member_count: number | string }>> {
  const q = db('organisations as o')
    .select('o.*')
    .select(
      db.raw(
        "(select count(*) from organisation_members m join users u on u.id = m.user_id where m.organisation_id = o.id and u.status = 'active') as member_count",
      ),
    )
    .orderByRaw('lower(o.name) asc, o.id asc')
    .offset(s.offset)
    .limit(s.limit);
  if (s.q) whereAnyContains(q, ['o.name', 'o.services'], s.q);
  if (s.type) q.where('o.type', s.type);
  if (s.departmentCode) q.where('o.department_code', s.departmentCode);
  return q;
}
