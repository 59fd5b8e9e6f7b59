/** Typed calls for events as published contents: sessions, visitors' registrations, the organisers' lists. */
import type { Http } from './http.js';
import { xhrUpload } from './me.js';
import type { AgendaEvent, PublicAgendaEvent, Registrant } from '../../server/protocol/agenda.js';
import type {
  CreateWorkshopBody,
  EditSessionBody,
  EditWorkshopBody,
  OrganisedEvent,
  PublicRegistrationBody,
  SessionBody,
  VisitorRegistration,
} from '../../server/protocol/agenda-workshops.js';

export type { OrganisedEvent, VisitorRegistration, CreateWorkshopBody } from '../../server/protocol/agenda-workshops.js';
export {
  EVENT_FILE_KINDS,
  EVENT_TYPES,
  EVENT_PRICES,
  PROJECT_SIZES,
  SESSION_STATUSES,
  EVENT_STATUSES,
} from '../../server/protocol/agenda-catalog.js';

/** The filters of the public list. */
export interface PublicEventFilters {
  eventType?: string;
  price?: string;
  departmentCode?: string;
}

/** Every call of the workshops. */
export function workshopsApi(http: Http) {
  const e = (id: number) => `/api/events/${id}`;
  return {
    create: (body: CreateWorkshopBody) => http.post<AgendaEvent>('/api/events', body),
    editContent: (id: number, body: EditWorkshopBody) => http.patch<AgendaEvent>(`${e(id)}/content`, body),
    addSession: (id: number, body: SessionBody) => http.post<AgendaEvent>(`${e(id)}/sessions`, body),
    editSession: (id: number, sessionId: number, body: EditSessionBody) => http.patch<AgendaEvent>(`${e(id)}/sessions/${sessionId}`, body),
    removeSession: (id: number, sessionId: number) => http.delete<AgendaEvent>(`${e(id)}/sessions/${sessionId}`),
    /** PUT /api/events/:id/image (multipart `file`), with progress. */
    setImage: (id: number, file: File, onProgress?: (fraction: number) => void) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return xhrUpload<AgendaEvent>(http, 'PUT', `${e(id)}/image`, form, onProgress);
    },
    removeImage: (id: number) => http.delete<AgendaEvent>(`${e(id)}/image`),
    /** POST /api/events/:id/files (multipart `kind`, `title`, `file`), with progress. */
    addFile: (id: number, d: { kind: string; title: string; file: File }, onProgress?: (fraction: number) => void) => {
      const form = new FormData();
      form.append('kind', d.kind);
      form.append('title', d.title);
      form.append('file', d.file, d.file.name);
      return xhrUpload<AgendaEvent>(http, 'POST', `${e(id)}/files`, form, onProgress);
    },
    removeFile: (id: number, fileId: number) => http.delete<AgendaEvent>(`${e(id)}/files/${fileId}`),
    registerSelf: (id: number, sessionId: number) =>
      http.post<{ status: string; position?: number | null }>(`${e(id)}/registrations`, { sessionId }),
    sessionList: (id: number, sessionId: number) =>
      http.get<{ items: Registrant[] }>(`${e(id)}/registrations`, { query: { sessionId: String(sessionId) } }),
    organised: () => http.get<{ items: OrganisedEvent[] }>('/api/me/organised-events'),
    csvUrl: (id: number | null) => http.url(id === null ? '/api/me/organised-events/registrations.csv' : `${e(id)}/registrations.csv`),
    xlsxUrl: (id: number | null) => http.url(id === null ? '/api/me/organised-events/registrations.xlsx' : `${e(id)}/registrations.xlsx`),
    /** GET /api/public/events, filtered by type, price and/or département (empty: no filter). */
    publicList: (f: PublicEventFilters = {}) =>
      http.get<{ items: PublicAgendaEvent[] }>('/api/public/events', {
        query: { eventType: f.eventType || undefined, price: f.price || undefined, departmentCode: f.departmentCode || undefined },
      }),
    publicEvent: (id: number) => http.get<PublicAgendaEvent>(`/api/public/events/${id}`),
    registerVisitor: (id: number, body: PublicRegistrationBody) =>
      http.post<{ status: 'registered' | 'waitlisted'; position: number | null; event: PublicAgendaEvent }>(
        `/api/public/events/${id}/registrations`,
        body,
      ),
    lookup: (token: string) => http.post<VisitorRegistration>('/api/public/event-registrations/lookup', { token }),
    cancel: (token: string) => http.post<VisitorRegistration>('/api/public/event-registrations/cancel', { token }),
  };
}

export type WorkshopsApi = ReturnType<typeof workshopsApi>;
