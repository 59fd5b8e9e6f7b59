/** One poll as I see it, kept live: `poll:updated` brings the count of voters (and the final tally at closing); when I may see the results, they are read again. */
import { asApiError, type ApiError } from '../api/http.js';
import type { Poll, PollUpdate, PollsApi } from '../api/polls.js';
import { LiveStore, type HubEvents } from './live-store.js';

/** Plain store (no Lit): dispatches `change`. */
export class PollStore extends LiveStore {
  poll: Poll | null = null;
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: ApiError | null = null;
  busy = false;
  private reading = false;
  private readAgain = false;
  private endTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: { polls: Pick<PollsApi, 'get' | 'vote' | 'withdraw' | 'close'> },
    readonly postId: number,
  ) {
    super();
  }

  /** Reads my view; reads that arrive while one is under way are folded into one more. */
  async load(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    if (!this.poll) this.status = 'loading';
    this.emit();
    try {
      do {
        this.readAgain = false;
        this.poll = await this.api.polls.get(this.postId);
      } while (this.readAgain);
      this.status = 'ready';
      this.watchEnd();
    } catch (e) {
      this.error = asApiError(e);
      if (!this.poll) this.status = 'error';
    }
    this.reading = false;
    this.emit();
  }

  /** No event marks the end date passing: read the poll again just after it (within the next day; later visits read it anyway). */
  private watchEnd(): void {
    if (this.endTimer) clearTimeout(this.endTimer);
    this.endTimer = null;
    const p = this.poll;
    if (!p || p.closed || !p.closesAt) return;
    const wait = new Date(p.closesAt).getTime() - Date.now() + 1000;
    if (wait > 0 && wait < 86_400_000) this.endTimer = setTimeout(() => void this.load(), wait);
  }

  unfollow(): void {
    if (this.endTimer) clearTimeout(this.endTimer);
    this.endTimer = null;
    super.unfollow();
  }

  protected listen(hub: HubEvents): (() => void)[] {
    return [hub.on('poll:updated', (u) => u.postId === this.postId && this.apply(u))];
  }

  protected resync(): Promise<void> {
    return this.load();
  }

  /** A vote or a closing somewhere: the counts come from the event when public, else from my own view (if I may see results). */
  apply(u: PollUpdate): void {
    const p = this.poll;
    if (!p) return;
    const wasClosed = p.closed;
    this.poll = {
      ...p,
      voterCount: u.voterCount,
      closed: u.closed,
      closedAt: u.closedAt,
      canVote: !u.closed,
      resultsVisible: p.resultsVisible || u.closed,
      options: u.results ? p.options.map((o) => ({ ...o, votes: u.results!.find((r) => r.optionId === o.id)?.votes ?? 0 })) : p.options,
    };
    this.emit();
    // Named polls show who voted what; my view also says whether the results are mine to see.
    if (p.resultsVisible || (u.closed && !wasClosed)) void this.load();
  }

  /** Sets (or changes) my vote; answers whether it was recorded. */
  async vote(optionIds: number[]): Promise<boolean> {
    return this.act(() => this.api.polls.vote(this.postId, optionIds));
  }

  async withdraw(): Promise<boolean> {
    return this.act(() => this.api.polls.withdraw(this.postId));
  }

  async close(): Promise<boolean> {
    return this.act(() => this.api.polls.close(this.postId));
  }

  private async act(call: () => Promise<Poll>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.emit();
    try {
      this.poll = await call();
      return true;
    } catch (e) {
      this.error = asApiError(e);
      return false;
    } finally {
      this.busy = false;
      this.emit();
    }
  }
}
