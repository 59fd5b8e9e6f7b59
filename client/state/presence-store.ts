/** Presence: statuses of the people on screen, my contacts, my own status and "absent" after 5 minutes idle. */
import type { ChatApi, Contact, HubLike, PresenceInfo, PresenceStatus } from '../api/chat.js';

/** The statuses a user chooses (offline is never chosen). */
export type { ChosenStatus } from '../../server/protocol/presence.js';
import type { ChosenStatus } from '../../server/protocol/presence.js';

/** How long after a choice of mine an echo of another status of mine is taken as stale (two presence windows and more). */
const ECHO_SETTLE_MS = 1000;

/** Idle time after which the user is set "absent". */
export const IDLE_MS = 5 * 60 * 1000;

/** Plain store (no Lit): dispatches `change`. */
export class PresenceStore extends EventTarget {
  private readonly known = new Map<number, PresenceInfo>();
  /** The users each part of the screen shows (messages' authors, DM list, contacts…): the hub sends `presence` for their union only. */
  private readonly shown = new Map<string, number[]>();
  /** The union last sent with `presence:subscribe` (sorted, joined), to send only changes. */
  private subscribed = '';
  private batch: Promise<void> | null = null;
  contacts: Contact[] = [];
  contactsStatus: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** What I chose (or `away` set automatically while idle). */
  myStatus: ChosenStatus = 'online';
  /** `away` was set by the idle timer, not by me: activity brings me back online. */
  autoAway = false;
  myId: number | null = null;
  /** When I last chose a status (see `apply`). */
  private chosenAt = 0;

  constructor(
    private readonly api: Pick<ChatApi, 'contacts'>,
    private readonly hub: Pick<HubLike, 'request'>,
  ) {
    super();
  }

  statusOf(userId: number): PresenceStatus | undefined {
    return this.known.get(userId)?.status;
  }

  /** Contacts who are not offline. */
  get connectedContacts(): Contact[] {
    return this.contacts.filter((c) => (this.statusOf(c.id) ?? c.presence.status) !== 'offline');
  }

  /** A `presence` event (or a `presence:get` item). */
  apply(p: PresenceInfo): void {
    this.known.set(p.userId, p);
    const c = this.contacts.find((x) => x.id === p.userId);
    if (c) c.presence = { status: p.status, lastSeenAt: p.lastSeenAt };
    // My other tabs' choices come back as my own `presence`; right after a choice of mine, an echo of an older
    // state (presence goes out per 250 ms window) must not undo it.
    const settling = Date.now() - this.chosenAt < ECHO_SETTLE_MS;
    if (p.userId === this.myId && p.status !== 'offline' && !(settling && p.status !== this.myStatus)) this.myStatus = p.status;
    this.emit();
  }

  /**
   * `source` (a part of the screen) now shows these users: the socket's subscription becomes the union of
   * every source (at most 500, the first sources first), sent once per turn and only when it changed.
   * The hub answers their presence at once, then sends `presence` when one of them changes.
   */
  show(source: string, userIds: number[]): Promise<void> {
    this.shown.set(source, [...new Set(userIds)]);
    this.batch ??= Promise.resolve().then(async () => {
      this.batch = null;
      await this.subscribe(false);
    });
    return this.batch;
  }

  /** The people of the messages on screen. */
  want(userIds: number[]): Promise<void> {
    return this.show('messages', userIds);
  }

  /** After a reconnect: the new socket has no subscription, and everything may have changed while away. */
  async refresh(): Promise<void> {
    await Promise.all([this.subscribe(true), this.loadContacts()]);
  }

  /** GET /api/contacts (with their presence). */
  async loadContacts(): Promise<void> {
    if (!this.contacts.length) this.contactsStatus = 'loading';
    this.emit();
    try {
      const { items } = await this.api.contacts();
      this.contacts = items;
      for (const c of items) this.known.set(c.id, { userId: c.id, ...c.presence });
      void this.show(
        'contacts',
        items.map((c) => c.id),
      );
      this.contactsStatus = 'ready';
    } catch {
      if (!this.contacts.length) this.contactsStatus = 'error';
    }
    this.emit();
  }

  /** "Ne pas déranger", "Absent", "En ligne", chosen by me. */
  async choose(status: ChosenStatus): Promise<void> {
    this.autoAway = false;
    await this.set(status);
  }

  /** The idle timer fired: "absent", unless I chose something else than "en ligne". */
  async idle(): Promise<void> {
    if (this.myStatus !== 'online') return;
    this.autoAway = true;
    await this.set('away');
  }

  /** Activity after an automatic "absent": back "en ligne". */
  async active(): Promise<void> {
    if (!this.autoAway) return;
    this.autoAway = false;
    await this.set('online');
  }

  /** After a reconnect: the server may have forgotten what I chose (it starts me `online`). */
  async reassert(): Promise<void> {
    if (this.myStatus !== 'online') await this.set(this.myStatus).catch(() => {});
  }

  /** Forgets everything (sign-out). */
  reset(myId: number | null): void {
    this.myId = myId;
    this.known.clear();
    this.shown.clear();
    this.subscribed = '';
    this.contacts = [];
    this.contactsStatus = 'idle';
    this.myStatus = 'online';
    this.autoAway = false;
    this.emit();
  }

  private async set(status: ChosenStatus): Promise<void> {
    this.myStatus = status;
    this.chosenAt = Date.now();
    this.emit();
    await this.hub.request('presence:set', { status });
  }

  private async subscribe(force: boolean): Promise<void> {
    const ids = [...new Set([...this.shown.values()].flat())].slice(0, 500);
    const key = [...ids].sort((a, b) => a - b).join(',');
    if (!force && key === this.subscribed) return;
    this.subscribed = key;
    try {
      const { presence } = await this.hub.request('presence:subscribe', { userIds: ids });
      for (const p of presence) this.known.set(p.userId, p);
      this.emit();
    } catch {
      // Not connected: the resync after the reconnection subscribes again.
      this.subscribed = '';
    }
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/** Minimal timer functions (fake ones in tests). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Calls `onIdle` after `delayMs` without `poke()`, then `onActive` at the next poke. */
export class IdleTracker {
  private handle: unknown = null;
  private idle = false;

  constructor(
    private readonly onIdle: () => void,
    private readonly onActive: () => void,
    private readonly delayMs = IDLE_MS,
    private readonly timers: Timers = { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as number) },
  ) {}

  /** Some activity: restarts the countdown (and wakes up if idle). */
  poke(): void {
    if (this.idle) {
      this.idle = false;
      this.onActive();
    }
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      this.idle = true;
      this.onIdle();
    }, this.delayMs);
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.idle = false;
  }
}
