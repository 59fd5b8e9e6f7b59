/** The list of départements, fetched once and shared by every form that needs it. */
import { asApiError, type ApiError } from '../api/http.js';
import type { Api } from '../api/index.js';
import type { Department } from '../../server/protocol/index.js';

/** Plain store (no Lit): dispatches `change`. */
export class DepartmentsStore extends EventTarget {
  items: Department[] = [];
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: ApiError | null = null;
  private pending: Promise<void> | null = null;
  private readonly api: Pick<Api, 'departments'>;

  constructor(api: Pick<Api, 'departments'>) {
    super();
    this.api = api;
  }

  /** Loads the list unless it is already loaded or loading; call again after an error to retry. */
  load(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    if (this.pending) return this.pending;
    this.status = 'loading';
    this.error = null;
    this.emit();
    this.pending = this.api.departments
      .list()
      .then((items) => {
        this.items = items;
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

  /** "75 — Paris" for a code, or the code alone if unknown. */
  label(code: string | null | undefined): string {
    if (!code) return '';
    const d = this.items.find((x) => x.code === code);
    return d ? `${d.code} — ${d.name}` : code;
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
