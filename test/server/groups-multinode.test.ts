import { expect } from 'chai';
import { api } from '../helpers/http';
import { connect, emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { createGroup } from '../helpers/groups';
import { useCluster } from '../helpers/cluster';

describe('groups on several nodes (one database, one Redis)', function () {
  const cluster = useCluster();
  const { person } = cluster;

  it('a removal decided on node A takes the member out of the group channel on node B at once', async () => {
    const owner = await person({ role: 'animator' });
    const member = await person();
    const group = await createGroup(cluster.A.url, owner.token, { visibility: 'public' });
    expect((await api(cluster.A.url, { token: member.token }).post(`/api/groups/${group.id}/join`)).status).to.equal(200);

    const onB = await connect(cluster.B.url, member.token);
    const ownerOnA = await connect(cluster.A.url, owner.token);
    await emitAck(onB, 'presence:get', { userIds: [] });
    const first = waitForEvent(onB, 'message:new', (m) => m.channelId === group.channelId);
    await emitAck(ownerOnA, 'message:send', { channelId: group.channelId, body: 'Avant', clientMsgId: 'mn-before' });
    expect((await first).body).to.equal('Avant');

    const removed = waitForEvent(onB, 'channel:removed', (c) => c.id === group.channelId);
    expect((await api(cluster.A.url, { token: owner.token }).delete(`/api/groups/${group.id}/members/${member.user.id}`)).status).to.equal(
      204,
    );
    expect((await removed).joined).to.equal(false);
    const silent = expectNoEvent(onB, 'message:new', (m) => m.channelId === group.channelId);
    await emitAck(ownerOnA, 'message:send', { channelId: group.channelId, body: 'Après', clientMsgId: 'mn-after' });
    await silent;
  });

  it('an approval decided on node B puts the requester’s socket on node A in the room at once', async () => {
    const owner = await person({ role: 'animator' });
    const requester = await person();
    const group = await createGroup(cluster.B.url, owner.token, { visibility: 'moderated' });
    const onA = await connect(cluster.A.url, requester.token);
    const ownerOnB = await connect(cluster.B.url, owner.token);
    await emitAck(onA, 'presence:get', { userIds: [] });
    const notified = waitForEvent(ownerOnB, 'notification', (n) => n.kind === 'join_request');
    expect(
      (await api(cluster.A.url, { token: requester.token }).post(`/api/groups/${group.id}/join`, { motive: 'Animation locale' })).status,
    ).to.equal(202);
    await notified;

    const added = waitForEvent(onA, 'channel:added', (c) => c.id === group.channelId);
    const approved = waitForEvent(onA, 'notification', (n) => n.kind === 'join_approved');
    expect(
      (await api(cluster.B.url, { token: owner.token }).post(`/api/groups/${group.id}/requests/${requester.user.id}/approve`)).status,
    ).to.equal(200);
    await Promise.all([added, approved]);
    const got = waitForEvent(onA, 'message:new', (m) => m.channelId === group.channelId);
    await emitAck(ownerOnB, 'message:send', { channelId: group.channelId, body: 'Bienvenue', clientMsgId: 'mn-welcome' });
    expect((await got).body).to.equal('Bienvenue');
  });
});
