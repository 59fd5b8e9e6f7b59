/** One ticket's conversation: its channel's messages, live over the hub, with pending sends. */
import type { Message } from '../api/chat.js';
import type { HotlineHub } from './hotline-store.js';
import { userCache } from './user-cache.js';

/** The contract's message object (the fields shown here). */
export type ConversationMessage = Pick<Message, 'id' | 'channelId' | 'seq' | 'clientMsgId' | 'author' | 'body' | 'createdAt' | 'deletedAt'>;

/** A message shown before its ack: `failed` once the hub refused it or timed out. */
export interface PendingMessage {
  clientMsgId: string;
  body: string;
  failed: string | null;
}

/** Loads a page of history after a seq (REST). */
export type HistoryLoader = (channelId: number, afterSeq?: number) => Promise<ConversationMessage[]>;

const newId = (): string => globalThis.crypto?.randomUUID?.() ?? `h-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Plain store (no Lit): dispatches `change`. Messages are keyed by id; any
 * (re)connection catches up from the last seq held, because the database,
 * not the transport, is the source of truth. Sends are idempotent
 * (`clientMsgId`), so "Réessayer" resends the same one.
 */
export class HotlineConversation extends EventTarget {
  messages: ConversationMessage[] = [];
  pending: PendingMessage[] = [];
  loading = false;
  error: unknown = null;
  private offs: (() => void)[] = [];
  private readonly onResync = () => void this.catchUp();

  constructor(
    private readonly hub: HotlineHub,
    private readonly load: HistoryLoader,
    readonly channelId: number,
  ) {
    super();
  }

  start(): void {
    if (this.offs.length) return;
    const mine = (m: ConversationMessage) => m.channelId === this.channelId;
    this.offs.push(
      this.hub.on('message:new', (lean) => {
        const m = userCache.toMessage(lean);
        if (mine(m)) this.add([m]);
      }),
      this.hub.on('message:updated', (m) => mine(m) && this.add([m])),
    );
    this.hub.addEventListener('resync', this.onResync);
    void this.catchUp();
  }

  stop(): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.hub.removeEventListener('resync', this.onResync);
  }

  get lastSeq(): number {
    return this.messages.length ? this.messages[this.messages.length - 1]!.seq : 0;
  }

  /** Fetches what came after the last message held (everything, the first time). */
  async catchUp(): Promise<void> {
    this.loading = true;
    this.emit();
    try {
      let page: ConversationMessage[];
      do {
        const after = this.lastSeq;
        page = await this.load(this.channelId, after || undefined);
        this.add(page);
      } while (page.length >= 100 && this.lastSeq > 0);
      this.error = null;
      if (this.lastSeq) void this.hub.request('channel:read', { channelId: this.channelId, seq: this.lastSeq }).catch(() => {});
    } catch (err) {
      this.error = err;
    } finally {
      this.loading = false;
      this.emit();
    }
  }

  /** Sends a message: shown at once as pending, replaced by the stored one on ack. */
  async send(body: string, clientMsgId = newId()): Promise<void> {
    this.pending = [...this.pending.filter((p) => p.clientMsgId !== clientMsgId), { clientMsgId, body, failed: null }];
    this.emit();
    try {
      const r = await this.hub.request('message:send', { channelId: this.channelId, body, clientMsgId }, 10_000);
      this.add([r.message]);
    } catch (err) {
      this.pending = this.pending.map((p) =>
        p.clientMsgId === clientMsgId ? { ...p, failed: (err as Error).message || 'Échec de l’envoi.' } : p,
      );
      this.emit();
    }
  }

  /** Resends a failed message with the same clientMsgId (no duplicate if the first try was stored). */
  retry(clientMsgId: string): Promise<void> {
    const p = this.pending.find((x) => x.clientMsgId === clientMsgId);
    return p ? this.send(p.body, clientMsgId) : Promise.resolve();
  }

  private add(list: ConversationMessage[]): void {
    if (!list.length) return;
    const byId = new Map(this.messages.map((m) => [m.id, m]));
    for (const m of list) byId.set(m.id, m);
    this.messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
    const acked = new Set(list.map((m) => m.clientMsgId));
    this.pending = this.pending.filter((p) => !acked.has(p.clientMsgId));
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
