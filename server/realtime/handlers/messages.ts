import { onEvent } from '../handle';
import type { EventTable } from '../hub-types';
import type { ChannelsContext } from '../channels-context';
import { deleteMessage, editMessage, sendMessage, setPinned } from '../../services/chat/messages';
import { presentOne, presentSent } from '../../services/chat/message-extras';

/** message:send / edit / delete / pin / unpin. */
export function registerMessageHandlers(table: EventTable, c: ChannelsContext): void {
  onEvent(table, c.deps, 'message:send', async (input, { actor }) => {
    await c.sendLimiter.consume(actor.id);
    const result = await sendMessage(c.deps.db, c.writer, actor, input);
    if (!result.duplicate) await c.messageSent(result, actor);
    // A resend answers the stored message as it is now (its files, reactions, replies).
    return { message: result.duplicate ? await presentOne(c.deps.db, result.message) : presentSent(result.message, result.files) };
  });

  onEvent(table, c.deps, 'message:edit', async (input, { actor }) => {
    const message = await presentOne(c.deps.db, await editMessage(c.deps.db, actor, input.messageId, input.body));
    c.broadcasts.channels.messageUpdated(message);
    return { message };
  });

  onEvent(table, c.deps, 'message:delete', async (input, { actor }) => {
    const message = await presentOne(c.deps.db, await deleteMessage(c.deps.db, actor, input.messageId));
    c.broadcasts.channels.messageUpdated(message);
    return {};
  });

  for (const [event, pinned] of [
    ['message:pin', true],
    ['message:unpin', false],
  ] as const) {
    onEvent(table, c.deps, event, async (input, { actor }) => {
      const message = await presentOne(c.deps.db, await setPinned(c.deps.db, actor, input.messageId, pinned));
      c.broadcasts.channels.messageUpdated(message);
      return { message };
    });
  }
}
