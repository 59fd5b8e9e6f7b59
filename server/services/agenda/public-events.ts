/** Public events for visitors without an account: the list of upcoming ones (with filters) and one event's page. */
import type { Knex } from 'knex';
import { publicEvents, type PublicEventFilters } from '../../db/agenda-events';
import { countsFor } from '../../db/agenda-registrations';
import { accessPublicEvent } from '../../access/agenda';
import { presentEventPublic } from '../../presenters/agenda-events';
import type { PublicAgendaEvent } from '../../protocol/agenda';
import { extrasOf, extrasOfOne } from './event-extras';

/** GET /api/public/events. */
export async function listPublicEvents(db: Knex, f: PublicEventFilters): Promise<PublicAgendaEvent[]> {
  const events = await publicEvents(db, f, new Date(), 100);
  const [counts, extras] = await Promise.all([
    countsFor(
      db,
      events.map((e) => e.id),
    ),
    extrasOf(db, events),
  ]);
  return events.map((e) => presentEventPublic(e, counts.get(e.id)!, extras.get(e.id)!, '/api/public'));
}

/** GET /api/public/events/:id: a published public event (its published version); 404 for anything else. */
export async function readPublicEvent(db: Knex, id: number): Promise<PublicAgendaEvent> {
  const e = await accessPublicEvent(db, id);
  const counts = (await countsFor(db, [id])).get(id)!;
  const view = presentEventPublic(e, counts, await extrasOfOne(db, e), '/api/public');
  // Visitors do not need who created it nor the members' iCalendar route.
  return { ...view, createdBy: null, icsUrl: '' };
}
