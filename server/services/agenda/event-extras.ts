/** Loads what events' presentations need beyond their rows (sessions with counts, categories, files, commune) in a few queries. */
import type { Knex } from 'knex';
import type { EventView } from '../../db/agenda-events';
import { sessionsOf } from '../../db/event-sessions';
import { countsForSessions } from '../../db/session-registrations';
import { eventCategoriesOf } from '../../db/event-categories';
import type { EventFileRow } from '../../db/event-files';
import type { EventExtras } from '../../presenters/agenda-events';
import { communeView } from '../reports/communes';

/** The extras of each event, by id (files only when `withFiles`: lists do without them). */
export async function extrasOf(db: Knex, events: EventView[], withFiles = false): Promise<Map<number, EventExtras>> {
  const ids = events.map((e) => e.id);
  const [sessions, categories] = await Promise.all([sessionsOf(db, ids), eventCategoriesOf(db, ids)]);
  const sessionIds = [...sessions.values()].flat().map((s) => s.id);
  const counts = await countsForSessions(db, sessionIds);
  const files = new Map<number, EventFileRow[]>();
  if (withFiles && ids.length) {
    const rows = await db<EventFileRow>('event_files').whereIn('event_id', ids).orderBy('id');
    for (const f of rows) files.set(f.event_id, [...(files.get(f.event_id) ?? []), f]);
  }
  const out = new Map<number, EventExtras>();
  for (const e of events) {
    const cat = categories.get(e.id)!;
    out.set(e.id, {
      sessions: (sessions.get(e.id) ?? []).map((row) => ({ row, counts: counts.get(row.id)! })),
      departmentCodes: cat.departmentCodes,
      sectors: cat.sectors,
      files: files.get(e.id) ?? [],
      commune: e.commune_code ? communeView(e.commune_code) : null,
    });
  }
  return out;
}

/** One event's extras. */
export async function extrasOfOne(db: Knex, event: EventView): Promise<EventExtras> {
  return (await extrasOf(db, [event], true)).get(event.id)!;
}
