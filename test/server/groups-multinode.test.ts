import crypto from 'node:crypto';
import { expect } from 'chai';
import { startServer, type TestServer } from '../helpers/server';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { api } from '../helpers/http';
import { needRedis, REDIS_URL } from '../helpers/services';
import { makeUserWithToken, type UserOverrides } from '../helpers/factories';
import { uniqueDepartment } from '../helpers/contacts';
import { closeAll, connect, emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { createGroup } from '../helpers/groups';
import { closeRedis, connectRedis, type RedisPair } from '../../server/redis';

describe('groups on several nodes (one database, one Redis)', function () {
  const prefix = `maillage-test-${crypto.randomBytes(4).toString('hex')}:`;
  let database: TestDatabase | undefined;
  const pairs: RedisPair[] = [];
  const nodes: TestServer[] = [];
  let A: TestServer;
  let B: TestServer;

  async function startNode(): Promise<TestServer> {
    const redis = await connectRedis(REDIS_URL);
    pairs.push(redis);
    const node = await startServer({ database, redis, env: { REDIS_PREFIX: prefix } });
    nodes.push(node);
    return node;
  }
  const person = (o: UserOverrides = {}) => makeUserWithToken(database!.db, { departmentCode: uniqueDepartment(), ...o });

  before(async function () {
    await needRedis(this);
    database = await freshDatabase();
    A = await startNode();
    B = await startNode();
  });
  afterEach(() => closeAll());
  after(async () => {
    closeAll();
    for (const n of nodes) await n.close().catch(() => {});
    if (pairs[0]?.cmd.isReady) {
      const keys: string[] = [];
      for await (const batch of pairs[0].cmd.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
      if (keys.length) await pairs[0].cmd.del(keys);
    }
    for (const p of pairs) await closeRedis(p);
    await database?.drop();
  });

  it('a removal decided on node A takes the member out of the group channel on node B at once', async () => {
    const owner = await person({ role: 'animator' });
    const member = await person();
    const group = await createGroup(A.url, owner.token, { visibility: 'public' });
    expect((await api(A.url, { token: member.token }).post(`/api/groups/${group.id}/join`)).status).to.equal(200);

    const onB = await connect(B.url, member.token);
    const ownerOnA = await connect(A.url, owner.token);
    await emitAck(onB, 'presence:get', { userIds: [] });
    const first = waitForEvent(onB, 'message:new', (m) => m.channelId === group.channelId);
    await emitAck(ownerOnA, 'message:send', { channelId: group.channelId, body: 'Avant', clientMsgId: 'mn-before' });
    expect((await first).body).to.equal('Avant');

    const removed = waitForEvent(onB, 'channel:removed', (c) => c.id === group.channelId);
    expect((await api(A.url, { token: owner.token }).delete(`/api/groups/${group.id}/members/${member.user.id}`)).status).to.equal(204);
    expect((await removed).joined).to.equal(false);
    const silent = expectNoEvent(onB, 'message:new', (m) => m.channelId === group.channelId);
    await emitAck(ownerOnA, 'message:send', { channelId: group.channelId, body: 'Après', clientMsgId: 'mn-after' });
    await silent;
  });

  it('an approval decided on node B puts the requester’s socket on node A in the room at once', async () => {
    const owner = await person({ role: 'animator' });
    const requester = await person();
    const group = await createGroup(B.url, owner.token, { visibility: 'moderated' });
    const onA = await connect(A.url, requester.token);
    const ownerOnB = await connect(B.url, owner.token);
    await emitAck(onA, 'presence:get', { userIds: [] });
    const notified = waitForEvent(ownerOnB, 'notification', (n) => n.kind === 'join_request');
    expect((await api(A.url, { token: requester.token }).post(`/api/groups/${group.id}/join`, { motive: 'Animation locale' })).status).to.equal(202);
    await notified;

    const added = waitForEvent(onA, 'channel:added', (c) => c.id === group.channelId);
    const approved = waitForEvent(onA, 'notification', (n) => n.kind === 'join_approved');
    expect((await api(B.url, { token: owner.token }).post(`/api/groups/${group.id}/requests/${requester.user.id}/approve`)).status).to.equal(200);
    await Promise.all([added, approved]);
    const got = waitForEvent(onA, 'message:new', (m) => m.channelId === group.channelId);
    await emitAck(ownerOnB, 'message:send', { channelId: group.channelId, body: 'Bienvenue', clientMsgId: 'mn-welcome' });
    expect((await got).body).to.equal('Bienvenue');
  });
});
