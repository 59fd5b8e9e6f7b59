// A load generator, child of bench/run.ts: real socket.io-client sockets over
// the websocket transport, driven over IPC. The same code drives the hub and
// the relay. Latency is measured from the send time written in the body to the
// arrival of `message:new`, with a clock shared by every process of the machine.
import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { Hist, nowMs } from './lib/hist';
import { serveParent, announceReady } from './lib/child';
import { LightReceiver, type Delivery } from './lib/light-receiver';

interface User {
  token: string;
  channels: number[];
  /** The channel this socket sends to (durable sends). */
  target?: number;
  /** Users whose presence this socket shows (`presence:subscribe` as its acked no-op, as the web client does on arrival). */
  subscribe?: number[];
}
interface StepStats {
  hist: Hist;
  first: number;
  last: number;
}

const sockets: Socket[] = [];
/** Receive-only sockets (`light` connects): counted like the others, never used to send. */
const receivers: LightReceiver[] = [];
const targets: (number | undefined)[] = [];
const steps = new Map<number, StepStats>();
let received = 0;
let outOfOrder = 0;
let duplicates = 0;

function errorSampler() {
  const samples = new Map<string, number>();
  return {
    add: (e: string) => samples.set(e, (samples.get(e) ?? 0) + 1),
    get: () => Object.fromEntries([...samples].slice(0, 8)),
  };
}

/** Counts a delivery: its step, its latency, and whether it came in seq order on its socket. */
function count(d: Delivery, lastSeq: Map<number, number>): void {
  const t = nowMs();
  received++;
  const last = lastSeq.get(d.channelId) ?? 0;
  if (d.seq === last) duplicates++;
  else if (d.seq < last) outOfOrder++;
  lastSeq.set(d.channelId, Math.max(last, d.seq));
  if (!Number.isInteger(d.step)) return;
  let st = steps.get(d.step);
  if (!st) steps.set(d.step, (st = { hist: new Hist(), first: t, last: t }));
  st.hist.add(t - d.sentAt);
  st.last = t;
}

function watch(socket: Socket): void {
  const lastSeq = new Map<number, number>();
  socket.on('message:new', (m: { channelId: number; seq: number; body: string }) => {
    const [sentAt, step] = m.body.split(' ', 2);
    count({ channelId: m.channelId, seq: m.seq, sentAt: Number(sentAt), step: Number(step) }, lastSeq);
  });
}

const authOf = (u: User) => ({ token: u.token, channels: u.channels, protocol: 2 }); // the hub's lean messages, as the web client gets them
// An acked no-op: the hub answers only once the socket has joined its rooms.
const readyCall = (u: User) =>
  u.subscribe ? { event: 'presence:subscribe', payload: { userIds: u.subscribe } } : { event: 'presence:get', payload: { userIds: [] } };

/** A receive-only socket (bare WebSocket, frames read without parsing): kept in `receivers`. */
async function connectLight(url: string, u: User, timeoutMs: number): Promise<{ connectMs: number; readyMs: number }> {
  const t0 = nowMs();
  const lastSeq = new Map<number, number>();
  const { receiver, connectMs } = await LightReceiver.open(url, authOf(u), readyCall(u), timeoutMs, (d) => count(d, lastSeq));
  receivers.push(receiver);
  return { connectMs, readyMs: nowMs() - t0 };
}

function connectOne(url: string, u: User, timeoutMs: number): Promise<{ socket: Socket; connectMs: number; readyMs: number }> {
  const t0 = nowMs();
  const socket = io(url, {
    auth: authOf(u),
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      socket.close();
      reject(e);
    };
    socket.once('connect_error', (e) => fail(e));
    socket.once('connect', () => {
      const connectMs = nowMs() - t0;
      const { event, payload } = readyCall(u);
      socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, res: { ok?: boolean; error?: { code: string } }) => {
        if (err || !res?.ok) return fail(err ?? new Error(res?.error?.code ?? 'not ok'));
        resolve({ socket, connectMs, readyMs: nowMs() - t0 });
      });
    });
  });
}

/**
 * Opens sockets for these users, `rate` new ones per second (0: as fast as `concurrency` allows);
 * `light`: receive-only bare WebSockets (big fan-outs), else socket.io-client.
 */
