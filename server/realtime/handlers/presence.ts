import type { Deps } from '../../deps';
import { onEvent } from '../handle';
import type { EventTable } from '../hub-types';
import type { PresenceDomain } from '../presence/types';

/** `presence:set` (my chosen status), `presence:get` (what I may see of others), `presence:subscribe` (whom I show). */
export function registerPresenceHandlers(
  table: EventTable,
  deps: Deps,
  presence: Pick<PresenceDomain, 'setStatus' | 'visibleTo' | 'subscribe'>,
): void {
  onEvent(table, deps, 'presence:set', async ({ status }, { actor }) => {
    await presence.setStatus(actor.id, status);
  });

  onEvent(table, deps, 'presence:get', async ({ userIds }, { actor }) => ({
    presence: await presence.visibleTo(actor, userIds),
  }));

  onEvent(table, deps, 'presence:subscribe', async ({ userIds }, { actor, socket }) => ({
    presence: await presence.subscribe(socket, actor, userIds),
  }));
}
