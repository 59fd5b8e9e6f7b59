/** Builds the chat stores over one hub client and wires the hub's events, resyncs and acks into them. */
import type { Channel, ChatApi, HubLike, Message, MessageFile } from '../api/chat.js';
import { ChannelsStore } from './channels-store.js';
import { MessagesStore } from './messages-store.js';
import { Outbox, type StorageLike } from './outbox.js';
import { OfflineSnapshot } from './offline-snapshot.js';
import { IdleTracker, PresenceStore } from './presence-store.js';
import { userCache } from './user-cache.js';
import { TypingStore } from './typing-store.js';
import { ThematicAdminStore } from './thematic-admin-store.js';
import { UploadsStore } from './uploads-store.js';
import { ThreadsStore } from './threads-store.js';
import type { DesktopAlerts } from './desktop-alerts.js';
import { setChatUnread } from './page-title.js';

/** Who is signed in, as far as the chat cares. */
export interface ChatUser {
  id: number;
  username: string;
  role: string;
}

/** Events that count as activity for the "absent after 5 minutes" rule. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'focus'];

/**
 * The chat's state for one tab. Dispatches `change` when the signed-in user,
 * the open channel or the hub status changes (each store has its own `change`).
 * The database is the source of truth: every `resync` of the hub (connect and
 * reconnect) refreshes the channel list, catches up the open channel with
 * `channel:sync` and resends the outbox with the same clientMsgIds.
 */
export class ChatStores extends EventTarget {
  readonly channels: ChannelsStore;
  readonly messages: MessagesStore;
  readonly outbox: Outbox;
  readonly presence: PresenceStore;
  readonly typing: TypingStore;
  /** Animators and admins: every thematic channel, archived ones included (loaded by the browser). */
  readonly thematicAdmin: ThematicAdminStore;
  /** Files of the composers, uploaded before their message is sent. */
  readonly uploads: UploadsStore;
  /** The thread open in the side panel, and the threads I follow. */
  readonly threads: ThreadsStore;
  /** Desktop notifications, sound and mutes (set by main.ts: they need the browser). */
  alerts: DesktopAlerts | null = null;
  user: ChatUser | null = null;
  /** The channel shown in the chat page (null: none, or the page is not shown). */
  openChannelId: number | null = null;
  /** The open channel's last message is on screen and the tab is visible: new messages count as read. */
  private reading = false;
  private readTarget = new Map<number, number>();
  private readonly snapshot: OfflineSnapshot;
  private readRunning = new Set<number>();
  private readonly threadSeen = new Set<number>();
  /** Channels marked unread by hand: not marked read again by merely showing them, until left or written in. */
  private readonly readHeld = new Set<number>();

  constructor(
    readonly hub: HubLike,
    readonly api: ChatApi,
    storage: StorageLike,
  ) {
    super();
    this.channels = new ChannelsStore(api, hub);
    this.messages = new MessagesStore(api, hub);
    this.outbox = new Outbox(storage);
    this.snapshot = new OfflineSnapshot(storage);
    this.presence = new PresenceStore(api, hub);
    this.typing = new TypingStore(hub);
    this.thematicAdmin = new ThematicAdminStore(api);
    this.threads = new ThreadsStore(api, hub, () => this.user?.id ?? null);
    this.uploads = new UploadsStore((channelId, file, name, onProgress, signal) =>
      api.uploadFile(channelId, file, name, onProgress, signal),
    );
    this.outbox.setSender(async (e) => {
      const fileIds = (e.files ?? []).map((f) => f.id);
      const payload = {
        channelId: e.channelId,
        body: e.body,
        clientMsgId: e.clientMsgId,
        replyToId: e.replyToId,
        fileIds,
        threadOnly: !!e.threadOnly,
      };
      return (await hub.request('message:send', payload, 10_000)).message;
    });
    this.outbox.onAcked = (m) => this.onMessage(m, false);
    userCache.attach(hub);
    hub.on('message:new', (raw) => {
      const m = userCache.toMessage(raw);
      this.onMessage(m, true);
      void this.alerts?.consider(m);
    });
    // The tab's title carries the unread total on every page.
    this.channels.addEventListener('change', () => setChatUnread(this.channels.items.reduce((n, c) => n + (c.joined ? c.unread : 0), 0)));
    hub.on('message:updated', (m) => {
      this.messages.update(m);
      this.threads.update(m);
    });
    hub.on('message:reactions', (e) => {
      this.messages.applyReactions(e);
      const m = this.threads.root?.id === e.messageId ? this.threads.root : this.threads.replies.find((r) => r.id === e.messageId);
      if (m) this.threads.update({ ...m, reactions: e.reactions });
    });
    hub.on('channel:added', (c) => this.channels.upsert(c));
    hub.on('channel:removed', (c) => this.channels.remove(c));
    hub.on('channel:updated', (u) => {
      this.channels.applyUpdate(u);
      this.thematicAdmin.applyUpdate(u);
    });
    hub.on('unread', (e) => this.channels.applyUnread(e));
    hub.on('typing', (e) => this.typing.apply(e));
    hub.on('presence', (p) => this.presence.apply(p));
    // The DM list shows its peers' presence: the hub sends it for the users shown only (presence:subscribe).
    this.channels.addEventListener('change', () => {
      const peers = this.channels.items.flatMap((c) => (c.kind === 'direct' && c.peer ? [c.peer.id] : []));
      void this.presence.show('direct', peers);
    });
    hub.addEventListener('resync', () => void this.resync());
    hub.addEventListener('status', () => this.emit());
  }

