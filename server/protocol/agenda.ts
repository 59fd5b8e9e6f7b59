/**
 * The calendar ("agenda events", so that "event" alone means a socket event):
 * events of groups, registrations on the member and prescription lists,
 * exports, and `event:updated`.
 */
import { z } from 'zod';
import { fields, optionalText, type Person } from './common';
import type { AgendaEventDetails, MySessionRegistration } from './agenda-workshops';

/** Where a registration stands. */
export type RegistrationStatus = 'registered' | 'waitlisted';
/** The member list, or the prescription list (people a member supports). */
export type RegistrationList = 'member' | 'prescription';

/** What an organiser writes (POST /api/groups/:id/events, PATCH /api/events/:id), as presented back. */
export interface AgendaEventFields {
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  location: string | null;
  videoUrl: string | null;
  capacity: number | null;
  waitlist: boolean;
  prescriptionCapacity: number | null;
  registrationDeadline: string | null;
}

/** What everyone who sees an event sees, and the payload of `event:updated`: nothing personal. */
export interface PublicAgendaEvent extends AgendaEventFields, AgendaEventDetails {
  id: number;
  groupId: number;
  group: { id: number; name: string };
  registrationOpen: boolean;
  cancelledAt: string | null;
  cancelReason: string | null;
  createdBy: Person | null;
  createdAt: string;
  updatedAt: string;
  registeredCount: number;
  waitlistCount: number;
  prescriptionRegisteredCount: number;
  prescriptionWaitlistCount: number;
  icsUrl: string;
}

/** A person I registered on the prescription list. */
export interface Prescription {
  id: number;
  name: string | null;
  email: string | null;
  status: RegistrationStatus;
  position: number | null;
}

/** The contract's event `{id, groupId, title, …, registeredCount, waitlistCount, myRegistration}` as one viewer sees it. */
export interface AgendaEvent extends PublicAgendaEvent {
  myRegistration: { id: number; status: RegistrationStatus; position: number | null } | null;
  invited: boolean;
  canManage: boolean;
  /** My places on the direct list, session by session. */
  mySessionRegistrations: MySessionRegistration[];
  /** To the event's organisers: the moderator's last comment. */
  moderationComment?: string | null;
  /** On GET /api/events/:id: the people I registered on the prescription list. */
  myPrescriptions?: Prescription[];
}

/** One line of the organisers' list (it carries e-mail addresses). */
export interface Registrant {
  id: number;
  /** The session (date) of this place. */
  sessionId: number;
  /** A visitor registered without an account (public event). */
  visitor: boolean;
  phone: string | null;
  list: RegistrationList;
  status: RegistrationStatus;
  position: number | null;
  name: string | null;
  email: string | null;
  employer: string | null;
  user: Person | null;
  prescriber: Person | null;
  createdAt: string;
  promotedAt: string | null;
}

/** POST /api/events/:id/registrations answer (201 registered, 202 waitlisted, 200 already there). */
export interface RegistrationAnswer {
  status: RegistrationStatus;
  /** Only when waitlisted: the place on the waiting list. */
  position?: number | null;
  registrationId: number;
  list: RegistrationList;
  created: boolean;
  event: AgendaEvent;
}

/** GET /api/me/calendar-feed. */
export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
}

/** POST /api/me/calendar-feed: the secret address, shown once. */
export interface CalendarFeedCreated {
  active: true;
  url: string;
  createdAt: string | null;
}

const dateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const capacity = z.number().int().min(1).max(100_000);
const videoUrl = z.url({ protocol: /^https?$/, message: 'Adresse web (https://…) attendue.' }).max(2000);
const invite = z.object({ group: z.boolean().optional(), userIds: z.array(fields.id).max(500).optional() }).strict();

const base = {
  title: z.string().trim().min(1).max(200),
  description: optionalText(10_000),
  startsAt: dateTime,
  endsAt: dateTime,
  location: optionalText(300),
  videoUrl: videoUrl.nullish().transform((v) => v ?? null),
  capacity: capacity.nullish().transform((v) => v ?? null),
  waitlist: z.boolean().default(true),
  prescriptionCapacity: capacity.nullish().transform((v) => v ?? null),
  registrationDeadline: dateTime.nullish().transform((v) => v ?? null),
};

/** The bodies and queries of the calendar routes. */
export const eventSchemas = {
  range: z
    .object({
      from: z.preprocess((v) => (v === '' ? undefined : v), dateTime.optional()),
      to: z.preprocess((v) => (v === '' ? undefined : v), dateTime.optional()),
    })
    .refine((r) => !r.from || !r.to || (r.to > r.from && r.to.getTime() - r.from.getTime() <= 400 * 86_400_000), {
      message: 'Période invalide (au plus 400 jours).',
      path: ['to'],
    }),

  /** POST /api/groups/:id/events: a place or a video link is needed. */
  create: z
    .object({ ...base, invite: invite.optional() })
    .strict()
    .refine((e) => e.location || e.videoUrl, { message: 'Indiquez un lieu ou un lien de visioconférence.', path: ['location'] }),

  /** PATCH /api/events/:id: any of the fields. */
  edit: z
    .object({
      title: base.title.optional(),
      description: optionalText(10_000).optional(),
      startsAt: dateTime.optional(),
      endsAt: dateTime.optional(),
      location: optionalText(300).optional(),
      videoUrl: videoUrl.nullable().optional(),
      capacity: capacity.nullable().optional(),
      waitlist: z.boolean().optional(),
      prescriptionCapacity: capacity.nullable().optional(),
      registrationDeadline: dateTime.nullable().optional(),
    })
    .strict(),

  cancel: z.object({ reason: z.preprocess((v) => (v === '' ? undefined : v), optionalText(1000)) }),

  invite: invite.refine((w) => w.group || w.userIds?.length, { message: 'Invitez le groupe ou au moins une personne.', path: ['userIds'] }),

  /** `{}` for myself, `{list: "prescription", name, email}` for someone I support. */
  register: z.preprocess(
    (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('list' in v) ? { ...v, list: 'member' } : v),
    z.discriminatedUnion('list', [
      z.object({ list: z.literal('member'), sessionId: fields.id.optional() }).strict(),
      z
        .object({
          list: z.literal('prescription'),
          name: z.string().trim().min(1).max(160),
          email: fields.email,
          sessionId: fields.id.optional(),
        })
        .strict(),
    ]),
  ),
};

/** Who to invite (POST /api/events/:id/invitations, `invite` of a new event). */
export type Invitees = z.input<typeof invite>;
/** Body of POST /api/groups/:id/events. */
export type CreateAgendaEventBody = z.input<typeof eventSchemas.create>;
/** Body of PATCH /api/events/:id. */
export type EditAgendaEventBody = z.input<typeof eventSchemas.edit>;
/** Body of POST /api/events/:id/registrations. */
export type RegistrationBody = z.input<typeof eventSchemas.register>;

/** Server → client events of the calendar. */
export interface AgendaServerEvents {
  /** To the group channel's room and the invitees: the event with its live counts. */
  'event:updated': PublicAgendaEvent;
}

/** Error codes of the calendar. */
export const AGENDA_ERROR_CODES = [
  'already_registered',
  'capacity_below_registered',
  'event_cancelled',
  'event_full',
  'invalid_dates',
  'not_a_member',
  'prescription_closed',
  'registration_closed',
  'unknown_users',
] as const;
/** One of the calendar error codes. */
export type AgendaErrorCode = (typeof AGENDA_ERROR_CODES)[number];
