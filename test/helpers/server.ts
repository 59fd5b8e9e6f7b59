import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig, type Config } from '../../server/config';
import { createApp, type App } from '../../server/app';
import type { RedisPair } from '../../server/redis';
import { freshDatabase, testTmpRoot, type TestDatabase } from './db';

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
  const dataDir = path.join(testTmpRoot, `data-${crypto.randomBytes(5).toString('hex')}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PRESENCE_GRACE_MS: '300', LOGIN_RATE_PER_IP: '1000', ...opts.env });
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
