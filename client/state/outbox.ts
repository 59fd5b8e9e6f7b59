/** The reload-proof outbox: messages shown at once as "envoi…", kept in storage until the server acks them. */
import type { Message, MessageFile } from '../api/chat.js';

/** The part of `localStorage` the outbox uses (a Map-backed object in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** One message waiting for its ack. `failed` ones wait for "Réessayer"; `sending` ones are resent on reconnect. */
export interface OutboxEntry {
  clientMsgId: string;
  channelId: number;
  body: string;
  replyToId: number | null;
  /** Files already stored on the server (uploaded before the message was queued). */
  files?: MessageFile[];
  /** A reply kept in its thread. */
  threadOnly?: boolean;
  createdAt: string;
  state: 'sending' | 'failed';
  error: { code: string; message: string } | null;
}

/** Sends one entry (message:send with its clientMsgId) and resolves with the stored message. */
export type SendFn = (entry: OutboxEntry) => Promise<Message>;

/** Errors after which a resend may succeed by itself: keep "envoi…" and resend on reconnect. */
const TRANSIENT = new Set(['disconnected', 'timeout', 'internal_error']);

/** A fresh clientMsgId (≤ 64 chars). */
export function newClientMsgId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * Per signed-in user (storage key `maillage.outbox.<userId>`). Every write
 * re-reads the stored list and merges, so two tabs do not erase each other's
 * entries. Sends are idempotent on the server, so resending is always safe.
 */
export class Outbox extends EventTarget {
  entries: OutboxEntry[] = [];
  private userId: number | null = null;
  private inFlight = new Set<string>();
  private send: SendFn | null = null;
  /** Called with the stored message when an entry is acked (before it leaves the outbox). */
  onAcked: (m: Message) => void = () => {};
  /** Delay before resending after a timeout while still connected. */
  retryDelayMs = 5000;

  constructor(private readonly storage: StorageLike) {
    super();
  }

  /** How entries are sent (set once the hub exists). */
  setSender(send: SendFn): void {
    this.send = send;
  }

  /** Loads the outbox of this user (null: nobody signed in, nothing held). */
  setUser(userId: number | null): void {
    this.userId = userId;
    this.inFlight.clear();
    this.entries = this.read();
    this.emit();
  }

  forChannel(channelId: number): OutboxEntry[] {
    return this.entries.filter((e) => e.channelId === channelId);
  }

  /** Queues a new message, shows it at once, and sends it. */
  enqueue(
    input: { channelId: number; body: string; replyToId?: number | null; files?: MessageFile[]; threadOnly?: boolean },
    clientMsgId = newClientMsgId(),
  ): OutboxEntry {
    const entry: OutboxEntry = {
      clientMsgId,
      channelId: input.channelId,
      body: input.body,
      replyToId: input.replyToId ?? null,
      ...(input.files?.length ? { files: input.files } : {}),
      ...(input.threadOnly && input.replyToId ? { threadOnly: true } : {}),
      createdAt: new Date().toISOString(),
      state: 'sending',
      error: null,
    };
    this.write((list) => [...list.filter((e) => e.clientMsgId !== clientMsgId), entry]);
    void this.trySend(entry);
    return entry;
  }

  /** "Réessayer": sends a failed entry again with the SAME clientMsgId. */
  retry(clientMsgId: string): void {
    const entry = this.entries.find((e) => e.clientMsgId === clientMsgId);
    if (!entry) return;
    this.patch(clientMsgId, { state: 'sending', error: null });
    void this.trySend({ ...entry, state: 'sending', error: null });
  }

  /** Gives up on an entry (the user discards a failed message). */
  discard(clientMsgId: string): void {
    this.write((list) => list.filter((e) => e.clientMsgId !== clientMsgId));
  }

  /** The message arrived by another path (`message:new` of another tab's send): drop the entry. */
  settle(clientMsgId: string | null): void {
    if (clientMsgId && this.entries.some((e) => e.clientMsgId === clientMsgId)) this.discard(clientMsgId);
  }

  /** After a (re)connection: resends every entry still `sending` (failed ones wait for "Réessayer"). */
  async flush(): Promise<void> {
    this.entries = this.read();
    this.emit();
    await Promise.all(this.entries.filter((e) => e.state === 'sending').map((e) => this.trySend(e)));
  }

  private async trySend(entry: OutboxEntry): Promise<void> {
    if (!this.send || this.inFlight.has(entry.clientMsgId)) return;
    const owner = this.userId;
    this.inFlight.add(entry.clientMsgId);
    try {
      const message = await this.send(entry);
      if (owner !== this.userId) return;
      this.onAcked(message);
      this.discard(entry.clientMsgId);
    } catch (e) {
      if (owner !== this.userId) return;
      const err = e as { code?: string; message?: string };
      const code = err.code ?? 'internal_error';
      if (!TRANSIENT.has(code)) {
        this.patch(entry.clientMsgId, { state: 'failed', error: { code, message: err.message ?? 'Échec de l’envoi.' } });
      } else if (code !== 'disconnected') {
        // Connected but no answer: try again a little later (a disconnection waits for the resync instead).
        setTimeout(() => {
          const still = this.entries.find((x) => x.clientMsgId === entry.clientMsgId && x.state === 'sending');
          if (still && owner === this.userId) void this.trySend(still);
        }, this.retryDelayMs);
      }
    } finally {
      this.inFlight.delete(entry.clientMsgId);
    }
  }

  private patch(clientMsgId: string, changes: Partial<OutboxEntry>): void {
    this.write((list) => list.map((e) => (e.clientMsgId === clientMsgId ? { ...e, ...changes } : e)));
  }

  private get key(): string | null {
    return this.userId === null ? null : `maillage.outbox.${this.userId}`;
  }

  private read(): OutboxEntry[] {
    if (!this.key) return [];
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  private write(change: (list: OutboxEntry[]) => OutboxEntry[]): void {
    const next = change(this.read());
    // In-memory entries not yet visible in storage (storage unavailable) are kept too.
    const key = this.key;
    if (key) {
      try {
        if (next.length) this.storage.setItem(key, JSON.stringify(next));
        else this.storage.removeItem(key);
        this.entries = next;
      } catch {
        this.entries = change(this.entries);
      }
    } else {
      this.entries = change(this.entries);
    }
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}

function isEntry(x: unknown): x is OutboxEntry {
  const e = x as Partial<OutboxEntry> | null;
  return !!e && typeof e.clientMsgId === 'string' && typeof e.channelId === 'number' && typeof e.body === 'string';
}
