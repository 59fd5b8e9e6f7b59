/** « Mes favoris » of the signed-in member: loaded once, kept in step by the buttons. */
import { asApiError, type ApiError } from '../api/http.js';
import type { Favorite, FavoriteKind, favoritesApi } from '../api/favorites.js';

type FavoritesApi = ReturnType<typeof favoritesApi>;
const key = (kind: FavoriteKind, id: number) => `${kind}:${id}`;

/** Plain store (no Lit): dispatches `change`. */
export class FavoritesStore extends EventTarget {
  items: Favorite[] = [];
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: ApiError | null = null;
  private kept = new Set<string>();
  private pending: Promise<void> | null = null;

  constructor(private readonly api: FavoritesApi) {
    super();
  }

  /** Loads the list unless it is loaded or loading (`again`: read it afresh, as « Mes favoris » does). */
  load(again = false): Promise<void> {
    if (this.pending) return this.pending;
    if (this.status === 'ready' && !again) return Promise.resolve();
    this.status = this.status === 'ready' ? 'ready' : 'loading';
    this.error = null;
    this.emit();
    this.pending = this.api
      .list()
      .then((r) => {
        this.items = r.items;
        this.kept = new Set(r.items.map((f) => key(f.kind, f.id)));
        this.status = 'ready';
      })
      .catch((e: unknown) => {
        this.error = asApiError(e);
        this.status = 'error';
      })
      .finally(() => {
        this.pending = null;
        this.emit();
      });
    return this.pending;
  }

  has(kind: FavoriteKind, id: number): boolean {
    return this.kept.has(key(kind, id));
  }

  /** Keeps or drops one; the list is read again so « Mes favoris » shows it with its title. */
  async set(kind: FavoriteKind, id: number, favorite: boolean): Promise<void> {
    await (favorite ? this.api.keep(kind, id) : this.api.drop(kind, id));
    if (favorite) this.kept.add(key(kind, id));
    else {
      this.kept.delete(key(kind, id));
      this.items = this.items.filter((f) => key(f.kind, f.id) !== key(kind, id));
    }
    this.emit();
    if (favorite) await this.load(true);
  }

  /** Another member signed in: nothing of the previous one stays. */
  clear(): void {
    this.items = [];
    this.kept.clear();
    this.status = 'idle';
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
