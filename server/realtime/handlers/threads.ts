import { onEvent } from '../handle';
import type { EventTable } from '../hub-types';
import type { ChannelsContext } from '../channels-context';
import { followThread, readThread } from '../../services/chat/threads';

/** thread:follow and thread:read (the replies themselves are ordinary `message:send` with `replyToId`). */
export function registerThreadHandlers(table: EventTable, c: ChannelsContext): void {
  onEvent(table, c.deps, 'thread:follow', async (input, { actor }) => ({
    following: await followThread(c.deps.db, actor, input.messageId, input.follow),
  }));

  onEvent(table, c.deps, 'thread:read', async (input, { actor }) => {
    await readThread(c.deps.db, actor, input.messageId);
    return {};
  });
}
