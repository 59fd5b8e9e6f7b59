/** Presence: statuses of the people on screen, my contacts, my own status and "absent" after 5 minutes idle. */
import type { ChatApi, Contact, HubLike, PresenceInfo, PresenceStatus } from '../api/chat.js';

/** The statuses a user chooses (offline is never chosen). */
export type { ChosenStatus } from '../../server/protocol/presence.js';
import type { ChosenStatus } from '../../server/protocol/presence.js';

/** Idle time after which the user is set "absent". */
export const IDLE_MS = 5 * 60 * 1000;

/** Plain store (no Lit): dispatches `change`. */
export class PresenceStore extends EventTarget {
  private readonly known = new Map<number, PresenceInfo>();
  private wanted = new Set<number>();
  private batch: Promise<void> | null = null;
  contacts: Contact[] = [];
  contactsStatus: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** What I chose (or `away` set automatically while idle). */
  myStatus: ChosenStatus = 'online';
  /** `away` was set by the idle timer, not by me: activity brings me back online. */
  autoAway = false;
  myId: number | null = null;

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
    if (p.userId === this.myId && p.status !== 'offline') this.myStatus = p.status;
    this.emit();
  }

  /** Asks `presence:get` for the people now on screen whose status is not known yet (batched). */
  want(userIds: number[]): Promise<void> {
    for (const id of userIds) if (!this.known.has(id)) this.wanted.add(id);
    if (!this.wanted.size) return Promise.resolve();
    this.batch ??= Promise.resolve().then(async () => {
      const ids = [...this.wanted].slice(0, 500);
      this.wanted = new Set([...this.wanted].slice(500));
      this.batch = null;
      await this.fetch(ids);
    });
    return this.batch;
  }

  /** After a reconnect: everything may have changed while away. */
  async refresh(): Promise<void> {
    await Promise.all([this.fetch([...this.known.keys()].slice(0, 500)), this.loadContacts()]);
  }

  /** GET /api/contacts (with their presence). */
  async loadContacts(): Promise<void> {
    if (!this.contacts.length) this.contactsStatus = 'loading';
    this.emit();
    try {
      const { items } = await this.api.contacts();
      this.contacts = items;
      for (const c of items) this.known.set(c.id, { userId: c.id, ...c.presence });
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
    this.wanted.clear();
    this.contacts = [];
    this.contactsStatus = 'idle';
    this.myStatus = 'online';
    this.autoAway = false;
    this.emit();
  }

  private async set(status: ChosenStatus): Promise<void> {
    this.myStatus = status;
    this.emit();
    await this.hub.request('presence:set', { status });
  }

  private async fetch(ids: number[]): Promise<void> {
    if (!ids.length) return;
    try {
      const { presence } = await this.hub.request('presence:get', { userIds: ids });
      for (const p of presence) this.known.set(p.userId, p);
      this.emit();
    } catch {
      // Not connected: the next resync asks again.
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
