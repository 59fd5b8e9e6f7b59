/** My channels for the sidebar: sections, search, unread and mention counts kept live. */
import type { Channel, ChannelUpdate, ChatApi, HubLike, Message, UnreadEvent } from '../api/chat.js';
import type { OfflineSnapshot } from './offline-snapshot.js';

/** Sidebar sections, in display order. */
export type SectionKey = 'favorites' | 'national' | 'department' | 'thematic' | 'group' | 'direct' | 'hotline';

/** One section of the sidebar. */
export interface Section {
  key: SectionKey;
  title: string;
  channels: Channel[];
}

const TITLES: Record<SectionKey, string> = {
  favorites: 'Favoris',
  national: 'National',
  department: 'Mon département',
  thematic: 'Thématiques',
  group: 'Groupes',
  direct: 'Messages directs',
  hotline: 'Hotline',
};

const SECTION_OF: Record<Channel['kind'], SectionKey> = {
  national: 'national',
  departmental: 'department',
  thematic: 'thematic',
  group: 'group',
  direct: 'direct',
  hotline: 'hotline',
};

/** Lower case without accents, so "educ" finds "Éducation". */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Plain store (no Lit): dispatches `change`. */
export class ChannelsStore extends EventTarget {
  items: Channel[] = [];
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: unknown = null;

  /** Where the list is kept for an offline start (set with the user). */
  private snapshot: { store: OfflineSnapshot; userId: number } | null = null;

  constructor(
    private readonly api: Pick<ChatApi, 'channels'>,
    private readonly hub: Pick<HubLike, 'request'>,
  ) {
    super();
  }

  /** Keeps each loaded list in `store` for `userId` (null: keep nothing). */
  keepSnapshot(store: OfflineSnapshot | null, userId: number | null): void {
    this.snapshot = store && userId !== null ? { store, userId } : null;
  }

  get(id: number): Channel | undefined {
    return this.items.find((c) => c.id === id);
  }

  /** The channels I am in, grouped for the sidebar; `query` filters by name. Empty sections are kept (they say so). */
  sections(query = ''): Section[] {
    const needle = fold(query.trim());
    const mine = this.items.filter((c) => c.joined && (!needle || fold(c.name).includes(needle)));
    const keys: SectionKey[] = ['favorites', 'national', 'department', 'thematic', 'group', 'direct', 'hotline'];
    return keys.map((key) => ({
      key,
      title: TITLES[key],
      channels: mine
        .filter((c) => (key === 'favorites' ? c.favorite : !c.favorite && SECTION_OF[c.kind] === key))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' })),
    }));
  }

  /** Thematic channels, joined or not, for the browser (archived ones left out). */
  thematic(): Channel[] {
    return this.items
      .filter((c) => c.kind === 'thematic' && !c.archived)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
  }

  /** The direct channel with this person, if it exists. */
  directWith(userId: number): Channel | undefined {
    return this.items.find((c) => c.kind === 'direct' && c.peer?.id === userId);
  }

  /** GET /api/channels (first load, and again after every reconnect). */
  async load(): Promise<void> {
    if (!this.items.length) this.status = 'loading';
    this.error = null;
    this.emit();
    try {
      this.items = await this.api.channels();
      this.status = 'ready';
      this.snapshot?.store.setChannels(this.snapshot.userId, this.items);
    } catch (e) {
      this.error = e;
      // Offline start: the last list known here, so the channels open and the outbox shows.
      const kept = !this.items.length && this.snapshot ? this.snapshot.store.channels<Channel>(this.snapshot.userId) : null;
      if (kept?.length) {
        this.items = kept;
        this.status = 'ready';
      } else if (!this.items.length) this.status = 'error';
    }
    this.emit();
  }

  /** Inserts or replaces a channel (acks, `channel:added`). */
  upsert(c: Channel): void {
    const i = this.items.findIndex((x) => x.id === c.id);
    if (i >= 0) this.items[i] = c;
    else this.items.push(c);
    this.emit();
  }

