// The baseline: a bare Socket.IO relay on the same Node, transport and options
// as the hub. It authenticates nothing, stores nothing: `message:send` is
// broadcast to the channel's room as a message object of the hub's shape (a
// per-channel counter as seq) and acked. History answers a canned page of the
// same size as the hub's, so its ratio is the cost of the real query.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { announceReady, fatal, serveParent } from './lib/child';
import { processStats } from './lib/usage';

const author = { id: 1, username: 'fan0', displayName: 'Banc FAN 0' };
const counters = new Map<number, number>();
let nextId = 1;

function message(channelId: number, seq: number, body: string, clientMsgId: string, createdAt = new Date().toISOString()) {
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

async function main(): Promise<void> {
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
  if (redisUrl) {
    await Promise.all(clients.map((c) => c.connect()));
    io.adapter(createAdapter(clients[0]!, clients[1]!, { key: `${process.env.REDIS_PREFIX ?? 'relay:'}socket.io` }));
  }

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    next(typeof auth?.token === 'string' ? undefined : new Error('unauthorized'));
  });
  io.on('connection', (socket) => {
    const channels = (socket.handshake.auth as { channels?: unknown }).channels;
    if (Array.isArray(channels)) socket.join(channels.filter(Number.isInteger).map((c) => `channel:${c}`));
    socket.on('message:send', (p: { channelId?: unknown; body?: unknown; clientMsgId?: unknown }, ack?: (r: unknown) => void) => {
      if (typeof ack !== 'function') return;
      if (!Number.isInteger(p?.channelId) || typeof p.body !== 'string' || typeof p.clientMsgId !== 'string') {
        return ack({ ok: false, error: { code: 'invalid_payload', message: 'Requête invalide.' } });
      }
      const channelId = p.channelId as number;
      const seq = (counters.get(channelId) ?? 0) + 1;
      counters.set(channelId, seq);
      const msg = message(channelId, seq, p.body, p.clientMsgId);
      io.to(`channel:${channelId}`).emit('message:new', msg);
      ack({ ok: true, message: msg });
    });
    socket.on('presence:get', (_p: unknown, ack?: (r: unknown) => void) => ack?.({ ok: true, presence: [] }));
    socket.on('channel:sync', (p: { channelId?: unknown; afterSeq?: unknown; limit?: unknown }, ack?: (r: unknown) => void) => {
      const limit = Math.min(500, int(p?.limit, 100));
      ack?.({ ok: true, messages: cannedPage(int(p?.channelId, 1), int(p?.afterSeq, 0) + 1, limit), hasMore: true });
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  serveParent({ stats: processStats }, async () => {
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await Promise.allSettled(clients.map((c) => c.quit()));
  });
  announceReady({ url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, pid: process.pid });
}

main().catch(fatal);
