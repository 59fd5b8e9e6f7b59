import type { Knex } from 'knex';
import { conflict, forbidden, notFound, ruleViolated } from '../../errors';
import { findUserById, type UserRow } from '../../db/users';
import { insertTicketEvent, queueOrder, updateTicketIf, type TicketRow } from '../../db/hotline-tickets';
import { insertNote, type NoteWithAuthor } from '../../db/hotline-notes';
import type { MessageWithAuthor } from '../../db/messages';
import { REOPEN_WINDOW_MS } from '../../presenters/hotline';
import { ms } from '../../presenters/time';
import { accessTicket, canRate, canReopenLate, staffTicket } from '../../access/hotline';
import { isHotlineStaff } from '../../access/roles';

/** What a state change did, so the caller knows what to announce. */
export interface Change {
  ticketId: number;
  /** False when the ticket was already in the asked state (idempotent retry): nothing to announce. */
  changed: boolean;
  /** Waiting tickets whose place in the queue moved (their requesters are told). */
  shifted: number[];
}

const displayName = (t: { a_first_name: string | null; a_last_name: string | null }) => `${t.a_first_name} ${t.a_last_name}`;

/** Runs a change and reports which waiting tickets moved in the queue because of it. */
async function withQueue(db: Knex, ticketId: number, work: (trx: Knex.Transaction) => Promise<boolean>): Promise<Change> {
  const before = await queueOrder(db);
  const changed = await db.transaction(work);
  if (!changed) return { ticketId, changed, shifted: [] };
  const after = await queueOrder(db);
  const shifted = after.filter((id, i) => id !== ticketId && before.indexOf(id) !== i);
  return { ticketId, changed, shifted };
}

/** Throws the error that explains why a compare-and-set lost: someone else changed the ticket first. */
const raced = () => conflict('ticket_changed', "Cette demande vient d'être modifiée par quelqu'un d'autre. Rechargez-la.");

const notResolved = (t: TicketRow) => {
  if (t.status === 'resolved') throw ruleViolated('ticket_resolved', 'Cette demande est résolue : rouvrez-la d’abord.');
};

/** An agent takes a waiting ticket. Only one agent wins a race; the other gets `already_assigned`. */
export async function claimTicket(db: Knex, actor: UserRow, id: number): Promise<Change> {
  const t = await staffTicket(db, actor, id);
  notResolved(t);
  if (t.assignee_id === actor.id) return { ticketId: id, changed: false, shifted: [] };
  if (t.assignee_id) throw conflict('already_assigned', `Cette demande est déjà prise en charge par ${displayName(t)}.`);
  return withQueue(db, id, async (trx) => {
    const won = await updateTicketIf(trx, id, (q) => q.whereNull('assignee_id').where('status', 'open'), {
      assignee_id: actor.id,
      status: 'assigned',
      assigned_at: new Date(),
    });
    if (!won) throw conflict('already_assigned', 'Un autre agent vient de prendre cette demande en charge.');
    await insertTicketEvent(trx, { ticket_id: id, actor_id: actor.id, kind: 'claimed', target_user_id: null, detail: null });
    return true;
  });
}

/** Hands a ticket to another agent (or admin), who is told. */
export async function transferTicket(db: Knex, actor: UserRow, id: number, toUserId: number): Promise<Change & { to: UserRow }> {
  const t = await staffTicket(db, actor, id);
  const to = await findUserById(db, toUserId);
  if (!to || to.status !== 'active' || !isHotlineStaff(to)) throw notFound('Agent de la hotline');
  notResolved(t);
  if (t.assignee_id === to.id) return { ticketId: id, changed: false, shifted: [], to };
  const change = await withQueue(db, id, async (trx) => {
    const expect = (q: Knex.QueryBuilder) => {
      q.whereNot('status', 'resolved');
      if (t.assignee_id) q.where('assignee_id', t.assignee_id);
      else q.whereNull('assignee_id');
    };
    if (!(await updateTicketIf(trx, id, expect, { assignee_id: to.id, status: 'assigned', assigned_at: new Date() }))) throw raced();
    await insertTicketEvent(trx, { ticket_id: id, actor_id: actor.id, kind: 'transferred', target_user_id: to.id, detail: null });
    return true;
  });
  return { ...change, to };
}

/** Marks a ticket resolved, with an optional resolution note the requester sees. */
export async function resolveTicket(db: Knex, actor: UserRow, id: number, note: string | null): Promise<Change> {
  const t = await staffTicket(db, actor, id);
  if (t.status === 'resolved') return { ticketId: id, changed: false, shifted: [] };
  return withQueue(db, id, async (trx) => {
    const now = new Date();
    const ok = await updateTicketIf(trx, id, (q) => q.whereNot('status', 'resolved'), {
      status: 'resolved',
      resolved_at: now,
      resolved_by: actor.id,
      resolution_note: note,
      // Whoever resolves an unassigned ticket is the one who handled it.
      ...(t.assignee_id ? {} : { assignee_id: actor.id, assigned_at: now }),
    });
    if (!ok) return false;
    await insertTicketEvent(trx, { ticket_id: id, actor_id: actor.id, kind: 'resolved', target_user_id: null, detail: note });
    return true;
  });
}

