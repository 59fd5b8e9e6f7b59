import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Outcome, SendJob, SendResult } from './send-types';
import { writeSends } from './send-batch';

type Settle = { resolve: (v: unknown) => void; reject: (e: unknown) => void };
type WorkJob = Settle & { kind: 'work'; channelId: number; work: (trx: Knex.Transaction) => Promise<unknown> };
type SendWaiting = Settle & { kind: 'send'; send: SendJob };
type Job = WorkJob | SendWaiting;

const MAX_BATCH = 256;

/**
 * Group commit for message writes: what arrives while a transaction is running
 * waits and is written together in the next one, so SQLite pays one fsync per
 * batch instead of one per message. Sends of a batch are written with a fixed
 * number of statements for the whole batch (send-batch.ts); other writes
 * (`run`, e.g. hotline replies) run one after the other in the same
 * transaction. A caller's promise resolves only after the commit, so an ack
 * still means "durably stored". If anything throws (or the commit fails), the
 * batch is rolled back and each job is retried alone, so one bad job fails alone.
 */
export class MessageWriter {
  private queue: Job[] = [];
  private running = false;

  constructor(private db: Knex, private log: Logger) {}

  /** Runs `work` in a batch's transaction; resolves after the commit. */
  run<T>(channelId: number, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.enqueue<T>((settle) => ({ kind: 'work', channelId, work, ...settle }));
  }

  /** Writes a message (checks included, against committed state); resolves after the commit. */
  send(send: SendJob): Promise<SendResult> {
    return this.enqueue<SendResult>((settle) => ({ kind: 'send', send, ...settle }));
  }

  private enqueue<T>(make: (settle: Settle) => Job): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(make({ resolve: resolve as (v: unknown) => void, reject }));
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) await this.writeBatch(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.running = false;
    }
  }

  private async writeBatch(batch: Job[]): Promise<void> {
    const sends = batch.filter((j): j is SendWaiting => j.kind === 'send');
    // Other writes in channel order, after the sends' seqs (locked in id order): nodes lock channel rows alike.
    const works = batch.filter((j): j is WorkJob => j.kind === 'work').sort((a, b) => a.channelId - b.channelId);
    let outcomes: Outcome<unknown>[] = [];
    try {
      await this.db.transaction(async (trx) => {
        outcomes = sends.length ? await writeSends(trx, sends.map((s) => s.send)) : [];
        for (const job of works) outcomes.push({ ok: true, value: await job.work(trx) });
      });
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      this.log.debug({ err: error, size: batch.length }, 'batch failed, retrying one by one');
      for (const job of batch) await this.writeBatch([job]);
      return;
    }
    [...sends, ...works].forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }
}
