import { onEvent } from '../handle';
import type { EventTable } from '../hub-types';
import type { ChannelsContext } from '../channels-context';
import { deleteMessage, editMessage, sendMessage, setPinned } from '../../services/chat/messages';
import { presentMessage } from '../../presenters/messages';

/** message:send / edit / delete / pin / unpin. */
export function registerMessageHandlers(table: EventTable, c: ChannelsContext): void {
  onEvent(table, c.deps, 'message:send', async (input, { actor }) => {
    await c.sendLimiter.consume(actor.id);
    const result = await sendMessage(c.deps.db, c.writer, actor, input);
    if (!result.duplicate) await c.messageSent(result, actor);
    return { message: presentMessage(result.message) };
  });

  onEvent(table, c.deps, 'message:edit', async (input, { actor }) => {
    const message = presentMessage(await editMessage(c.deps.db, actor, input.messageId, input.body));
    c.broadcasts.channels.messageUpdated(message);
    return { message };
  });

  onEvent(table, c.deps, 'message:delete', async (input, { actor }) => {
    const message = presentMessage(await deleteMessage(c.deps.db, actor, input.messageId));
    c.broadcasts.channels.messageUpdated(message);
    return {};
  });

  for (const [event, pinned] of [
    ['message:pin', true],
    ['message:unpin', false],
  ] as const) {
    onEvent(table, c.deps, event, async (input, { actor }) => {
      const message = presentMessage(await setPinned(c.deps.db, actor, input.messageId, pinned));
      c.broadcasts.channels.messageUpdated(message);
      return { message };
    });
  }
}
