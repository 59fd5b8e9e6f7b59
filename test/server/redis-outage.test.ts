import { expect } from 'chai';
import crypto from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { connectRedis, closeRedis, type RedisPair } from '../../server/redis';
import { databaseOf } from '../helpers/any-database';
import type { TestDatabase } from '../helpers/db';
import { makeUserWithToken } from '../helpers/factories';
import { makeContacts } from '../helpers/contacts';
import { api } from '../helpers/http';
import { startPrivateRedis, type PrivateRedis } from '../helpers/private-redis';
import { startServer, type TestServer } from '../helpers/server';
import { needPostgres, needRedisServer } from '../helpers/services';
import { closeAll, connect, emitAck } from '../helpers/sockets';

const OUTAGE_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`still not ${what} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** What a client holds of one channel: live `message:new`, plus `channel:sync` after every `hub:resync`. */
class Receiver {
  readonly held = new Map<number, number>(); // seq → message id
  resyncs = 0;
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: Socket,
    private readonly channelId: number,
  ) {
    socket.on('message:new', (m: { id: number; seq: number; channelId: number }) => {
      if (m.channelId === channelId) this.held.set(m.seq, m.id);
    });
    socket.on('hub:resync', () => {
      this.resyncs++;
      this.syncing = this.syncing.then(() => this.sync());
    });
  }

  /** The highest seq up to which nothing is missing. */
  private contiguous(): number {
    let seq = 0;
    while (this.held.has(seq + 1)) seq++;
    return seq;
  }

  private async sync(): Promise<void> {
    let afterSeq = this.contiguous();
    for (;;) {
      const r = await emitAck(this.socket, 'channel:sync', { channelId: this.channelId, afterSeq, limit: 100 }, 10_000);
      expect(r.ok, JSON.stringify(r)).to.equal(true);
      for (const m of r.messages as Array<{ id: number; seq: number }>) this.held.set(m.seq, m.id);
      if (!r.hasMore || !r.messages.length) return;
      afterSeq = r.messages[r.messages.length - 1].seq;
    }
  }

  settled(): Promise<void> {
    return this.syncing;
  }
}

/** Sends every 50 ms until stopped; keeps what was acked, and when. */
function stream(socket: Socket, channelId: number, tag: string) {
  const acked: Array<{ id: number; seq: number; at: number }> = [];
  let failed = 0;
  let running = true;
  const done = (async () => {
    for (let i = 0; running; i++) {
      const r = await emitAck(
        socket,
        'message:send',
        { channelId, body: `${tag} ${i}`, clientMsgId: `${tag}-${i}-${crypto.randomBytes(3).toString('hex')}` },
        8000,
      ).catch(() => null);
      if (r?.ok) acked.push({ id: r.message.id, seq: r.message.seq, at: Date.now() });
      else failed++;
      await sleep(50);
    }
  })();
  return {
    acked,
    failed: () => failed,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe('chaos: Redis stops for 10 s under two nodes on PostgreSQL', function () {
  this.timeout(180_000);
  let redis: PrivateRedis | undefined;
  let database: TestDatabase | undefined;
  const pairs: RedisPair[] = [];
  const nodes: TestServer[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  before(async function () {
    const binary = await needRedisServer(this);
    await needPostgres(this);
    process.on('unhandledRejection', onRejection);
    redis = await startPrivateRedis(binary);
    database = await databaseOf('postgres');
    for (let i = 0; i < 2; i++) {
      const pair = await connectRedis(redis.url);
      pairs.push(pair);
      nodes.push(
        await startServer({
          database,
          redis: pair,
          env: {
            REDIS_PREFIX: 'chaos:',
            MESSAGE_RATE_PER_10S: '100000',
            PRESENCE_HEARTBEAT_MS: '500',
            PRESENCE_NODE_TTL_MS: '3000',
            PRESENCE_SWEEP_MS: '1000',
          },
        }),
      );
    }
  });
  afterEach(() => closeAll());
  after(async () => {
    closeAll();
    for (const n of nodes) await n.close().catch(() => {});
    for (const p of pairs) await closeRedis(p);
    await redis?.stop();
    await database?.drop();
    process.off('unhandledRejection', onRejection);
  });

  const health = async (node: TestServer) => (await api(node.url).get('/api/health')).body.status as string;

  for (const mode of ['stopped (SIGSTOP, then SIGCONT)', 'killed (SIGKILL, then restarted on its port)'] as const) {
    it(`Redis ${mode}: both nodes stay up and ack, then every acked message reaches every receiver after its resync`, async () => {
      const [A, B] = nodes as [TestServer, TestServer];
      const people = await Promise.all([0, 1, 2, 3].map(() => makeUserWithToken(database!.db)));
      const channelId = await makeContacts(
        database!.db,
        people.map((p) => p.user.id),
      );
      const [senderA, senderB, readerA, readerB] = people as [
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
      ];
      const receivers = [
        new Receiver(await connect(A.url, readerA.token), channelId),
        new Receiver(await connect(B.url, readerB.token), channelId),
      ];
      const streams = [
        stream(await connect(A.url, senderA.token), channelId, 'A'),
        stream(await connect(B.url, senderB.token), channelId, 'B'),
      ];
      expect([await health(A), await health(B)]).to.deep.equal(['up', 'up']);
      await sleep(1000);

      const outageStart = Date.now();
      if (mode.startsWith('stopped')) redis!.pause();
      else await redis!.kill();
      await until('degraded on both nodes', async () => (await health(A)) === 'degraded' && (await health(B)) === 'degraded', 6000);
      // While it lasts: new connections work, presence answers (locally), sends are acked.
      const late = await connect(B.url, (await makeUserWithToken(database!.db)).token);
      expect((await emitAck(late, 'presence:get', { userIds: [readerA.user.id] }, 5000)).ok).to.equal(true);
      await sleep(Math.max(0, outageStart + OUTAGE_MS - Date.now()));
      const outageEnd = Date.now();
      if (mode.startsWith('stopped')) redis!.resume();
      else await redis!.restart();

      await until('up again on both nodes', async () => (await health(A)) === 'up' && (await health(B)) === 'up');
      await until('resynced', () => receivers.every((r) => r.resyncs > 0));
      await sleep(1000);
      for (const s of streams) await s.stop();
      await sleep(500);
      for (const r of receivers) await r.settled();

      for (const [i, s] of streams.entries()) {
        const during = s.acked.filter((m) => m.at > outageStart + 3000 && m.at < outageEnd).length;
        expect(during, `sends acked by node ${'AB'[i]} during the outage`).to.be.greaterThan(20);
        expect(s.failed(), `sends to node ${'AB'[i]} not acked (or refused)`).to.equal(0);
      }
      for (const [i, r] of receivers.entries()) {
        const missing = streams.flatMap((s) => s.acked).filter((m) => r.held.get(m.seq) !== m.id);
        expect(missing, `acked messages missing at the receiver on node ${'AB'[i]}`).to.deep.equal([]);
      }
      // Presence is rebuilt from the live sockets: the reader on B is online for the reader on A.
      await until('presence rebuilt', async () => {
        const r = await emitAck(receivers[0]!.socket, 'presence:get', { userIds: [readerB.user.id] });
        return r.presence[0]?.status === 'online';
      });
      expect([await health(A), await health(B)]).to.deep.equal(['up', 'up']);
      expect(rejections).to.deep.equal([]);
    });
  }
});
