import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { conflict, invalidPayload, notFound, ruleViolated } from '../../errors';
import { addMember, advanceReadMarker, findChannel, insertChannel, updateChannel, type ChannelRow } from '../../db/channels';
import { findByClientMsgId, findMessage, insertMessage, nextSeq, type MessageWithAuthor } from '../../db/messages';
import {
  countUnresolvedOf,
  findTicket,
  findTicketByClientMsgId,
  updateTicketIf,
  insertTicket,
  insertTicketEvent,
  listTickets,
  queueOrder,
  ticketEvents,
  type TicketStatus,
  type TicketWithPeople,
} from '../../db/hotline-tickets';
import { findCategory, notesOf } from '../../db/hotline-notes';
import { activeUserIdsWithRoles, type UserRow } from '../../db/users';
import { accessTicket } from '../../access/hotline';
import { isHotlineStaff, ROLE_SETS } from '../../access/roles';
import { presentNote, presentTicket, type PresentedTicket } from '../../presenters/hotline';
import { iso } from '../../presenters/time';
import { addWorkingHours } from './working-hours';

/** How many unresolved requests one member may have at a time (a flood guard, not a quota anyone should meet). */
export const MAX_UNRESOLVED_PER_MEMBER = 10;

/** Tickets as the wire shows them, with their places in the queue. */
export async function presentTickets(db: Knex, rows: TicketWithPeople[]): Promise<PresentedTicket[]> {
  const queue = rows.some((r) => r.status === 'open') ? await queueOrder(db) : [];
  const place = new Map(queue.map((id, i) => [id, i + 1]));
  return rows.map((r) => presentTicket(r, place.get(r.id) ?? null));
}

/** One ticket, fresh from the database, as the wire shows it. */
export async function loadPresented(db: Knex, id: number): Promise<PresentedTicket> {
  const row = await findTicket(db, id);
  if (!row) throw notFound('Demande');
  return (await presentTickets(db, [row]))[0]!;
}

export interface OpenInput {
  subject: string;
  body: string;
  clientMsgId: string;
  categoryId?: number | null;
}

export interface OpenResult {
  ticketId: number;
  channel: ChannelRow;
  message: MessageWithAuthor;
  /** Everyone put in the ticket's channel: the requester and the staff. */
  memberIds: number[];
  /** True when this (requester, clientMsgId) had already opened a ticket: nothing new to announce. */
  duplicate: boolean;
}

async function existingOpen(db: Knex, actor: UserRow, clientMsgId: string): Promise<OpenResult | null> {
  const t = await findTicketByClientMsgId(db, actor.id, clientMsgId);
  if (!t) return null;
  const [channel, message] = await Promise.all([findChannel(db, t.channel_id), findByClientMsgId(db, actor.id, clientMsgId)]);
  return { ticketId: t.id, channel: channel!, message: message!, memberIds: [], duplicate: true };
}

/**
 * Opens a request: its own `hotline` channel holding the requester and every
 * staff member, the first message (seq 1), the first-response deadline in
 * working hours. Idempotent on (requester, clientMsgId), like `message:send`.
 */
export async function openTicket(db: Knex, targetHours: number, actor: UserRow, input: OpenInput): Promise<OpenResult> {
  const earlier = await existingOpen(db, actor, input.clientMsgId);
  if (earlier) return earlier;
  if (await findByClientMsgId(db, actor.id, input.clientMsgId)) {
    throw conflict('duplicate_client_msg_id', 'Cet identifiant de message a déjà servi pour un autre message.');
  }
  if (input.categoryId) {
    const c = await findCategory(db, input.categoryId);
    if (!c || c.archived_at) throw invalidPayload('Catégorie inconnue.', { fields: { categoryId: 'Catégorie inconnue.' } });
  }
  if ((await countUnresolvedOf(db, actor.id)) >= MAX_UNRESOLVED_PER_MEMBER) {
    throw ruleViolated(
      'too_many_tickets',
      `Vous avez déjà ${MAX_UNRESOLVED_PER_MEMBER} demandes en cours : attendez qu'elles soient traitées.`,
    );
  }
  try {
    return await db.transaction(async (trx) => {
      const now = new Date();
      const staff = (await activeUserIdsWithRoles(trx, ROLE_SETS.hotlineStaff)).filter((id) => id !== actor.id);
      const channel = await insertChannel(trx, {
        kind: 'hotline',
        name: 'Hotline',
        slug: `hotline-new-${crypto.randomBytes(8).toString('hex')}`,
        created_by: actor.id,
      });
      const ticketId = await insertTicket(trx, {
        requester_id: actor.id,
        assignee_id: null,
        channel_id: channel.id,
        category_id: input.categoryId ?? null,
        subject: input.subject,
        status: 'open',
        department_code: actor.department_code,
        client_msg_id: input.clientMsgId,
        created_at: now,
        queued_at: now,
        assigned_at: null,
        first_response_due_at: addWorkingHours(now, targetHours),
        first_response_at: null,
        first_responder_id: null,
        resolved_at: null,
        resolved_by: null,
        resolution_note: null,
        rating_score: null,
        rating_comment: null,
        rated_at: null,
        mailed_at: null,
        updated_at: now,
      });
      const name = `Hotline n° ${ticketId} : ${input.subject}`.slice(0, 120);
      await updateChannel(trx, channel.id, { slug: `hotline-${ticketId}`, name });
      for (const id of [actor.id, ...staff]) await addMember(trx, channel.id, id);
      const seq = await nextSeq(trx, channel.id);
      const messageId = await insertMessage(trx, {
        channel_id: channel.id,
        seq,
        author_id: actor.id,
        client_msg_id: input.clientMsgId,
        body: input.body,
        reply_to_id: null,
        created_at: now,
      });
      await advanceReadMarker(trx, channel.id, actor.id, seq);
      await insertTicketEvent(trx, { ticket_id: ticketId, actor_id: actor.id, kind: 'opened', target_user_id: null, detail: null });
      const message = (await findMessage(trx, messageId))!;
      return {
        ticketId,
        channel: { ...channel, slug: `hotline-${ticketId}`, name, last_seq: seq },
        message,
        memberIds: [actor.id, ...staff],
        duplicate: false,
      };
    });
  } catch (err) {
    // The same open raced on two connections: the unique index kept one ticket; answer with it.
    if (/unique|duplicate/i.test(String(err))) {
      const again = await existingOpen(db, actor, input.clientMsgId);
      if (again) return again;
    }
    throw err;
  }
}

