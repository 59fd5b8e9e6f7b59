/**
 * The people the tab has met (protocol 2: `message:new` and `channel:sync` carry the author's id and name,
 * not the whole profile). Filled by the `authors` of each `channel:sync` page and by `users:get` for an
 * author not met yet; turns a lean message back into the `Message` the stores and views use.
 */
import type { HubLike, Message } from '../api/chat.js';
import type { HistoryPage, LeanMessage } from '../../server/protocol/chat.js';
import type { Person } from '../../server/protocol/common.js';

export class UserCache {
  private readonly people = new Map<number, Person>();
  private missing = new Set<number>();
  private asking: Promise<void> | null = null;
  private hub: Pick<HubLike, 'request'> | null = null;

  /** The hub `users:get` goes through (set once the chat stores exist). */
  attach(hub: Pick<HubLike, 'request'>): void {
    this.hub = hub;
  }

  remember(people: Person[] | undefined): void {
    for (const p of people ?? []) this.people.set(p.id, p);
  }

  get(id: number): Person | undefined {
    return this.people.get(id);
  }

  /** A message of either protocol as the stores keep it; an unknown author is asked for with `users:get` (batched). */
  toMessage(m: Message | LeanMessage): Message {
    if ('author' in m) {
      this.people.set(m.author.id, m.author);
      return m;
    }
    const { authorId, authorName, ...rest } = m;
    const known = this.people.get(authorId);
    if (!known) this.ask(authorId);
    return {
      editedAt: null,
      deletedAt: null,
      pinnedAt: null,
      pinnedBy: null,
      replyToId: null,
      thread: null,
      ...rest,
      author: known ?? { id: authorId, username: '', displayName: authorName },
    };
  }

  /** A history page of protocol 2 as the stores keep it: its authors remembered, its messages whole again. */
  fromPage(page: HistoryPage): Message[] {
    this.remember(page.authors);
    return page.messages.map((m) => this.toMessage(m));
  }

  private ask(id: number): void {
    if (!this.hub) return;
    this.missing.add(id);
    this.asking ??= Promise.resolve().then(async () => {
      const ids = [...this.missing].slice(0, 500);
      this.missing = new Set();
      this.asking = null;
      try {
        this.remember((await this.hub!.request('users:get', { userIds: ids })).users);
      } catch {
        // Offline: the lean message's name is shown meanwhile; the next unknown author asks again.
      }
    });
  }
}

/** The tab's one cache. */
export const userCache = new UserCache();
