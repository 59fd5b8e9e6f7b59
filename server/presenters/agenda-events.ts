import type { EventView } from '../db/agenda-events';
import type { EventCounts, RegistrationStatus, RegistrationView } from '../db/agenda-registrations';
import type { AgendaEvent, Prescription, PublicAgendaEvent, Registrant } from '../protocol/agenda';
import { iso, ms } from './time';

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
export function presentEventPublic(e: EventView, counts: EventCounts): PublicAgendaEvent {
  return {
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
    registrationOpen: registrationOpen(e),
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
}

/** The contract's event `{id, groupId, title, …, registeredCount, waitlistCount, myRegistration}` as one viewer sees it. */
export function presentEvent(e: EventView, counts: EventCounts, viewer: EventViewer): AgendaEvent {
  return {
    ...presentEventPublic(e, counts),
    myRegistration: viewer.myRegistration,
    invited: viewer.invited,
    canManage: viewer.canManage,
    ...(viewer.myPrescriptions ? { myPrescriptions: viewer.myPrescriptions } : {}),
  };
}

/** The protocol's AgendaEvent, under the name the services use. */
export type PresentedEvent = AgendaEvent;

/** One line of the registrants list (organisers only: it carries e-mail addresses). */
export function presentRegistration(r: RegistrationView, position: number | null): Registrant {
  const person =
    r.user_id && r.u_username ? { id: r.user_id, username: r.u_username, displayName: `${r.u_first_name} ${r.u_last_name}` } : null;
  const self = r.list === 'member';
  return {
    id: r.id,
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
