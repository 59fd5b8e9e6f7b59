/**
 * Agenda events as published contents (issue #16/#18): several sessions
 * (dates) with their own places and state, address with a commune, contact,
 * categories, image and files, access public or pro, moderation, visitors'
 * registrations without an account, and the organisers' registration lists.
 */
import { z } from 'zod';
import { fields, optionalText } from './common';
import type { CommuneView } from './reports';

import { EVENT_FILE_KINDS, EVENT_PRICES, EVENT_STATUSES, EVENT_TYPES, PROJECT_SIZES, SESSION_STATUSES } from './agenda-catalog';

export { EVENT_FILE_KINDS, EVENT_PRICES, EVENT_STATUSES, EVENT_TYPES, PROJECT_SIZES, SESSION_STATUSES };

export type EventType = keyof typeof EVENT_TYPES;
export type EventPrice = keyof typeof EVENT_PRICES;
export type ProjectSize = keyof typeof PROJECT_SIZES;
export type SessionStatus = keyof typeof SESSION_STATUSES;
export type EventFileKind = keyof typeof EVENT_FILE_KINDS;
export type EventPublishStatus = keyof typeof EVENT_STATUSES;
export type EventAccessLevel = 'public' | 'pro';

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** One session (date) as everyone who sees the event sees it, with its live counts. */
export interface AgendaSession {
  id: number;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  prescriptionCapacity: number | null;
  status: SessionStatus;
  cancelReason: string | null;
  registrationOpen: boolean;
  registeredCount: number;
  waitlistCount: number;
  prescriptionRegisteredCount: number;
  prescriptionWaitlistCount: number;
}

/** A file attached to an event. */
export interface AgendaEventFile {
  id: number;
  kind: EventFileKind;
  title: string;
  filename: string;
  mimeType: string;
  size: number;
  url: string;
}

/** The publishing side of an event (in every presentation of it). */
export interface AgendaEventDetails {
  status: EventPublishStatus;
  access: EventAccessLevel;
  placeName: string | null;
  street: string | null;
  postalCode: string | null;
  commune: CommuneView | null;
  contact: { name: string | null; email: string | null; phone: string | null; website: string | null };
  price: EventPrice | null;
  eventType: EventType | null;
  projectSize: ProjectSize | null;
  departmentCodes: string[];
  sectors: { id: number; name: string }[];
  image: { url: string; alt: string } | null;
  files: AgendaEventFile[];
  sessions: AgendaSession[];
  publishedAt: string | null;
  /** The public page, once published as public (else null). */
  publicUrl: string | null;
}

/** One of my places in a session of an event (member list). */
export interface MySessionRegistration {
  sessionId: number;
  id: number;
  status: 'registered' | 'waitlisted';
  position: number | null;
}

const dateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const capacity = z.number().int().min(1).max(100_000);
const webUrl = z.url({ protocol: /^https?$/, message: 'Adresse web (https://…) attendue.' }).max(2000);
const nullableUrl = webUrl.nullish().transform((v) => v ?? null);

/** One session as an organiser writes it. */
export const sessionInput = z
  .object({
    startsAt: dateTime,
    endsAt: dateTime,
    capacity: capacity.nullish().transform((v) => v ?? null),
    prescriptionCapacity: capacity.nullish().transform((v) => v ?? null),
  })
  .strict()
  .refine((s) => s.endsAt > s.startsAt, { message: 'La fin doit suivre le début.', path: ['endsAt'] });

/** The descriptive fields of an event (creation and edition). */
const content = {
  title: z.string().trim().min(1).max(200),
  description: optionalText(10_000),
  access: z.enum(['public', 'pro']),
  placeName: optionalText(200),
  street: optionalText(300),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'Code postal : 5 chiffres.')
    .nullish()
    .transform((v) => v || null),
  communeCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d[\dAB]\d{3})?$/, 'Commune inconnue.')
    .nullish()
    .transform((v) => v || null),
  videoUrl: nullableUrl,
  contactName: optionalText(160),
  contactEmail: fields.email
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(\+?[\d .-]{6,20})?$/, 'Numéro de téléphone invalide.')
    .nullish()
    .transform((v) => v || null),
  contactWebsite: nullableUrl,
  price: z
    .enum(keysOf(EVENT_PRICES))
    .nullish()
    .transform((v) => v ?? null),
  eventType: z
    .enum(keysOf(EVENT_TYPES))
    .nullish()
    .transform((v) => v ?? null),
  projectSize: z
    .enum(keysOf(PROJECT_SIZES))
    .nullish()
    .transform((v) => v ?? null),
  departmentCodes: z.array(fields.departmentCode).max(120).default([]),
  sectorIds: z.array(fields.id).max(50).default([]),
  imageAlt: optionalText(300),
  waitlist: z.boolean().default(true),
  registrationDeadline: dateTime.nullish().transform((v) => v ?? null),
};

