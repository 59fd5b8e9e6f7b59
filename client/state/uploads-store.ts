/** Files being uploaded for messages to come: one request per file, each with its progress, each cancellable. */
import type { MessageFile } from '../api/chat.js';
import { errorMessage } from '../api/messages.js';

/** One file of the composer. */
export interface PendingUpload {
  key: string;
  channelId: number;
  name: string;
  size: number;
  /** 0..1 */
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  /** The stored file once uploaded (its id goes with the message). */
  file: MessageFile | null;
  error: string | null;
}

/** How a file is uploaded (the chat API's `uploadFile`). */
export type UploadFn = (
  channelId: number,
  file: Blob,
  name: string,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) => Promise<MessageFile>;

let counter = 0;

/** Plain store (no Lit): dispatches `change`. Files wait here per channel until a message takes them. */
export class UploadsStore extends EventTarget {
  items: PendingUpload[] = [];
  private readonly aborts = new Map<string, AbortController>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly upload: UploadFn) {
    super();
  }

  forChannel(channelId: number): PendingUpload[] {
    return this.items.filter((u) => u.channelId === channelId);
  }

  /** Starts uploading each file at once (the server checks type and size; its refusal shows on the file). */
  add(channelId: number, files: Array<Blob & { name?: string }>): void {
    for (const f of files) {
      const item: PendingUpload = {
        key: `u${++counter}`,
        channelId,
        name: f.name || 'fichier',
        size: f.size,
        progress: 0,
        state: 'uploading',
        file: null,
        error: null,
      };
      this.items = [...this.items, item];
      const abort = new AbortController();
      this.aborts.set(item.key, abort);
      void this.upload(channelId, f, item.name, (p) => this.patch(item.key, { progress: p }), abort.signal).then(
        (file) => this.patch(item.key, { state: 'done', progress: 1, file }),
        (err: unknown) => {
          if (!abort.signal.aborted) this.patch(item.key, { state: 'failed', error: errorMessage(err) });
        },
      );
    }
    this.emit();
  }

  /** Cancels an upload in progress, or takes a finished or failed file off the message. */
  remove(key: string): void {
    this.aborts.get(key)?.abort();
    this.aborts.delete(key);
    this.items = this.items.filter((u) => u.key !== key);
    this.emit();
  }

  /** Resolves when no file of the channel is still uploading. */
  settled(channelId: number): Promise<void> {
    if (!this.items.some((u) => u.channelId === channelId && u.state === 'uploading')) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.items.some((u) => u.channelId === channelId && u.state === 'uploading')) return;
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  /** The channel's stored files, taken off the composer for the message being sent (failed ones stay, with their error). */
  take(channelId: number): MessageFile[] {
    const done = this.items.filter((u) => u.channelId === channelId && u.state === 'done');
    this.items = this.items.filter((u) => !done.includes(u));
    for (const u of done) this.aborts.delete(u.key);
    this.emit();
    return done.map((u) => u.file!);
  }

  private patch(key: string, changes: Partial<PendingUpload>): void {
    this.items = this.items.map((u) => (u.key === key ? { ...u, ...changes } : u));
    if (changes.state && changes.state !== 'uploading') this.aborts.delete(key);
    this.emit();
    for (const w of [...this.waiters]) w();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
