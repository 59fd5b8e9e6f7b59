/** The base of the plain stores a view opens and keeps live over the hub (documents, posts, agenda, one event). */
import { asApiError, type ApiError } from '../api/http.js';
import type { HubLike } from '../api/chat.js';

/** What the stores need of the hub: listening to server events (typed by the protocol's map). */
export type HubEvents = Pick<HubLike, 'on'>;

/** The hub as the stores follow it: the real client is also an EventTarget that dispatches `resync`. */
export type LiveHub = HubEvents & Partial<EventTarget>;

/**
 * Plain store (no Lit): dispatches `change`. Subclasses name the hub events
 * they apply (`listen`) and what a reconnection reads again (`resync`): the
 * server is the source of truth after a gap.
 */
export abstract class LiveStore extends EventTarget {
  private stops: (() => void)[] = [];

  /** The subscriptions to the hub's events; each answers the function that stops it. */
  protected abstract listen(hub: HubEvents): (() => void)[];

  /** Reads again what the view shows (after every reconnection). */
  protected abstract resync(): Promise<void>;

  /** Follows the hub (its events and its reconnections); answers the function that stops following. */
  follow(hub: LiveHub): () => void {
    const onResync = () => void this.resync();
    hub.addEventListener?.('resync', onResync);
    this.stops = [...this.listen(hub), () => hub.removeEventListener?.('resync', onResync)];
    return () => this.unfollow();
  }

  /** Stops following the hub. */
  unfollow(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  protected emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/** A live store of one list whose reads may overlap (new filters, another month): only the last one asked is applied. */
export abstract class LiveListStore<T> extends LiveStore {
  items: T[] = [];
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: ApiError | null = null;
  private loadSeq = 0;

  /** Runs `read` and gives its answer to `apply`, unless another read was asked meanwhile (then both outcomes are dropped). */
  protected async readLatest<A>(read: () => Promise<A>, apply: (answer: A) => void): Promise<void> {
    const mine = ++this.loadSeq;
    this.status = 'loading';
    this.emit();
    try {
      const answer = await read();
      if (mine !== this.loadSeq) return;
      apply(answer);
      this.status = 'ready';
      this.error = null;
    } catch (e) {
      if (mine !== this.loadSeq) return;
      this.error = asApiError(e);
      this.status = 'error';
    }
    this.emit();
  }
}

/** A list after reading a page: the first page replaces it; a next one is appended, less what is already shown. */
export function withPage<T extends { id: number }>(items: T[], page: T[], more: boolean): T[] {
  return more ? [...items, ...page.filter((p) => !items.some((x) => x.id === p.id))] : page;
}
