// The baseline: a bare Socket.IO relay on the same Node, transport and options
// as the hub. It authenticates nothing, stores nothing: `message:send` is
// broadcast to the channel's room as a message object of the hub's shape (a
// per-channel counter as seq) and acked. History answers a canned page of the
// same size as the hub's, so its ratio is the cost of the real query. Presence is kept in memory
// (subscriptions as rooms, arrivals and departures once per 250 ms). With RELAY_WORKERS it runs one
// process per core as the hub does with WORKERS; RELAY_SHAPE=minimal sends the bare message fields.
import cluster from 'node:cluster';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createAdapter as createClusterAdapter, setupPrimary as setupClusterPrimary } from '@socket.io/cluster-adapter';
import { setupMaster, setupWorker } from '@socket.io/sticky';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { announceReady, fatal, serveParent } from './lib/child';
import { processStats } from './lib/usage';
import { cpuProfile } from './lib/cpu-profile';
import { stopReadingHandedSockets } from '../server/cluster/hand-over';
import { treeStats } from './lib/tree-stats';

const author = { id: 1, username: 'fan0', displayName: 'Banc FAN 0' };
const counters = new Map<number, number>();
let nextId = 1;
/** RELAY_SHAPE=minimal: `message:new` carries only {id, seq, channelId, body, clientMsgId, createdAt}. */
const minimal = process.env.RELAY_SHAPE === 'minimal';
/** RELAY_WORKERS > 1: one process per core, as the hub runs with WORKERS (sticky + cluster adapter, seqs from the primary). */
const workers = Number(process.env.RELAY_WORKERS ?? 1);

function message(channelId: number, seq: number, body: string, clientMsgId: string, createdAt = new Date().toISOString()) {
  if (minimal) return { id: nextId++, seq, channelId, body, clientMsgId, createdAt };
  return {
    id: nextId++,
    channelId,
    seq,
    clientMsgId,
    author,
    body,
    createdAt,
    editedAt: null,
    deletedAt: null,
    pinnedAt: null,
    pinnedBy: null,
    replyToId: null,
  };
}

/** The same rows the history scenario seeds in the hub, built on the fly. */
function cannedPage(channelId: number, fromSeq: number, limit: number) {
  const createdAt = new Date(Date.now() - 86400_000).toISOString();
  return Array.from({ length: limit }, (_, i) => {
    const seq = fromSeq + i;
    return message(
      channelId,
      seq,
      `Message numéro ${seq} du banc d'essai, assez long pour ressembler à une vraie phrase de discussion.`,
      `seed-${seq}`,
      createdAt,
    );
  });
}

const int = (v: unknown, dflt: number) => (Number.isInteger(Number(v)) && v !== null && v !== '' ? Number(v) : dflt);

/** The next seq of a channel: counted here, or (workers) by the primary so seqs stay one sequence per channel. */
let nextSeq = async (channelId: number): Promise<number> => {
  const seq = (counters.get(channelId) ?? 0) + 1;
  counters.set(channelId, seq);
  return seq;
};

