import net from 'node:net';
import fs from 'node:fs';

const inCi = process.env.CI === 'true';

function tcpAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 1000 });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

/**
 * Skips the calling suite with a printed notice when an outside service is
 * missing; under CI (CI=true) a missing service fails instead.
 */
async function need(ctx: Mocha.Context, what: string, available: boolean): Promise<void> {
  if (available) return;
  if (inCi) throw new Error(`${what} is required under CI but is not available`);
  console.log(`    [notice] ${what} not available: skipping "${ctx.currentTest?.parent?.title ?? ctx.test?.parent?.title}"`);
  ctx.skip();
}

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function needRedis(ctx: Mocha.Context): Promise<void> {
  const u = new URL(REDIS_URL);
  await need(ctx, `Redis (${u.host})`, await tcpAnswers(u.hostname, Number(u.port || 6379)));
}

export async function needPostgres(ctx: Mocha.Context): Promise<void> {
  const u = new URL(PG_URL);
  await need(ctx, `PostgreSQL (${u.host})`, await tcpAnswers(u.hostname, Number(u.port || 5432)));
}

export async function needChromium(ctx: Mocha.Context): Promise<void> {
  await need(ctx, `Chromium (${CHROMIUM})`, fs.existsSync(CHROMIUM));
}

/** The `redis-server` binary, for tests that run (and stop) a Redis of their own. */
export async function needRedisServer(ctx: Mocha.Context): Promise<string> {
  const found = (process.env.PATH ?? '')
    .split(':')
    .map((d) => `${d}/redis-server`)
    .find((f) => fs.existsSync(f));
  await need(ctx, 'the redis-server binary', !!found);
  return found!;
}
