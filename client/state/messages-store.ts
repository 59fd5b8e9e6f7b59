/** Messages per channel: a contiguous, seq-ordered window upserted by id, with gap detection and catch-up. */
import type { ChatApi, HubLike, Message, ReactionsEvent } from '../api/chat.js';
import { userCache } from './user-cache.js';

/** Page size of history and catch-up. */
export const PAGE = 50;
/** Catch-up pages fetched before giving up and reloading the latest page instead (long absence). */
const MAX_SYNC_PAGES = 5;

/** What `upsert` did: `gap` means the message was NOT stored because messages before it are missing. */
export type UpsertResult = 'added' | 'updated' | 'gap' | 'ignored';

/**
 * The messages held for one channel. Invariant: `messages` is sorted by seq and
 * contiguous (no seq missing between the first and the last), so `lastSeq` is a
 * safe `afterSeq` for catch-up.
 */
export class ChannelMessages {
  messages: Message[] = [];
  /** The latest page was loaded at least once (before that, live messages are ignored). */
  loaded = false;
  /** Messages may have been missed (reconnect while another channel was open): sync when opened. */
  stale = false;
  loading: 'idle' | 'latest' | 'older' | 'sync' = 'idle';
  error: unknown = null;
  pins: Message[] = [];
  pinsLoaded = false;

  constructor(readonly channelId: number) {}

  get lastSeq(): number {
    return this.messages.length ? this.messages[this.messages.length - 1]!.seq : 0;
  }

  get firstSeq(): number {
    return this.messages.length ? this.messages[0]!.seq : 0;
  }

  /** Seqs start at 1 with no gaps: older messages exist while the first held is above 1. */
  get hasOlder(): boolean {
    return this.firstSeq > 1;
  }

  find(id: number): Message | undefined {
    return this.messages.find((m) => m.id === id);
  }

  /** Inserts or replaces by id, keeping seq order; refuses (returns `gap`) a message past a hole. */
  upsert(m: Message): UpsertResult {
    if (m.channelId !== this.channelId) return 'ignored';
    const at = this.messages.findIndex((x) => x.id === m.id);
    if (at >= 0) {
      this.messages[at] = m;
      return 'updated';
    }
    if (!this.loaded) return 'ignored';
    if (m.seq > this.lastSeq + 1) return 'gap';
    if (m.seq > this.lastSeq) {
      this.messages.push(m);
      return 'added';
    }
    // Older than the last: only if it fits inside or right before the held window.
    if (this.messages.length && m.seq < this.firstSeq - 1) return 'ignored';
    const i = this.messages.findIndex((x) => x.seq >= m.seq);
    if (i >= 0 && this.messages[i]!.seq === m.seq) this.messages[i] = m;
    else this.messages.splice(i < 0 ? this.messages.length : i, 0, m);
    return 'added';
  }

  /** Replaces the window with the latest page. */
  resetTo(page: Message[]): void {
    this.messages = [...page].sort((a, b) => a.seq - b.seq);
    this.loaded = true;
    this.stale = false;
  }

  /** Adds an older page before the first held message. */
  prepend(page: Message[]): void {
    const first = this.firstSeq || Infinity;
    const older = page.filter((m) => m.seq < first && !this.find(m.id)).sort((a, b) => a.seq - b.seq);
    this.messages = [...older, ...this.messages];
  }

  /** Keeps the pinned list in step with a message's pinned state (newest pin first). */
  trackPin(m: Message): void {
    if (!this.pinsLoaded) return;
    const rest = this.pins.filter((p) => p.id !== m.id);
    this.pins = m.pinnedAt && !m.deletedAt ? [m, ...rest].sort((a, b) => (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? '')) : rest;
  }
}

/** Plain store (no Lit): dispatches `change`; holds a ChannelMessages per channel. */
export class MessagesStore extends EventTarget {
  private readonly channels = new Map<number, ChannelMessages>();
  private readonly syncing = new Map<number, Promise<void>>();
  private readonly syncAgain = new Set<number>();

  constructor(
    private readonly api: Pick<ChatApi, 'history' | 'pins'>,
    private readonly hub: Pick<HubLike, 'request'>,
  ) {
    super();
  }

  channel(channelId: number): ChannelMessages {
    let c = this.channels.get(channelId);
    if (!c) {
      c = new ChannelMessages(channelId);
      this.channels.set(channelId, c);
    }
    return c;
  }

  /** Opens a channel: latest page the first time, catch-up if it went stale, pins once. */
  async open(channelId: number): Promise<void> {
    const c = this.channel(channelId);
    const work: Promise<void>[] = [];
    if (!c.loaded) work.push(this.loadLatest(channelId));
    else if (c.stale) work.push(this.sync(channelId));
    if (!c.pinsLoaded) work.push(this.loadPins(channelId));
    await Promise.all(work);
  }

  /** A page of history (REST), its lean messages made whole by the user cache. */
  private async history(channelId: number, query: Parameters<ChatApi['history']>[1]): Promise<Message[]> {
    return userCache.fromPage(await this.api.history(channelId, query));
  }

  /** GET the latest page (replaces what is held). */
  async loadLatest(channelId: number): Promise<void> {
    const c = this.channel(channelId);
    await this.track(c, 'latest', async () => c.resetTo(await this.history(channelId, { limit: PAGE })));
  }