async function connect(msg: { url: string; users: User[]; rate: number; concurrency: number; timeoutMs: number; light?: boolean }) {
  const connectH = new Hist();
  const readyH = new Hist();
  const errors = errorSampler();
  let failed = 0;
  let started = 0;
  let inFlight = 0;
  const t0 = nowMs();
  await new Promise<void>((done) => {
    let timer: NodeJS.Timeout | null = null;
    const pump = () => {
      const allowed = msg.rate > 0 ? Math.min(msg.users.length, Math.floor(((nowMs() - t0) * msg.rate) / 1000) + 1) : msg.users.length;
      while (started < allowed && inFlight < msg.concurrency) {
        const u = msg.users[started++]!;
        inFlight++;
        const opened = msg.light
          ? connectLight(msg.url, u, msg.timeoutMs)
          : connectOne(msg.url, u, msg.timeoutMs).then((r) => {
              sockets.push(r.socket);
              targets.push(u.target);
              watch(r.socket);
              return r;
            });
        opened
          .then(
            (r) => {
              connectH.add(r.connectMs);
              readyH.add(r.readyMs);
            },
            (e: Error) => {
              failed++;
              errors.add(e.message);
            },
          )
          .finally(() => {
            inFlight--;
            if (started === msg.users.length && inFlight === 0) done();
            else pump();
          });
      }
      // One pacing timer at most, whatever completions call pump meanwhile.
      if (started < msg.users.length && inFlight < msg.concurrency && !timer) {
        timer = setTimeout(() => ((timer = null), pump()), 2);
      }
    };
    if (!msg.users.length) return done();
    pump();
  });
  return {
    connected: sockets.length + receivers.length,
    failed,
    errors: errors.get(),
    elapsedMs: nowMs() - t0,
    connect: connectH.data(),
    ready: readyH.data(),
  };
}

const pad = (head: string, len: number) => (head.length >= len ? head : head + 'x'.repeat(len - head.length));
let sendSeq = 0;

/** Sends one message and calls back with the ack's outcome and latency. */
function sendOne(
  socket: Socket,
  channelId: number,
  step: number,
  bodyLen: number,
  timeoutMs: number,
  done: (ok: boolean, ms: number, code?: string) => void,
) {
  const t = nowMs();
  const n = ++sendSeq;
  const body = pad(`${t.toFixed(3)} ${step} ${n} `, bodyLen);
  socket
    .timeout(timeoutMs)
    .emit(
      'message:send',
      { channelId, body, clientMsgId: `b${process.pid}-${n}` },
      (err: Error | null, res: { ok?: boolean; error?: { code: string } }) => {
        if (err) return done(false, nowMs() - t, 'ack_timeout');
        done(!!res?.ok, nowMs() - t, res?.ok ? undefined : (res?.error?.code ?? 'not_ok'));
      },
    );
}

/** Open loop: `rate` messages per second over this process's sockets in turn, for `durationMs`; then waits for the acks. */
async function send(msg: { channelId: number; rate: number; durationMs: number; step: number; bodyLen: number; timeoutMs: number }) {
  const ack = new Hist();
  const errors = errorSampler();
  let sent = 0;
  let acked = 0;
  let failed = 0;
  const t0 = nowMs();
  await new Promise<void>((done) => {
    let finished = false;
    const settle = () => finished && acked + failed === sent && done();
    const tick = () => {
      const el = nowMs() - t0;
      const due = Math.min(Math.floor((el * msg.rate) / 1000) + 1, Math.ceil((msg.durationMs * msg.rate) / 1000));
      while (sent < due) {
        sent++;
        sendOne(sockets[sent % sockets.length]!, msg.channelId, msg.step, msg.bodyLen, msg.timeoutMs, (ok, ms, code) => {
          if (ok) (acked++, ack.add(ms));
          else (failed++, errors.add(code!));
          settle();
        });
      }
      if (el < msg.durationMs) return void setTimeout(tick, 1);
      finished = true;
      settle();
    };
    tick();
  });
  return { sent, acked, failed, errors: errors.get(), elapsedMs: nowMs() - t0, ack: ack.data() };
}