/** The bodies and queries of the workshop routes. */
export const workshopSchemas = {
  /** POST /api/events: an event of a group with its sessions; `submit: false` keeps a draft. */
  create: z
    .object({ groupId: fields.id, ...content, sessions: z.array(sessionInput).min(1).max(60), submit: z.boolean().default(true) })
    .strict()
    .refine((e) => e.communeCode || e.videoUrl || e.placeName, {
      message: 'Indiquez une adresse (commune) ou un lien pour suivre en ligne.',
      path: ['communeCode'],
    }),
  /** PATCH /api/events/:id/content: any descriptive field. */
  editContent: z.object(content).partial().extend({ submit: z.boolean().optional() }).strict(),
  addSession: sessionInput,
  /** PATCH /api/events/:id/sessions/:sessionId: dates, places, or the state (a cancellation mails everyone on its lists). */
  editSession: z
    .object({
      startsAt: dateTime.optional(),
      endsAt: dateTime.optional(),
      capacity: capacity.nullable().optional(),
      prescriptionCapacity: capacity.nullable().optional(),
      status: z.enum(['open', 'closed', 'cancelled']).optional(),
      reason: optionalText(1000).optional(),
    })
    .strict(),
  /** POST /api/public/events/:id/registrations: a visitor without an account on a public event. */
  publicRegister: z
    .object({
      sessionId: fields.id,
      name: z.string().trim().min(2, 'Indiquez vos nom et prénom.').max(160),
      email: fields.email,
      phone: z
        .string()
        .trim()
        .regex(/^(\+?[\d .-]{6,20})?$/, 'Numéro de téléphone invalide.')
        .nullish()
        .transform((v) => v || null),
      consent: z.literal(true, { message: 'Votre accord est nécessaire pour vous inscrire.' }),
      altcha: z.string().max(8000).optional(),
    })
    .strict(),
  token: z.object({ token: fields.token }).strict(),
  /** GET /api/public/events: filters. */
  publicList: z.object({
    departmentCode: z.preprocess((v) => v || undefined, fields.departmentCode.optional()),
    sectorId: z.preprocess((v) => v || undefined, fields.id.optional()),
    eventType: z.preprocess((v) => v || undefined, z.enum(keysOf(EVENT_TYPES)).optional()),
    price: z.preprocess((v) => v || undefined, z.enum(keysOf(EVENT_PRICES)).optional()),
  }),
  fileKind: z.enum(keysOf(EVENT_FILE_KINDS)),
  sessionQuery: z.object({ sessionId: z.preprocess((v) => v || undefined, fields.id.optional()) }),
};

export type CreateWorkshopBody = z.input<typeof workshopSchemas.create>;
export type EditWorkshopBody = z.input<typeof workshopSchemas.editContent>;
export type SessionBody = z.input<typeof sessionInput>;
export type EditSessionBody = z.input<typeof workshopSchemas.editSession>;
export type PublicRegistrationBody = z.input<typeof workshopSchemas.publicRegister>;

/** What a visitor sees of their place (their cancel page). */
export interface VisitorRegistration {
  name: string;
  status: 'registered' | 'waitlisted';
  position: number | null;
  event: { id: number; title: string; placeName: string | null; commune: CommuneView | null; videoUrl: string | null };
  session: { id: number; startsAt: string; endsAt: string; status: SessionStatus };
  cancelled: boolean;
}

/** One session's line in "Mes événements — inscriptions". */
export interface OrganisedSession extends AgendaSession {
  label: string;
}

/** One event in "Mes événements — inscriptions". */
export interface OrganisedEvent {
  id: number;
  title: string;
  status: EventPublishStatus;
  access: EventAccessLevel;
  group: { id: number; name: string };
  cancelledAt: string | null;
  sessions: OrganisedSession[];
}

/** Error codes of the workshops. */
export const WORKSHOP_ERROR_CODES = ['session_required', 'session_has_registrations', 'last_session', 'use_sessions'] as const;
export type WorkshopErrorCode = (typeof WORKSHOP_ERROR_CODES)[number];
