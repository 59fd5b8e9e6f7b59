import type { Knex } from 'knex';

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';
export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

export interface JoinRequestRow {
  id: number;
  group_id: number;
  user_id: number;
  motive: string | null;
  status: RequestStatus;
  created_at: Date | number;
  decided_by: number | null;
  decided_at: Date | number | null;
}

export interface InvitationRow {
  id: number;
  group_id: number;
  user_id: number | null;
  email: string | null;
  token_hash: string | null;
  invited_by: number | null;
  status: InvitationStatus;
  created_at: Date | number;
  decided_at: Date | number | null;
}

export async function insertJoinRequest(db: Knex, groupId: number, userId: number, motive: string | null): Promise<JoinRequestRow> {
  const [row] = await db('join_requests')
    .insert({ group_id: groupId, user_id: userId, motive, status: 'pending', created_at: new Date() })
    .returning('*');
  return row as JoinRequestRow;
}

export async function findPendingRequest(db: Knex, groupId: number, userId: number): Promise<JoinRequestRow | undefined> {
  return db<JoinRequestRow>('join_requests').where({ group_id: groupId, user_id: userId, status: 'pending' }).orderBy('id', 'desc').first();
}

/** Records the decision on a pending request: who took it and when. */
export async function decideRequest(
  db: Knex,
  id: number,
  status: Exclude<RequestStatus, 'pending'>,
  decidedBy: number | null,
): Promise<void> {
  await db('join_requests').where({ id, status: 'pending' }).update({ status, decided_by: decidedBy, decided_at: new Date() });
}

/** Requests of a group, pending first then newest, with the requester's and the decider's rows. */
export async function listJoinRequests(
  db: Knex,
  groupId: number,
  status: RequestStatus | undefined,
  beforeId: number | undefined,
  limit: number,
) {
  const q = db('join_requests as r')
    .join('users as u', 'u.id', 'r.user_id')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .where('r.group_id', groupId)
    .select('r.*', 'u.username as u_username', 'u.first_name as u_first_name', 'u.last_name as u_last_name')
    .select('d.username as d_username', 'd.first_name as d_first_name', 'd.last_name as d_last_name')
    .orderBy('r.id', 'desc')
    .limit(limit);
  if (status) q.where('r.status', status);
  if (beforeId) q.where('r.id', '<', beforeId);
  return q as Promise<Array<JoinRequestRow & Record<string, string | null>>>;
}

export async function insertInvitation(
  db: Knex,
  inv: Pick<InvitationRow, 'group_id' | 'user_id' | 'email' | 'token_hash' | 'invited_by'>,
): Promise<InvitationRow> {
  const [row] = await db('group_invitations')
    .insert({ ...inv, status: 'pending', created_at: new Date() })
    .returning('*');
  return row as InvitationRow;
}

export async function findPendingInvitation(db: Knex, groupId: number, userId: number): Promise<InvitationRow | undefined> {
  return db<InvitationRow>('group_invitations')
    .where({ group_id: groupId, user_id: userId, status: 'pending' })
    .orderBy('id', 'desc')
    .first();
}

export async function findPendingEmailInvitation(db: Knex, groupId: number, email: string): Promise<InvitationRow | undefined> {
  return db<InvitationRow>('group_invitations').where({ group_id: groupId, email, status: 'pending' }).whereNull('user_id').first();
}

/** Closes every pending invitation of a user to a group (accepted, declined or revoked). */
export async function closeInvitations(
  db: Knex,
  groupId: number,
  userId: number,
  status: Exclude<InvitationStatus, 'pending'>,
): Promise<void> {
  await db('group_invitations').where({ group_id: groupId, user_id: userId, status: 'pending' }).update({ status, decided_at: new Date() });
}

/** Outside-address invitations waiting for an account with this e-mail. */
export async function unclaimedInvitationsFor(db: Knex, email: string): Promise<InvitationRow[]> {
  return db<InvitationRow>('group_invitations').where({ email: email.toLowerCase(), status: 'pending' }).whereNull('user_id');
}

export async function claimInvitation(db: Knex, id: number, userId: number): Promise<boolean> {
  return (await db('group_invitations').where({ id }).whereNull('user_id').update({ user_id: userId })) > 0;
}

/** Pending invitations of a group, with the invitee's row when they have an account. */
export async function listPendingInvitations(db: Knex, groupId: number) {
  return db('group_invitations as i')
    .leftJoin('users as u', 'u.id', 'i.user_id')
    .where({ 'i.group_id': groupId, 'i.status': 'pending' })
    .select('i.*', 'u.username as u_username', 'u.first_name as u_first_name', 'u.last_name as u_last_name')
    .orderBy('i.id', 'desc') as Promise<Array<InvitationRow & Record<string, string | null>>>;
}

/** One request with the requester's and the decider's names (for answers after a decision). */
export async function findJoinRequestView(db: Knex, id: number) {
  return db('join_requests as r')
    .join('users as u', 'u.id', 'r.user_id')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .where('r.id', id)
    .select('r.*', 'u.username as u_username', 'u.first_name as u_first_name', 'u.last_name as u_last_name')
    .select('d.username as d_username', 'd.first_name as d_first_name', 'd.last_name as d_last_name')
    .first() as Promise<(JoinRequestRow & Record<string, string | null>) | undefined>;
}

/** A new secret link for an invitation by e-mail (the old one stops working). */
export async function setInvitationToken(db: Knex, id: number, tokenHash: string): Promise<void> {
  await db('group_invitations').where({ id }).update({ token_hash: tokenHash });
}
