import type { Knex } from 'knex';
import { rawRows } from '../database';

export type TicketStatus = 'open' | 'assigned' | 'resolved';
type Stamp = Date | number | string;

/** A row of `hotline_tickets` as stored. */
export interface TicketRow {
  id: number;
  requester_id: number;
  assignee_id: number | null;
  channel_id: number;
  category_id: number | null;
  subject: string;
  status: TicketStatus;
  department_code: string | null;
  client_msg_id: string;
  created_at: Stamp;
  queued_at: Stamp;
  assigned_at: Stamp | null;
  first_response_due_at: Stamp;
  first_response_at: Stamp | null;
  first_responder_id: number | null;
  resolved_at: Stamp | null;
  resolved_by: number | null;
  resolution_note: string | null;
  rating_score: number | null;
  rating_comment: string | null;
  rated_at: Stamp | null;
  mailed_at: Stamp | null;
  updated_at: Stamp;
}

/** A ticket with the names the presenter needs joined in. */
export type TicketWithPeople = TicketRow & {
  r_username: string;
  r_first_name: string;
  r_last_name: string;
  r_department_code: string;
  a_username: string | null;
  a_first_name: string | null;
  a_last_name: string | null;
  category_name: string | null;
};

/** Filters of a ticket list. */
export interface TicketFilter {
  requesterId?: number;
  assigneeId?: number;
  unassigned?: boolean;
  statuses?: TicketStatus[];
  categoryId?: number;
  departmentCode?: string;
  afterId?: number;
  beforeId?: number;
  order: 'asc' | 'desc';
  limit: number;
}