async function main(): Promise<void> {
  if (workers > 1 && cluster.isPrimary) return primary();
  const httpServer = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://relay');
    const m = /^\/api\/channels\/(\d+)\/messages$/.exec(u.pathname);
    if (req.method !== 'GET' || !m) return void res.writeHead(404).end();
    const limit = Math.min(100, int(u.searchParams.get('limit'), 50));
    const before = int(u.searchParams.get('beforeSeq'), 1_000_001);
    const body = JSON.stringify(cannedPage(Number(m[1]), Math.max(1, before - limit), limit));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  });
  const io = new Server(httpServer, { maxHttpBufferSize: 256 * 1024, serveClient: false });
  const redisUrl = process.env.REDIS_URL;
  const clients = redisUrl ? [createClient({ url: redisUrl }), createClient({ url: redisUrl })] : [];
  if (cluster.isWorker) {
    process.on('disconnect', () => process.exit(0)); // the primary is gone
    io.adapter(createClusterAdapter());
    setupWorker(io);
    let asked = 0;
    const waiting = new Map<number, (seq: number) => void>();
    process.on('message', (m: { relaySeq?: number; id?: number }) => {
      if (m?.relaySeq === undefined) return;
      waiting.get(m.id!)?.(m.relaySeq);
      waiting.delete(m.id!);
    });
    nextSeq = (channelId) =>
      new Promise((resolve) => {
        const id = ++asked;
        waiting.set(id, resolve);
        process.send!({ relayChannel: channelId, id });
      });
  } else if (redisUrl) {
    await Promise.all(clients.map((c) => c.connect()));
    io.adapter(createAdapter(clients[0]!, clients[1]!, { key: `${process.env.REDIS_PREFIX ?? 'relay:'}socket.io` }));
  }

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    next(typeof auth?.token === 'string' ? undefined : new Error('unauthorized'));
  });
  // Presence as the hub does it, in memory: `presence:subscribe` joins the users' presence rooms and answers
  // who is online here; arrivals and departures go to those rooms, each user's last state once per 250 ms
  // (so the burst's relay pays the same frames as the hub, not nothing).
  const online = new Map<number, number>();
  let pending = new Map<number, 'online' | 'offline'>();
  let timer: NodeJS.Timeout | null = null;
  const changed = (userId: number, status: 'online' | 'offline') => {
    pending.delete(userId);
    pending.set(userId, status);
    timer ??= setTimeout(() => {
      timer = null;
      const batch = pending;
      pending = new Map();
      for (const [id, s] of batch) io.to(`presence:${id}`).emit('presence', { userId: id, status: s, lastSeenAt: null });
    }, 250);
  };
  /** `relay-<i>` is user i + 1 (the ids the burst's arrivals subscribe to). */
  const userIdOf = (token: unknown) => (typeof token === 'string' ? Number(token.slice(6)) + 1 || 0 : 0);

  io.on('connection', (socket) => {
    const userId = userIdOf((socket.handshake.auth as { token?: unknown }).token);
    online.set(userId, (online.get(userId) ?? 0) + 1);
    if (online.get(userId) === 1) changed(userId, 'online');
    socket.on('disconnect', () => {
      const n = (online.get(userId) ?? 1) - 1;
      if (n > 0) return void online.set(userId, n);
      online.delete(userId);
      changed(userId, 'offline');
    });
    const channels = (socket.handshake.auth as { channels?: unknown }).channels;
    if (Array.isArray(channels)) socket.join(channels.filter(Number.isInteger).map((c) => `channel:${c}`));
    socket.on('message:send', (p: { channelId?: unknown; body?: unknown; clientMsgId?: unknown }, ack?: (r: unknown) => void) => {
      if (typeof ack !== 'function') return;
      if (!Number.isInteger(p?.channelId) || typeof p.body !== 'string' || typeof p.clientMsgId !== 'string') {
        return ack({ ok: false, error: { code: 'invalid_payload', message: 'Requête invalide.' } });
      }
      const channelId = p.channelId as number;
      const { body, clientMsgId } = p as { body: string; clientMsgId: string };
      void nextSeq(channelId).then((seq) => {
        const msg = message(channelId, seq, body, clientMsgId);
        io.to(`channel:${channelId}`).emit('message:new', msg);
        ack({ ok: true, message: msg });
      });
    });
    socket.on('presence:get', (_p: unknown, ack?: (r: unknown) => void) => ack?.({ ok: true, presence: [] }));
    socket.on('presence:subscribe', (p: { userIds?: unknown }, ack?: (r: unknown) => void) => {
      const ids = Array.isArray(p?.userIds) ? p.userIds.filter(Number.isInteger).slice(0, 500) : [];
      socket.join(ids.map((id) => `presence:${id}`));
      ack?.({ ok: true, presence: ids.filter((id) => online.has(id)).map((id) => ({ userId: id, status: 'online', lastSeenAt: null })) });
    });
    socket.on('channel:sync', (p: { channelId?: unknown; afterSeq?: unknown; limit?: unknown }, ack?: (r: unknown) => void) => {
      const limit = Math.min(500, int(p?.limit, 100));
      ack?.({ ok: true, messages: cannedPage(int(p?.channelId, 1), int(p?.afterSeq, 0) + 1, limit), hasMore: true });
    });
  });

  if (cluster.isWorker) return void process.send!({ relayReady: true });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  serveParent({ stats: processStats, profile: cpuProfile }, async () => {
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await Promise.allSettled(clients.map((c) => c.quit()));
  });
  announceReady({ url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, pid: process.pid });
}

/** RELAY_WORKERS > 1: hands connections to the workers (sticky), relays their broadcasts, counts the seqs. */
async function primary(): Promise<void> {
  cluster.setupPrimary({ serialization: 'advanced' });
  const tcp = net.createServer();
  setupMaster(tcp as unknown as http.Server, { loadBalancingMethod: 'least-connection' });
  setupClusterPrimary();
  cluster.on('message', (worker, m: { relayChannel?: number; id?: number }) => {
    if (m?.relayChannel === undefined) return;
    const seq = (counters.get(m.relayChannel) ?? 0) + 1;
    counters.set(m.relayChannel, seq);
    worker.send({ relaySeq: seq, id: m.id });
  });
  const forked = Array.from({ length: workers }, () => cluster.fork());
  // As the hub's primary: bytes arriving while a socket is handed over wait for the worker (server/cluster/hand-over.ts).
  for (const w of forked) stopReadingHandedSockets(w.process);
  await Promise.all(forked.map((w) => new Promise<void>((resolve) => w.on('message', (m) => m?.relayReady && resolve()))));
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  serveParent({ stats: treeStats(() => forked.flatMap((w) => (w.process.pid ? [w.process.pid] : []))) }, () => {
    for (const w of forked) w.process.kill('SIGTERM');
  });
  announceReady({ url: `http://127.0.0.1:${(tcp.address() as AddressInfo).port}`, pid: process.pid });
}

main().catch(fatal);
