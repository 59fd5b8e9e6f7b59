/** The hotline's state for one page: tickets (live), availability, categories, the open ticket's notes. */
import type { HubLike } from '../api/chat.js';
import type { ClientPayload } from '../../server/protocol/socket.js';

/** The hotline commands acknowledged with `{ ticket }`. */
type TicketCommand = 'hotline:claim' | 'hotline:transfer' | 'hotline:resolve' | 'hotline:reopen' | 'hotline:rate';
import type {
  HotlineAgent,
  HotlineApi,
  HotlineCategory,
  HotlineStatus,
  Ticket,
  TicketDetail,
  TicketNote,
  TicketQuery,
} from '../api/hotline.js';

/** What the store needs of the hub client (client/realtime/hub-client.ts). */
export type HotlineHub = EventTarget & Pick<HubLike, 'connected' | 'request' | 'on'>;

/** Input of the "Contacter la hotline" form. */
export type OpenRequestInput = Omit<ClientPayload<'hotline:open'>, 'clientMsgId'>;

const newId = (): string => globalThis.crypto?.randomUUID?.() ?? `h-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Plain store (no Lit): dispatches `change`. Tickets arrive by REST and are
 * kept current by `hotline:ticket`; every hub (re)connection reloads from the
 * database, the source of truth. Commands are hub events, acked by the server;
 * their errors are thrown as they come (HubError with the contract's code).
 */
export class HotlineStore extends EventTarget {
  tickets = new Map<number, Ticket>();
  status: HotlineStatus | null = null;
  categories: HotlineCategory[] = [];
  /** The ticket shown in the ticket view, with notes and history for staff. */
  detail: TicketDetail | null = null;
  filters: TicketQuery = { scope: 'all', status: 'open,assigned' };
  loading = false;
  error: unknown = null;
  /** Set when a ticket is handed to me (`hotline:assigned`), for a notice. */
  handedToMe: { ticket: Ticket; by: { displayName: string } } | null = null;
  private offs: (() => void)[] = [];
  /** The last `hotline:availability` heard, numbered: it beats a REST answer asked for before it arrived. */
  private lastAvailability: { available: boolean; seq: number } | null = null;
  private availabilitySeq = 0;
  private readonly onResync = () => void this.reload();

  constructor(
    private readonly api: HotlineApi,
    private readonly hub: HotlineHub,
  ) {
    super();
  }

  /** Starts listening to the hub and loads everything once. */
  start(): void {
    if (this.offs.length) return;
    this.offs.push(
      this.hub.on('hotline:ticket', (t) => this.upsert(t)),
      this.hub.on('hotline:availability', (e) => {
        this.lastAvailability = { available: e.available, seq: ++this.availabilitySeq };
        if (this.status) this.status = { ...this.status, available: e.available };
        this.emit();
      }),
      this.hub.on('hotline:note', (n) => this.addNote(n)),
      this.hub.on('hotline:assigned', (e) => {
        this.handedToMe = e;
        this.upsert(e.ticket);
      }),
    );
    this.hub.addEventListener('resync', this.onResync);
    void this.reload();
  }

  /** Stops listening (the page went away). */
  stop(): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.hub.removeEventListener('resync', this.onResync);
  }

  /** Reloads the list, the availability and the categories (and the open ticket, if any). */
  async reload(): Promise<void> {
    this.loading = true;
    this.error = null;
    this.emit();
    const asked = this.availabilitySeq;
    try {
      const [page, status, categories] = await Promise.all([
        this.api.tickets({ ...this.filters, limit: 200 }),
        this.api.status(),
        this.api.categories(),
      ]);
      this.tickets = new Map(page.items.map((t) => [t.id, t]));
      const newer = this.lastAvailability && this.lastAvailability.seq > asked ? this.lastAvailability.available : null;
      this.status = newer === null ? status : { ...status, available: newer };
      this.categories = categories;
      if (this.detail) await this.loadDetail(this.detail.ticket.id);
    } catch (err) {
      this.error = err;
    } finally {
      this.loading = false;
      this.emit();
    }
  }

  /** Changes the list's filters and reloads it. */
  async setFilters(filters: TicketQuery): Promise<void> {
    this.filters = filters;
    await this.reload();
  }

  /** Loads one ticket with what the viewer may see of it. */
  async loadDetail(id: number): Promise<TicketDetail> {
    const detail = await this.api.ticket(id);
    // Staff (who get the notes) take their place in the ticket's channel if they were not in it: reading the
    // ticket never does, and the channel's live messages and a reply need it.
    if (detail.notes && this.hub.connected) void this.hub.request('channel:join', { channelId: detail.ticket.channelId }).catch(() => {});
    this.detail = detail;
    this.tickets.set(id, detail.ticket);
    this.emit();
    return detail;
  }

  clearDetail(): void {
    this.detail = null;
    this.emit();
  }

  /** Tickets of the list in the order shown: newest first for a member; for staff the waiting queue by place, then the others oldest first. */
  list(newestFirst = false): Ticket[] {
    const all = [...this.tickets.values()].filter((t) => this.matches(t));
    if (newestFirst) return all.sort((a, b) => b.id - a.id);
    const waiting = all.filter((t) => t.queuePosition !== null).sort((a, b) => a.queuePosition! - b.queuePosition!);
    return [...waiting, ...all.filter((t) => t.queuePosition === null).sort((a, b) => a.id - b.id)];
  }

  /** Whether a ticket (maybe just pushed by the hub) belongs in the filtered list. */
  private matches(t: Ticket): boolean {
    const f = this.filters;
    if (f.status && !f.status.split(',').includes(t.status)) return false;
    if (f.categoryId && t.category?.id !== Number(f.categoryId)) return false;
    if (f.departmentCode && t.departmentCode !== f.departmentCode) return false;
    if (f.scope === 'unassigned' && t.assignee) return false;
    return true;
  }

  async open(input: OpenRequestInput): Promise<Ticket> {
    const r = await this.hub.request('hotline:open', { ...input, clientMsgId: newId() }, 10_000);
    this.upsert(r.ticket);
    return r.ticket;
  }

  claim = (ticketId: number) => this.command('hotline:claim', { ticketId });
  transfer = (ticketId: number, toUserId: number) => this.command('hotline:transfer', { ticketId, toUserId });
  resolve = (ticketId: number, note: string) => this.command('hotline:resolve', { ticketId, note: note || null });
  reopen = (ticketId: number) => this.command('hotline:reopen', { ticketId });
  rate = (ticketId: number, score: number, comment: string) => this.command('hotline:rate', { ticketId, score, comment: comment || null });

  /** The staff a ticket can be transferred to, with their presence. */
  agents(): Promise<HotlineAgent[]> {
    return this.api.agents();
  }

  async note(ticketId: number, body: string): Promise<TicketNote> {
    const r = await this.hub.request('hotline:note', { ticketId, body });
    this.addNote(r.note);
    return r.note;
  }

  /** A staff or requester command whose ack carries the ticket as it now is. */
  private async command<E extends TicketCommand>(event: E, payload: ClientPayload<E>): Promise<Ticket> {
    const r = await this.hub.request(event, payload);
    this.upsert(r.ticket);
    return r.ticket;
  }

  /** A newer state of a ticket (ack or event); a ticket's history is reloaded when it changes under the view. */
  upsert(t: Ticket): void {
    this.tickets.set(t.id, t);
    if (this.detail?.ticket.id === t.id) {
      this.detail = { ...this.detail, ticket: t };
      if (this.detail.history) void this.loadDetail(t.id).catch(() => {});
    }
    this.emit();
  }

  private addNote(n: TicketNote): void {
    const d = this.detail;
    if (!d || d.ticket.id !== n.ticketId || !d.notes || d.notes.some((x) => x.id === n.id)) return;
    this.detail = { ...d, notes: [...d.notes, n] };
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
