/**
 * Online booking's verbs: a member's page (read, save), the public page's
 * free slots, a visitor's booking, and what their link allows (see, cancel,
 * move). The database's unique (host, slot) is what makes a slot bookable
 * once: a second insert or move onto a held slot fails there and answers
 * 409 `slot_taken`, whatever the node. Mails are returned, sent by the caller.
 */
import type { Knex } from 'knex';
import type { UserRow } from '../../db/users';
import type { Mail } from '../../mail';
import type { BookingSettingsInput, PublicBookingView } from '../../protocol/booking';
import type { Theme } from '../../protocol/report-catalog';
import { AppError, conflict, forbidden, invalidPayload } from '../../errors';
import { accessAppointmentByToken, accessPublicBookingPage, canHostBookings } from '../../access/booking';
import { bookingSlugTaken, findBookingPageOf, saveBookingPage, type BookingPageRow } from '../../db/booking-pages';
import {
  activeAppointmentsBetween,
  cancelAppointmentRow,
  findAppointmentWithHost,
  insertAppointment,
  isUniqueViolation,
  moveAppointmentRow,
  type AppointmentWithHostRow,
} from '../../db/appointments';
import { pageLists } from '../../presenters/booking';
import { displayName } from '../../presenters/users';
import { iso, ms } from '../../presenters/time';
import { freeSlug, slugify } from '../../slug';
import { hashToken, newSecretToken } from '../accounts/passwords';
import { normalizePhone } from '../accounts/phone';
import { findCommune } from '../reports/communes';
import { isOpenSlot, openSlots, slotEnd, type SlotRules } from './slots';
import { appointmentMails } from './mails';

/** A reminder goes out this long before the start; an appointment booked later than that gets none (its confirmation is fresh). */
export const REMINDER_LEAD_MS = 24 * 3_600_000;
const DAY = 86_400_000;

const DEFAULT_PAGE = {
  enabled: false,
  slot_minutes: 30,
  notice_hours: 24,
  horizon_days: 30,
  public_holidays_off: true,
  weekly: '[]',
  places: JSON.stringify([{ label: 'Lieu de rattachement', canal: 'home_base', communeCode: null }]),
  exceptions: '[]',
};

function rulesOf(p: BookingPageRow): SlotRules {
  const { weekly, exceptions } = pageLists(p);
  return {
    slotMinutes: p.slot_minutes,
    noticeHours: p.notice_hours,
    horizonDays: p.horizon_days,
    publicHolidaysOff: !!p.public_holidays_off,
    weekly,
    exceptions,
  };
}

/** My page, or the defaults (switched off) with the slug it would get. */
export async function getBookingPage(db: Knex, actor: UserRow): Promise<BookingPageRow> {
  if (!canHostBookings(actor)) throw forbidden();
  const page = await findBookingPageOf(db, actor.id);
  if (page) return page;
  return {
    user_id: actor.id,
    slug: await freeSlug(slugify(actor.username, 'conseiller', 70), (s) => bookingSlugTaken(db, s)),
    ...DEFAULT_PAGE,
    updated_at: new Date(),
  };
}

/** Saves my page (the slug is chosen on the first save and kept). */
export async function saveBookingSettings(db: Knex, actor: UserRow, input: BookingSettingsInput): Promise<BookingPageRow> {
  const current = await getBookingPage(db, actor);
  for (const [i, p] of input.places.entries())
    if (p.communeCode && !findCommune(p.communeCode))
      throw invalidPayload('Commune inconnue.', { fields: { [`places.${i}.communeCode`]: 'Commune inconnue.' } });
  const row: BookingPageRow = {
    user_id: actor.id,
    slug: current.slug,
    enabled: input.enabled,
    slot_minutes: input.slotMinutes,
    notice_hours: input.noticeHours,
    horizon_days: input.horizonDays,
    public_holidays_off: input.publicHolidaysOff,
    weekly: JSON.stringify(input.weekly),
    places: JSON.stringify(input.places),
    exceptions: JSON.stringify(input.exceptions),
    updated_at: new Date(),
  };
  await saveBookingPage(db, row);
  return (await findBookingPageOf(db, actor.id))!;
}

/** The open slots of a page no standing appointment overlaps. */
async function freeSlots(db: Knex, page: BookingPageRow, now: number, ignoreId?: number) {
  const rules = rulesOf(page);
  const days = openSlots(rules, now);
  if (!days.length) return { rules, days };
  const taken = (await activeAppointmentsBetween(db, page.user_id, new Date(now), new Date(now + (rules.horizonDays + 2) * DAY)))
    .filter((a) => a.id !== ignoreId)
    .map((a) => [ms(a.starts_at)!, ms(a.ends_at)!] as const);
  const free = (start: number) => !taken.some(([s, e]) => s < slotEnd(rules, start) && e > start);
  return { rules, days: days.map((d) => ({ date: d.date, starts: d.starts.filter(free) })).filter((d) => d.starts.length) };
}

/** GET /api/public/booking/:slug. */
export async function publicBooking(db: Knex, slug: string, now: number): Promise<PublicBookingView> {
  const { page, host } = await accessPublicBookingPage(db, slug);
  const { rules, days } = await freeSlots(db, page, now);
  return {
    host: { displayName: displayName(host), jobTitle: host.job_title, employer: host.employer },
    slotMinutes: page.slot_minutes,
    places: pageLists(page).places.map((p) => ({ label: p.label, canal: p.canal })),
    days: days.map((d) => ({ date: d.date, slots: d.starts.map((s) => ({ startsAt: iso(s), endsAt: iso(slotEnd(rules, s)) })) })),
  };
}

