import http from 'node:http';
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './database';
import type { Deps } from './deps';
import type { RedisPair } from './redis';
import { createMailer, type Mailer } from './mail';
import { errorMiddleware } from './http/middleware/errors';
import { authMiddleware } from './http/middleware/auth';
import { originCheck } from './http/middleware/origin';
import { mountRoutes } from './http/router';
import { staticClient } from './http/static';
import { attachHub } from './realtime/hub';
import { createRealtimeDomains } from './realtime/domains';
import type { AppState } from './http/context';
import { settleBackground } from './background';

export interface AppOptions {
  db: Db;
  config: Config;
  redis?: RedisPair | null;
  log?: Logger;
  mailer?: Mailer;
}

/**
 * Builds the whole server without listening: Koa for REST, Socket.IO on the
 * same HTTP server. Tests call this; server/main.ts is the only place that listens.
 */
export function createApp(opts: AppOptions) {
  const log = opts.log ?? pino({ level: opts.config.logLevel });
  const deps: Deps = { db: opts.db, config: opts.config, log, mailer: opts.mailer ?? createMailer(opts.config, log) };
  const koa = new Koa<AppState>({ proxy: process.env.TRUST_PROXY === '1' });
  // koa.callback() composes the middleware present when it is called: build it once everything is mounted.
  let handle: ReturnType<typeof koa.callback> | null = null;
  const httpServer = http.createServer((req, res) => handle!(req, res));

  const domains = createRealtimeDomains(deps, opts.redis ?? null);
  const { io, realtime } = attachHub(httpServer, deps, opts.redis ?? null, domains.list);
  domains.bind(io);

  koa.use(errorMiddleware(log));
  koa.use(staticClient());
  koa.use(bodyParser({ enableTypes: ['json'], jsonLimit: '1mb' }));
  koa.use(authMiddleware(deps));
  koa.use(originCheck(() => deps.config.publicUrl));
  mountRoutes(koa, deps, realtime, domains);
  handle = koa.callback();

  async function close(): Promise<void> {
    await settleBackground();
    await domains.stop();
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
  }

  return { httpServer, koa, io, deps, realtime, close };
}

export type App = ReturnType<typeof createApp>;
