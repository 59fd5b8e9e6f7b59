/**
 * Stores of the reports domain (plain TypeScript, no Lit): the report form's
 * draft (kept in localStorage so it survives a reload), my reports, and a
 * dashboard's filters and figures.
 */
import { asApiError } from '../api/http.js';
import type { CommuneView, ReportBody, ReportStats, ReportView, ReportsApi, StatsFilter } from '../api/reports.js';
import { AGE_BANDS, STATUSES } from '../../server/protocol/report-catalog.js';

/** What the form holds while someone types (numbers of people as numbers, the rest as typed). */
export interface ReportDraft {
  date: string;
  commune: CommuneView | null;
  canal: string;
  activity: string;
  participants: number;
  ages: Record<string, number>;
  statuses: Record<string, number>;
  themes: string[];
  durationBand: string;
  durationMinutes: string;
  redirected: boolean;
  redirectedTo: string;
}

/** Storage the draft lives in (window.localStorage in the browser, a Map-like in tests). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Today in Paris as YYYY-MM-DD. */
export const parisDay = (d = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);

/** An empty draft for today. */
export function emptyDraft(): ReportDraft {
  return {
    date: parisDay(),
    commune: null,
    canal: '',
    activity: '',
    participants: 1,
    ages: Object.fromEntries(AGE_BANDS.map((a) => [a.key, 0])),
    statuses: Object.fromEntries(STATUSES.map((s) => [s.key, 0])),
    themes: [],
    durationBand: '',
    durationMinutes: '',
    redirected: false,
    redirectedTo: '',
  };
}

/** The draft of a stored report (to edit it). */
export function draftOf(r: ReportView): ReportDraft {
  return {
    date: r.date,
    commune: r.commune,
    canal: r.canal,
    activity: r.activity,
    participants: r.participants,
    ages: { ...r.ages },
    statuses: { ...r.statuses },
    themes: [...r.themes],
    durationBand: r.durationMinutes ? '' : r.durationBand,
    durationMinutes: r.durationMinutes ? String(r.durationMinutes) : '',
    redirected: r.redirected,
    redirectedTo: r.redirectedTo ?? '',
  };
}

/** People counted in a breakdown (ages or statuses). */
export const sumOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + (Number(b) || 0), 0);

/** The body the server expects. */
export function bodyOf(d: ReportDraft): ReportBody {
  const minutes = Number(d.durationMinutes);
  return {
    date: d.date,
    communeCode: d.commune?.code ?? '',
    canal: d.canal as ReportBody['canal'],
    activity: d.activity as ReportBody['activity'],
    participants: d.participants,
    ages: d.ages as ReportBody['ages'],
    statuses: d.statuses as ReportBody['statuses'],
    themes: d.themes as ReportBody['themes'],
    durationBand: d.durationMinutes ? null : ((d.durationBand || null) as ReportBody['durationBand']),
    durationMinutes: d.durationMinutes ? (Number.isInteger(minutes) ? minutes : -1) : null,
    redirected: d.redirected,
    redirectedTo: d.redirected ? d.redirectedTo : null,
  };
}

/** The report form: a draft saved as it changes, the server's field errors, create or update. */
export class ReportFormStore extends EventTarget {
  draft: ReportDraft;
  errors: Record<string, string> = {};
  message = '';
  saving = false;

  constructor(
    private readonly api: { reports: ReportsApi },
    private readonly storage: DraftStorage,
    private readonly key: string,
    readonly reportId: number | null = null,
  ) {
    super();
    this.draft = this.restore() ?? emptyDraft();
  }

  private restore(): ReportDraft | null {
    try {
      const raw = this.storage.getItem(this.key);
      return raw ? { ...emptyDraft(), ...(JSON.parse(raw) as ReportDraft) } : null;
    } catch {
      return null;
    }
  }

  private changed(): void {
    this.storage.setItem(this.key, JSON.stringify(this.draft));
    this.dispatchEvent(new Event('change'));
  }

  /** Whether a draft was kept from an earlier visit. */
  get hasSavedDraft(): boolean {
    return this.storage.getItem(this.key) !== null;
  }

  /** Starts from a stored report unless a draft of its edit is already kept. */
  startFrom(report: ReportView): void {
    if (this.hasSavedDraft) return;
    this.draft = draftOf(report);
    this.dispatchEvent(new Event('change'));
  }

  /** Changes some fields. An individual accompaniment is one person; a workshop at least two. */
  update(changes: Partial<ReportDraft>): void {
    const d = { ...this.draft, ...changes };
    if (changes.activity === 'individual') d.participants = 1;
    if (changes.activity === 'workshop' && d.participants < 2) d.participants = 2;
    d.participants = Math.max(1, Math.min(500, Math.floor(Number(d.participants) || 1)));
    // With one person, the age band and status are one choice each: keep the counts at most 1.
    this.draft = d;
    for (const k of Object.keys(changes)) delete this.errors[k];
    this.changed();
  }

  /** Sets one count of a breakdown. */
  setCount(which: 'ages' | 'statuses', key: string, n: number): void {
    this.update({ [which]: { ...this.draft[which], [key]: Math.max(0, Math.floor(n) || 0) } });
  }

