import cluster from 'node:cluster';
import pino, { type Logger } from 'pino';
import { setupWorker as setupStickyWorker } from '@socket.io/sticky';
import { loadConfig, type Config } from './config';
import { openDb } from './database';
import { createApp } from './app';
import { prepareDatabase } from './bootstrap';
import { connectRedis, closeRedis } from './redis';
import { startNotificationMail } from './jobs/notification-mail';
import { startAccountErasure } from './jobs/account-erasure';
import { startAppointmentReminders } from './jobs/appointment-reminders';
import { startNewsletterDelivery } from './jobs/newsletter-delivery';
import { startEventReminders } from './jobs/event-reminders';
import { JOBS_ENV, runPrimary, WORKER_READY } from './cluster/primary';

/**
 * config → (WORKERS > 1: the primary process, server/cluster/primary.ts, forks one worker per core)
 * → db → migrate → createApp() → listen. The only place that listens.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  // The last safety net: a stray rejection (a Redis command during an outage…) is logged, never fatal.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  if (cluster.isPrimary && config.workers > 1) return void (await runPrimary(config, log));
  return runNode(config, cluster.isWorker ? log.child({ worker: cluster.worker!.id }) : log);
}

/** One process serving HTTP and sockets: the whole server (WORKERS=1), or one worker of the primary. */
async function runNode(config: Config, log: Logger): Promise<void> {
  const worker = cluster.isWorker;
  // Each worker is a node of its own for shared presence (with Redis).
  if (worker && process.env.NODE_ID) config.nodeId = `${process.env.NODE_ID}-w${cluster.worker!.id}`;
  const db = openDb(config);
  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : null;
  const app = createApp({ db, config, redis, log, clusterWorker: worker });
  if (worker) {
    // The primary prepared the database and owns the port: it hands this worker its connections.
    setupStickyWorker(app.io);
    process.send?.(WORKER_READY);
  } else {
    await prepareDatabase(app.deps, { seedDemo: config.seedDemo });
    await new Promise<void>((resolve) => app.httpServer.listen(config.port, resolve));
    log.info(
      { url: config.publicUrl, database: config.databaseUrl ? 'postgresql' : config.sqliteFile, redis: !!redis },
      'Maillage is listening',
    );
  }
  // Once per machine (the primary marks one worker): each notification is claimed in the database before
  // it is mailed, so nodes on several machines may all run it without mailing twice.
  const runsJobs = !worker || process.env[JOBS_ENV] === '1';
  const notificationMail = runsJobs ? startNotificationMail(app.deps) : null;
  // RGPD: accounts past their 14-day grace period are erased (state in the database: restarts lose nothing).
  const accountErasure = runsJobs ? startAccountErasure(app.deps) : null;
  // Appointment reminders: claimed in the database before they are mailed (any node may run it; one worker per node does).
  const appointmentReminders = runsJobs ? startAppointmentReminders(app.deps) : null;
  // Newsletters: deliveries are claimed per batch in the database; an issue left half-sent by a restart resumes here.
  const newsletterDelivery = runsJobs ? startNewsletterDelivery(app.deps) : null;
  // Event reminders of the day before: the same claim-then-mail pattern.
  const eventReminders = runsJobs ? startEventReminders(app.deps) : null;

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await notificationMail?.stop();
    await accountErasure?.stop();
    await appointmentReminders?.stop();
    await newsletterDelivery?.stop();
    await eventReminders?.stop();
    await app.close();
    if (redis) await closeRedis(redis);
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // The primary went away (killed): nothing hands us connections any more.
  if (worker) process.once('disconnect', () => void shutdown('primary gone'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
