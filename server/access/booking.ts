/**
 * Who may do what with online booking. Any full member may open a booking
 * page (the "any member who switches it on"); a page is public only
 * while switched on and its owner's account is active; an appointment is seen
 * by its host only (anyone else: not_found, as for a missing one); a visitor
 * reaches theirs only through the secret of their mail.
 */
import type { Knex } from 'knex';
import { notFound } from '../errors';
import { findBookingPageBySlug, type BookingPageRow } from '../db/booking-pages';
import { findAppointmentByTokenHash, findAppointmentWithHost, type AppointmentWithHostRow } from '../db/appointments';
import { findUserById, type UserRow } from '../db/users';
import { isChatOnly } from './roles';

/** Whether the user may open a booking page: active members who are not chat-only. */
export function canHostBookings(user: UserRow): boolean {
  return user.status === 'active' && !isChatOnly(user);
}

/** A page the public may see (switched on, its owner still allowed to host), with its owner; `not_found` otherwise. */
export async function accessPublicBookingPage(db: Knex, slug: string): Promise<{ page: BookingPageRow; host: UserRow }> {
  const page = await findBookingPageBySlug(db, slug);
  const host = page && page.enabled ? await findUserById(db, page.user_id) : undefined;
  if (!page || !host || !canHostBookings(host)) throw notFound('Page de rendez-vous');
  return { page, host };
}

/** The host's own appointment, or `not_found`. */
export async function accessAppointment(db: Knex, user: UserRow, id: number): Promise<AppointmentWithHostRow> {
  const a = await findAppointmentWithHost(db, id);
  if (!a || a.host_id !== user.id) throw notFound('Rendez-vous');
  return a;
}

/** The appointment a visitor's secret opens, or `not_found`. */
export async function accessAppointmentByToken(db: Knex, tokenHash: string): Promise<AppointmentWithHostRow> {
  const a = await findAppointmentByTokenHash(db, tokenHash);
  if (!a) throw notFound('Rendez-vous');
  return a;
}
