import cluster, { type Worker } from 'node:cluster';

/**
 * Request/answer and events between the workers and the primary process over node:cluster's IPC
 * channel. Messages carry `maillage: <topic>`, so Socket.IO's own messages (sticky sessions, the
 * cluster adapter) on the same channel are left alone. Payloads stay plain data (arrays, never Maps).
 */
interface Request {
  maillage: string;
  id: number;
  method: string;
  args: unknown[];
}
interface Answer {
  maillage: string;
  id: number;
  result?: unknown;
  error?: string;
}
interface Event {
  maillage: string;
  event: string;
  payload: unknown;
}

const isOurs = (m: unknown, topic: string): m is Record<string, unknown> =>
  !!m && typeof m === 'object' && (m as { maillage?: unknown }).maillage === topic;

/** Worker side: asks the primary and waits for its answer (rejected if the primary goes away first). */
export class PrimaryLink {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly handlers = new Map<string, (payload: unknown) => void>();

  constructor(private readonly topic: string) {
    process.on('message', (m: unknown) => {
      if (!isOurs(m, topic)) return;
      if ('event' in m) return this.handlers.get((m as unknown as Event).event)?.((m as unknown as Event).payload);
      const a = m as unknown as Answer;
      const w = this.waiting.get(a.id);
      if (!w) return;
      this.waiting.delete(a.id);
      if (a.error !== undefined) w.reject(new Error(a.error));
      else w.resolve(a.result);
    });
    process.on('disconnect', () => {
      for (const w of this.waiting.values()) w.reject(new Error('primary process gone'));
      this.waiting.clear();
    });
  }

  call<T>(method: string, ...args: unknown[]): Promise<T> {
    if (!process.send || !process.connected) return Promise.reject(new Error('no primary process'));
    const id = ++this.seq;
    const request: Request = { maillage: this.topic, id, method, args };
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      process.send!(request, undefined, {}, (err: Error | null) => {
        if (!err) return;
        this.waiting.delete(id);
        reject(err);
      });
    });
  }

  /** What the primary tells this worker unasked. */
  on(event: string, handler: (payload: unknown) => void): void {
    this.handlers.set(event, handler);
  }
}

/** Primary side: answers the workers' requests on a topic with `handle(worker, method, args)`. */
export function servePrimary(topic: string, handle: (worker: Worker, method: string, args: unknown[]) => unknown): void {
  cluster.on('message', (worker, m: unknown) => {
    if (!isOurs(m, topic) || !('method' in m)) return;
    const r = m as unknown as Request;
    const reply = (a: Omit<Answer, 'maillage' | 'id'>) => {
      if (worker.isConnected()) worker.send({ maillage: topic, id: r.id, ...a }, undefined, () => {});
    };
    Promise.resolve()
      .then(() => handle(worker, r.method, Array.isArray(r.args) ? r.args : []))
      .then(
        (result) => reply({ result: result ?? null }),
        (err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) }),
      );
  });
}

/** Primary side: an event to one worker. */
export function tellWorker(worker: Worker, topic: string, event: string, payload: unknown): void {
  const m: Event = { maillage: topic, event, payload };
  if (worker.isConnected()) worker.send(m, undefined, () => {});
}
