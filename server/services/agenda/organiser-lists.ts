/**
 * "Mes événements — inscriptions": every event a member organises with its
 * sessions' counts, and the lists as CSV or XLSX, per event or for all of them.
 */
import type { Knex } from 'knex';
import type { Readable } from 'node:stream';
import { organisedEvents, type EventView } from '../../db/agenda-events';
import { registrationsOfSessions } from '../../db/session-registrations';
import type { SessionRow } from '../../db/event-sessions';
import type { UserRow } from '../../db/users';
import { presentSession } from '../../presenters/agenda-events';
import { iso } from '../../presenters/time';
import type { OrganisedEvent } from '../../protocol/agenda-workshops';
import type { Registrant } from '../../protocol/agenda';
import { accessEventAsOrganiser } from '../../access/agenda';
import { canManageListedEvent } from '../../access/agenda';
import { membershipsIn } from '../../db/groups';
import { spreadsheetCsv } from '../../csv';
import { xlsxStream, type XlsxCell } from '../../xlsx';
import { extrasOf } from './event-extras';
import { presentLists } from './registrations';
import { slugify } from '../../slug';

const parisDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
const LIST_LABEL = { member: 'Inscription directe', prescription: 'Sur prescription' } as const;
const STATUS_LABEL = { registered: 'Inscrit', waitlisted: "Liste d'attente" } as const;
const MAX_EVENTS = 300;

/** The slug of a title for a download name (ASCII letters, digits and dashes). */
export const fileSlug = (title: string) => slugify(title, 'evenement', 50);

/** The label of a session: its date and hours, in Paris time. */
export const sessionLabel = (s: Pick<SessionRow, 'starts_at' | 'ends_at'>) => {
  const start = parisDateTime.format(new Date(s.starts_at));
  const end = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', timeStyle: 'short' }).format(new Date(s.ends_at));
  return `${start} – ${end}`;
};

/** The events the member organises (as organiser, not only seen in a list). */
async function myOrganised(db: Knex, actor: UserRow): Promise<EventView[]> {
  const events = await organisedEvents(db, actor.id, MAX_EVENTS);
  const memberships = new Map((await membershipsIn(db, actor.id, [...new Set(events.map((e) => e.group_id))])).map((m) => [m.group_id, m]));
  return events.filter((e) => canManageListedEvent(actor, memberships.get(e.group_id), e.g_visibility === 'private', e.created_by));
}

/** GET /api/me/organised-events. */
export async function organisedOverview(db: Knex, actor: UserRow): Promise<OrganisedEvent[]> {
  const events = await myOrganised(db, actor);
  const extras = await extrasOf(db, events);
  return events.map((e) => ({
    id: e.id,
    title: e.title,
    status: e.status,
    access: e.access,
    group: { id: e.group_id, name: e.g_name },
    cancelledAt: iso(e.cancelled_at),
    sessions: extras.get(e.id)!.sessions.map((s) => ({ ...presentSession(e, s.row, s.counts), label: sessionLabel(s.row) })),
  }));
}

interface ListRow {
  event: EventView;
  session: SessionRow;
  r: Registrant;
}

/** The lines of the lists of some events, session by session (in date order). */
async function listRows(db: Knex, events: EventView[]): Promise<ListRow[]> {
  const extras = await extrasOf(db, events);
  const out: ListRow[] = [];
  for (const event of events) {
    const sessions = extras.get(event.id)!.sessions.map((s) => s.row);
    const items = presentLists(
      await registrationsOfSessions(
        db,
        sessions.map((s) => s.id),
      ),
    );
    for (const session of sessions) for (const r of items.filter((i) => i.sessionId === session.id)) out.push({ event, session, r });
  }
  return out;
}

const HEADER = [
  'Événement',
  'Date',
  'Liste',
  'Statut',
  "Rang d'attente",
  'Nom',
  'E-mail',
  'Téléphone',
  'Structure',
  'Inscrit par',
  "Date d'inscription",
];

function cells({ event, session, r }: ListRow): string[] {
  return [
    event.title,
    sessionLabel(session),
    r.visitor ? `${LIST_LABEL.member} (sans compte)` : LIST_LABEL[r.list],
    STATUS_LABEL[r.status],
    r.position === null ? '' : String(r.position),
    r.name ?? '',
    r.email ?? '',
    r.phone ?? '',
    r.employer ?? '',
    r.prescriber?.displayName ?? '',
    r.createdAt ? parisDateTime.format(new Date(r.createdAt)) : '',
  ];
}

/** The events whose lists are asked: one (its organisers only, else 404) or all I organise. */
async function scope(db: Knex, actor: UserRow, eventId: number | null): Promise<{ events: EventView[]; name: string }> {
  if (eventId === null) return { events: await myOrganised(db, actor), name: 'inscrits-mes-evenements' };
  const { event } = await accessEventAsOrganiser(db, actor, eventId);
  return { events: [event], name: `inscrits-${fileSlug(event.title)}-${event.id}` };
}

/** CSV of the lists (UTF-8 with BOM, `;`, formula cells neutralised): what a spreadsheet opens as is. */
export async function listsCsv(db: Knex, actor: UserRow, eventId: number | null): Promise<{ filename: string; body: string }> {
  const { events, name } = await scope(db, actor, eventId);
  const rows = (await listRows(db, events)).map(cells);
  return { filename: `${name}.csv`, body: spreadsheetCsv([HEADER, ...rows]) };
}

/** XLSX of the lists, one table (cells are strings or numbers, never formulas). */
export async function listsXlsx(db: Knex, actor: UserRow, eventId: number | null): Promise<{ filename: string; stream: Readable }> {
  const { events, name } = await scope(db, actor, eventId);
  const rows: XlsxCell[][] = [HEADER, ...(await listRows(db, events)).map((l) => cells(l).map((c, i) => (i === 4 && c ? Number(c) : c)))];
  const stream = xlsxStream([{ name: 'Inscriptions', widths: [32, 24, 24, 14, 10, 24, 30, 16, 20, 20, 18], rows: [rows] }]);
  return { filename: `${name}.xlsx`, stream };
}
