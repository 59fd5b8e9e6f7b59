/** The calendar's stores: a range of events (mine or a group's), and one event with my registration. */
import { asApiError, type ApiError } from '../api/http.js';
import type { AgendaEvent, EventsApi, PublicEvent, Registrant } from '../api/events.js';
import { LiveListStore, LiveStore, type HubEvents } from './live-store.js';

/** `event:updated` carries what everyone sees: keep my own fields (registration, rights) from before. */
export function mergePublic(mine: AgendaEvent, update: PublicEvent): AgendaEvent {
  return { ...mine, ...update, myRegistration: mine.myRegistration, invited: mine.invited, canManage: mine.canManage };
}

/** « 19/50 inscrits », or « 19 inscrits » without a limit. */
export function countLabel(e: Pick<PublicEvent, 'registeredCount' | 'capacity'>): string {
  const n = e.registeredCount;
  return e.capacity === null ? `${n} inscrit${n > 1 ? 's' : ''}` : `${n}/${e.capacity} inscrit${n > 1 ? 's' : ''}`;
}

/** Plain store (no Lit): the events of a range, kept live. `groupId` null is my calendar. */
export class AgendaStore extends LiveListStore<AgendaEvent> {
  from: Date | null = null;
  to: Date | null = null;

  constructor(
    private readonly api: { events: EventsApi },
    readonly groupId: number | null,
  ) {
    super();
  }

  /** Loads a range (the last one asked wins). */
  async load(from: Date, to: Date): Promise<void> {
    this.from = from;
    this.to = to;
    await this.readLatest(
      () => (this.groupId ? this.api.events.group(this.groupId, from, to) : this.api.events.mine(from, to)),
      ({ items }) => (this.items = items),
    );
  }

  reload(): Promise<void> {
    return this.from && this.to ? this.load(this.from, this.to) : Promise.resolve();
  }

  /** Live counts from `event:updated`. */
  protected listen(hub: HubEvents): (() => void)[] {
    return [
      hub.on('event:updated', (u) => {
        const i = this.items.findIndex((e) => e.id === u.id);
        if (i < 0) return;
        this.items = this.items.map((e) => (e.id === u.id ? mergePublic(e, u) : e));
        this.emit();
      }),
    ];
  }

  /** A reconnection reloads the range. */
  protected resync(): Promise<void> {
    return this.reload();
  }
}

/** Plain store: one event, my registration on it, and (for organisers) its registrants. */
export class EventStore extends LiveStore {
  event: AgendaEvent | null = null;
  status: 'idle' | 'loading' | 'ready' | 'missing' | 'error' = 'idle';
  error: ApiError | null = null;
  busy = false;
  registrants: Registrant[] | null = null;

  constructor(
    private readonly api: { events: EventsApi },
    readonly eventId: number,
  ) {
    super();
  }

  async load(): Promise<void> {
    if (!this.event) this.status = 'loading';
    this.emit();
    try {
      this.event = await this.api.events.get(this.eventId);
      this.status = 'ready';
      if (this.registrants && this.event.canManage) await this.loadRegistrants();
    } catch (e) {
      this.error = asApiError(e);
      this.status = this.error.status === 404 ? 'missing' : 'error';
    }
    this.emit();
  }

  async loadRegistrants(): Promise<void> {
    this.registrants = (await this.api.events.registrants(this.eventId)).items;
    this.emit();
  }

  /** Runs one action that answers the event; its error stays in `error`. Answers true on success. */
  private async act(work: () => Promise<AgendaEvent>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.emit();
    try {
      this.event = await work();
      if (this.registrants) await this.loadRegistrants();
      return true;
    } catch (e) {
      this.error = asApiError(e);
      return false;
    } finally {
      this.busy = false;
      this.emit();
    }
  }

  register = () => this.act(async () => (await this.api.events.register(this.eventId)).event);
  unregister = () => this.act(async () => (await this.api.events.unregister(this.eventId)).event);
  /** One date of an event with several. */
  registerSession = (sessionId: number) => this.act(async () => (await this.api.events.registerSession(this.eventId, sessionId)).event);
  unregisterSession = (sessionId: number) => this.act(async () => (await this.api.events.unregisterSession(this.eventId, sessionId)).event);
  prescribe = (name: string, email: string, sessionId?: number) =>
    this.act(async () => (await this.api.events.prescribe(this.eventId, name, email, sessionId)).event);
  removeRegistration = (id: number) => this.act(async () => (await this.api.events.removeRegistration(this.eventId, id)).event);
  cancel = (reason: string | null) => this.act(() => this.api.events.cancel(this.eventId, reason));
  update = (patch: Parameters<EventsApi['update']>[1]) => this.act(() => this.api.events.update(this.eventId, patch));

  /**
   * Live counts. When my place on the waiting list may have moved (or I was
   * promoted), the event is read again: positions are mine only.
   */
  protected listen(hub: HubEvents): (() => void)[] {
    return [
      hub.on('event:updated', (u) => {
        if (!this.event || u.id !== this.eventId) return;
        const waiting =
          this.event.myRegistration?.status === 'waitlisted' || this.event.myPrescriptions?.some((p) => p.status === 'waitlisted');
        this.event = mergePublic(this.event, u);
        this.emit();
        if (waiting || this.registrants) void this.load();
      }),
    ];
  }

  /** A reconnection reads the event again. */
  protected resync(): Promise<void> {
    return this.load();
  }
}
