import pino from 'pino';
import { loadConfig } from './config';
import { openDb } from './database';
import { createApp } from './app';
import { prepareDatabase } from './bootstrap';
import { connectRedis, closeRedis } from './redis';
import { startNotificationMail } from './jobs/notification-mail';
import { startAccountErasure } from './jobs/account-erasure';

/** config → db → migrate → createApp() → listen. The only place that listens. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  // The last safety net: a stray rejection (a Redis command during an outage…) is logged, never fatal.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  const db = openDb(config);
  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : null;
  const app = createApp({ db, config, redis, log });
  await prepareDatabase(app.deps, { seedDemo: config.seedDemo });
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, resolve));
  log.info(
    { url: config.publicUrl, database: config.databaseUrl ? 'postgresql' : config.sqliteFile, redis: !!redis },
    'Maillage is listening',
  );
  // Every node runs it: each notification is claimed in the database before it is mailed, so none goes out twice.
  const notificationMail = startNotificationMail(app.deps);
  // RGPD: accounts past their 14-day grace period are erased (state in the database: restarts lose nothing).
  const accountErasure = startAccountErasure(app.deps);

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await notificationMail.stop();
    await accountErasure.stop();
    await app.close();
    if (redis) await closeRedis(redis);
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
