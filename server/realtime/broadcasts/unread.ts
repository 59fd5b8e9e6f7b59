import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Publisher } from '../publish';
import { unreadStatesOf, unreadStatesOfSmallChannels, type UnreadState } from '../../db/channels';

/** At most one push per channel in this window: under load a member gets the latest count a few times a second, not once per message. */
export const UNREAD_PUSH_WINDOW_MS = 100;

/** Above this many members, `unread` is not pushed to every member on each message (clients count from `message:new`). */
export const UNREAD_PUSH_MAX_MEMBERS = 200;

/**
 * Pushes `unread` after committed messages, coalesced: the channels written
 * since the last push (at once when none went out in the last
 * UNREAD_PUSH_WINDOW_MS, else at the end of that window) are read in one or two
 * statements, and each member gets the channel's state as it is then (the
 * last seq minus their marker), once. In channels of
 * more than UNREAD_PUSH_MAX_MEMBERS members only the authors and the people
 * named get it. Not on the ack's path: the ack only waits for the commit.
 */
export class UnreadPusher {
  /** Channel → users told even in a large channel (authors, people named). */
  private pending = new Map<number, Set<number>>();
  private flushing: Promise<void> | null = null;
  private scheduled = false;
  private lastFlushAt = 0;

  constructor(
    private db: Knex,
    private publisher: Publisher,
    private log: Logger,
  ) {}

  afterMessage(channelId: number, alwaysTell: Iterable<number>): void {
    const users = this.pending.get(channelId) ?? new Set<number>();
    for (const id of alwaysTell) users.add(id);
    this.pending.set(channelId, users);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    const wait = Math.max(0, this.lastFlushAt + UNREAD_PUSH_WINDOW_MS - Date.now());
    setTimeout(() => {
      this.scheduled = false;
      this.lastFlushAt = Date.now();
      this.flushing = this.flush()
        .catch((err) => this.log.warn({ err }, 'unread push failed'))
        .finally(() => {
          this.flushing = null;
          if (this.pending.size) this.schedule();
        });
    }, wait);
  }

  private async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = new Map();
    const states = await unreadStatesOfSmallChannels(this.db, [...pending.keys()], UNREAD_PUSH_MAX_MEMBERS);
    // Every small channel has a row (its author is a member): a channel without one is large.
    const small = new Set(states.map((s) => Number(s.channel_id)));
    const named = [...pending]
      .filter(([id]) => !small.has(id))
      .flatMap(([channelId, users]) => [...users].map((userId) => ({ channelId, userId })));
    for (const s of [...states, ...(await unreadStatesOf(this.db, named))]) this.push(s);
  }

  private push(s: UnreadState): void {
    this.publisher.toUser(Number(s.user_id), 'unread', {
      channelId: Number(s.channel_id),
      unread: Math.max(0, Number(s.unread)),
      mentions: Number(s.mentions),
    });
  }
}
