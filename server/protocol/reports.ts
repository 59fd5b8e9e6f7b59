/**
 * The contract of activity reports (CRA): REST bodies and queries as zod
 * schemas, their types, the wire shapes, the error codes. Depends on zod and
 * on the catalog only; the client imports it with `import type`.
 */
import { z } from 'zod';
import {
  ACTIVITIES,
  AGE_BANDS,
  CANALS,
  DURATIONS,
  STATUSES,
  THEMES,
  type Activity,
  type AgeBand,
  type Canal,
  type DurationBand,
  type Status,
  type Theme,
} from './report-catalog';

const keys = <K extends string>(choices: readonly { key: K }[]) => choices.map((c) => c.key) as [K, ...K[]];
const DAY = 86_400_000;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in Paris as YYYY-MM-DD (a report made at 00:30 in Paris belongs to that Paris day). */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}

/** The same calendar day one year before `day` (29 February falls back to the 28th). */
export function oneYearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y - 1, m - 1, d));
  if (back.getUTCMonth() !== m - 1) back.setUTCDate(0);
  return back.toISOString().slice(0, 10);
}

/** A real calendar day as YYYY-MM-DD. */
export const dayField = z
  .string()
  .regex(isoDay, 'Date attendue au format AAAA-MM-JJ.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Date invalide.');

const count = z.number().int().min(0).max(500);
const countsOf = <K extends string>(choices: readonly { key: K }[]) =>
  z.object(Object.fromEntries(choices.map((c) => [c.key, count.default(0)])) as Record<K, z.ZodDefault<typeof count>>).strict();

/**
 * Body of POST /api/reports and PUT /api/reports/:id. No field holds anything
 * about the people helped beyond counts (unknown keys are refused), and the
 * only free text is the name of the structure someone was redirected to.
 */
export const reportBody = z
  .object({
    date: dayField,
    communeCode: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'Commune inconnue.'),
    canal: z.enum(keys(CANALS)),
    activity: z.enum(keys(ACTIVITIES)),
    participants: z.number().int().min(1).max(500),
    ages: countsOf(AGE_BANDS),
    statuses: countsOf(STATUSES),
    themes: z
      .array(z.enum(keys(THEMES)))
      .min(1, 'Choisissez au moins un thème.')
      .max(THEMES.length),
    durationBand: z.enum(keys(DURATIONS)).nullish(),
    durationMinutes: z.number().int().min(1).max(1440).nullish(),
    redirected: z.boolean().default(false),
    redirectedTo: z
      .string()
      .trim()
      .max(200)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict()
  .superRefine((r, ctx) => {
    const today = parisToday();
    if (r.date > today) ctx.addIssue({ code: 'custom', path: ['date'], message: 'La date ne peut pas être dans le futur.' });
    else if (r.date < oneYearBefore(today))
      ctx.addIssue({ code: 'custom', path: ['date'], message: "La date ne peut pas remonter à plus d'un an." });
    if (r.activity === 'individual' && r.participants !== 1) {
      ctx.addIssue({ code: 'custom', path: ['participants'], message: 'Un accompagnement individuel compte 1 participant.' });
    }
    if (r.activity === 'workshop' && r.participants < 2) {
      ctx.addIssue({ code: 'custom', path: ['participants'], message: 'Un atelier collectif compte au moins 2 participants.' });
    }
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    if (sum(r.ages) !== r.participants) {
      ctx.addIssue({
        code: 'custom',
        path: ['ages'],
        message: `Les tranches d'âge totalisent ${sum(r.ages)} personne(s) pour ${r.participants} participant(s).`,
      });
    }
    if (sum(r.statuses) !== r.participants) {
      ctx.addIssue({
        code: 'custom',
        path: ['statuses'],
        message: `Les statuts totalisent ${sum(r.statuses)} personne(s) pour ${r.participants} participant(s).`,
      });
    }
    if (new Set(r.themes).size !== r.themes.length)
      ctx.addIssue({ code: 'custom', path: ['themes'], message: 'Un thème est donné deux fois.' });
    if (!r.durationBand && !r.durationMinutes) ctx.addIssue({ code: 'custom', path: ['durationBand'], message: 'Indiquez la durée.' });
    if (r.redirected && !r.redirectedTo)
      ctx.addIssue({ code: 'custom', path: ['redirectedTo'], message: 'Indiquez la structure vers laquelle la personne a été orientée.' });
    if (!r.redirected && r.redirectedTo)
      ctx.addIssue({ code: 'custom', path: ['redirectedTo'], message: "Pas de structure d'orientation sans orientation." });
  });
export type ReportBody = z.input<typeof reportBody>;
export type ReportInput = z.output<typeof reportBody>;

/** Where a dashboard looks: my reports, my team's, or a territory's aggregates. */
export const STAT_SCOPES = ['mine', 'team', 'department', 'region', 'national'] as const;
export type StatScope = (typeof STAT_SCOPES)[number];

/** Query of GET /api/reports/stats and of the exports: a period (this month by default) and a scope. */
export const statsQuery = z
  .object({
    from: dayField.optional(),
    to: dayField.optional(),
    scope: z.enum(STAT_SCOPES).default('mine'),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{2,3}$/, 'Code de territoire invalide.')
      .optional(),
    groupBy: z.enum(['week', 'month']).optional(),
  })
  .transform((q, ctx) => {
    const today = parisToday();
    const from = q.from ?? `${today.slice(0, 8)}01`;
    const to = q.to ?? today;
    if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'La fin de la période précède son début.' });
    else if (Date.parse(to) - Date.parse(from) > 3 * 366 * DAY)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'La période est limitée à trois ans.' });
    if ((q.scope === 'department' || q.scope === 'region') && !q.code)
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'Choisissez un territoire.' });
    const groupBy = q.groupBy ?? (Date.parse(to) - Date.parse(from) > 92 * DAY ? 'month' : 'week');
    return { from, to, scope: q.scope, code: q.code ?? null, groupBy };
  });
