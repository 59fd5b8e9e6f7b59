/** « Suggestions »: one page of the box with its sort and filter, and what a member or an admin does there. */
import { asApiError, type ApiError } from '../api/http.js';
import type { Suggestion, SuggestionPage, SuggestionStatus, SuggestionsApi } from '../api/polls.js';

export type SuggestionSort = 'votes' | 'date';
export type SuggestionFilter = SuggestionStatus | 'all';

/** Plain store (no Lit): dispatches `change`. */
export class SuggestionsStore extends EventTarget {
  items: Suggestion[] = [];
  counts: SuggestionPage['counts'] = { open: 0, planned: 0, done: 0, declined: 0 };
  canDecide = false;
  cursor: number | null = null;
  sort: SuggestionSort = 'votes';
  filter: SuggestionFilter = 'all';
  /** Words looked for in titles and texts ('' : all). */
  q = '';
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: ApiError | null = null;
  private seq = 0;

  constructor(private readonly api: { suggestions: SuggestionsApi }) {
    super();
  }

  /** First page for the current sort and filter (only the last one asked is applied), or the next one with `more`. */
  async load(more = false): Promise<void> {
    const mine = ++this.seq;
    this.status = 'loading';
    this.emit();
    try {
      const page = await this.api.suggestions.list({
        sort: this.sort,
        status: this.filter,
        q: this.q.trim() || undefined,
        cursor: more ? (this.cursor ?? 0) : undefined,
      });
      if (mine !== this.seq) return;
      this.items = more ? [...this.items, ...page.items.filter((x) => !this.items.some((y) => y.id === x.id))] : page.items;
      this.cursor = page.nextCursor;
      this.counts = page.counts;
      this.canDecide = page.canDecide;
      this.status = 'ready';
      this.error = null;
    } catch (e) {
      if (mine !== this.seq) return;
      this.error = asApiError(e);
      this.status = 'error';
    }
    this.emit();
  }

  setView(sort: SuggestionSort, filter: SuggestionFilter, q = this.q): Promise<void> {
    this.sort = sort;
    this.filter = filter;
    this.q = q.trim();
    return this.load();
  }

  /** Proposes a suggestion; answers it, or null with `error` set. */
  async propose(title: string, body: string): Promise<Suggestion | null> {
    return this.run(async () => {
      const s = await this.api.suggestions.propose({ title, body });
      this.items = [s, ...this.items];
      this.counts = { ...this.counts, open: this.counts.open + 1 };
      return s;
    });
  }

  async vote(id: number, on: boolean): Promise<boolean> {
    return !!(await this.run(async () => {
      const a = await this.api.suggestions.vote(id, on);
      this.replace(id, { voteCount: a.voteCount, myVote: a.myVote });
      return true;
    }));
  }

  async decide(id: number, status: SuggestionStatus, reason: string): Promise<boolean> {
    return !!(await this.run(async () => {
      const before = this.items.find((x) => x.id === id)?.status;
      const s = await this.api.suggestions.decide(id, { status, reason });
      this.replace(id, s);
      if (before && before !== status)
        this.counts = { ...this.counts, [before]: this.counts[before] - 1, [status]: this.counts[status] + 1 };
      return true;
    }));
  }

  async remove(id: number): Promise<boolean> {
    return !!(await this.run(async () => {
      await this.api.suggestions.remove(id);
      this.items = this.items.filter((x) => x.id !== id);
      return true;
    }));
  }

  private replace(id: number, changes: Partial<Suggestion>) {
    this.items = this.items.map((x) => (x.id === id ? { ...x, ...changes } : x));
  }

  private async run<T>(call: () => Promise<T>): Promise<T | null> {
    this.error = null;
    try {
      return await call();
    } catch (e) {
      this.error = asApiError(e);
      return null;
    } finally {
      this.emit();
    }
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
