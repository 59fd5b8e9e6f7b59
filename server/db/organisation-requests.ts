import type { Knex } from 'knex';

export type OrganisationRequestStatus = 'pending' | 'accepted' | 'refused';

/** A row of `organisation_requests`. */
export interface OrganisationRequestRow {
  id: number;
  status: OrganisationRequestStatus;
  type: string;
  name: string;
  commune_code: string;
  siret: string | null;
  website: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  services: string | null;
  requester_first_name: string;
  requester_last_name: string;
  requester_function: string;
  requester_email: string;
  reason: string | null;
  decided_by: number | null;
  decided_at: Date | number | string | null;
  organisation_id: number | null;
  created_at: Date | number | string;
}

export type NewOrganisationRequest = Omit<
  OrganisationRequestRow,
  'id' | 'status' | 'reason' | 'decided_by' | 'decided_at' | 'organisation_id' | 'created_at'
>;

export async function insertOrganisationRequest(db: Knex, r: NewOrganisationRequest): Promise<OrganisationRequestRow> {
  const [row] = await db('organisation_requests')
    .insert({ ...r, status: 'pending', created_at: new Date() })
    .returning('*');
  return row as OrganisationRequestRow;
}

export async function findOrganisationRequest(db: Knex, id: number): Promise<OrganisationRequestRow | undefined> {
  return db<OrganisationRequestRow>('organisation_requests').where({ id }).first();
}

/** Requests of one status: the oldest first while pending (a queue), the latest decisions first otherwise. */
export async function listOrganisationRequests(
  db: Knex,
  status: OrganisationRequestStatus,
  limit = 200,
): Promise<OrganisationRequestRow[]> {
  return db<OrganisationRequestRow>('organisation_requests')
    .where({ status })
    .orderBy('id', status === 'pending' ? 'asc' : 'desc')
    .limit(limit);
}

/**
 * Records a decision if the request is still pending; false when another admin
 * decided first (the update's own condition settles the race).
 */
export async function decideOrganisationRequest(
  db: Knex,
  id: number,
  d: { status: 'accepted' | 'refused'; by: number; reason: string | null; organisationId: number | null },
): Promise<boolean> {
  const n = await db('organisation_requests')
    .where({ id, status: 'pending' })
    .update({ status: d.status, decided_by: d.by, decided_at: new Date(), reason: d.reason, organisation_id: d.organisationId });
  return n === 1;
}
