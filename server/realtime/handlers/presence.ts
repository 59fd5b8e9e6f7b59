import type { Deps } from '../../deps';
import { onEvent } from '../handle';
import type { EventTable } from '../hub-types';
import type { PresenceDomain } from '../presence/types';

/** `presence:set` (my chosen status) and `presence:get` (what I may see of others). */
export function registerPresenceHandlers(table: EventTable, deps: Deps, presence: Pick<PresenceDomain, 'setStatus' | 'visibleTo'>): void {
  onEvent(table, deps, 'presence:set', async ({ status }, { actor }) => {
    await presence.setStatus(actor.id, status);
  });

  onEvent(table, deps, 'presence:get', async ({ userIds }, { actor }) => ({
    presence: await presence.visibleTo(actor, userIds),
  }));
}