const withPeople = (db: Knex) =>
  db('hotline_tickets as t')
    .join('users as r', 'r.id', 't.requester_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .leftJoin('hotline_categories as c', 'c.id', 't.category_id')
    .select(
      't.*',
      'r.username as r_username',
      'r.first_name as r_first_name',
      'r.last_name as r_last_name',
      'r.department_code as r_department_code',
      'a.username as a_username',
      'a.first_name as a_first_name',
      'a.last_name as a_last_name',
      'c.name as category_name',
    );

export async function findTicket(db: Knex, id: number): Promise<TicketWithPeople | undefined> {
  return withPeople(db).where('t.id', id).first();
}

export async function findTicketByChannel(db: Knex, channelId: number): Promise<TicketRow | undefined> {
  return db<TicketRow>('hotline_tickets').where({ channel_id: channelId }).first();
}

export async function findTicketByClientMsgId(db: Knex, requesterId: number, clientMsgId: string): Promise<TicketRow | undefined> {
  return db<TicketRow>('hotline_tickets').where({ requester_id: requesterId, client_msg_id: clientMsgId }).first();
}

export async function insertTicket(trx: Knex, row: Omit<TicketRow, 'id'>): Promise<number> {
  const [r] = await trx('hotline_tickets').insert(row).returning('id');
  return Number((r as { id: number }).id);
}

/**
 * Updates a ticket only if it still matches `expect` (a compare-and-set, so two
 * agents racing on one ticket cannot both win). Answers whether it changed.
 */
export async function updateTicketIf(
  db: Knex,
  id: number,
  expect: (q: Knex.QueryBuilder) => void,
  changes: Partial<TicketRow>,
): Promise<boolean> {
  const q = db('hotline_tickets').where({ id });
  expect(q);
  return (await q.update({ ...changes, updated_at: new Date() })) > 0;
}

/** A page of tickets with names, by id. */
export async function listTickets(db: Knex, f: TicketFilter): Promise<TicketWithPeople[]> {
  const q = withPeople(db).orderBy('t.id', f.order).limit(f.limit);
  if (f.requesterId) q.where('t.requester_id', f.requesterId);
  if (f.assigneeId) q.where('t.assignee_id', f.assigneeId);
  if (f.unassigned) q.whereNull('t.assignee_id');
  if (f.statuses?.length) q.whereIn('t.status', f.statuses);
  if (f.categoryId) q.where('t.category_id', f.categoryId);
  if (f.departmentCode) q.where('t.department_code', f.departmentCode);
  if (f.afterId) q.where('t.id', '>', f.afterId);
  if (f.beforeId) q.where('t.id', '<', f.beforeId);
  return q;
}

/** Ids of the waiting (open, unassigned) tickets, first in line first. */
export async function queueOrder(db: Knex): Promise<number[]> {
  const rows = await db('hotline_tickets')
    .where({ status: 'open' })
    .orderBy([{ column: 'queued_at' }, { column: 'id' }])
    .select('id');
  return rows.map((r: { id: number }) => Number(r.id));
}

/** Channel ids of the tickets that are not resolved (all staff belong to those channels). */
export async function unresolvedChannelIds(db: Knex): Promise<number[]> {
  const rows = await db('hotline_tickets').whereNot({ status: 'resolved' }).select('channel_id');
  return rows.map((r: { channel_id: number }) => Number(r.channel_id));
}

/** Hotline channels a user belongs to without being their requester (a former agent's leftovers). */
export async function foreignHotlineChannelIds(db: Knex, userId: number): Promise<number[]> {
  // Every member's connection runs it: written once.
  const rows = await rawRows<{ channel_id: number }>(
    db,
    'SELECT m.channel_id FROM channel_members m JOIN hotline_tickets t ON t.channel_id = m.channel_id WHERE m.user_id = ? AND t.requester_id <> ?',
    [userId, userId],
  );
  return rows.map((r) => Number(r.channel_id));
}

/** Ticket history: who did what and when. */
export interface TicketEventRow {
  id: number;
  ticket_id: number;
  actor_id: number | null;
  kind: 'opened' | 'claimed' | 'transferred' | 'resolved' | 'reopened' | 'rated';
  target_user_id: number | null;
  detail: string | null;
  created_at: Stamp;
}

export async function insertTicketEvent(db: Knex, e: Omit<TicketEventRow, 'id' | 'created_at'>): Promise<void> {
  await db('hotline_ticket_events').insert({ ...e, created_at: new Date() });
}

/** A ticket's history with the names of the people in it, oldest first. */
export async function ticketEvents(db: Knex, ticketId: number) {
  return (await db('hotline_ticket_events as e')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .leftJoin('users as u', 'u.id', 'e.target_user_id')
    .where('e.ticket_id', ticketId)
    .orderBy('e.id')
    .select(
      'e.*',
      'a.username as a_username',
      'a.first_name as a_first_name',
      'a.last_name as a_last_name',
      'u.username as u_username',
      'u.first_name as u_first_name',
      'u.last_name as u_last_name',
    )) as (TicketEventRow & Record<string, string | null>)[];
}

/** Several tickets with names, in id order. */
export async function findTickets(db: Knex, ids: number[]): Promise<TicketWithPeople[]> {
  if (!ids.length) return [];
  return withPeople(db).whereIn('t.id', ids).orderBy('t.id');
}

/** How many of a member's requests are not resolved. */
export async function countUnresolvedOf(db: Knex, requesterId: number): Promise<number> {
  const row = (await db('hotline_tickets')
    .where({ requester_id: requesterId })
    .whereNot({ status: 'resolved' })
    .count({ n: '*' })
    .first()) as { n: number | string };
  return Number(row.n);
}

/** A ticket opened in a period, with what the figures group it by. */
export interface FigureRow {
  id: number;
  status: string;
  assignee_id: number | null;
  a_first_name: string | null;
  a_last_name: string | null;
  category_id: number | null;
  category_name: string | null;
  department_code: string | null;
  department_name: string | null;
  created_at: Date | number | string;
  first_response_due_at: Date | number | string;
  first_response_at: Date | number | string | null;
  resolved_at: Date | number | string | null;
  rating_score: number | null;
}

/** The tickets opened in [from, to), with their agent, category and département names. */
export async function ticketsOpenedIn(db: Knex, from: Date, to: Date): Promise<FigureRow[]> {
  return (await db('hotline_tickets as t')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .leftJoin('hotline_categories as c', 'c.id', 't.category_id')
    .leftJoin('departments as d', 'd.code', 't.department_code')
    .where('t.created_at', '>=', from)
    .where('t.created_at', '<', to)
    .select(
      't.id',
      't.status',
      't.assignee_id',
      'a.first_name as a_first_name',
      'a.last_name as a_last_name',
      't.category_id',
      'c.name as category_name',
      't.department_code',
      'd.name as department_name',
      't.created_at',
      't.first_response_due_at',
      't.first_response_at',
      't.resolved_at',
      't.rating_score',
    )) as FigureRow[];
}

/** Today's unresolved tickets per status (`open`, `assigned`). */
export async function unresolvedCountsByStatus(db: Knex): Promise<Map<string, number>> {
  const rows = (await db('hotline_tickets').whereNot('status', 'resolved').select('status').count({ n: '*' }).groupBy('status')) as {
    status: string;
    n: number | string;
  }[];
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
