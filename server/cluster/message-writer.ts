import cluster from 'node:cluster';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { ErrorCode } from '../protocol';
import { MessageWriter, type MessageSender } from '../services/chat/message-writer';
import type { SendJob, SendResult } from '../services/chat/send-types';
import { PrimaryLink, servePrimary } from './ipc';

/**
 * One writer process for SQLite with several workers (`SQLITE_WRITER=primary`, the default): the workers
 * send their `message:send` jobs to the primary over IPC and one MessageWriter there writes them all, so
 * every worker's sends share one group commit and nobody sleeps in SQLite's busy handler waiting for the
 * file's lock (docs/performance.md measures both designs). The checks still run in the writer's
 * transaction against committed state, and the ack still waits for the commit.
 */
export const WRITER_TOPIC = 'writer';

/** True where message writes go to the primary: SQLite, several workers, `SQLITE_WRITER` not `workers`. */
export function writesInPrimary(config: Pick<Config, 'databaseUrl' | 'workers' | 'sqliteWriter'>): boolean {
  return !config.databaseUrl && config.workers > 1 && config.sqliteWriter === 'primary';
}

/** An error as it crosses the IPC channel: AppErrors keep their contract code, others their text. */
interface WireError {
  message: string;
  app?: { code: ErrorCode; status: number; details?: Record<string, unknown> };
}
type WireOutcome = { ok: true; value: SendResult } | { ok: false; error: WireError };

/** Primary side: the one MessageWriter of the machine, answering the workers. */
export function serveMessageWriter(db: Knex, log: Logger): void {
  const writer = new MessageWriter(db, log);
  servePrimary(WRITER_TOPIC, async (_worker, method, args): Promise<WireOutcome> => {
    if (method !== 'send' || !args[0] || typeof args[0] !== 'object') throw new Error(`writer: bad request ${method}`);
    try {
      return { ok: true, value: await writer.send(args[0] as SendJob) };
    } catch (err) {
      if (err instanceof AppError)
        return { ok: false, error: { message: err.message, app: { code: err.code, status: err.status, details: err.details } } };
      log.error({ err }, 'message write failed');
      return { ok: false, error: { message: String(err instanceof Error ? err.message : err) } };
    }
  });
}

/** Worker side: a MessageSender that hands each job to the primary's writer. */
export class PrimaryMessageWriter implements MessageSender {
  private readonly link = new PrimaryLink(WRITER_TOPIC);

  async send(job: SendJob): Promise<SendResult> {
    const outcome = await this.link.call<WireOutcome>('send', job);
    if (outcome.ok) return outcome.value;
    const { message, app } = outcome.error;
    throw app ? new AppError(app.code, app.status, message, app.details) : new Error(message);
  }
}

/** The writer a node's channels use: the primary's (see above) in a worker that should, its own otherwise. */
export function messageWriterFor(db: Knex, log: Logger, config: Config): MessageSender {
  return cluster.isWorker && writesInPrimary(config) ? new PrimaryMessageWriter() : new MessageWriter(db, log);
}
