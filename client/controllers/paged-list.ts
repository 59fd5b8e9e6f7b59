/** PagedList: a list a container reads page by page itself (search results, a group's members). */
import type { ReactiveControllerHost } from 'lit';

type Cursor = string | number | null;

/** Holds the items, the next cursor and whether a page is loading; every change re-renders the host. */
export class PagedList<T> {
  items: T[] = [];
  cursor: Cursor = null;
  loading = false;

  /** `read` answers one page from a cursor (null: the first); `fail` shows a failed read. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly read: (cursor: Cursor) => Promise<{ items: T[]; nextCursor: Cursor }>,
    private readonly fail: (err: unknown) => void,
  ) {}

  /** Reads the first page again, or the next one with `more`; answers whether it was read. */
  async load(more = false): Promise<boolean> {
    this.loading = true;
    this.host.requestUpdate();
    try {
      const page = await this.read(more ? this.cursor : null);
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.cursor = page.nextCursor;
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** Replaces the items shown (after a change made here). */
  set(items: T[]): void {
    this.items = items;
    this.host.requestUpdate();
  }
}
