import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig, type Config } from '../../server/config';
import { createApp, type App } from '../../server/app';
import type { RedisPair } from '../../server/redis';
import { freshDatabase, testTmpRoot, type TestDatabase } from './db';
import { startWorkers } from './workers';

/**
 * The anti-robot check stays on in every test server, at a price a test solves in milliseconds
 * (helpers/anti-robot.ts); many logins come from 127.0.0.1, so the per-address threshold is raised
 * like LOGIN_RATE_PER_IP (the per-account one keeps its default).
 */
export const CHEAP_ANTI_ROBOT = { ANTI_ROBOT_COST: '1', ANTI_ROBOT_COUNTER_MAX: '40', ANTI_ROBOT_LOGIN_AFTER_IP_FAILURES: '1000' };

export interface TestServer {
  url: string;
  app: App;
  db: TestDatabase['db'];
  config: Config;
  outboxDir: string;
  close(): Promise<void>;
}

/**
 * Starts the real app on an ephemeral port over a fresh database. Pass `database`
 * to start a second node on the same database, and `redis` for several nodes.
 */
export async function startServer(
  opts: { database?: TestDatabase; redis?: RedisPair | null; env?: Record<string, string>; configure?: (c: Config) => void } = {},
): Promise<TestServer> {
  const database = opts.database ?? (await freshDatabase());
  const workers = Number(process.env.TEST_WORKERS ?? 1);
  if (workers > 1 && !opts.redis && !opts.configure) return startWorkersServer(database, workers, opts.env ?? {}, !opts.database);
  const dataDir = path.join(testTmpRoot, `data-${crypto.randomBytes(5).toString('hex')}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PRESENCE_GRACE_MS: '300',
    LOGIN_RATE_PER_IP: '1000',
    ...CHEAP_ANTI_ROBOT,
    ...opts.env,
  });
  config.databaseUrl = database.databaseUrl;
  config.sqliteFile = database.sqliteFile;
  opts.configure?.(config);
  const app = createApp({ db: database.db, config, redis: opts.redis ?? null, log: pino({ level: 'silent' }) });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  config.publicUrl = url;
  return {
    url,
    app,
    db: database.db,
    config,
    outboxDir: config.mailOutboxDir,
    async close() {
      await app.close();
      if (!opts.database) await database.drop();
    },
  };
}

/**
 * With TEST_WORKERS=2 (e.g. the Chromium tests in .ci/run): the real `server/main.ts` with that many workers
 * in a child process, on the same database. `app` is not in this process: a test that reaches into it fails
 * plainly.
 */
async function startWorkersServer(
  database: TestDatabase,
  workers: number,
  env: Record<string, string>,
  ownsDatabase: boolean,
): Promise<TestServer> {
  const child = await startWorkers(database, workers, env);
  const config = loadConfig({ DATA_DIR: child.dataDir, PUBLIC_URL: child.url, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  config.databaseUrl = database.databaseUrl;
  config.sqliteFile = database.sqliteFile;
  const app = new Proxy({} as App, {
    get: (_, key) => {
      throw new Error(`TEST_WORKERS=${workers}: the app runs in another process (asked for app.${String(key)})`);
    },
  });
  return {
    url: child.url,
    app,
    db: database.db,
    config,
    outboxDir: config.mailOutboxDir,
    async close() {
      await child.close();
      if (ownsDatabase) await database.drop();
    },
  };
}