/** Refuses a start that is not a free slot of the page now. */
async function checkFree(db: Knex, page: BookingPageRow, start: number, now: number, ignoreId?: number): Promise<SlotRules> {
  const { rules, days } = await freeSlots(db, page, now, ignoreId);
  if (days.some((d) => d.starts.includes(start))) return rules;
  if (isOpenSlot(rules, now, start)) throw conflict('slot_taken', 'Ce créneau vient d’être réservé. Choisissez-en un autre.');
  throw new AppError('slot_unavailable', 409, 'Ce créneau n’est pas proposé. Choisissez-en un dans la liste.');
}

/** What a booking, move or cancel did: the appointment and the mails to send after it. */
export interface AppointmentChange {
  appointment: AppointmentWithHostRow;
  mails: Mail[];
}

const sequenceOf = (a: AppointmentWithHostRow, now: number) => Math.max(0, Math.floor((now - ms(a.created_at)!) / 1000));
const manageLink = (publicUrl: string, token: string) => `${publicUrl}/mon-rendez-vous#${token}`;

/** A visitor books a slot: 201 with both confirmation mails, or 409 `slot_taken` when someone else was first. */
export async function bookAppointment(
  db: Knex,
  slug: string,
  input: { startsAt: string; place: number; name: string; email: string; phone: string | null; theme: Theme; message: string | null },
  now: number,
  publicUrl: string,
): Promise<AppointmentChange> {
  const { page } = await accessPublicBookingPage(db, slug);
  const place = pageLists(page).places[input.place];
  if (!place) throw invalidPayload('Lieu inconnu.', { fields: { place: 'Choisissez un lieu de la liste.' } });
  const phone = normalizePhone(input.phone);
  const start = Date.parse(input.startsAt);
  const rules = await checkFree(db, page, start, now);
  const { token, hash } = newSecretToken();
  let id: number;
  try {
    id = await insertAppointment(db, {
      host_id: page.user_id,
      slot_key: start,
      starts_at: new Date(start),
      ends_at: new Date(slotEnd(rules, start)),
      place_label: place.label,
      canal: place.canal,
      commune_code: place.communeCode,
      theme: input.theme,
      name: input.name,
      email: input.email,
      phone,
      message: input.message,
      token_hash: hash,
      cancelled_at: null,
      reminded_at: start - now <= REMINDER_LEAD_MS ? new Date(now) : null,
      created_at: new Date(now),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('slot_taken', 'Ce créneau vient d’être réservé. Choisissez-en un autre.');
    throw err;
  }
  const appointment = (await findAppointmentWithHost(db, id))!;
  return { appointment, mails: appointmentMails('booked', appointment, publicUrl, manageLink(publicUrl, token), 0) };
}

/** The appointment a visitor's link opens. */
export async function appointmentOfToken(db: Knex, token: string): Promise<AppointmentWithHostRow> {
  return accessAppointmentByToken(db, hashToken(token));
}

function standingFuture(a: AppointmentWithHostRow, now: number): void {
  if (a.cancelled_at !== null) throw conflict('appointment_past', 'Ce rendez-vous est déjà annulé.');
  if (ms(a.starts_at)! <= now) throw conflict('appointment_past', 'Ce rendez-vous est passé : il ne peut plus être modifié.');
}

/** The visitor cancels: the slot is free again, both are told. */
export async function cancelAppointmentByToken(db: Knex, token: string, now: number, publicUrl: string): Promise<AppointmentChange> {
  const a = await appointmentOfToken(db, token);
  standingFuture(a, now);
  if (!(await cancelAppointmentRow(db, a.id, new Date(now)))) throw conflict('appointment_past', 'Ce rendez-vous est déjà annulé.');
  const appointment = (await findAppointmentWithHost(db, a.id))!;
  return { appointment, mails: appointmentMails('cancelled', appointment, publicUrl, null, sequenceOf(appointment, now)) };
}

/** The visitor moves to another free slot of the same page (409 `slot_taken` if someone took it first). */
export async function moveAppointmentByToken(
  db: Knex,
  token: string,
  startsAt: string,
  now: number,
  publicUrl: string,
): Promise<AppointmentChange> {
  const a = await appointmentOfToken(db, token);
  standingFuture(a, now);
  const { page } = await accessPublicBookingPage(db, a.host_slug);
  const start = Date.parse(startsAt);
  const rules = await checkFree(db, page, start, now, a.id);
  try {
    const moved = await moveAppointmentRow(
      db,
      a.id,
      new Date(start),
      new Date(slotEnd(rules, start)),
      start - now <= REMINDER_LEAD_MS ? new Date(now) : null,
    );
    if (!moved) throw conflict('appointment_past', 'Ce rendez-vous est déjà annulé.');
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('slot_taken', 'Ce créneau vient d’être réservé. Choisissez-en un autre.');
    throw err;
  }
  const appointment = (await findAppointmentWithHost(db, a.id))!;
  return {
    appointment,
    mails: appointmentMails('moved', appointment, publicUrl, manageLink(publicUrl, token), sequenceOf(appointment, now)),
  };
}
