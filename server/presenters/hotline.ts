import type { TicketWithPeople } from '../db/hotline-tickets';
import type { CategoryRow, NoteWithAuthor } from '../db/hotline-notes';
import type { HotlineCategory, Ticket, TicketNote } from '../protocol/hotline';
import { iso, ms } from './time';

/** How long after resolution the requester may reopen a ticket. */
export const REOPEN_WINDOW_MS = 7 * 24 * 3_600_000;

const person = (id: number | null, username: string | null, first: string | null, last: string | null) =>
  id && username ? { id, username, displayName: `${first} ${last}` } : null;

/**
 * The contract's ticket object, plus `departmentCode`, `resolutionNote` (shown to
 * the requester) and `reopenableUntil` (the requester's last moment to reopen).
 * `queuePosition` comes from the caller, who knows the whole queue.
 */
export function presentTicket(t: TicketWithPeople, queuePosition: number | null): Ticket {
  const resolvedMs = ms(t.resolved_at);
  return {
    id: t.id,
    status: t.status,
    subject: t.subject,
    category: t.category_id && t.category_name ? { id: t.category_id, name: t.category_name } : null,
    requester: { ...person(t.requester_id, t.r_username, t.r_first_name, t.r_last_name)!, departmentCode: t.r_department_code },
    assignee: person(t.assignee_id, t.a_username, t.a_first_name, t.a_last_name),
    channelId: t.channel_id,
    queuePosition: t.status === 'open' ? queuePosition : null,
    createdAt: iso(t.created_at),
    firstResponseDueAt: iso(t.first_response_due_at),
    firstResponseAt: iso(t.first_response_at),
    resolvedAt: iso(t.resolved_at),
    rating: t.rating_score ? { score: Number(t.rating_score), comment: t.rating_comment, ratedAt: iso(t.rated_at) } : null,
    departmentCode: t.department_code,
    resolutionNote: t.status === 'resolved' ? t.resolution_note : null,
    reopenableUntil: t.status === 'resolved' && resolvedMs !== null ? new Date(resolvedMs + REOPEN_WINDOW_MS).toISOString() : null,
  };
}

/** The protocol's Ticket, under the name the services use. */
export type PresentedTicket = Ticket;

/** The contract's internal note object. */
export function presentNote(n: NoteWithAuthor): TicketNote {
  return {
    id: n.id,
    ticketId: n.ticket_id,
    author: { id: n.author_id, username: n.author_username, displayName: `${n.author_first_name} ${n.author_last_name}` },
    body: n.body,
    createdAt: iso(n.created_at),
  };
}

/** A ticket category. */
export function presentCategory(c: CategoryRow): HotlineCategory {
  return { id: c.id, slug: c.slug, name: c.name, position: Number(c.position), archived: !!c.archived_at };
}
