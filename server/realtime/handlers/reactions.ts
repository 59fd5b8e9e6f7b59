import { onEvent } from '../handle';
import type { EventTable } from '../hub-types';
import type { ChannelsContext } from '../channels-context';
import { toggleReaction } from '../../services/chat/reactions';

/** reaction:toggle: my emoji on a message, live to its channel on every node. */
export function registerReactionHandlers(table: EventTable, c: ChannelsContext): void {
  onEvent(table, c.deps, 'reaction:toggle', async (input, { actor }) => {
    // The same per-person budget as sends (MESSAGE_RATE_PER_10S): a reaction is a broadcast to the channel too.
    await c.sendLimiter.consume(actor.id);
    const change = await toggleReaction(c.deps.db, actor, input.messageId, input.emoji, input.on);
    c.broadcasts.channels.reactionsChanged(change);
    return { reactions: change.reactions, on: change.on };
  });
}
