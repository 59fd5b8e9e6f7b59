import type { Knex } from 'knex';
import { forbidden, notFound } from '../errors';
import { findTicket, type TicketWithPeople } from '../db/hotline-tickets';
import type { UserRow } from '../db/users';
import { isAdmin, isHotlineStaff } from './roles';

/** The ticket if the actor may see it (staff: all; others: their own); `not_found` otherwise. */
export async function accessTicket(db: Knex, actor: UserRow, id: number): Promise<TicketWithPeople> {
  const t = await findTicket(db, id);
  if (!t || (!isHotlineStaff(actor) && t.requester_id !== actor.id)) throw notFound('Demande');
  return t;
}

/** A ticket only staff may act on: the requester learns it is not allowed, anyone else that it does not exist. */
export async function staffTicket(db: Knex, actor: UserRow, id: number): Promise<TicketWithPeople> {
  const t = await accessTicket(db, actor, id);
  if (!isHotlineStaff(actor)) throw forbidden("Seule l'équipe de la hotline peut faire cela.");
  return t;
}

/** Staff see the whole desk: every ticket, notes, history, agents and figures. */
export const canWorkTheDesk = (user: UserRow): boolean => isHotlineStaff(user);

/** Admins manage the hotline's categories (and see the archived ones). */
export const canManageCategories = (user: UserRow): boolean => isAdmin(user);

/** Staff reopen at any time; the requester only within the window after the resolution. */
export const canReopenLate = (user: UserRow): boolean => isHotlineStaff(user);

/** Only the requester rates the answer. */
export const canRate = (user: UserRow, ticket: TicketWithPeople): boolean => ticket.requester_id === user.id;
