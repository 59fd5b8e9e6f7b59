import type { Deps } from '../deps';
import type { UserRow } from '../db/users';
import type { MessageSender } from '../services/chat/message-writer';
import type { SendResult } from '../services/chat/send-types';
import type { Broadcasts } from './broadcasts';

/** At most one event per key per interval (typing indicators). */
export class Throttle {
  private last = new Map<string, number>();
  constructor(private intervalMs: number) {}
  /** Whether an event for this key may go now (and counts it). */
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
  broadcasts: Broadcasts;
  writer: MessageSender;
  sendLimiter: { consume(userId: number): Promise<void> };
  typingThrottle: Throttle;
  /** After a new message's commit: its broadcasts, the notifications of those it names, the other domains' hooks. */
  messageSent: (result: SendResult, actor: UserRow) => Promise<void>;
}
