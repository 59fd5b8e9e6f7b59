import { expect } from 'chai';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { api } from '../helpers/http';
import { connect, emitAck, waitForEvent } from '../helpers/sockets';
import { addToGroup, createGroup } from '../helpers/groups';
import { useCluster } from '../helpers/cluster';
import { photo, uploadToChannel } from '../helpers/message-files';
import { testTmpRoot } from '../helpers/db';

describe('files and reactions on two nodes (one database, one Redis)', function () {
  // Nodes share their files' directory, as a deployment of several nodes does (docs/operations.md).
  const shared = path.join(testTmpRoot, `shared-${crypto.randomBytes(5).toString('hex')}`);
  fs.mkdirSync(shared, { recursive: true });
  const cluster = useCluster({ DATA_DIR: shared });
  const { person } = cluster;

  it('a file sent on node A shows on node B; after removal from the private group it is 404 on both nodes', async () => {
    const owner = await person({ role: 'animator' });
    const member = await person();
    const group = await createGroup(cluster.A.url, owner.token, { visibility: 'private' });
    await addToGroup(cluster.A.url, owner.token, group.id, member);
    const onB = await connect(cluster.B.url, member.token);
    const ownerOnA = await connect(cluster.A.url, owner.token);
    await emitAck(onB, 'presence:get', { userIds: [] });

    const up = (await uploadToChannel(cluster.A.url, owner.token, group.channelId, await photo(), 'plan.png')).body;
    const got = waitForEvent(onB, 'message:new', (m) => m.channelId === group.channelId);
    await emitAck(ownerOnA, 'message:send', {
      channelId: group.channelId,
      body: 'Le plan',
      clientMsgId: crypto.randomUUID(),
      fileIds: [up.id],
    });
    const live = await got;
    expect(live.files[0]!.thumbnailUrl).to.equal(up.thumbnailUrl);
    for (const node of [cluster.A, cluster.B])
      expect((await api(node.url, { token: member.token }).get(up.thumbnailUrl)).status).to.equal(200);

    const removed = waitForEvent(onB, 'channel:removed', (c) => c.id === group.channelId);
    expect((await api(cluster.A.url, { token: owner.token }).delete(`/api/groups/${group.id}/members/${member.user.id}`)).status).to.equal(
      204,
    );
    await removed;
    for (const node of [cluster.A, cluster.B]) {
      const as = api(node.url, { token: member.token });
      expect((await as.get(up.url)).status).to.equal(404);
      expect((await as.get(up.thumbnailUrl)).status).to.equal(404);
    }
    expect((await api(cluster.B.url, { token: owner.token }).get(up.url)).status).to.equal(200);
  });

  it('reactions reach the other node through the Redis adapter, and concurrent toggles on both nodes store one row each', async () => {
    const owner = await person({ role: 'animator' });
    const member = await person();
    const group = await createGroup(cluster.A.url, owner.token, { visibility: 'public' });
    await addToGroup(cluster.A.url, owner.token, group.id, member);
    const ownerOnA = await connect(cluster.A.url, owner.token);
    const memberOnB = await connect(cluster.B.url, member.token);
    const memberOnA = await connect(cluster.A.url, member.token);
    await emitAck(memberOnB, 'presence:get', { userIds: [] });
    const { message } = await emitAck(ownerOnA, 'message:send', {
      channelId: group.channelId,
      body: 'On vote ?',
      clientMsgId: crypto.randomUUID(),
    });

    const seenOnA = waitForEvent(ownerOnA, 'message:reactions', (e) => e.messageId === message.id && e.reactions[0]?.count === 2);
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        emitAck(i % 2 ? memberOnA : memberOnB, 'reaction:toggle', { messageId: message.id, emoji: '👍', on: true }),
      ),
      emitAck(ownerOnA, 'reaction:toggle', { messageId: message.id, emoji: '👍', on: true }),
    ]);
    expect((await seenOnA).reactions[0]!.users.map((u) => u.id).sort()).to.deep.equal([owner.user.id, member.user.id].sort());
    expect(await cluster.db('message_reactions').where({ message_id: message.id })).to.have.length(2);
  });
});
