import type { Deps } from '../deps';
import type { HubSocket, RealtimeDomain } from './hub';
import type { Publisher } from './publish';
import { rooms } from './rooms';
import { ChannelEvents } from './channel-events';
import { registerMessageHandlers } from './handlers/messages';
import { registerChannelHandlers } from './handlers/channels';
import { MessageWriter } from '../services/chat/message-writer';
import { syncAutoMemberships } from '../services/chat/channels';
import type { SendResult } from '../services/chat/messages';
import { channelIdsOfUser } from '../db/channels';
import { findUserById, type UserRow } from '../db/users';
import { AttemptLimiter } from '../http/middleware/rate-limit';

/** At most one event per key per interval (typing indicators). */
export class Throttle {
  private last = new Map<string, number>();
  constructor(private intervalMs: number) {}
  allow(key: string): boolean {
    const now = Date.now();
    if ((this.last.get(key) ?? 0) + this.intervalMs > now) return false;
    this.last.set(key, now);
    if (this.last.size > 10_000) for (const [k, t] of this.last) if (t + this.intervalMs < now) this.last.delete(k);
    return true;
  }
}

/** Hooks other domains add to run after a message is stored and broadcast (the hotline tracks replies). */
export type AfterMessageHook = (result: SendResult, actor: UserRow) => Promise<void>;

/** Everything the channel and message handlers share. */
export interface ChannelsContext {
  deps: Deps;
  publisher: Publisher;
  events: ChannelEvents;
  writer: MessageWriter;
  sendLimiter: { consume(userId: number): Promise<void> };
  typingThrottle: Throttle;
  afterMessage: (result: SendResult, actor: UserRow) => Promise<void>;
}

/**
 * Channels and messages on the hub. On connect the user's automatic channels
 * are brought up to date (département moves included) and the socket joins
 * the room of every channel it belongs to — read from the database, never
 * from the client.
 */
export function createChannelsDomain(deps: Deps, publisher: Publisher) {
  const hooks: AfterMessageHook[] = [];
  const limiter = new AttemptLimiter(deps.config.messageRatePer10s, 10);
  const ctx: ChannelsContext = {
    deps,
    publisher,
    events: new ChannelEvents(deps.db, publisher, deps.log),
    writer: new MessageWriter(deps.db, deps.log),
    sendLimiter: { consume: (userId) => limiter.consume(`send:${userId}`) },
    typingThrottle: new Throttle(2000),
    async afterMessage(result, actor) {
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
    for (const c of removed) await ctx.events.removed(user.id, c);
    for (const c of added) await ctx.events.added(user.id, c);
  }

  const domain: RealtimeDomain = {
    events(table) {
      registerMessageHandlers(table, ctx);
      registerChannelHandlers(table, ctx);
    },
    // Before the client's `connect` fires (see RealtimeDomain#onJoin).
    async onJoin(socket: HubSocket, user: UserRow) {
      await syncAutoMemberships(deps.db, user);
      const ids = await channelIdsOfUser(deps.db, user.id);
      if (ids.length) socket.join(ids.map(rooms.channel));
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

export type ChannelsDomain = ReturnType<typeof createChannelsDomain>;
