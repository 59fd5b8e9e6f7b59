import type { Knex } from 'knex';
import type { Logger } from 'pino';

type Job<T> = { channelId: number; work: (trx: Knex.Transaction) => Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };

const MAX_BATCH = 256;

/**
 * Group commit for message writes: sends that arrive while a transaction is
 * running wait and are then written together in the next one. If any send of
 * a batch fails, the batch is rolled back and each send is retried alone, so
 * one bad send fails alone (no savepoint per send: two statements saved on
 * the hot path, failures being rare). A caller's promise
 * resolves only after the commit, so an ack still means "durably stored",
 * while SQLite pays one fsync per batch instead of one per message.
 * Jobs run in channel order so concurrent nodes lock channel rows in the same
 * order (no deadlock on PostgreSQL).
 */
export class MessageWriter {
  private queue: Job<unknown>[] = [];
  private running = false;

  constructor(private db: Knex, private log: Logger) {}

  run<T>(channelId: number, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ channelId, work, resolve, reject } as Job<unknown>);
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH).sort((a, b) => a.channelId - b.channelId);
        await this.writeBatch(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async writeBatch(batch: Job<unknown>[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction(async (trx) => {
        outcomes.length = 0;
        for (const job of batch) outcomes.push({ ok: true, value: await job.work(trx) });
      });
    } catch (error) {
      // A send threw (or the commit failed): retry each send alone so one bad apple fails alone.
      if (batch.length > 1) this.log.debug({ err: error, size: batch.length }, 'batch failed, retrying one by one');
      if (batch.length > 1) {
        for (const job of batch) await this.writeBatch([job]);
        return;
      }
      batch[0]!.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }
}
