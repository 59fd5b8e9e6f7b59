import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Outcome, SendJob, SendResult } from './send-types';
import { writeSends } from './send-batch';

type Job = { resolve: (v: SendResult) => void; reject: (e: unknown) => void; send: SendJob };

const MAX_BATCH = 256;

/** What sends a message job and resolves after its commit: a MessageWriter, or one in another process (server/cluster). */
export interface MessageSender {
  send(send: SendJob): Promise<SendResult>;
}

/**
 * Group commit for message writes: what arrives while a transaction is running
 * waits and is written together in the next one, so SQLite pays one fsync per
 * batch instead of one per message. Sends of a batch are written with a fixed
 * number of statements for the whole batch (send-batch.ts). A caller's promise resolves only after the commit, so an ack
 * still means "durably stored". If anything throws (or the commit fails), the
 * batch is rolled back and each job is retried alone, so one bad job fails alone.
 */
export class MessageWriter implements MessageSender {
  private queue: Job[] = [];
  private running = false;

  constructor(
    private db: Knex,
    private log: Logger,
  ) {}

  /** Writes a message (checks included, against committed state); resolves after the commit. */
  send(send: SendJob): Promise<SendResult> {
    return new Promise<SendResult>((resolve, reject) => {
      this.queue.push({ send, resolve, reject });
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
    let outcomes: Outcome<SendResult>[] = [];
    try {
      await this.db.transaction(async (trx) => {
        outcomes = await writeSends(
          trx,
          batch.map((j) => j.send),
        );
      });
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      this.log.debug({ err: error, size: batch.length }, 'batch failed, retrying one by one');
      for (const job of batch) await this.writeBatch([job]);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }
}