  /** GET the page before the first held message (history on scroll). */
  async loadOlder(channelId: number): Promise<void> {
    const c = this.channel(channelId);
    if (!c.loaded || !c.hasOlder || c.loading !== 'idle') return;
    await this.track(c, 'older', async () => c.prepend(await this.history(channelId, { beforeSeq: c.firstSeq, limit: PAGE })));
  }

  /**
   * Loads older pages until the message at `seq` is held (a search result
   * opened in its channel), at most `maxPages` pages of 100; answers whether it is.
   * The window stays contiguous down from the latest page, so live messages
   * and catch-up work as before.
   */
  async reveal(channelId: number, seq: number, maxPages = 30): Promise<boolean> {
    const c = this.channel(channelId);
    if (!c.loaded) await this.loadLatest(channelId);
    for (let i = 0; i < maxPages && c.firstSeq > seq && c.hasOlder; i++) {
      await this.track(c, 'older', async () => c.prepend(await this.history(channelId, { beforeSeq: c.firstSeq, limit: 100 })));
    }
    return c.messages.some((m) => m.seq === seq);
  }

  /** GET the pinned messages. */
  async loadPins(channelId: number): Promise<void> {
    const c = this.channel(channelId);
    try {
      c.pins = await this.api.pins(channelId);
      c.pinsLoaded = true;
    } catch (e) {
      c.error = e;
    }
    this.emit();
  }

  /**
   * `channel:sync` from the last seq held until nothing is left (one run per
   * channel at a time; a request during a run runs once more after it).
   */
  sync(channelId: number): Promise<void> {
    const running = this.syncing.get(channelId);
    if (running) {
      this.syncAgain.add(channelId);
      return running;
    }
    const c = this.channel(channelId);
    const run = (async () => {
      do {
        this.syncAgain.delete(channelId);
        if (!c.loaded) await this.loadLatest(channelId);
        else await this.track(c, 'sync', () => this.syncPages(c));
      } while (this.syncAgain.has(channelId));
    })().finally(() => this.syncing.delete(channelId));
    this.syncing.set(channelId, run);
    return run;
  }

  private async syncPages(c: ChannelMessages): Promise<void> {
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      const ack = await this.hub.request('channel:sync', {
        channelId: c.channelId,
        afterSeq: c.lastSeq,
        limit: 100,
      });
      userCache.remember(ack.authors);
      for (const m of ack.messages) c.upsert(userCache.toMessage(m));
      if (!ack.hasMore) {
        c.stale = false;
        return;
      }
    }
    // Too much was missed: the latest page is what the reader wants to see.
    c.resetTo(await this.history(c.channelId, { limit: PAGE }));
  }

  /** A live `message:new`: upserted, or a catch-up when messages before it are missing. */
  receive(m: Message): UpsertResult {
    const c = this.channel(m.channelId);
    const result = c.upsert(m);
    if (result === 'gap') void this.sync(m.channelId).catch(() => {});
    if (result !== 'ignored') this.emit();
    return result;
  }

  /** A `message:updated` (edit, delete, pin) or an ack's message. */
  update(m: Message): void {
    const c = this.channel(m.channelId);
    const result = c.upsert(m);
    if (result === 'gap') void this.sync(m.channelId).catch(() => {});
    c.trackPin(m);
    this.emit();
  }

  /** A `message:reactions` (or a toggle's ack): the message's reactions replaced where it is held. */
  applyReactions(e: ReactionsEvent): void {
    const c = this.channel(e.channelId);
    const at = c.messages.findIndex((m) => m.id === e.messageId);
    if (at < 0) return;
    c.messages[at] = { ...c.messages[at]!, reactions: e.reactions };
    this.emit();
  }

  /** A new reply: its root (if held) shows one more reply, its author first among the last repliers. */
  countReply(reply: Message): void {
    const c = this.channel(reply.channelId);
    const at = c.messages.findIndex((m) => m.id === reply.replyToId);
    if (at < 0) return;
    const root = c.messages[at]!;
    const t = root.thread ?? { replyCount: 0, lastReplyAt: reply.createdAt, lastRepliers: [] };
    const me = { id: reply.author.id, displayName: reply.author.displayName };
    c.messages[at] = {
      ...root,
      thread: {
        replyCount: t.replyCount + 1,
        lastReplyAt: reply.createdAt,
        lastRepliers: [me, ...t.lastRepliers.filter((p) => p.id !== me.id)].slice(0, 3),
      },
    };
    this.emit();
  }

  /** A held message, whatever its channel. */
  findAnywhere(id: number): Message | undefined {
    for (const c of this.channels.values()) {
      const m = c.find(id);
      if (m) return m;
    }
    return undefined;
  }

  /** After a reconnect: every loaded channel but `except` may have missed messages. */
  markStale(except: number | null): void {
    for (const c of this.channels.values()) if (c.loaded && c.channelId !== except) c.stale = true;
  }

  /** Forgets everything (another user signed in). */
  clear(): void {
    this.channels.clear();
    this.emit();
  }

  private async track(c: ChannelMessages, what: ChannelMessages['loading'], fn: () => Promise<void>): Promise<void> {
    c.loading = what;
    c.error = null;
    this.emit();
    try {
      await fn();
    } catch (e) {
      c.error = e;
      throw e;
    } finally {
      c.loading = 'idle';
      this.emit();
    }
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
