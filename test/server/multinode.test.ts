import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import { api } from '../helpers/http';
import { makeContacts } from '../helpers/contacts';
import { connect, emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { useCluster } from '../helpers/cluster';

type Presence = { userId: number; status: string };
const about = (userId: number, status?: string) => (p: Presence) => p.userId === userId && (!status || p.status === status);
/** Resolves once the server has finished the socket's connect work (every acked event waits for it). */
const settled = async (sock: Socket) => {
  await emitAck(sock, 'presence:get', { userIds: [] });
  return sock;
};
/** The socket shows these users: `presence` comes for them only. */
const follow = async (sock: Socket, ...ids: number[]) => {
  await emitAck(sock, 'presence:subscribe', { userIds: ids });
  return sock;
};

describe('several nodes on one database and one Redis', function () {
  // Fast heartbeats so a dead node is noticed in about a second.
  const cluster = useCluster({ PRESENCE_HEARTBEAT_MS: '200', PRESENCE_NODE_TTL_MS: '800', PRESENCE_SWEEP_MS: '250' });
  const { person, startNode } = cluster;

  it('presence crosses nodes: online on A is seen on B, and offline after the grace period', async () => {
    const [a, b] = [await person(), await person()];
    await makeContacts(cluster.db, [a.user.id, b.user.id]);
    const sb = await follow(await connect(cluster.B.url, b.token), a.user.id);
    const online = waitForEvent(sb, 'presence', about(a.user.id, 'online'));
    const sa = await connect(cluster.A.url, a.token);
    await online;
    expect((await emitAck(sb, 'presence:get', { userIds: [a.user.id] })).presence[0].status).to.equal('online');

    const offline = waitForEvent(sb, 'presence', about(a.user.id, 'offline'), cluster.A.config.presenceGraceMs + 2000);
    sa.close();
    await offline;
    expect((await cluster.db('users').where({ id: a.user.id }).first()).last_seen_at).to.not.equal(null);
  });

  it('presence subscriptions across nodes: a subscriber on B gets the changes made on A, coalesced per 250 ms', async () => {
    const [a, b, c] = [await person(), await person(), await person()];
    const sb = await follow(await connect(cluster.B.url, b.token), a.user.id);
    const sc = await settled(await connect(cluster.B.url, c.token)); // not subscribed
    const got: Presence[] = [];
    sb.on('presence', (p: Presence) => got.push(p));
    const quiet = expectNoEvent(sc, 'presence', about(a.user.id), 900);
    const sa = await settled(await connect(cluster.A.url, a.token));
    await emitAck(sa, 'presence:set', { status: 'away' });
    await emitAck(sa, 'presence:set', { status: 'dnd' });
    await quiet;
    expect(got.filter(about(a.user.id))).to.deep.equal([{ userId: a.user.id, status: 'dnd', lastSeenAt: null }]);
  });

  it('a user who comes back on another node within the grace period never goes offline', async () => {
    const [a, b] = [await person(), await person()];
    await makeContacts(cluster.db, [a.user.id, b.user.id]);
    const sb = await follow(await connect(cluster.B.url, b.token), a.user.id);
    const online = waitForEvent(sb, 'presence', about(a.user.id, 'online'));
    const onA = await settled(await connect(cluster.A.url, a.token));
    await online;

    const quiet = expectNoEvent(sb, 'presence', about(a.user.id), cluster.A.config.presenceGraceMs + 700);
    onA.close();
    await settled(await connect(cluster.B.url, a.token));
    await quiet;
    expect((await emitAck(sb, 'presence:get', { userIds: [a.user.id] })).presence[0].status).to.equal('online');
  });

  it("a dead node's users go offline on the others within the sweep interval, unless connected elsewhere", async () => {
    const { node: C, redis: redisC } = await startNode();
    const [a, b, twoNodes] = [await person(), await person(), await person()];
    await makeContacts(cluster.db, [a.user.id, b.user.id, twoNodes.user.id]);
    const sb = await follow(await connect(cluster.B.url, b.token), a.user.id, twoNodes.user.id);
    const online = waitForEvent(sb, 'presence', about(a.user.id, 'online'));
    await settled(await connect(C.url, a.token));
    await settled(await connect(C.url, twoNodes.token));
    await settled(await connect(cluster.A.url, twoNodes.token));
    await online;

    // The crash: node C loses its Redis link abruptly; its sockets never disconnect cleanly.
    const started = Date.now();
    const offline = waitForEvent(sb, 'presence', about(a.user.id, 'offline'), 5000);
    const stillThere = expectNoEvent(sb, 'presence', about(twoNodes.user.id), 2500);
    redisC.cmd.destroy();
    await offline;
    expect(Date.now() - started).to.be.below(2500);
    await stillThere;
    const seen = (await emitAck(sb, 'presence:get', { userIds: [a.user.id, twoNodes.user.id] })).presence;
    expect(seen.map((p: Presence) => p.status)).to.deep.equal(['offline', 'online']);
  });

  it('disabling a user on node A disconnects their socket on node B', async () => {
    const admin = await person({ role: 'admin' });
    const target = await person();
    const sock = await settled(await connect(cluster.B.url, target.token));
    const dropped = new Promise<string>((resolve) => sock.once('disconnect', resolve));
    const res = await api(cluster.A.url, { token: admin.token }).patch(`/api/admin/users/${target.user.id}`, { disabled: true });
    expect(res.status).to.equal(200);
    expect(await dropped).to.equal('io server disconnect');
    await connect(cluster.B.url, target.token).then(
      () => expect.fail('a disabled user must not reconnect'),
      (err: Error) => expect(err.message).to.equal('unauthorized'),
    );
  });
});