export type StatsQuery = z.output<typeof statsQuery>;

/** Query of GET /api/reports (my reports, newest first, cursor pagination). */
export const listQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}_\d+$/, 'Curseur invalide.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** Query of GET /api/communes. */
export const communeQuery = z.object({ q: z.string().trim().min(2, 'Tapez au moins 2 caractères.').max(80) });

/** Body of POST /api/report-teams (admins): `memberId` reports to `managerId`. */
export const teamLinkBody = z.object({ managerId: z.number().int().positive(), memberId: z.number().int().positive() }).strict();

/** A commune as the form offers it. */
export interface CommuneView {
  code: string;
  name: string;
  postalCodes: string[];
  departmentCode: string;
}

/** One report on the wire (only ever shown to its author). */
export interface ReportView {
  id: number;
  date: string;
  commune: CommuneView;
  canal: Canal;
  activity: Activity;
  participants: number;
  ages: Record<AgeBand, number>;
  statuses: Record<Status, number>;
  themes: Theme[];
  durationBand: DurationBand;
  durationMinutes: number | null;
  redirected: boolean;
  redirectedTo: string | null;
  createdAt: string;
  updatedAt: string;
  /** Until when it may be edited or deleted; `null` once final. */
  editableUntil: string | null;
}

/** A count on a dashboard; `null` in territorial views when fewer than 5 reports make it (shown "< 5"). */
export type MaskedCount = number | null;

/** One line of a breakdown. */
export interface StatCell {
  key: string;
  label: string;
  count: MaskedCount;
}

/** One point of the trend: the period starting on `start`. */
export interface TrendPoint {
  start: string;
  reports: MaskedCount;
  participants: MaskedCount;
}

/** One line of a ranking of territories or people. */
export interface RankLine {
  key: string;
  label: string;
  reports: MaskedCount;
  participants: MaskedCount;
}

/** Answer of GET /api/reports/stats. */
export interface ReportStats {
  scope: StatScope;
  code: string | null;
  territory: string;
  from: string;
  to: string;
  /** True in territorial views: small cells are `null`. */
  masked: boolean;
  reports: MaskedCount;
  participants: MaskedCount;
  redirected: MaskedCount;
  activities: StatCell[];
  canals: StatCell[];
  durations: StatCell[];
  /** Ranked, most frequent first. */
  themes: StatCell[];
  ages: StatCell[];
  statuses: StatCell[];
  /** The ten communes with the most reports. */
  communes: StatCell[];
  groupBy: 'week' | 'month';
  trend: TrendPoint[];
  /** Région and national scopes: départements ranked by reports. */
  departments: RankLine[] | null;
  /** Team scope: each member of the manager's team. */
  people: RankLine[] | null;
}

/** A person as a team line shows them. */
export interface TeamPerson {
  id: number;
  displayName: string;
  employer: string | null;
}

/** One manager and their team (GET /api/report-teams). */
export interface TeamView {
  manager: TeamPerson;
  members: TeamPerson[];
}

/** The domain's error codes beyond the common ones. */
export type ReportErrorCode = 'report_final' | 'not_same_structure' | 'team_self';
