/** Typed calls for the calendar: events, registrations, exports and my private iCal feed. */
import type { Http } from './http.js';

export type RegistrationStatus = 'registered' | 'waitlisted';

/** What an organiser writes (POST /api/groups/:id/events, PATCH /api/events/:id). */
export interface EventInput {
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

/** What everyone who sees an event sees (also the payload of `event:updated`). */
export interface PublicEvent extends EventInput {
  id: number;
  groupId: number;
  group: { id: number; name: string };
  registrationOpen: boolean;
  cancelledAt: string | null;
  cancelReason: string | null;
  createdBy: { id: number; username: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
  registeredCount: number;
  waitlistCount: number;
  prescriptionRegisteredCount: number;
  prescriptionWaitlistCount: number;
  icsUrl: string;
}

/** An event as I see it. */
export interface AgendaEvent extends PublicEvent {
  myRegistration: { id: number; status: RegistrationStatus; position: number | null } | null;
  invited: boolean;
  canManage: boolean;
  /** On GET /api/events/:id: the people I registered on the prescription list. */
  myPrescriptions?: { id: number; name: string | null; email: string | null; status: RegistrationStatus; position: number | null }[];
}

export interface Invitees {
  group?: boolean;
  userIds?: number[];
}

/** One line of the organisers' list. */
export interface Registrant {
  id: number;
  list: 'member' | 'prescription';
  status: RegistrationStatus;
  position: number | null;
  name: string | null;
  email: string | null;
  employer: string | null;
  user: { id: number; username: string; displayName: string } | null;
  prescriber: { id: number; username: string; displayName: string } | null;
  createdAt: string;
  promotedAt: string | null;
}

export interface RegistrationAnswer {
  status: RegistrationStatus;
  position?: number;
  registrationId: number;
  created: boolean;
  event: AgendaEvent;
}

/** Every call of the calendar. */
export function eventsApi(http: Http) {
  const e = (id: number) => `/api/events/${id}`;
  return {
    mine: (from: Date, to: Date) => http.get<{ items: AgendaEvent[] }>('/api/events', { query: { from: from.toISOString(), to: to.toISOString() } }),
    group: (groupId: number, from: Date, to: Date) =>
      http.get<{ items: AgendaEvent[] }>(`/api/groups/${groupId}/events`, { query: { from: from.toISOString(), to: to.toISOString() } }),
    get: (id: number) => http.get<AgendaEvent>(e(id)),
    create: (groupId: number, input: EventInput & { invite?: Invitees }) => http.post<AgendaEvent>(`/api/groups/${groupId}/events`, input),
    update: (id: number, patch: Partial<EventInput>) => http.patch<AgendaEvent>(e(id), patch),
    cancel: (id: number, reason: string | null) => http.delete<AgendaEvent>(e(id), { query: { reason } }),
    invite: (id: number, who: Invitees) => http.post<{ invited: number }>(`${e(id)}/invitations`, who),
    register: (id: number) => http.post<RegistrationAnswer>(`${e(id)}/registrations`, {}),
    prescribe: (id: number, name: string, email: string) => http.post<RegistrationAnswer>(`${e(id)}/registrations`, { list: 'prescription', name, email }),
    unregister: (id: number) => http.delete<{ event: AgendaEvent }>(`${e(id)}/registrations/me`),
    removeRegistration: (id: number, registrationId: number) => http.delete<{ event: AgendaEvent }>(`${e(id)}/registrations/${registrationId}`),
    registrants: (id: number) => http.get<{ items: Registrant[] }>(`${e(id)}/registrations`),
    csvUrl: (id: number) => http.url(`${e(id)}/registrations.csv`),
    icsUrl: (id: number) => http.url(`${e(id)}/ics`),
    feed: () => http.get<{ active: boolean; createdAt: string | null }>('/api/me/calendar-feed'),
    createFeed: () => http.post<{ active: true; url: string; createdAt: string }>('/api/me/calendar-feed'),
    revokeFeed: () => http.delete<void>('/api/me/calendar-feed'),
  };
}

export type EventsApi = ReturnType<typeof eventsApi>;
