/** Typed calls for activity reports (CRA): my reports, communes, dashboards, exports and teams. */
import type { Http } from './http.js';
import type { CommuneView, ReportBody, ReportStats, ReportView, StatScope, TeamView } from '../../server/protocol/reports.js';

export type {
  CommuneView,
  ReportBody,
  ReportStats,
  ReportView,
  StatScope,
  TeamView,
  StatCell,
  RankLine,
  TrendPoint,
  MaskedCount,
} from '../../server/protocol/reports.js';

/** The filters of a dashboard and of its exports. */
export interface StatsFilter {
  from: string;
  to: string;
  scope: StatScope;
  code?: string | null;
  groupBy?: 'week' | 'month';
}

/** The calls of the reports domain. */
export function reportsApi(http: Http) {
  const query = (f: StatsFilter) => ({ from: f.from, to: f.to, scope: f.scope, code: f.code ?? undefined, groupBy: f.groupBy });
  return {
    list: (cursor?: string | null) =>
      http.get<{ items: ReportView[]; nextCursor: string | null }>('/api/reports', { query: { cursor, limit: 30 } }),
    get: (id: number) => http.get<ReportView>(`/api/reports/${id}`),
    create: (body: ReportBody) => http.post<ReportView>('/api/reports', body),
    update: (id: number, body: ReportBody) => http.put<ReportView>(`/api/reports/${id}`, body),
    remove: (id: number) => http.delete<void>(`/api/reports/${id}`),
    communes: (q: string, signal?: AbortSignal) => http.get<{ items: CommuneView[] }>('/api/communes', { query: { q }, signal }),
    stats: (f: StatsFilter) => http.get<ReportStats>('/api/reports/stats', { query: query(f) }),
    /** The address of an export (a plain link: the browser downloads it with the session cookie). */
    exportUrl: (f: StatsFilter, format: 'csv' | 'xlsx') => http.url(`/api/reports/export.${format}`, query(f)),
    /** The régions, for the territorial dashboards' picker. */
    regions: () => http.get<{ code: string; name: string }[]>('/api/regions'),
    teams: () => http.get<{ items: TeamView[] }>('/api/report-teams'),
    addTeamMember: (managerId: number, memberId: number) => http.post<{ items: TeamView[] }>('/api/report-teams', { managerId, memberId }),
    removeTeamMember: (managerId: number, memberId: number) => http.delete<void>(`/api/report-teams/${managerId}/${memberId}`),
  };
}

export type ReportsApi = ReturnType<typeof reportsApi>;