/** Closed loop: every socket keeps `inflight` sends outstanding to its target channel until `durationMs` is over. */
async function closedLoop(msg: { inflight: number; durationMs: number; step: number; bodyLen: number; timeoutMs: number }) {
  const ack = new Hist();
  const errors = errorSampler();
  const perChannel: Record<number, number> = {};
  let acked = 0;
  let failed = 0;
  let outstanding = 0;
  const t0 = nowMs();
  await new Promise<void>((done) => {
    const loop = (socket: Socket, channelId: number) => {
      if (nowMs() - t0 >= msg.durationMs) return void (outstanding === 0 && done());
      outstanding++;
      sendOne(socket, channelId, msg.step, msg.bodyLen, msg.timeoutMs, (ok, ms, code) => {
        outstanding--;
        if (ok) (acked++, ack.add(ms), (perChannel[channelId] = (perChannel[channelId] ?? 0) + 1));
        else (failed++, errors.add(code!));
        loop(socket, channelId);
      });
    };
    sockets.forEach((s, i) => {
      for (let k = 0; k < msg.inflight; k++) loop(s, targets[i]!);
    });
    if (!sockets.length) done();
  });
  return { acked, failed, errors: errors.get(), elapsedMs: nowMs() - t0, ack: ack.data(), perChannel };
}

/** Sequential `channel:sync` calls from the first socket at random points of the channel. */
async function syncBench(msg: { channelId: number; maxSeq: number; limit: number; n: number; timeoutMs: number }) {
  const h = new Hist();
  const errors = errorSampler();
  for (let i = 0; i < msg.n; i++) {
    const afterSeq = Math.floor(Math.random() * (msg.maxSeq - msg.limit + 1));
    const t = nowMs();
    try {
      const res = (await sockets[0]!
        .timeout(msg.timeoutMs)
        .emitWithAck('channel:sync', { channelId: msg.channelId, afterSeq, limit: msg.limit })) as {
        ok: boolean;
        messages?: unknown[];
        error?: { code: string };
      };
      if (!res.ok || res.messages?.length !== msg.limit) errors.add(res.error?.code ?? `got ${res.messages?.length} messages`);
      else h.add(nowMs() - t);
    } catch (e) {
      errors.add((e as Error).message);
    }
  }
  return { hist: h.data(), errors: errors.get() };
}

/** Sequential `GET /api/channels/:id/messages` (keep-alive, Bearer token): one request in ten for the latest page. */
async function httpBench(msg: { url: string; token: string; channelId: number; maxSeq: number; limit: number; n: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const h = new Hist();
  const errors = errorSampler();
  for (let i = 0; i < msg.n; i++) {
    const before = i % 10 === 0 ? '' : `&beforeSeq=${msg.limit + 1 + Math.floor(Math.random() * (msg.maxSeq - msg.limit))}`;
    const t = nowMs();
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get(
          `${msg.url}/api/channels/${msg.channelId}/messages?limit=${msg.limit}${before}`,
          { agent, headers: { authorization: `Bearer ${msg.token}` } },
          (res) => {
            let b = '';
            res.setEncoding('utf8');
            res.on('data', (d) => (b += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
          },
        )
        .on('error', reject);
    }).catch((e: Error) => ({ status: 0, body: e.message }));
    const page = status === 200 ? (JSON.parse(body) as unknown[]) : null;
    if (!page || page.length !== msg.limit) errors.add(`HTTP ${status}: ${body.slice(0, 80)}`);
    else h.add(nowMs() - t);
  }
  agent.destroy();
  return { hist: h.data(), errors: errors.get() };
}

serveParent(
  {
    connect,
    send,
    closedLoop,
    syncBench,
    httpBench,
    /** Deliveries of one step, seen by this process. */
    step: ({ step }: { step: number }) => {
      const st = steps.get(step);
      return { n: st?.hist.n ?? 0, first: st?.first ?? 0, last: st?.last ?? 0, hist: (st?.hist ?? new Hist()).data() };
    },
    count: ({ step }: { step: number }) => steps.get(step)?.hist.n ?? 0,
    totals: () => ({ sockets: sockets.length + receivers.length, received, outOfOrder, duplicates }),
    /** Closes every socket and forgets every count: the fleet is reused for the next system. */
    reset: async () => {
      for (const s of [...sockets, ...receivers]) s.disconnect();
      sockets.length = receivers.length = 0;
      targets.length = 0;
      steps.clear();
      received = outOfOrder = duplicates = 0;
      await new Promise((r) => setTimeout(r, 50));
      return {};
    },
  },
  () => {
    for (const s of [...sockets, ...receivers]) s.disconnect();
  },
);
announceReady({ pid: process.pid });