  get hubStatus(): string {
    return this.hub.status;
  }

  /** Signed-in user changed (null: signed out): everything is reloaded for them. */
  setUser(user: ChatUser | null): void {
    if (user && user.id === this.user?.id) {
      // Same person (profile edited, role changed): keep everything, refresh what permissions read.
      this.user = { id: user.id, username: user.username, role: user.role };
      this.emit();
      return;
    }
    if (!user && !this.user) return;
    this.user = user ? { id: user.id, username: user.username, role: user.role } : null;
    this.openChannelId = null;
    this.channels.clear();
    this.messages.clear();
    this.typing.clear();
    this.thematicAdmin.clear();
    this.threads.clear();
    this.presence.reset(user?.id ?? null);
    this.outbox.setUser(user?.id ?? null);
    this.channels.keepSnapshot(this.snapshot, user?.id ?? null);
    this.emit();
    if (user && this.hub.connected) void this.resync();
  }

  /** Everything the hub may have missed: after connect and every reconnect. */
  async resync(): Promise<void> {
    if (!this.user) return;
    this.messages.markStale(this.openChannelId);
    const open = this.openChannelId;
    await Promise.allSettled([
      this.channels.load(),
      open !== null ? this.messages.sync(open) : Promise.resolve(),
      this.outbox.flush(),
      this.presence.refresh(),
      this.presence.reassert(),
      this.threads.loadFollowed(),
    ]);
  }

  /** The chat page shows this channel (null: it shows none). */
  open(channelId: number | null): void {
    if (this.openChannelId === channelId) return;
    if (this.openChannelId !== null) this.readHeld.delete(this.openChannelId);
    this.openChannelId = channelId;
    this.reading = false;
    this.emit();
    if (channelId !== null) void this.messages.open(channelId).catch(() => {});
  }

  /**
   * The view says whether the last message is on screen in a visible tab. While
   * it is, the read marker follows the last message (never backwards).
   */
  setReading(reading: boolean): void {
    this.reading = reading;
    if (reading && this.openChannelId !== null) this.markRead(this.openChannelId);
  }

  /** Sends `channel:read` up to the last held message; coalesces bursts into one request at a time. */
  markRead(channelId: number): void {
    if (this.readHeld.has(channelId)) return;
    const seq = this.messages.channel(channelId).lastSeq;
    const c = this.channels.get(channelId);
    if (!c || seq <= c.lastReadSeq) return;
    this.readTarget.set(channelId, Math.max(seq, this.readTarget.get(channelId) ?? 0));
    if (this.readRunning.has(channelId)) return;
    this.readRunning.add(channelId);
    void (async () => {
      try {
        while (this.readTarget.has(channelId)) {
          const target = this.readTarget.get(channelId)!;
          this.readTarget.delete(channelId);
          await this.channels.markRead(channelId, target).catch(() => {});
        }
      } finally {
        this.readRunning.delete(channelId);
      }
    })();
  }

