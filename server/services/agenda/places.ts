import type { Knex } from 'knex';
import type { EventRow } from '../../db/agenda-events';
import { countIn, firstWaitlisted, promote, type RegistrationList, type RegistrationRow } from '../../db/agenda-registrations';
import { promotionNotices, type EventEffects } from './notices';

/** A list's capacity: null is "no limit" for members, "no such list" for prescriptions. */
export const capacityOf = (e: Pick<EventRow, 'capacity' | 'prescription_capacity'>, list: RegistrationList): number | null =>
  list === 'member' ? e.capacity : e.prescription_capacity;

/**
 * Gives free places of a list to its waiting list, first come first served,
 * and queues the notices to those promoted. Must run inside the transaction
 * that holds the event's lock (`lockEvent`), like every change to the lists.
 */
export async function fillPlaces(
  trx: Knex,
  event: EventRow,
  groupName: string,
  list: RegistrationList,
  publicUrl: string,
  out: EventEffects,
): Promise<RegistrationRow[]> {
  if (event.cancelled_at) return [];
  const cap = capacityOf(event, list);
  if (list === 'prescription' && cap === null) return [];
  let registered = await countIn(trx, event.id, list, 'registered');
  const promoted: RegistrationRow[] = [];
  while (cap === null || registered < cap) {
    const next = await firstWaitlisted(trx, event.id, list);
    if (!next) break;
    promoted.push(await promote(trx, next.id));
    registered++;
  }
  if (promoted.length) {
    out.changed = true;
    await promotionNotices(trx, event, groupName, promoted, publicUrl, out);
  }
  return promoted;
}