  /** `channel:removed`: a thematic channel stays joinable; the others disappear. */
  remove(c: Channel): void {
    if (c.kind === 'thematic' && !c.archived) this.upsert({ ...c, joined: false, favorite: false, unread: 0, mentions: 0 });
    else {
      this.items = this.items.filter((x) => x.id !== c.id);
      this.emit();
    }
  }

  /** `channel:updated`: renamed or archived. */
  applyUpdate(u: ChannelUpdate): void {
    const c = this.get(u.id);
    if (c) this.upsert({ ...c, name: u.name, description: u.description, archived: u.archived, archivedAt: u.archivedAt });
  }

  /**
   * `unread`: the server's count moves the read marker forward (never back);
   * the badge is then what lies between the marker and the last message I know
   * of, so a stale push cannot re-light a channel I have just read here.
   */
  applyUnread(e: UnreadEvent): void {
    const c = this.get(e.channelId);
    if (!c) return;
    const lastReadSeq = Math.max(c.lastReadSeq, c.lastSeq - e.unread);
    const unread = Math.max(0, c.lastSeq - lastReadSeq);
    this.upsert({ ...c, unread, mentions: unread ? e.mentions : 0, lastReadSeq });
  }

  /** "Mark as unread": my marker went back (the only move backwards; `unread` pushes never lower it). */
  setReadMarker(channelId: number, lastReadSeq: number): void {
    const c = this.get(channelId);
    if (!c) return;
    this.upsert({ ...c, lastReadSeq, unread: Math.max(0, c.lastSeq - lastReadSeq) });
  }

  /**
   * `message:new` (or my own ack): counts it as unread unless it is mine (the
   * server moved my marker). Large channels get no `unread` push, so there this
   * count is the one shown.
   */
  applyMessage(m: Message, mine: boolean): void {
    const c = this.get(m.channelId);
    if (!c || m.seq <= c.lastSeq) return;
    const lastSeq = m.seq;
    const lastReadSeq = mine ? Math.max(c.lastReadSeq, m.seq) : c.lastReadSeq;
    const unread = Math.max(0, lastSeq - lastReadSeq);
    this.upsert({ ...c, lastSeq, lastReadSeq, unread, mentions: unread ? c.mentions : 0 });
  }

  /** `channel:read` up to `seq` (never backwards); the badge clears at once. */
  async markRead(channelId: number, seq: number): Promise<void> {
    const c = this.get(channelId);
    if (!c || seq <= c.lastReadSeq) return;
    const unread = Math.max(0, c.lastSeq - seq);
    this.upsert({ ...c, lastReadSeq: seq, unread, mentions: unread ? c.mentions : 0 });
    await this.hub.request('channel:read', { channelId, seq });
  }

  /** `channel:favorite`. */
  async setFavorite(channelId: number, favorite: boolean): Promise<void> {
    await this.hub.request('channel:favorite', { channelId, favorite });
    const c = this.get(channelId);
    if (c) this.upsert({ ...c, favorite });
  }

  /** `channel:join` (thematic channels). */
  async join(channelId: number): Promise<Channel> {
    const { channel } = await this.hub.request('channel:join', { channelId });
    this.upsert(channel);
    return channel;
  }

  /** `channel:leave`. */
  async leave(channelId: number): Promise<Channel> {
    const { channel } = await this.hub.request('channel:leave', { channelId });
    this.upsert(channel);
    return channel;
  }

  /** `dm:open`: creates or returns our direct channel. */
  async openDirect(userId: number): Promise<Channel> {
    const { channel } = await this.hub.request('dm:open', { userId });
    this.upsert(channel);
    return channel;
  }

  /** Forgets everything (sign-out). */
  clear(): void {
    this.items = [];
    this.status = 'idle';
    this.error = null;
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
