// The server under test: the real app, started as server/main.ts does it, in a
// child of bench/run.ts. Configured by environment (DATA_DIR, DATABASE_URL,
// REDIS_URL, REDIS_PREFIX, MESSAGE_RATE_PER_10S, LOG_LEVEL); listens on a free
// loopback port and answers the bench's IPC (its memory and CPU use, and a CPU
// profile of the measured phase only, through the inspector, as --cpu-prof writes it).
import cluster from 'node:cluster';
import net, { type AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../server/config';
import { openDb } from '../server/database';
import { createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import { connectRedis, closeRedis } from '../server/redis';
import { announceReady, fatal, serveParent } from './lib/child';
import { processStats } from './lib/usage';
import { cpuProfile } from './lib/cpu-profile';
import { treeStats } from './lib/tree-stats';
import { runPrimary } from '../server/cluster/primary';

async function main(): Promise<void> {
  // WORKERS > 1: this process is the primary (server/cluster/primary.ts) and its workers run server/main.ts.
  if (cluster.isWorker) return void (await import('../server/main'));
  const workers = Number(process.env.WORKERS ?? 1);
  if (workers > 1) return clustered();
  const config = loadConfig({ ...process.env, PORT: '0', SEED_DEMO: '0' });
  const log = pino({ level: config.logLevel });
  const db = openDb(config);
  // BENCH_COUNT_QUERIES=1: how many statements of each shape the run executed (printed to stderr on exit).
  const shapes = new Map<string, number>();
  if (process.env.BENCH_COUNT_QUERIES) {
    db.on('query', (q: { sql: string }) => shapes.set(q.sql.slice(0, 90), (shapes.get(q.sql.slice(0, 90)) ?? 0) + 1));
    process.on('exit', () => {
      for (const [sql, n] of [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stderr.write(`[queries] ${n} ${sql}\n`);
    });
  }
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

/** The hub as `npm start` runs it with WORKERS > 1; its stats sum the primary's and the workers' CPU and RSS. */
async function clustered(): Promise<void> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  Object.assign(process.env, { PORT: String(port), PUBLIC_URL: url, SEED_DEMO: '0' }); // the workers inherit it
  const config = loadConfig(process.env);
  const primary = await runPrimary(config, pino({ level: config.logLevel }), { signals: false });
  serveParent({ stats: treeStats(primary.workerPids) }, () => primary.stop());
  announceReady({ url, pid: process.pid });
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

main().catch(fatal);
