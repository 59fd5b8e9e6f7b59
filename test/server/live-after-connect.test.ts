import { expect } from 'chai';
import crypto from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { makeUserWithToken } from '../helpers/factories';
import { makeContacts, uniqueDepartment } from '../helpers/contacts';
import { connect, emitAck } from '../helpers/sockets';
import { useServer } from '../helpers/suite';
import { useCluster } from '../helpers/cluster';
import type { TestServer } from '../helpers/server';

const ROUNDS = 200;

/**
 * `ROUNDS` times: the receiver connects, and the moment its `connect` fires the sender sends; the
 * message must arrive live on the new socket (no `channel:sync` needed). Answers the misses.
 */
async function connectThenSend(receiverUrl: string, receiverToken: string, sender: Socket, channelId: number): Promise<string[]> {
  const missed: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const clientMsgId = `live-${i}-${crypto.randomBytes(3).toString('hex')}`;
    const receiver = await connect(receiverUrl, receiverToken);
    const arrived = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 3000);
      receiver.on('message:new', (m: { clientMsgId: string }) => {
        if (m.clientMsgId !== clientMsgId) return;
        clearTimeout(timer);
        resolve(true);
      });
    });
    const ack = await emitAck(sender, 'message:send', { channelId, body: `au moment du connect ${i}`, clientMsgId });
    expect(ack.ok, JSON.stringify(ack)).to.equal(true);
    if (!(await arrived)) missed.push(clientMsgId);
    receiver.close();
  }
  return missed;
}

async function pair(db: TestServer['db']) {
  const departmentCode = uniqueDepartment();
  const [a, b] = [await makeUserWithToken(db, { departmentCode }), await makeUserWithToken(db, { departmentCode })];
  const channelId = await makeContacts(db, [a.user.id, b.user.id]);
  return { a, b, channelId };
}

describe('live delivery starts at connect: rooms are joined before the client sees `connect`', function () {
  this.timeout(120_000);
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '100000' } });

  it(`a message sent the moment the receiver connects arrives live, ${ROUNDS} times out of ${ROUNDS}`, async () => {
    const { a, b, channelId } = await pair(s.db);
    const sender = await connect(s.url, a.token);
    expect(await connectThenSend(s.url, b.token, sender, channelId)).to.deep.equal([]);
  });

  it('a room move made while a socket is still connecting reaches it', async () => {
    // The move (a channel added) lands between the middleware's read of the memberships and `connect`.
    const { a, b } = await pair(s.db);
    const other = await makeUserWithToken(s.db);
    const channelId = await makeContacts(s.db, [a.user.id, other.user.id]);
    const sender = await connect(s.url, a.token);
    const app = s.app;
    // Add b to the channel while their socket is between the hub's middleware (rooms read and joined) and
    // `connect`: a middleware added after the hub's runs exactly there, through the same path as the REST routes.
    let moved = false;
    const joined = new Promise<void>((resolve, reject) => {
      app.io.use((socket, next) => {
        if (moved || socket.data.userId !== b.user.id) return next();
        moved = true;
        void s
          .db('channel_members')
          .insert({ channel_id: channelId, user_id: b.user.id, joined_at: new Date() })
          .then(() => app.io.in(`user:${b.user.id}`).socketsJoin(`channel:${channelId}`))
          .then(
            () => (resolve(), next()),
            (err: Error) => (reject(err), next(err)),
          );
      });
    });
    const receiver = await connect(s.url, b.token);
    await joined;
    const got = new Promise((resolve) => receiver.once('message:new', resolve));
    await emitAck(sender, 'message:send', { channelId, body: 'après le déplacement', clientMsgId: crypto.randomUUID() });
    expect(await Promise.race([got, new Promise((r) => setTimeout(() => r('missed'), 3000))])).to.not.equal('missed');
  });
});

describe('live delivery starts at connect, across two nodes', function () {
  this.timeout(120_000);
  const cluster = useCluster({ MESSAGE_RATE_PER_10S: '100000' });

  it(`connect on node B, send on node A at once: ${ROUNDS} of ${ROUNDS} arrive live`, async () => {
    const { a, b, channelId } = await pair(cluster.db);
    const sender = await connect(cluster.A.url, a.token);
    expect(await connectThenSend(cluster.B.url, b.token, sender, channelId)).to.deep.equal([]);
  });
});