export interface ListQuery {
  status?: TicketStatus[];
  scope?: 'all' | 'unassigned' | 'mine';
  categoryId?: number;
  departmentCode?: string;
  cursor?: number;
  limit: number;
}

/**
 * GET /api/hotline/tickets. Staff see every ticket, oldest first (`scope`
 * narrows to the unassigned queue or their own); a member sees their own,
 * newest first. Cursor: the last id of the previous page.
 */
export async function listTicketsFor(
  db: Knex,
  actor: UserRow,
  q: ListQuery,
): Promise<{ items: PresentedTicket[]; nextCursor: number | null }> {
  const staff = isHotlineStaff(actor);
  const order = staff ? 'asc' : 'desc';
  const rows = await listTickets(db, {
    requesterId: staff ? undefined : actor.id,
    assigneeId: staff && q.scope === 'mine' ? actor.id : undefined,
    unassigned: staff && q.scope === 'unassigned',
    statuses: q.status,
    categoryId: q.categoryId,
    departmentCode: q.departmentCode,
    afterId: order === 'asc' ? q.cursor : undefined,
    beforeId: order === 'desc' ? q.cursor : undefined,
    order,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return { items: await presentTickets(db, page), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}

/**
 * One ticket. Staff also get the internal notes and the history. Reading
 * writes nothing: staff read any ticket's channel without being in it
 * (access/channels.ts), and take their place in it with `channel:join`.
 */
export async function ticketDetail(db: Knex, actor: UserRow, id: number) {
  const row = await accessTicket(db, actor, id);
  const ticket = (await presentTickets(db, [row]))[0]!;
  if (!isHotlineStaff(actor)) return { ticket };
  const history = (await ticketEvents(db, id)).map((e) => ({
    id: e.id,
    kind: e.kind,
    actor:
      e.actor_id && e.a_username ? { id: e.actor_id, username: e.a_username, displayName: `${e.a_first_name} ${e.a_last_name}` } : null,
    target:
      e.target_user_id && e.u_username
        ? { id: e.target_user_id, username: e.u_username, displayName: `${e.u_first_name} ${e.u_last_name}` }
        : null,
    detail: e.detail,
    createdAt: iso(e.created_at),
  }));
  return { ticket, notes: (await notesOf(db, id)).map(presentNote), history };
}

/** Puts every active staff member who is missing into a ticket's channel (new agents, reopened tickets); answers who was added. */
export async function addMissingStaff(db: Knex, channelId: number): Promise<number[]> {
  const added: number[] = [];
  for (const id of await activeUserIdsWithRoles(db, ROLE_SETS.hotlineStaff)) if (await addMember(db, channelId, id)) added.push(id);
  return added;
}

/** Takes the turn to mail a requester about a reply: at most once per `everyMs`, whichever node asks first (compare-and-set). */
export async function takeReplyMailTurn(db: Knex, ticketId: number, everyMs: number): Promise<boolean> {
  const since = new Date(Date.now() - everyMs);
  return updateTicketIf(db, ticketId, (q) => q.where((w) => w.whereNull('mailed_at').orWhere('mailed_at', '<', since)), {
    mailed_at: new Date(),
  });
}
