import type { EventView } from '../db/agenda-events';
import type { EventCounts, RegistrationStatus, RegistrationView } from '../db/agenda-registrations';
import type { AgendaEvent, Prescription, PublicAgendaEvent, Registrant } from '../protocol/agenda';
import type { AgendaEventDetails, AgendaSession, MySessionRegistration } from '../protocol/agenda-workshops';
import type { SessionRow } from '../db/event-sessions';
import type { EventFileRow } from '../db/event-files';
import type { CommuneView } from '../protocol/reports';
import { iso, ms } from './time';

/** What an event's presentation needs beyond its row: loaded in a few queries for many events (services/agenda/event-extras.ts). */
export interface EventExtras {
  sessions: { row: SessionRow; counts: EventCounts }[];
  departmentCodes: string[];
  sectors: { id: number; name: string }[];
  files: EventFileRow[];
  commune: CommuneView | null;
}

/** Registration to a session closes at the event's deadline if set, else when the session starts; never once closed or cancelled. */
export function sessionOpen(e: Pick<EventView, 'cancelled_at' | 'registration_deadline'>, s: SessionRow, now = Date.now()): boolean {
  if (e.cancelled_at || s.status !== 'open') return false;
  const closes = Math.min(ms(e.registration_deadline) ?? Infinity, ms(s.starts_at)!);
  return now < closes;
}

const num = (v: number | null) => (v === null ? null : Number(v));

export function presentSession(e: EventView, s: SessionRow, c: EventCounts): AgendaSession {
  return {
    id: s.id,
    startsAt: iso(s.starts_at)!,
    endsAt: iso(s.ends_at)!,
    capacity: num(s.capacity),
    prescriptionCapacity: num(s.prescription_capacity),
    status: s.status,
    cancelReason: s.cancel_reason,
    registrationOpen: sessionOpen(e, s),
    registeredCount: c.member.registered,
    waitlistCount: c.member.waitlisted,
    prescriptionRegisteredCount: c.prescription.registered,
    prescriptionWaitlistCount: c.prescription.waitlisted,
  };
}

/** The publishing side of an event; `base` is /api (members) or /api/public (visitors) for the image and files. */
export function presentDetails(e: EventView, x: EventExtras, publicUrl = '', base = '/api'): AgendaEventDetails {
  const published = !!e.published_at;
  return {
    status: e.status,
    access: e.access,
    placeName: e.place_name,
    street: e.street,
    postalCode: e.postal_code,
    commune: x.commune,
    contact: { name: e.contact_name, email: e.contact_email, phone: e.contact_phone, website: e.contact_website },
    price: e.price,
    eventType: e.event_type,
    projectSize: e.project_size,
    departmentCodes: x.departmentCodes,
    sectors: x.sectors,
    image: e.image_sha256 ? { url: `${base}/events/${e.id}/image?v=${e.image_sha256.slice(0, 12)}`, alt: e.image_alt ?? '' } : null,
    files: x.files.map((f) => ({
      id: f.id,
      kind: f.kind,
      title: f.title,
      filename: f.filename,
      mimeType: f.mime_type,
      size: Number(f.size),
      url: `${base}/events/${e.id}/files/${f.id}`,
    })),
    sessions: x.sessions.map((s) => presentSession(e, s.row, s.counts)),
    publishedAt: iso(e.published_at),
    publicUrl: published && e.access === 'public' ? `${publicUrl}/evenements-publics/${e.id}` : null,
  };
}

/** Registration closes at the deadline if one is set, else when the event starts; never once cancelled. */
export function registrationOpen(e: Pick<EventView, 'cancelled_at' | 'registration_deadline' | 'starts_at'>, now = Date.now()): boolean {
  if (e.cancelled_at) return false;
  const closes = ms(e.registration_deadline) ?? ms(e.starts_at)!;
  return now < closes;
}

/**
 * What everyone who sees the event sees, and what `event:updated` carries:
 * the event and its live counts (member list and prescription list).
 */
export function presentEventPublic(e: EventView, counts: EventCounts, x: EventExtras, base = '/api'): PublicAgendaEvent {
  return {
    ...presentDetails(e, x, '', base),
    id: e.id,
    groupId: e.group_id,
    group: { id: e.group_id, name: e.g_name },
    title: e.title,
    description: e.description,
    startsAt: iso(e.starts_at),
    endsAt: iso(e.ends_at),
    location: e.location,
    videoUrl: e.video_url,
    capacity: e.capacity === null ? null : Number(e.capacity),
    waitlist: !!e.waitlist,
    prescriptionCapacity: e.prescription_capacity === null ? null : Number(e.prescription_capacity),
    registrationDeadline: iso(e.registration_deadline),
    registrationOpen: x.sessions.length ? x.sessions.some((s) => sessionOpen(e, s.row)) : registrationOpen(e),
    cancelledAt: iso(e.cancelled_at),
    cancelReason: e.cancel_reason,
    createdBy:
      e.created_by && e.c_username ? { id: e.created_by, username: e.c_username, displayName: `${e.c_first_name} ${e.c_last_name}` } : null,
    createdAt: iso(e.created_at),
    updatedAt: iso(e.updated_at),
    registeredCount: counts.member.registered,
    waitlistCount: counts.member.waitlisted,
    prescriptionRegisteredCount: counts.prescription.registered,
    prescriptionWaitlistCount: counts.prescription.waitlisted,
    icsUrl: `/api/events/${e.id}/ics`,
  };
}

/** The protocol's PublicAgendaEvent, under the name the services use. */
export type PublicEvent = PublicAgendaEvent;

export interface EventViewer {
  myRegistration: { id: number; status: RegistrationStatus; position: number | null } | null;
  invited: boolean;
  canManage: boolean;
  /** The people the viewer registered on the prescription list (single event view only). */
  myPrescriptions?: Prescription[];
  mySessionRegistrations: MySessionRegistration[];
  moderationComment?: string | null;
}

/** The contract's event `{id, groupId, title, …, registeredCount, waitlistCount, myRegistration}` as one viewer sees it. */
export function presentEvent(e: EventView, counts: EventCounts, x: EventExtras, viewer: EventViewer): AgendaEvent {
  return {
    ...presentEventPublic(e, counts, x),
    myRegistration: viewer.myRegistration,
    invited: viewer.invited,
    canManage: viewer.canManage,
    mySessionRegistrations: viewer.mySessionRegistrations,
    ...(viewer.canManage ? { moderationComment: e.moderation_comment } : {}),
    ...(viewer.myPrescriptions ? { myPrescriptions: viewer.myPrescriptions } : {}),
  };
}

/** The protocol's AgendaEvent, under the name the services use. */
export type PresentedEvent = AgendaEvent;

/** One line of the registrants list (organisers only: it carries e-mail addresses). */
export function presentRegistration(r: RegistrationView, position: number | null): Registrant {
  const person =
    r.user_id && r.u_username ? { id: r.user_id, username: r.u_username, displayName: `${r.u_first_name} ${r.u_last_name}` } : null;
  const self = r.list === 'member' && !!r.user_id;
  return {
    id: r.id,
    sessionId: r.session_id,
    visitor: r.list === 'member' && !r.user_id,
    phone: r.phone,
    list: r.list,
    status: r.status,
    position,
    name: self ? (person?.displayName ?? null) : r.name,
    email: self ? r.u_email : r.email,
    employer: self ? r.u_employer : null,
    user: self ? person : null,
    prescriber: self ? null : person,
    createdAt: iso(r.created_at),
    promotedAt: iso(r.promoted_at),
  };
}

/** The protocol's Registrant, under the name the services use. */
export type PresentedRegistration = Registrant;