/**
 * Reopens a resolved ticket: staff at any time, the requester within 7 days of
 * the resolution. It goes back to its agent if they are still on staff, else
 * to the end of the queue.
 */
export async function reopenTicket(db: Knex, actor: UserRow, id: number): Promise<Change> {
  const t = await accessTicket(db, actor, id);
  if (t.status !== 'resolved') throw ruleViolated('ticket_not_resolved', "Cette demande n'est pas résolue.");
  if (!canReopenLate(actor) && Date.now() > (ms(t.resolved_at) ?? 0) + REOPEN_WINDOW_MS) {
    throw ruleViolated('reopen_expired', 'Le délai de 7 jours pour rouvrir cette demande est dépassé : ouvrez une nouvelle demande.');
  }
  const agent = t.assignee_id ? await findUserById(db, t.assignee_id) : undefined;
  const keep = !!agent && agent.status === 'active' && isHotlineStaff(agent);
  const now = new Date();
  return withQueue(db, id, async (trx) => {
    const ok = await updateTicketIf(trx, id, (q) => q.where('status', 'resolved'), {
      status: keep ? 'assigned' : 'open',
      ...(keep ? {} : { assignee_id: null, assigned_at: null, queued_at: now }),
      resolved_at: null,
      resolved_by: null,
      resolution_note: null,
      rating_score: null,
      rating_comment: null,
      rated_at: null,
    });
    if (!ok) return false;
    await insertTicketEvent(trx, { ticket_id: id, actor_id: actor.id, kind: 'reopened', target_user_id: null, detail: null });
    return true;
  });
}

/** An internal note: staff only, stored apart from the channel's messages. */
export async function addNote(db: Knex, actor: UserRow, id: number, body: string): Promise<NoteWithAuthor> {
  await staffTicket(db, actor, id);
  return insertNote(db, { ticket_id: id, author_id: actor.id, body, created_at: new Date() });
}

/** The requester rates the answer of a resolved ticket (1–5, optional comment); rating again replaces it. */
export async function rateTicket(db: Knex, actor: UserRow, id: number, score: number, comment: string | null): Promise<Change> {
  const t = await accessTicket(db, actor, id);
  if (!canRate(actor, t)) throw forbidden('Seul le demandeur peut évaluer la réponse.');
  if (t.status !== 'resolved') throw ruleViolated('ticket_not_resolved', 'Vous pourrez évaluer la réponse une fois la demande résolue.');
  return withQueue(db, id, async (trx) => {
    if (
      !(await updateTicketIf(trx, id, (q) => q.where('status', 'resolved'), {
        rating_score: score,
        rating_comment: comment,
        rated_at: new Date(),
      }))
    )
      throw raced();
    await insertTicketEvent(trx, { ticket_id: id, actor_id: actor.id, kind: 'rated', target_user_id: null, detail: String(score) });
    return true;
  });
}

/**
 * A message was posted in a ticket's channel. A staff reply is the first
 * response if none came before, and takes a waiting ticket off the queue
 * (answering is handling). Answers whether the ticket changed.
 */
export async function recordReply(db: Knex, ticket: TicketRow, author: UserRow, message: MessageWithAuthor): Promise<Change> {
  if (author.id === ticket.requester_id || !isHotlineStaff(author)) return { ticketId: ticket.id, changed: false, shifted: [] };
  if (ticket.first_response_at && ticket.status !== 'open') return { ticketId: ticket.id, changed: false, shifted: [] };
  return withQueue(db, ticket.id, async (trx) => {
    let changed = false;
    if (!ticket.first_response_at) {
      changed = await updateTicketIf(trx, ticket.id, (q) => q.whereNull('first_response_at'), {
        first_response_at: new Date(ms(message.created_at)!),
        first_responder_id: author.id,
      });
    }
    if (ticket.status === 'open') {
      const claimed = await updateTicketIf(trx, ticket.id, (q) => q.where('status', 'open').whereNull('assignee_id'), {
        assignee_id: author.id,
        status: 'assigned',
        assigned_at: new Date(),
      });
      if (claimed)
        await insertTicketEvent(trx, { ticket_id: ticket.id, actor_id: author.id, kind: 'claimed', target_user_id: null, detail: null });
      changed ||= claimed;
    }
    return changed;
  });
}
