/** Who is typing where ("X écrit…"), and my own `typing` sends, throttled. */
import type { HubLike } from '../api/chat.js';
import type { Timers } from './presence-store.js';

/** A typing notice is hidden after this long without a new one. */
export const TYPING_SHOW_MS = 5000;
/** I send `typing` at most this often per channel. */
export const TYPING_SEND_MS = 3000;

const realTimers: Timers = { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as number) };

/** Plain store (no Lit): dispatches `change`. */
export class TypingStore extends EventTarget {
  /** channelId → userId → its hide timer. */
  private readonly typers = new Map<number, Map<number, unknown>>();
  private readonly lastSent = new Map<number, number>();

  constructor(
    private readonly hub: Pick<HubLike, 'request'>,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = () => Date.now(),
  ) {
    super();
  }

  /** Ids of the people typing in a channel, in arrival order. */
  typing(channelId: number): number[] {
    return [...(this.typers.get(channelId)?.keys() ?? [])];
  }

  /** A `typing` event: shown for 5 s, renewed by the next one. */
  apply(e: { channelId: number; userId: number }): void {
    const users = this.typers.get(e.channelId) ?? new Map<number, unknown>();
    this.typers.set(e.channelId, users);
    const previous = users.get(e.userId);
    if (previous !== undefined) this.timers.clearTimeout(previous);
    users.set(
      e.userId,
      this.timers.setTimeout(() => this.stop(e.channelId, e.userId), TYPING_SHOW_MS),
    );
    this.emit();
  }

  /** The person's message arrived: they are no longer typing. */
  stop(channelId: number, userId: number): void {
    const users = this.typers.get(channelId);
    const handle = users?.get(userId);
    if (!users || handle === undefined) return;
    this.timers.clearTimeout(handle);
    users.delete(userId);
    this.emit();
  }

  /** I am typing: tells the channel, at most once per 3 s (lost or refused notices do not matter). */
  notify(channelId: number): void {
    const t = this.now();
    if (t - (this.lastSent.get(channelId) ?? -Infinity) < TYPING_SEND_MS) return;
    this.lastSent.set(channelId, t);
    this.hub.request('typing', { channelId }, 3000).catch(() => {});
  }

  /** I sent my message: the next keystroke may notify again at once. */
  sent(channelId: number): void {
    this.lastSent.delete(channelId);
  }

  /** Forgets everything (sign-out). */
  clear(): void {
    for (const users of this.typers.values()) for (const h of users.values()) this.timers.clearTimeout(h);
    this.typers.clear();
    this.lastSent.clear();
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
