/** My notifications (list, unread count, live arrivals, marking read) and my notification e-mail settings. */
import { ApiError } from '../api/http.js';
import type { HubLike } from '../api/chat.js';
import type { AppNotification, MyGroup, NotificationSettings, NotificationsApi } from '../api/notifications.js';

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** What the store needs of the hub client (client/realtime/hub-client.ts). */
export type NotificationsHub = EventTarget & Pick<HubLike, 'status' | 'connected' | 'on'>;

const PAGE = 30;
const toApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'internal_error', String(e)));
const byNewest = (a: AppNotification, b: AppNotification) => b.id - a.id;

/**
 * Plain store (no Lit): dispatches `change`, and `notification` (a CustomEvent
 * with the notification) for each live arrival. Loaded from the database on
 * every hub (re)connection, kept current by the hub's `notification` event,
 * emptied when the hub closes (logout).
 */
export class NotificationsStore extends EventTarget {
  /** Newest first. */
  items: AppNotification[] = [];
  unreadCount = 0;
  nextCursor: number | string | null = null;
  status: Status = 'idle';
  loadingMore = false;
  /** A "mark all" under way. */
  markingAll = false;
  error: ApiError | null = null;
  private offs: (() => void)[] = [];
  private loadSeq = 0;
  private askedAt = 0;
  /** Live arrivals while a reload is in flight: its answer may not hold them yet. */
  private arrivedDuringLoad: AppNotification[] | null = null;
  private readonly onResync = () => void this.reload();
  private readonly onStatus = () => {
    if (this.hub.status === 'closed' || this.hub.status === 'idle') this.clear();
  };

  constructor(
    private readonly api: Pick<NotificationsApi, 'list' | 'read'>,
    private readonly hub: NotificationsHub,
  ) {
    super();
  }

  /** Listens to the hub (idempotent); loads at once if it is already connected. */
  start(): void {
    if (this.offs.length) return;
    this.offs.push(
      this.hub.on('notification', (n) => this.receive(n)),
      this.hub.on('unread', (u) => this.channelRead(u)),
      this.hub.on('notifications:read', (e) => this.readElsewhere(e?.ids ?? [])),
    );
    this.hub.addEventListener('resync', this.onResync);
    this.hub.addEventListener('status', this.onStatus);
    if (this.hub.connected) void this.reload();
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
    this.hub.removeEventListener('resync', this.onResync);
    this.hub.removeEventListener('status', this.onStatus);
  }

  /**
   * Reloads unless the list was asked for less than `maxAgeMs` ago: a tab coming back into view catches up
   * with what other tabs (or devices) read meanwhile.
   */
  refresh(maxAgeMs = 30_000, now = Date.now()): void {
    if (this.status === 'idle' || !this.hub.connected || now - this.askedAt < maxAgeMs) return;
    void this.reload();
  }

  /** The first page again, from the database. */
  async reload(): Promise<void> {
    const seq = ++this.loadSeq;
    this.askedAt = Date.now();
    this.arrivedDuringLoad = [];
    this.status = this.status === 'ready' ? 'ready' : 'loading';
    this.error = null;
    this.emit();
    try {
      const page = await this.api.list({ limit: PAGE });
      if (seq !== this.loadSeq) return;
      const newest = page.items[0]?.id ?? 0;
      const missed = (this.arrivedDuringLoad ?? []).filter((n) => n.id > newest);
      this.items = [...missed, ...page.items].sort(byNewest);
      this.unreadCount = page.unreadCount + missed.filter((n) => !n.readAt).length;
      this.nextCursor = page.nextCursor;
      this.status = 'ready';
    } catch (e) {
      if (seq !== this.loadSeq) return;
      this.error = toApiError(e);
      this.status = 'error';
    }
    this.arrivedDuringLoad = null;
    this.emit();
  }

  /** The next (older) page. */
  async loadMore(): Promise<void> {
    if (this.nextCursor === null || this.loadingMore) return;
    this.loadingMore = true;
    this.emit();
    try {
      const page = await this.api.list({ cursor: this.nextCursor, limit: PAGE });
      const known = new Set(this.items.map((n) => n.id));
      this.items = [...this.items, ...page.items.filter((n) => !known.has(n.id))].sort(byNewest);
      this.nextCursor = page.nextCursor;
    } catch (e) {
      this.error = toApiError(e);
    }
    this.loadingMore = false;
    this.emit();
  }

