import cluster, { type Worker } from 'node:cluster';
import type http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { setupMaster as setupStickyPrimary } from '@socket.io/sticky';
import { setupPrimary as setupClusterAdapterPrimary } from '@socket.io/cluster-adapter';
import type { Config } from '../config';
import { openDb } from '../database';
import { prepareDatabase } from '../bootstrap';
import { createMailer } from '../mail';
import { servePrimary, tellWorker } from './ipc';
import { stopReadingHandedSockets } from './hand-over';
import { serveMessageWriter, writesInPrimary } from './message-writer';
import { SharedPresenceState } from '../realtime/presence/shared-state';
import { PRESENCE_TOPIC } from '../realtime/presence/primary-store';

/** Set on the one worker that runs the background jobs (mail, erasure): they must run once per machine. */
export const JOBS_ENV = 'MAILLAGE_RUN_JOBS';

/** What a worker sends once it takes connections (server/main.ts). */
export const WORKER_READY = { maillage: 'lifecycle', ready: true } as const;
const isReady = (m: unknown) => !!m && typeof m === 'object' && (m as { maillage?: unknown }).maillage === 'lifecycle';

const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const isStatus = (v: unknown): v is 'online' | 'away' | 'dnd' => v === 'online' || v === 'away' || v === 'dnd';

/**
 * The primary process of `npm start` with WORKERS > 1: prepares the database once (migrations,
 * reference data, demo data), then runs one worker per core. It owns the listening socket and hands
 * each connection to a worker (`@socket.io/sticky`: a long-polling session's requests all reach the
 * worker that holds it); without Redis it relays the workers' broadcasts (`@socket.io/cluster-adapter`)
 * and holds their shared presence. A worker that dies is replaced; its users with no socket left are
 * announced offline by another worker.
 */
export async function runPrimary(
  config: Config,
  log: Logger,
  opts: { signals?: boolean } = {},
): Promise<{ port: number; workerPids(): number[]; stop(): Promise<void> }> {
  const db = openDb(config);
  await prepareDatabase({ db, config, log, mailer: createMailer(config, log) }, { seedDemo: config.seedDemo });
  // SQLite: the primary keeps its connection and writes every worker's messages (server/cluster/message-writer.ts).
  const writer = writesInPrimary(config);
  if (writer) serveMessageWriter(db, log);
  else await db.destroy();

  // Sticky sessions send the connection's first bytes (a Buffer) and the adapter binary packets over IPC.
  cluster.setupPrimary({ serialization: 'advanced' });
  // A bare TCP server, not an HTTP one: an HTTP server would also parse the first bytes itself and, on a
  // WebSocket upgrade it has no listener for, destroy the socket sticky is handing over (lost connections).
  const tcpServer = net.createServer();
  setupStickyPrimary(tcpServer as unknown as http.Server, { loadBalancingMethod: 'least-connection' });
  if (!config.redisUrl) setupClusterAdapterPrimary();

  const presence = new SharedPresenceState();
  /** Workers whose presence store listens (said hello): the ones that may be told of a dead worker's users. */
  const ready = new Set<number>();
  let orphans: number[] = [];
  const tellOffline = () => {
    const w = [...ready].map((id) => cluster.workers?.[id]).find((x) => x?.isConnected());
    if (!w || !orphans.length) return;
    tellWorker(w, PRESENCE_TOPIC, 'offline', orphans);
    orphans = [];
  };
  servePrimary(PRESENCE_TOPIC, (worker, method, args) => {
    const [a, b] = args;
    switch (method) {
      case 'hello':
        ready.add(worker.id);
        return tellOffline();
      case 'connect':
        if (isInt(a)) return presence.connect(worker.id, a);
        break;
      case 'disconnect':
        if (isInt(a) && typeof b === 'string') return presence.disconnect(worker.id, a, b);
        break;
      case 'expireIfGone':
        if (isInt(a) && typeof b === 'string') return presence.expireIfGone(a, b);
        break;
      case 'setStatus':
        if (isInt(a) && isStatus(b)) return presence.setStatus(a, b);
        break;
      case 'statuses':
        if (Array.isArray(a) && a.every(isInt)) return presence.statuses(a);
        break;
    }
    throw new Error(`presence: bad request ${method}`);
  });

  let stopping = false;
  let jobsWorker: number | null = null;
  const fork = (): Worker => {
    const runsJobs = jobsWorker === null;
    const w = cluster.fork(runsJobs ? { [JOBS_ENV]: '1' } : {});
    if (runsJobs) jobsWorker = w.id;
    // Sticky hands sockets over with w.send(…, socket): bytes arriving meanwhile must wait for the worker.
    stopReadingHandedSockets(w.process);
    // Sticky's least-connection picks the worker with the fewest clients, and would hand connections to
    // this one before it can take them (they would be lost): it counts as full until it says it is ready.
    const counted = w as Worker & { clientsCount?: number };
    counted.clientsCount = Number.MAX_SAFE_INTEGER;
    w.on('message', (m) => isReady(m) && (counted.clientsCount = 0));
    return w;
  };
  cluster.on('exit', (worker, code, signal) => {
    ready.delete(worker.id);
    if (jobsWorker === worker.id) jobsWorker = null;
    orphans.push(...presence.workerGone(worker.id));
    tellOffline();
    if (stopping) return;
    log.error({ worker: worker.id, code, signal }, 'worker died: starting another');
    setTimeout(() => !stopping && fork(), 1000).unref();
  });
  // Listen once every worker can take connections: sticky hands a connection to a worker at once, and one
  // that has not set up its side yet would drop it.
  const started = Array.from({ length: config.workers }, () => fork());
  await Promise.all(started.map((w) => new Promise<void>((resolve) => w.on('message', (m) => isReady(m) && resolve()))));
  await new Promise<void>((resolve) => tcpServer.listen(config.port, resolve));
  const { port } = tcpServer.address() as AddressInfo;
  log.info(
    {
      url: config.publicUrl,
      port,
      workers: config.workers,
      ...(writer ? { writer: 'primary' } : {}),
      redis: !!config.redisUrl,
      database: config.databaseUrl ? 'postgresql' : config.sqliteFile,
    },
    'Maillage is listening',
  );

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down the workers');
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    tcpServer.close();
    if (writer) await db.destroy();
    if (signal !== 'stop') process.exit(0);
  };
  if (opts.signals !== false) {
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  }
  return {
    port,
    workerPids: () => Object.values(cluster.workers ?? {}).flatMap((w) => (w?.process.pid ? [w.process.pid] : [])),
    stop: () => shutdown('stop'),
  };
}
