/**
 * The contract of online booking (#18): a member's booking page (weekly hours,
 * places, exceptions, notice, horizon), the public page's free slots, a
 * visitor's booking, cancel and move by the link of their mail, and the
 * member's list of appointments. Zod and the CRA catalog only.
 */
import { z } from 'zod';
import { CANALS, THEMES, type Canal, type Theme } from './report-catalog';
import { fields } from './common';
import { dayField, type CommuneView } from './reports';

const keys = <K extends string>(choices: readonly { key: K }[]) => choices.map((c) => c.key) as [K, ...K[]];
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure attendue au format HH:MM.');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One weekly opening: a day (1 = lundi … 7 = dimanche) and its hours. */
export const weeklyRange = z
  .object({ day: z.number().int().min(1).max(7), start: clock, end: clock })
  .strict()
  .refine((r) => minutesOf(r.end) > minutesOf(r.start), { message: 'La fin doit suivre le début.', path: ['end'] });

/** Where appointments take place; `canal` is the CRA's, `communeCode` the commune the report will carry. */
export const bookingPlace = z
  .object({
    label: z.string().trim().min(1).max(120),
    canal: z.enum(keys(CANALS)),
    communeCode: z
      .string()
      .regex(/^(\d{5}|2[AB]\d{3})$/, 'Commune inconnue.')
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict();

/** Days off: from and to included (holidays, absences). */
export const bookingException = z
  .object({ from: dayField, to: dayField, label: z.string().trim().max(120).default('') })
  .strict()
  .refine((e) => e.to >= e.from, { message: 'La fin doit suivre le début.', path: ['to'] });

/** Body of PUT /api/booking/settings. */
export const bookingSettingsBody = z
  .object({
    enabled: z.boolean(),
    slotMinutes: z.number().int().min(10).max(240),
    noticeHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 30),
    horizonDays: z.number().int().min(1).max(180),
    publicHolidaysOff: z.boolean().default(true),
    weekly: z.array(weeklyRange).max(30),
    places: z.array(bookingPlace).min(1, 'Indiquez au moins un lieu.').max(10),
    exceptions: z.array(bookingException).max(100),
  })
  .strict();
export type BookingSettingsBody = z.input<typeof bookingSettingsBody>;
export type BookingSettingsInput = z.output<typeof bookingSettingsBody>;

/** The `:slug` of the public routes. */
export const bookingSlug = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'Page inconnue.');

/** Body of POST /api/public/booking/:slug/appointments (plus the anti-robot answer `altcha`). */
export const bookAppointmentBody = z
  .object({
    startsAt: z.iso.datetime({ offset: true, message: 'Créneau invalide.' }),
    place: z.number().int().min(0).max(9),
    name: z.string().trim().min(2).max(120),
    email: fields.email,
    phone: z
      .string()
      .trim()
      .max(30)
      .nullish()
      .transform((v) => (v ? v : null)),
    theme: z.enum(keys(THEMES)),
    message: z
      .string()
      .trim()
      .max(1000)
      .nullish()
      .transform((v) => (v ? v : null)),
    altcha: z.string().max(8000).optional(),
  })
  .strict();
export type BookAppointmentBody = z.input<typeof bookAppointmentBody>;

/** Body of the visitor's link routes: the secret of their mail. */
export const appointmentTokenBody = z.object({ token: z.string().trim().min(20).max(200) }).strict();
/** Body of POST /api/public/appointments/move. */
export const moveAppointmentBody = appointmentTokenBody.extend({ startsAt: bookAppointmentBody.shape.startsAt }).strict();

/** A member's booking settings (GET/PUT /api/booking/settings). */
export interface BookingSettingsView {
  enabled: boolean;
  slug: string;
  /** Absolute address of the public page. */
  publicUrl: string;
  slotMinutes: number;
  noticeHours: number;
  horizonDays: number;
  publicHolidaysOff: boolean;
  weekly: { day: number; start: string; end: string }[];
  places: { label: string; canal: Canal; communeCode: string | null }[];
  exceptions: { from: string; to: string; label: string }[];
}

/** One free slot (ISO-8601 UTC). */
export interface SlotView {
  startsAt: string;
  endsAt: string;
}

/** GET /api/public/booking/:slug: who, where, and the free slots grouped by Paris day. */
export interface PublicBookingView {
  host: { displayName: string; jobTitle: string | null; employer: string | null };
  slotMinutes: number;
  places: { label: string; canal: Canal }[];
  days: { date: string; slots: SlotView[] }[];
}

/** An appointment as its visitor sees it (the link of their mail). */
export interface VisitorAppointmentView {
  startsAt: string;
  endsAt: string;
  place: string;
  hostName: string;
  cancelled: boolean;
  /** The booking page's slug, to list free slots for a move. */
  slug: string;
}

/** An appointment as its member sees it (GET /api/booking/appointments). */
export interface AppointmentView {
  id: number;
  startsAt: string;
  endsAt: string;
  place: string;
  canal: Canal;
  theme: Theme;
  name: string;
  email: string;
  phone: string | null;
  message: string | null;
  cancelled: boolean;
  /** What the activity-report form is prefilled with after the appointment. */
  reportPrefill: { date: string; canal: Canal; theme: Theme; commune: CommuneView | null };
}

/** The domain's error codes beyond the common ones. */
export type BookingErrorCode = 'slot_taken' | 'slot_unavailable' | 'appointment_past';
