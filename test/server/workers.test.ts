import { execFileSync } from 'node:child_process';
import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { makeUserWithToken } from '../helpers/factories';
import { makeContacts, uniqueDepartment } from '../helpers/contacts';
import { closeAll, connect, emitAck, waitForEvent } from '../helpers/sockets';
import { startWorkers, type WorkersServer } from '../helpers/workers';

/** Resolves once the server has finished the socket's connect work (every acked event waits for it). */
const settled = async (sock: Socket) => {
  await emitAck(sock, 'presence:get', { userIds: [] });
  return sock;
};

describe('npm start with WORKERS=2 (node:cluster, no Redis)', function () {
  this.timeout(120_000);
  let database: TestDatabase;
  let server: WorkersServer;
  const person = () => makeUserWithToken(database.db, { departmentCode: uniqueDepartment() });

  before(async () => {
    database = await freshDatabase();
    server = await startWorkers(database, 2, { MESSAGE_RATE_PER_10S: '1000', LOG_LEVEL: process.env.WORKERS_LOG ?? 'warn' });
  });
  afterEach(() => closeAll());
  after(async () => {
    closeAll();
    await server?.close();
    await database?.drop();
  });

  /** `n` people, contacts of one another through one thematic channel, each connected (least-connection alternates workers). */
  async function room(n: number) {
    const people = [];
    for (let i = 0; i < n; i++) people.push(await person());
    const channelId = await makeContacts(
      database.db,
      people.map((p) => p.user.id),
    );
    const sockets: Socket[] = [];
    for (const p of people) sockets.push(await settled(await connect(server.url, p.token, 8000)));
    return { people, channelId, sockets };
  }

  it('broadcasts reach every member, whichever worker holds their socket', async () => {
    const { sockets, channelId } = await room(6);
    const got = sockets.map(
      (s) =>
        new Promise<string>((resolve) =>
          s.on('message:new', (m: { channelId: number; body: string }) => m.channelId === channelId && resolve(m.body)),
        ),
    );
    const ack = await emitAck(sockets[1]!, 'message:send', { channelId, body: 'à tous les workers', clientMsgId: 'w-1' });
    expect(ack.ok).to.equal(true);
    expect(await Promise.all(got)).to.deep.equal(Array(6).fill('à tous les workers'));
  });

  it('presence is shared: a user connected on one worker is online for the other', async () => {
    const { people, sockets } = await room(2);
    const [a, b] = people;
    // The two sockets are on different workers (least-connection, connected one after the other).
    const seen = await emitAck(sockets[1]!, 'presence:get', { userIds: [a!.user.id] });
    expect(seen.presence[0]?.status).to.equal('online');
    sockets[0]!.close();
    // After the grace period (300 ms here), the worker that held A's socket announces A offline for everyone.
    const deadline = Date.now() + 5000;
    let status = 'online';
    while (status !== 'offline' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await emitAck(sockets[1]!, 'presence:get', { userIds: [a!.user.id] })).presence[0]!.status;
    }
    expect(status).to.equal('offline');
    expect(b).to.exist;
  });

  it('presence events cross workers: a subscriber on one worker hears of a user arriving on the other', async () => {
    const [a, b] = [await person(), await person()];
    const sb = await settled(await connect(server.url, b.token, 8000));
    await emitAck(sb, 'presence:subscribe', { userIds: [a.user.id] });
    const online = waitForEvent(sb, 'presence', (p) => p.userId === a.user.id && p.status === 'online', 25_000);
    await connect(server.url, a.token, 8000); // least-connection: the other worker
    expect(await online).to.deep.equal({ userId: a.user.id, status: 'online', lastSeenAt: null });
  });

  it('keeps seqs gap-free when both workers write the same channel at once', async () => {
    const { sockets, channelId } = await room(4);
    const per = 40;
    const acks = await Promise.all(
      sockets.flatMap((s, i) =>
        Array.from({ length: per }, (_, k) =>
          emitAck(s, 'message:send', { channelId, body: `m ${i}-${k}`, clientMsgId: `gap-${i}-${k}` }, 20_000),
        ),
      ),
    );
    expect(acks.filter((a) => !a.ok).map((a) => a.error)).to.deep.equal([]);
    const seqs = acks.map((a) => a.message.seq).sort((x, y) => x - y);
    const rows = await database.db('messages').where({ channel_id: channelId }).orderBy('seq').select('seq');
    expect(rows.map((r) => Number(r.seq))).to.deep.equal(seqs);
    expect(seqs).to.deep.equal(Array.from({ length: sockets.length * per }, (_, i) => i + 1));
  });

  it('a refused send keeps its contract error and a resend its stored message, whichever process writes (SQLITE_WRITER)', async () => {
    const { sockets, channelId } = await room(2);
    const outsider = await person();
    const other = await makeContacts(database.db, [outsider.user.id, (await person()).user.id]);
    const refused = await emitAck(sockets[0]!, 'message:send', { channelId: other, body: 'pas chez moi', clientMsgId: 'w-refused' });
    expect(refused.error).to.deep.include({ code: 'not_found', message: 'Salon introuvable.' });
    await database.db('channels').where({ id: channelId }).update({ archived_at: new Date() });
    const archived = await emitAck(sockets[1]!, 'message:send', { channelId, body: 'trop tard', clientMsgId: 'w-archived' });
    expect(archived.error.code).to.equal('channel_archived');
    await database.db('channels').where({ id: channelId }).update({ archived_at: null });
    const first = await emitAck(sockets[1]!, 'message:send', { channelId, body: 'une fois', clientMsgId: 'w-once' });
    const again = await emitAck(sockets[1]!, 'message:send', { channelId, body: 'une fois', clientMsgId: 'w-once' });
    expect(again.message).to.deep.equal(first.message);
    const [{ n }] = await database.db('messages').where({ channel_id: channelId, client_msg_id: 'w-once' }).count({ n: '*' });
    expect(Number(n)).to.equal(1);
  });

  it('a worker that dies: its sockets drop, the others stay, its users go offline, a new worker takes its place', async () => {
    const { people, sockets } = await room(4);
    const workers = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(server.child.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter(([pid, comm]) => Number(pid) > 0 && comm === 'node') // not tsx's esbuild service
      .map(([pid]) => Number(pid));
    expect(workers).to.have.length(2);
    const dropped = sockets.map(
      (s) => new Promise<boolean>((resolve) => (s.once('disconnect', () => resolve(true)), setTimeout(() => resolve(false), 4000))),
    );
    process.kill(workers[0]!, 'SIGKILL');
    const gone = await Promise.all(dropped);
    // Connected one after the other, the sockets alternate between the two workers: two of the four dropped.
    expect(gone.filter(Boolean)).to.have.length(2);
    const survivor = sockets[gone.indexOf(false)]!;
    const droppedIds = people.filter((_, i) => gone[i]).map((p) => p.user.id);
    const seen = await emitAck(survivor, 'presence:get', { userIds: droppedIds });
    expect(seen.presence.map((p) => p.status)).to.deep.equal(['offline', 'offline']);
    // The primary starts another worker (after 1 s); new connections are served.
    await new Promise((r) => setTimeout(r, 1500));
    const again = await person();
    const s = await settled(await connect(server.url, again.token, 8000));
    expect(s.connected).to.equal(true);
  });
});
