import { onEvent } from '../handle';
import type { EventTable } from '../hub-types';
import type { ChannelsContext } from '../channels-context';
import { channelView, joinChannel, leaveChannel, markRead, openDirect, setFavorite } from '../../services/chat/channels';
import { syncChannel } from '../../services/chat/messages';
import { presentMessages } from '../../services/chat/message-extras';
import { markUnreadFrom } from '../../services/chat/read-markers';
import { authorsOf, leanMessage } from '../../presenters/messages';
import { peopleFor } from '../../services/chat/people';
import { accessChannel } from '../../access/channels';
import { memberCount } from '../../db/channels';
import { readMentionsUpTo } from '../../services/chat/mention-notices';

/** Typing is not shown in channels larger than this. */
const TYPING_MAX_MEMBERS = 100;

/** channel:join / leave / sync / read / favorite, typing, dm:open, users:get. */
export function registerChannelHandlers(table: EventTable, c: ChannelsContext): void {
  const db = c.deps.db;

  onEvent(table, c.deps, 'channel:join', async ({ channelId }, { actor }) => {
    const { channel, added } = await joinChannel(db, actor, channelId);
    if (added) await c.broadcasts.channels.added(actor.id, channel);
    return { channel: await channelView(db, actor, channel) };
  });

  onEvent(table, c.deps, 'channel:leave', async ({ channelId }, { actor }) => {
    const { channel, removed } = await leaveChannel(db, actor, channelId);
    if (removed) await c.broadcasts.channels.removed(actor.id, channel);
    return { channel: await channelView(db, actor, channel) };
  });

  onEvent(table, c.deps, 'channel:sync', async (input, { actor, socket }) => {
    const { messages, hasMore } = await syncChannel(db, actor, input.channelId, input.afterSeq, input.limit);
    const presented = await presentMessages(db, messages);
    // Protocol 2: the page's authors once, the messages lean.
    if (socket.data.protocol === 2) return { messages: presented.map(leanMessage), hasMore, authors: authorsOf(presented) };
    return { messages: presented, hasMore };
  });

  onEvent(table, c.deps, 'channel:unread', async (input, { actor }) => {
    const { channel, lastReadSeq, mentions } = await markUnreadFrom(db, actor, input.messageId);
    c.broadcasts.channels.readMoved(actor.id, channel, lastReadSeq, mentions, []);
    return { channelId: channel.id, lastReadSeq };
  });

  onEvent(table, c.deps, 'users:get', async ({ userIds }, { actor }) => ({ users: await peopleFor(db, actor, userIds) }));

  onEvent(table, c.deps, 'channel:read', async (input, { actor }) => {
    const { channel, lastReadSeq, mentions } = await markRead(db, actor, input.channelId, input.seq);
    const read = await readMentionsUpTo(db, actor.id, channel.id, lastReadSeq);
    c.broadcasts.channels.readMoved(actor.id, channel, lastReadSeq, mentions, read);
    return { lastReadSeq };
  });

  onEvent(table, c.deps, 'channel:favorite', async (input, { actor }) => {
    await setFavorite(db, actor, input.channelId, input.favorite);
    return {};
  });

  onEvent(table, c.deps, 'typing', async ({ channelId }, { actor }) => {
    await accessChannel(db, actor, channelId);
    // Throttled per user and channel; volatile (a lost typing event is harmless); silent in big channels.
    if (!c.typingThrottle.allow(`${actor.id}:${channelId}`)) return {};
    if ((await memberCount(db, channelId)) > TYPING_MAX_MEMBERS) return {};
    c.broadcasts.channels.typing(channelId, actor.id);
    return {};
  });

  onEvent(table, c.deps, 'dm:open', async ({ userId }, { actor }) => {
    const { channel, created, other } = await openDirect(db, actor, userId);
    if (created) {
      await c.broadcasts.channels.added(actor.id, channel);
      await c.broadcasts.channels.added(other.id, channel);
    } else {
      c.broadcasts.channels.rejoined(actor.id, channel.id);
    }
    return { channel: await channelView(db, actor, channel) };
  });
}
