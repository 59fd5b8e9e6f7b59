/** A document bank (one group's, or mine across groups): query, pages, uploads with progress, live refresh. */
import { ApiError } from '../api/http.js';
import type {
  BankDocument,
  DocumentQuery,
  DocumentSort,
  DocumentType,
  DocumentsApi,
  NewDocument,
  UploadedDocument,
} from '../api/documents.js';
import { LiveListStore, withPage, type HubEvents } from './live-store.js';

/** One upload in progress or finished with an error. */
export interface UploadState {
  id: number;
  filename: string;
  /** 0 to 1. */
  progress: number;
  error: string | null;
}

/** Plain store (no Lit): dispatches `change`. `groupId` null is my documents across groups. */
export class DocumentsStore extends LiveListStore<BankDocument> {
  nextCursor: string | number | null = null;
  q = '';
  sort: DocumentSort = 'date';
  type: DocumentType | '' = '';
  /** In "my documents": one group only. */
  filterGroupId: number | null = null;
  uploads: UploadState[] = [];
  private seq = 0;

  constructor(
    private readonly api: { documents: DocumentsApi },
    readonly groupId: number | null,
  ) {
    super();
  }

  private query(cursor: string | number | null): DocumentQuery {
    return { q: this.q.trim() || undefined, sort: this.sort, type: this.type, groupId: this.filterGroupId, cursor, limit: 50 };
  }

  /** Changes the filters and reloads the first page. */
  async setQuery(changes: { q?: string; sort?: DocumentSort; type?: DocumentType | ''; groupId?: number | null }): Promise<void> {
    if (changes.q !== undefined) this.q = changes.q;
    if (changes.sort !== undefined) this.sort = changes.sort;
    if (changes.type !== undefined) this.type = changes.type;
    if (changes.groupId !== undefined) this.filterGroupId = changes.groupId;
    await this.load();
  }

  /** The first page, or the next one with `more`. Answers that arrive late (older filters) are dropped. */
  async load(more = false): Promise<void> {
    const q = this.query(more ? this.nextCursor : null);
    await this.readLatest(
      () => (this.groupId ? this.api.documents.listGroup(this.groupId, q) : this.api.documents.listMine(q)),
      (page) => {
        this.items = withPage(this.items, page.items, more);
        this.nextCursor = page.nextCursor;
      },
    );
  }

  /**
   * Uploads a file to the group's bank with progress; the list is reloaded
   * afterwards. Answers the document, or null (the error is in `uploads`).
   */
  async upload(groupId: number, doc: NewDocument): Promise<UploadedDocument | null> {
    const id = ++this.seq;
    // Each change replaces the line (and the array), so views that compare by identity re-render.
    const patch = (changes: Partial<UploadState>) => {
      this.uploads = this.uploads.map((u) => (u.id === id ? { ...u, ...changes } : u));
      this.emit();
    };
    this.uploads = [...this.uploads, { id, filename: doc.filename, progress: 0, error: null }];
    this.emit();
    try {
      const saved = await this.api.documents.upload(groupId, doc, (progress) => patch({ progress }));
      this.uploads = this.uploads.filter((u) => u.id !== id);
      await this.load();
      return saved;
    } catch (e) {
      patch({ error: uploadError(e) });
      return null;
    }
  }

  /** Forgets a failed upload's line. */
  dismissUpload(id: number): void {
    this.uploads = this.uploads.filter((u) => u.id !== id);
    this.emit();
  }

  /** Deletes a document; throws ApiError on refusal. */
  async remove(id: number): Promise<void> {
    await this.api.documents.remove(id);
    this.items = this.items.filter((d) => d.id !== id);
    this.emit();
  }

  /** Any change in a bank shown here (`document:changed`) reloads the first page. */
  protected listen(hub: HubEvents): (() => void)[] {
    return [
      hub.on('document:changed', (e) => {
        if (this.groupId === null || e.groupId === this.groupId) void this.load();
      }),
    ];
  }

  /** A reconnection reloads the first page. */
  protected resync(): Promise<void> {
    return this.load();
  }
}

/** The French message of a failed upload (the server's: it names the size limit or the accepted types). */
export function uploadError(e: unknown): string {
  return e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.';
}
