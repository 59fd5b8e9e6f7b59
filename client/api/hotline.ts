/** REST calls of the hotline desk (docs/protocol.md, section "Hotline"); commands go through the hub. Wire types: server/protocol/hotline.ts. */
import type { Http } from './http.js';
import type { Person } from '../../server/protocol/common.js';
import type { HistoryPage } from '../../server/protocol/chat.js';
import type {
  ChangeCategoryBody,
  HotlineAgent,
  HotlineCategory,
  HotlineFigures,
  HotlineStatus,
  Ticket,
  TicketDetail,
} from '../../server/protocol/hotline.js';

export type {
  FigureGroup,
  FigureSummary,
  HotlineAgent,
  HotlineCategory,
  HotlineFigures,
  HotlineStatus,
  Ticket,
  TicketDetail,
  TicketHistoryItem,
  TicketNote,
  TicketStatus,
} from '../../server/protocol/hotline.js';
/** Someone named on a ticket. */
export type TicketPerson = Person;

/** Filters of the ticket list. */
export interface TicketQuery {
  status?: string;
  scope?: 'all' | 'unassigned' | 'mine';
  categoryId?: number | '';
  departmentCode?: string;
  cursor?: number | null;
  limit?: number;
}

/** REST side of the hotline. */
export function hotlineApi(http: Http) {
  return {
    status: () => http.get<HotlineStatus>('/api/hotline/status'),
    tickets: (q: TicketQuery = {}) => http.get<{ items: Ticket[]; nextCursor: number | null }>('/api/hotline/tickets', { query: { ...q } }),
    ticket: (id: number) => http.get<TicketDetail>(`/api/hotline/tickets/${id}`),
    categories: (all = false) => http.get<HotlineCategory[]>('/api/hotline/categories', { query: { all: all ? 1 : undefined } }),
    createCategory: (name: string) => http.post<HotlineCategory>('/api/hotline/categories', { name }),
    updateCategory: (id: number, patch: ChangeCategoryBody) => http.patch<HotlineCategory>(`/api/hotline/categories/${id}`, patch),
    agents: () => http.get<HotlineAgent[]>('/api/hotline/agents'),
    figures: (from: string, to: string) => http.get<HotlineFigures>('/api/hotline/figures', { query: { from, to } }),
    figuresCsvUrl: (from: string, to: string) => http.url('/api/hotline/figures.csv', { from, to }),
    /** The ticket's conversation: the last messages of its channel, oldest first (protocol 2: `userCache.fromPage`). */
    history: (channelId: number, afterSeq?: number) =>
      http.get<HistoryPage>(`/api/channels/${channelId}/messages`, { query: { limit: 100, afterSeq, protocol: 2 } }),
  };
}

export type HotlineApi = ReturnType<typeof hotlineApi>;
