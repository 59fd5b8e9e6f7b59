/** Wire types and REST calls of the hotline desk (docs/protocol.md, section "Hotline"). Commands go through the hub. */
import type { Http } from './http.js';
import type { Role } from './types.js';

export type TicketStatus = 'open' | 'assigned' | 'resolved';

/** Someone named on a ticket. */
export interface TicketPerson {
  id: number;
  username: string;
  displayName: string;
}

/** The contract's ticket object with this project's additions. */
export interface Ticket {
  id: number;
  status: TicketStatus;
  subject: string;
  category: { id: number; name: string } | null;
  requester: TicketPerson & { departmentCode: string };
  assignee: TicketPerson | null;
  channelId: number;
  queuePosition: number | null;
  createdAt: string;
  firstResponseDueAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  rating: { score: number; comment: string | null; ratedAt: string } | null;
  departmentCode: string | null;
  resolutionNote: string | null;
  reopenableUntil: string | null;
}

/** An internal note (staff only). */
export interface TicketNote {
  id: number;
  ticketId: number;
  author: TicketPerson;
  body: string;
  createdAt: string;
}

/** One step of a ticket's history (staff only). */
export interface TicketHistoryItem {
  id: number;
  kind: 'opened' | 'claimed' | 'transferred' | 'resolved' | 'reopened' | 'rated';
  actor: TicketPerson | null;
  target: TicketPerson | null;
  detail: string | null;
  createdAt: string;
}

/** GET /api/hotline/tickets/:id: notes and history are there for staff only. */
export interface TicketDetail {
  ticket: Ticket;
  notes?: TicketNote[];
  history?: TicketHistoryItem[];
}

export interface HotlineStatus {
  available: boolean;
  firstResponseTargetHours: number;
  firstResponseDueIfOpenedNow: string;
  workingHours: { timeZone: string; days: number[]; start: number; end: number };
}

export interface HotlineCategory {
  id: number;
  slug: string;
  name: string;
  position: number;
  archived: boolean;
}

export interface HotlineAgent extends TicketPerson {
  role: Role;
  status: 'online' | 'away' | 'dnd' | 'offline';
}

/** Filters of the ticket list. */
export interface TicketQuery {
  status?: string;
  scope?: 'all' | 'unassigned' | 'mine';
  categoryId?: number | '';
  departmentCode?: string;
  cursor?: number | null;
  limit?: number;
}

/** Counts and medians over a set of tickets. */
export interface FigureSummary {
  tickets: number;
  resolved: number;
  unresolved: number;
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  firstResponseOnTimeRate: number | null;
  averageRating: number | null;
}

export type FigureGroup = FigureSummary & { id: number | string | null; label: string };

export interface HotlineFigures {
  period: { from: string; to: string };
  openTickets: number;
  waitingTickets: number;
  total: FigureSummary;
  byAgent: FigureGroup[];
  byCategory: FigureGroup[];
  byDepartment: FigureGroup[];
}

/** REST side of the hotline. */
export function hotlineApi(http: Http) {
  return {
    status: () => http.get<HotlineStatus>('/api/hotline/status'),
    tickets: (q: TicketQuery = {}) =>
      http.get<{ items: Ticket[]; nextCursor: number | null }>('/api/hotline/tickets', { query: { ...q } }),
    ticket: (id: number) => http.get<TicketDetail>(`/api/hotline/tickets/${id}`),
    categories: (all = false) => http.get<HotlineCategory[]>('/api/hotline/categories', { query: { all: all ? 1 : undefined } }),
    createCategory: (name: string) => http.post<HotlineCategory>('/api/hotline/categories', { name }),
    updateCategory: (id: number, patch: { name?: string; archived?: boolean }) => http.patch<HotlineCategory>(`/api/hotline/categories/${id}`, patch),
    agents: () => http.get<HotlineAgent[]>('/api/hotline/agents'),
    figures: (from: string, to: string) => http.get<HotlineFigures>('/api/hotline/figures', { query: { from, to } }),
    figuresCsvUrl: (from: string, to: string) => http.url('/api/hotline/figures.csv', { from, to }),
    /** The ticket's conversation: the last messages of its channel, oldest first. */
    history: <M>(channelId: number, afterSeq?: number) =>
      http.get<M[]>(`/api/channels/${channelId}/messages`, { query: { limit: 100, afterSeq } }),
  };
}

export type HotlineApi = ReturnType<typeof hotlineApi>;
