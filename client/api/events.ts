/** Typed calls for the calendar: events, registrations, exports and my private iCal feed. */
import type { Http } from './http.js';
import type {
  AgendaEvent,
  CalendarFeedCreated,
  CreateAgendaEventBody,
  EditAgendaEventBody,
  CalendarFeedStatus,
  Invitees,
  RegistrationAnswer,
  Registrant,
} from '../../server/protocol/agenda.js';

export type { AgendaEvent, Invitees, Registrant, RegistrationAnswer, RegistrationStatus } from '../../server/protocol/agenda.js';
/** What an organiser writes (POST /api/groups/:id/events, PATCH /api/events/:id). */
export type { AgendaEventFields as EventInput, PublicAgendaEvent as PublicEvent } from '../../server/protocol/agenda.js';

/** Every call of the calendar. */
export function eventsApi(http: Http) {
  const e = (id: number) => `/api/events/${id}`;
  return {
    mine: (from: Date, to: Date) =>
      http.get<{ items: AgendaEvent[] }>('/api/events', { query: { from: from.toISOString(), to: to.toISOString() } }),
    group: (groupId: number, from: Date, to: Date) =>
      http.get<{ items: AgendaEvent[] }>(`/api/groups/${groupId}/events`, { query: { from: from.toISOString(), to: to.toISOString() } }),
    get: (id: number) => http.get<AgendaEvent>(e(id)),
    create: (groupId: number, input: CreateAgendaEventBody) => http.post<AgendaEvent>(`/api/groups/${groupId}/events`, input),
    update: (id: number, patch: EditAgendaEventBody) => http.patch<AgendaEvent>(e(id), patch),
    cancel: (id: number, reason: string | null) => http.delete<AgendaEvent>(e(id), { query: { reason } }),
    invite: (id: number, who: Invitees) => http.post<{ invited: number }>(`${e(id)}/invitations`, who),
    register: (id: number) => http.post<RegistrationAnswer>(`${e(id)}/registrations`, {}),
    prescribe: (id: number, name: string, email: string, sessionId?: number) =>
      http.post<RegistrationAnswer>(`${e(id)}/registrations`, { list: 'prescription', name, email, ...(sessionId ? { sessionId } : {}) }),
    unregister: (id: number) => http.delete<{ event: AgendaEvent }>(`${e(id)}/registrations/me`),
    registerSession: (id: number, sessionId: number) => http.post<RegistrationAnswer>(`${e(id)}/registrations`, { sessionId }),
    unregisterSession: (id: number, sessionId: number) =>
      http.delete<{ event: AgendaEvent }>(`${e(id)}/registrations/me`, { query: { sessionId: String(sessionId) } }),
    removeRegistration: (id: number, registrationId: number) =>
      http.delete<{ event: AgendaEvent }>(`${e(id)}/registrations/${registrationId}`),
    registrants: (id: number) => http.get<{ items: Registrant[] }>(`${e(id)}/registrations`),
    csvUrl: (id: number) => http.url(`${e(id)}/registrations.csv`),
    icsUrl: (id: number) => http.url(`${e(id)}/ics`),
    feed: () => http.get<CalendarFeedStatus>('/api/me/calendar-feed'),
    createFeed: () => http.post<CalendarFeedCreated>('/api/me/calendar-feed'),
    revokeFeed: () => http.delete<void>('/api/me/calendar-feed'),
  };
}

export type EventsApi = ReturnType<typeof eventsApi>;
