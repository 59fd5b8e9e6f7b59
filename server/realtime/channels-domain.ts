import type { Deps } from '../deps';
import type { HubSocket, RealtimeDomain } from './hub-types';
import type { Broadcasts } from './broadcasts';
import { rooms } from './rooms';
import { Throttle, type AfterMessageHook, type ChannelsContext } from './channels-context';
import { registerMessageHandlers } from './handlers/messages';
import { registerChannelHandlers } from './handlers/channels';
import { registerReactionHandlers } from './handlers/reactions';
import { registerThreadHandlers } from './handlers/threads';
import { messageWriterFor } from '../cluster/message-writer';
import { syncAutoMemberships } from '../services/chat/channels';
import { syncAutoChannels } from '../services/chat/auto-memberships';
import { notifyMentions } from '../services/chat/mention-notices';
import { findUserById, type UserRow } from '../db/users';
import { AttemptLimiter } from '../security/attempt-limiter';

/**
 * Channels and messages on the hub. On connect the user's automatic channels
 * are brought up to date (département moves included) and the socket joins
 * the room of every channel it belongs to — read from the database, never
 * from the client.
 */
export function createChannelsDomain(deps: Deps, broadcasts: Broadcasts) {
  const hooks: AfterMessageHook[] = [];
  const limiter = new AttemptLimiter(deps.config.messageRatePer10s, 10);
  const ctx: ChannelsContext = {
    deps,
    broadcasts,
    writer: messageWriterFor(deps.db, deps.log, deps.config),
    sendLimiter: { consume: (userId) => limiter.consume(`send:${userId}`) },
    typingThrottle: new Throttle(2000),
    async messageSent(result, actor) {
      broadcasts.channels.messageSent(result, actor.id);
      // Stored after the message's commit: a failure here cannot undo the message.
      if (result.mentionedUserIds.length) broadcasts.notifications.pushed(await notifyMentions(deps.db, result));
      for (const h of hooks) {
        try {
          await h(result, actor);
        } catch (err) {
          deps.log.error({ err }, 'after-message hook failed');
        }
      }
    },
  };

  /** Applies the automatic memberships of a user and tells their sockets what moved. */
  async function resyncUser(user: UserRow): Promise<void> {
    const { added, removed } = await syncAutoMemberships(deps.db, user);
    for (const c of removed) await broadcasts.channels.removed(user.id, c);
    for (const c of added) await broadcasts.channels.added(user.id, c);
  }

  const domain: RealtimeDomain = {
    events(table) {
      registerMessageHandlers(table, ctx);
      registerChannelHandlers(table, ctx);
      registerReactionHandlers(table, ctx);
      registerThreadHandlers(table, ctx);
    },
    // Before the client's `connect` fires (see RealtimeDomain#onJoin).
    async onJoin(socket: HubSocket, user: UserRow) {
      // One read of the memberships serves the automatic channels and the rooms (the login burst's cost).
      const { channelIds, kinds } = await syncAutoChannels(deps.db, user);
      socket.data.channelKinds = kinds;
      if (channelIds.length) socket.join(channelIds.map(rooms.channel));
    },
  };

  return {
    ...domain,
    context: ctx,
    addAfterMessageHook: (h: AfterMessageHook) => hooks.push(h),
    /** Called after a profile change of département: moves the user's channels live. */
    async departmentChanged(userId: number): Promise<void> {
      const user = await findUserById(deps.db, userId);
      if (user) await resyncUser(user);
    },
    resyncUser,
  };
}

/** The channels domain with its hooks for the REST side. */
export type ChannelsDomain = ReturnType<typeof createChannelsDomain>;
