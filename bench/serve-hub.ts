// The server under test: the real app, started as server/main.ts does it, in a
// child of bench/run.ts. Configured by environment (DATA_DIR, DATABASE_URL,
// REDIS_URL, REDIS_PREFIX, MESSAGE_RATE_PER_10S, LOG_LEVEL); listens on a free
// loopback port and answers the bench's IPC (its memory and CPU use, and a CPU
// profile of the measured phase only, through the inspector, as --cpu-prof writes it).
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../server/config';
import { openDb } from '../server/database';
import { createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import { connectRedis, closeRedis } from '../server/redis';
import { announceReady, fatal, serveParent } from './lib/child';
import { processStats } from './lib/usage';
import { cpuProfile } from './lib/cpu-profile';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: '0', SEED_DEMO: '0' });
  const log = pino({ level: config.logLevel });
  const db = openDb(config);
  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : null;
  const app = createApp({ db, config, redis, log });
  await prepareDatabase(app.deps, { seedDemo: false });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  config.publicUrl = url;

  serveParent({ stats: processStats, profile: cpuProfile }, async () => {
    await app.close();
    if (redis) await closeRedis(redis);
    await db.destroy();
  });
  announceReady({ url, pid: process.pid });
}

main().catch(fatal);
