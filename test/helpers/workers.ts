/** The real `server/main.ts` in a child process with several workers (node:cluster), for the tests that need it. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { testTmpRoot, type TestDatabase } from './db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A port free right now (the child listens on it: PUBLIC_URL must name it before it starts). */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export interface WorkersServer {
  url: string;
  dataDir: string;
  /** The primary process (the workers are its children). */
  child: ChildProcess;
  close(): Promise<void>;
}

/**
 * Starts `server/main.ts` with `WORKERS=workers` on `database` (the test writes to it directly too:
 * SQLite's locking and the immediate transactions keep that safe). Resolves once the primary listens
 * and every worker answers.
 */
export async function startWorkers(database: TestDatabase, workers = 2, env: Record<string, string> = {}): Promise<WorkersServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = path.join(testTmpRoot, `workers-${crypto.randomBytes(5).toString('hex')}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      WORKERS: String(workers),
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { DATABASE_URL: '', SQLITE_FILE: database.sqliteFile }),
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      PRESENCE_GRACE_MS: '300',
      LOGIN_RATE_PER_IP: '1000',
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The primary listens once every worker takes connections: the first answer means all are up.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server/main.ts exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the workers did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    child,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
