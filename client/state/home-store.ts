/**
 * The signed-in home page's data, read from the existing routes: my figures
 * of the month, the latest posts of my groups, the newest documents and
 * members of my groups, and the national channel's latest pinned announcement.
 * Each part loads on its own: one failing leaves the others shown.
 */
import type { Api } from '../api/index.js';
import type { Post, GroupMember } from '../api/groups.js';
import type { BankDocument } from '../api/documents.js';
import type { Message } from '../api/chat.js';
import type { ReportStats } from '../api/reports.js';
import { periodOf } from './reports-store.js';

/** A new member of one of my groups. */
export interface NewMember {
  member: GroupMember;
  group: { id: number; name: string };
}

/** Plain store (no Lit): dispatches `change` as each part arrives. */
export class HomeStore extends EventTarget {
  month: ReportStats | null = null;
  news: Post[] = [];
  documents: BankDocument[] = [];
  members: NewMember[] = [];
  announcement: Message | null = null;
  loaded = false;

  constructor(private readonly api: Pick<Api, 'reports' | 'groups' | 'documents' | 'http'>) {
    super();
  }

  private part<T>(load: () => Promise<T>, apply: (v: T) => void): Promise<void> {
    return load().then(
      (v) => {
        apply(v);
        this.dispatchEvent(new Event('change'));
      },
      () => undefined,
    );
  }

  /** Loads every part. */
  async load(userId: number): Promise<void> {
    await Promise.all([
      this.part(
        () => this.api.reports.stats({ ...periodOf('month'), scope: 'mine' }),
        (s) => (this.month = s),
      ),
      this.part(
        () => this.api.groups.feed(),
        (p) => (this.news = p.items.slice(0, 5)),
      ),
      this.part(
        () => this.api.documents.listMine({ sort: 'date', limit: 5 }),
        (p) => (this.documents = p.items.slice(0, 5)),
      ),
      this.part(
        () => this.newMembers(userId),
        (m) => (this.members = m),
      ),
      this.part(
        () => this.pinned(),
        (m) => (this.announcement = m),
      ),
    ]);
    this.loaded = true;
    this.dispatchEvent(new Event('change'));
  }

  /** The latest arrivals in (up to five of) my groups, myself left out. */
  private async newMembers(userId: number): Promise<NewMember[]> {
    const groups = (await this.api.groups.list('mine')).items.slice(0, 5);
    const pages = await Promise.all(
      groups.map((g) =>
        this.api.groups.members(g.id).then((p) => p.items.map((member) => ({ member, group: { id: g.id, name: g.name } }))),
      ),
    );
    return pages
      .flat()
      .filter((m) => m.member.user.id !== userId && m.member.joinedAt)
      .sort((a, b) => b.member.joinedAt!.localeCompare(a.member.joinedAt!))
      .slice(0, 5);
  }

  /** The newest pinned message of the national channel (the network's announcements). */
  private async pinned(): Promise<Message | null> {
    const channels = await this.api.http.get<{ id: number; kind: string }[]>('/api/channels');
    const national = channels.find((c) => c.kind === 'national');
    if (!national) return null;
    const pins = await this.api.http.get<Message[]>(`/api/channels/${national.id}/pins`);
    return pins.find((m) => !m.deletedAt) ?? null;
  }
}