  /** A notification pushed live (`notification` event); a repeat is ignored. */
  receive(n: AppNotification): void {
    if (!n || typeof n.id !== 'number') return;
    if (this.items.some((i) => i.id === n.id)) return;
    this.arrivedDuringLoad?.push(n);
    this.items = [n, ...this.items].sort(byNewest);
    if (!n.readAt) this.unreadCount += 1;
    this.emit();
    this.dispatchEvent(new CustomEvent('notification', { detail: n }));
  }

  /**
   * The hub says a channel has no unread mention left (read in the chat, in this tab or another): the
   * `mention` notifications of that channel are read too, so the bell does not count what was seen.
   */
  channelRead(u: { channelId: number; mentions: number }): void {
    if (!u || u.mentions !== 0) return;
    const ids = this.items.filter((n) => n.kind === 'mention' && !n.readAt && Number(n.data.channelId) === u.channelId).map((n) => n.id);
    if (ids.length) void this.markRead(ids);
  }

  /** The server read these for me (a channel read up to their mention, maybe in another tab): no request needed. */
  readElsewhere(ids: number[]): void {
    const targets = new Set(this.items.filter((n) => ids.includes(n.id) && !n.readAt).map((n) => n.id));
    if (!targets.size) return;
    const at = new Date().toISOString();
    this.items = this.items.map((n) => (targets.has(n.id) ? { ...n, readAt: at } : n));
    this.unreadCount = Math.max(0, this.unreadCount - targets.size);
    this.emit();
  }

  /** Marks some of my notifications read at once (shown read before the server answers); false if it failed. */
  async markRead(ids: number[]): Promise<boolean> {
    const targets = new Set(this.items.filter((n) => ids.includes(n.id) && !n.readAt).map((n) => n.id));
    if (!targets.size) return true;
    const at = new Date().toISOString();
    this.items = this.items.map((n) => (targets.has(n.id) ? { ...n, readAt: at } : n));
    this.unreadCount = Math.max(0, this.unreadCount - targets.size);
    this.error = null;
    this.emit();
    try {
      await this.api.read([...targets]);
      return true;
    } catch (e) {
      this.items = this.items.map((n) => (targets.has(n.id) ? { ...n, readAt: null } : n));
      this.unreadCount += targets.size;
      this.error = toApiError(e);
      this.emit();
      return false;
    }
  }

  /** « Tout marquer comme lu »: every notification of mine, loaded or not. */
  async markAllRead(): Promise<boolean> {
    this.markingAll = true;
    this.error = null;
    this.emit();
    try {
      const { unreadCount } = await this.api.read('all');
      const at = new Date().toISOString();
      this.items = this.items.map((n) => (n.readAt ? n : { ...n, readAt: at }));
      this.unreadCount = unreadCount;
      return true;
    } catch (e) {
      this.error = toApiError(e);
      return false;
    } finally {
      this.markingAll = false;
      this.emit();
    }
  }

  /** Forgets everything (logout, or another user signing in). */
  clear(): void {
    this.loadSeq++;
    this.items = [];
    this.unreadCount = 0;
    this.nextCursor = null;
    this.status = 'idle';
    this.error = null;
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/** Plain store (no Lit) for the settings page: my settings and my groups (for per-group overrides). */
export class NotificationSettingsStore extends EventTarget {
  settings: NotificationSettings | null = null;
  groups: MyGroup[] = [];
  status: Status = 'idle';
  saving = false;
  /** Set after a successful save, until the next change. */
  saved = false;
  error: ApiError | null = null;

  constructor(private readonly api: Pick<NotificationsApi, 'settings' | 'saveSettings' | 'myGroups'>) {
    super();
  }

  async load(): Promise<void> {
    this.status = 'loading';
    this.error = null;
    this.emit();
    try {
      const [settings, groups] = await Promise.all([
        this.api.settings(),
        // Chat-only accounts have no groups (the groups routes answer 403 to them).
        this.api.myGroups().catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 403) return [];
          throw e;
        }),
      ]);
      this.settings = settings;
      this.groups = [...groups].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
      this.status = 'ready';
    } catch (e) {
      this.error = toApiError(e);
      this.status = 'error';
    }
    this.emit();
  }

  /** Saves the whole settings; true when stored. */
  async save(next: NotificationSettings): Promise<boolean> {
    this.saving = true;
    this.saved = false;
    this.error = null;
    this.emit();
    try {
      this.settings = await this.api.saveSettings(next);
      this.saved = true;
      return true;
    } catch (e) {
      this.error = toApiError(e);
      return false;
    } finally {
      this.saving = false;
      this.emit();
    }
  }

  /** A form field changed: the "saved" notice no longer tells the truth. */
  edited(): void {
    if (!this.saved) return;
    this.saved = false;
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