  /** Queues a message (shown at once as "envoi…"). */
  send(channelId: number, body: string, replyToId: number | null = null, files: MessageFile[] = [], threadOnly = false): void {
    this.readHeld.delete(channelId);
    this.outbox.enqueue({ channelId, body, replyToId, files, threadOnly });
    this.typing.sent(channelId);
  }

  /**
   * Sends once the channel's files are stored: the message waits for the uploads still running, then
   * leaves with every file that made it (a refused file stays in the composer with its reason).
   */
  async sendWithFiles(channelId: number, body: string, replyToId: number | null = null): Promise<void> {
    await this.uploads.settled(channelId);
    const files = this.uploads.take(channelId);
    if (body.trim() || files.length) this.send(channelId, body, replyToId, files);
  }

  /** A reply from the thread's panel: kept in the thread unless also sent to the channel. */
  reply(channelId: number, rootId: number, body: string, alsoToChannel: boolean): void {
    if (body.trim()) this.send(channelId, body, rootId, [], !alsoToChannel);
  }

  /** `channel:unread`: this message and what follows count as unread again (kept so while the channel stays open). */
  async markUnread(messageId: number): Promise<number> {
    const { channelId, lastReadSeq } = await this.hub.request('channel:unread', { messageId });
    this.readHeld.add(channelId);
    this.channels.setReadMarker(channelId, lastReadSeq);
    return lastReadSeq;
  }

  /** `message:edit` (author only). */
  async edit(messageId: number, body: string): Promise<void> {
    const { message } = await this.hub.request('message:edit', { messageId, body });
    this.messages.update(message);
  }

  /** `message:delete`; the `message:updated` broadcast updates the list. */
  async remove(messageId: number): Promise<void> {
    await this.hub.request('message:delete', { messageId });
  }

  /** `message:pin` / `message:unpin` (animators, admins; `forbidden` otherwise). */
  async pin(messageId: number, pinned: boolean): Promise<void> {
    const { message } = await this.hub.request(pinned ? 'message:pin' : 'message:unpin', { messageId });
    this.messages.update(message);
  }

  /** `reaction:toggle`: my emoji on or off (`on` as the button shows it, so a repeat is harmless). */
  async react(messageId: number, emoji: string, on: boolean): Promise<void> {
    const m = this.messages.findAnywhere(messageId);
    const { reactions } = await this.hub.request('reaction:toggle', { messageId, emoji, on });
    if (m) this.messages.applyReactions({ messageId, channelId: m.channelId, reactions });
  }

  /** The direct channel with a person: the one I have, or `dm:open`. */
  async directWith(userId: number): Promise<Channel> {
    return this.channels.directWith(userId) ?? (await this.channels.openDirect(userId));
  }

  /** Watches activity on `target` (the window) for the automatic "absent"; returns the function that stops. */
  watchActivity(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, delayMs?: number): () => void {
    const tracker = new IdleTracker(
      () => void this.presence.idle().catch(() => {}),
      () => void this.presence.active().catch(() => {}),
      delayMs,
    );
    let last = 0;
    const poke = () => {
      // pointermove fires a lot: one restart of the countdown per second is plenty.
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      tracker.poke();
    };
    for (const e of ACTIVITY_EVENTS) target.addEventListener(e, poke, { passive: true } as AddEventListenerOptions);
    tracker.poke();
    return () => {
      tracker.stop();
      for (const e of ACTIVITY_EVENTS) target.removeEventListener(e, poke);
    };
  }

  private onMessage(m: Message, live: boolean): void {
    const mine = m.author.id === this.user?.id;
    if (live) this.messages.receive(m);
    else this.messages.update(m);
    if (m.replyToId && !this.threadSeen.has(m.id)) {
      // Once per reply (the ack and the broadcast both bring it): the root's summary and the thread stores follow.
      this.threadSeen.add(m.id);
      this.messages.countReply(m);
      this.threads.receive(m);
    }
    this.channels.applyMessage(m, mine);
    if (this.reading && m.channelId === this.openChannelId) this.markRead(m.channelId);
    this.typing.stop(m.channelId, m.author.id);
    if (mine) this.outbox.settle(m.clientMsgId);
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