  /** Puts everyone not yet counted in `key` (e.g. "Non renseigné"). */
  fillRest(which: 'ages' | 'statuses', key: string): void {
    const rest = this.draft.participants - sumOf(this.draft[which]);
    if (rest > 0) this.setCount(which, key, (this.draft[which][key] ?? 0) + rest);
  }

  /** Adds or removes a theme. */
  toggleTheme(key: string): void {
    const themes = this.draft.themes.includes(key) ? this.draft.themes.filter((t) => t !== key) : [...this.draft.themes, key];
    this.update({ themes });
  }

  /** Forgets the draft (a new, empty form). */
  reset(): void {
    this.storage.removeItem(this.key);
    this.draft = emptyDraft();
    this.errors = {};
    this.message = '';
    this.dispatchEvent(new Event('change'));
  }

  /** Sends the report; on success the draft is forgotten, on error it stays with the field errors. */
  async save(): Promise<ReportView | null> {
    this.saving = true;
    this.errors = {};
    this.message = '';
    this.dispatchEvent(new Event('change'));
    try {
      const body = bodyOf(this.draft);
      const saved = this.reportId ? await this.api.reports.update(this.reportId, body) : await this.api.reports.create(body);
      this.storage.removeItem(this.key);
      this.draft = emptyDraft();
      return saved;
    } catch (e) {
      const err = asApiError(e);
      this.errors = err.fieldErrors;
      this.message = err.message;
      return null;
    } finally {
      this.saving = false;
      this.dispatchEvent(new Event('change'));
    }
  }
}

/** My reports, newest first, page by page; delete while still editable. */
export class MyReportsStore extends EventTarget {
  items: ReportView[] = [];
  nextCursor: string | null = null;
  loading = false;
  error = '';

  constructor(private readonly api: { reports: ReportsApi }) {
    super();
  }

  /** The first page, or the next one with `more`. */
  async load(more = false): Promise<void> {
    this.loading = true;
    this.dispatchEvent(new Event('change'));
    try {
      const page = await this.api.reports.list(more ? this.nextCursor : null);
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.error = '';
    } catch (e) {
      this.error = asApiError(e).message;
    } finally {
      this.loading = false;
      this.dispatchEvent(new Event('change'));
    }
  }

  /** Deletes one of my reports. */
  async remove(id: number): Promise<boolean> {
    try {
      await this.api.reports.remove(id);
      this.items = this.items.filter((r) => r.id !== id);
      this.error = '';
      return true;
    } catch (e) {
      this.error = asApiError(e).message;
      return false;
    } finally {
      this.dispatchEvent(new Event('change'));
    }
  }
}

/** The period presets of a dashboard. */
export type PeriodPreset = 'month' | 'last_month' | 'quarter' | 'year' | 'custom';

/** The first and last day of a preset, today being `today`. */
export function periodOf(preset: Exclude<PeriodPreset, 'custom'>, today = parisDay()): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const day = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm - 1, dd)).toISOString().slice(0, 10);
  if (preset === 'month') return { from: day(y, m, 1), to: today };
  if (preset === 'last_month') return { from: day(y, m - 1, 1), to: day(y, m, 0) };
  if (preset === 'quarter') return { from: day(y, m - 2, 1), to: today };
  return { from: day(y - 1, m, Number(today.slice(8)) + 1), to: today };
}

/** A dashboard: its filters (this month, my reports by default) and the figures they give. */
export class ReportStatsStore extends EventTarget {
  preset: PeriodPreset = 'month';
  filter: StatsFilter = { ...periodOf('month'), scope: 'mine', code: null };
  stats: ReportStats | null = null;
  loading = false;
  error = '';
  private seq = 0;

  constructor(private readonly api: { reports: ReportsApi }) {
    super();
  }

  /** Picks a preset period (custom keeps the dates as they are). */
  setPreset(preset: PeriodPreset): Promise<void> {
    this.preset = preset;
    if (preset !== 'custom') this.filter = { ...this.filter, ...periodOf(preset) };
    return this.load();
  }

  /** Changes filters and reloads. */
  setFilter(changes: Partial<StatsFilter>): Promise<void> {
    this.filter = { ...this.filter, ...changes };
    if (changes.from || changes.to) this.preset = 'custom';
    return this.load();
  }

  /** Loads the figures; a late answer to older filters is dropped. */
  async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    this.dispatchEvent(new Event('change'));
    try {
      const stats = await this.api.reports.stats(this.filter);
      if (seq !== this.seq) return;
      this.stats = stats;
      this.error = '';
    } catch (e) {
      if (seq !== this.seq) return;
      this.stats = null;
      this.error = asApiError(e).message;
    } finally {
      if (seq === this.seq) {
        this.loading = false;
        this.dispatchEvent(new Event('change'));
      }
    }
  }

  /** The address of an export with the current filters. */
  exportUrl(format: 'csv' | 'xlsx'): string {
    return this.api.reports.exportUrl(this.filter, format);
  }
}
