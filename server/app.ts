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
import { publicHead } from './http/public-head';
import { attachHub } from './realtime/hub';
import { createRealtimeDomains } from './realtime/domains';
import type { AppState } from './http/context';
import { settleBackground } from './background';
import { stopNewsletterRunner } from './services/newsletters/runner';

export interface AppOptions {
  db: Db;
  config: Config;
  redis?: RedisPair | null;
  log?: Logger;
  mailer?: Mailer;
  /** A worker of server/cluster/primary.ts: without Redis, broadcasts and presence go through the primary. */
  clusterWorker?: boolean;
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

  const sharing = { redis: opts.redis ?? null, clusterWorker: !!opts.clusterWorker };
  const domains = createRealtimeDomains(deps, sharing);
  const { io, realtime } = attachHub(httpServer, deps, sharing, domains.list);
  domains.bind(io);

  // Errors Koa meets after the response has started (a download the browser dropped) go to the log, not to
  // stderr; a client that went away is not the server's error.
  const gone = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);
  koa.on('error', (err: NodeJS.ErrnoException, ctx?: { path?: string }) => {
    if (gone.has(err.code ?? '')) log.debug({ err, path: ctx?.path }, 'client went away');
    else log.error({ err, path: ctx?.path }, 'request failed after its response started');
  });
  koa.use(errorMiddleware(log));
  koa.use(staticClient(publicHead(deps)));
  koa.use(bodyParser({ enableTypes: ['json'], jsonLimit: '1mb' }));
  koa.use(authMiddleware(deps));
  koa.use(originCheck(() => deps.config.publicUrl));
  mountRoutes(koa, deps, realtime, domains);
  handle = koa.callback();

  async function close(): Promise<void> {
    // A newsletter being delivered stops after its mails in flight; the rest stays pending for the next start.
    await stopNewsletterRunner(deps);
    await settleBackground();
    await domains.stop();
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
  }

  return { httpServer, koa, io, deps, realtime, close };
}

export type App = ReturnType<typeof createApp>;
