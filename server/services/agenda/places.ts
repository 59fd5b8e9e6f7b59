import type { Knex } from 'knex';
import type { EventRow } from '../../db/agenda-events';
import type { SessionRow } from '../../db/event-sessions';
import { promote, type RegistrationList, type RegistrationRow } from '../../db/agenda-registrations';
import { countInSession, firstWaitlistedInSession } from '../../db/session-registrations';
import { promotionNotices, type EventEffects } from './notices';

/** A session list's capacity: null is "no limit" for the direct list, "no such list" for prescriptions. */
export const capacityOf = (s: Pick<SessionRow, 'capacity' | 'prescription_capacity'>, list: RegistrationList): number | null =>
  list === 'member' ? s.capacity : s.prescription_capacity;

/**
 * Gives free places of a session's list to its waiting list, first come first
 * served, and queues the notices to those promoted. Must run inside the
 * transaction that holds the session's lock (`lockSession`), like every change
 * to its lists. A closed session still promotes (the places were promised); a
 * cancelled one does not.
 */
export async function fillPlaces(
  trx: Knex,
  event: EventRow,
  session: SessionRow,
  groupName: string,
  list: RegistrationList,
  publicUrl: string,
  out: EventEffects,
): Promise<RegistrationRow[]> {
  if (event.cancelled_at || session.status === 'cancelled') return [];
  const cap = capacityOf(session, list);
  if (list === 'prescription' && cap === null) return [];
  let registered = await countInSession(trx, session.id, list, 'registered');
  const promoted: RegistrationRow[] = [];
  while (cap === null || registered < cap) {
    const next = await firstWaitlistedInSession(trx, session.id, list);
    if (!next) break;
    promoted.push(await promote(trx, next.id));
    registered++;
  }
  if (promoted.length) {
    out.changed = true;
    await promotionNotices(trx, event, session, groupName, promoted, publicUrl, out);
  }
  return promoted;
}
