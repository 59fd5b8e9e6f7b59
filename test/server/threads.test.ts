import { expect } from 'chai';
import crypto from 'node:crypto';
import { emitAck, emitRaw, waitForEvent } from '../helpers/sockets';
import { useServer } from '../helpers/suite';
import { peopleOn } from '../helpers/people';
import { addToGroup, createGroup } from '../helpers/groups';

describe('threads: replies, summaries under the root, "Fils suivis" with unread replies', () => {
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  const { person, as } = peopleOn(s);
  const id = () => crypto.randomUUID();

  it('a reply kept in the thread, one also sent to the channel; counts, repliers, follows and unread replies', async () => {
    const anim = await person({ role: 'animator', firstName: 'Anne', lastName: 'Anim' });
    const rose = await person({ firstName: 'Rose', lastName: 'Blanc' });
    const paul = await person({ firstName: 'Paul', lastName: 'Noir' });
    const outsider = await person();
    const group = await createGroup(s.url, anim.token, { visibility: 'private' });
    for (const p of [rose, paul]) await addToGroup(s.url, anim.token, group.id, p);
    const { message: root } = await emitAck(rose.socket, 'message:send', {
      channelId: group.channelId,
      body: 'Qui vient ?',
      clientMsgId: id(),
    });

    const live = waitForEvent(paul.socket, 'message:new', (m) => m.replyToId === root.id);
    const r1 = await emitAck(anim.socket, 'message:send', {
      channelId: group.channelId,
      body: 'Moi',
      clientMsgId: id(),
      replyToId: root.id,
      threadOnly: true,
    });
    expect(r1.message.threadOnly).to.equal(true);
    expect((await live).threadOnly).to.equal(true);
    await emitAck(paul.socket, 'message:send', { channelId: group.channelId, body: 'Moi aussi', clientMsgId: id(), replyToId: root.id });

    const thread = (await as(rose).get(`/api/messages/${root.id}/thread`)).body;
    expect(thread.replies.map((m: any) => [m.body, m.threadOnly])).to.deep.equal([
      ['Moi', true],
      ['Moi aussi', false],
    ]);
    expect(thread.following).to.equal(true);
    expect(thread.root.thread).to.deep.include({ replyCount: 2 });
    expect(thread.root.thread.lastRepliers.map((p: any) => p.displayName)).to.deep.equal(['Paul Noir', 'Anne Anim']);
    const history = (await as(rose).get(`/api/channels/${group.channelId}/messages`)).body;
    expect(history.find((m: any) => m.id === root.id).thread.replyCount).to.equal(2);

    // Rose (the root's author) follows it with 2 unread replies; Paul (a replier) read up to his own reply.
    const roseThreads = (await as(rose).get('/api/threads')).body.items;
    expect(roseThreads.map((t: any) => [t.root.id, t.replyCount, t.unreadReplies])).to.deep.equal([[root.id, 2, 2]]);
    const paulThreads = (await as(paul).get('/api/threads')).body.items;
    expect(paulThreads.map((t: any) => t.unreadReplies)).to.deep.equal([0]);
    await emitAck(rose.socket, 'thread:read', { messageId: root.id });
    expect((await as(rose).get('/api/threads')).body.items[0].unreadReplies).to.equal(0);
    await emitAck(anim.socket, 'message:send', {
      channelId: group.channelId,
      body: 'Je confirme',
      clientMsgId: id(),
      replyToId: root.id,
      threadOnly: true,
    });
    expect((await as(rose).get('/api/threads')).body.items[0].unreadReplies).to.equal(1);

    // Stop following: gone from the list; an outsider gets 404 everywhere.
    expect((await emitAck(rose.socket, 'thread:follow', { messageId: root.id, follow: false })).following).to.equal(false);
    expect((await as(rose).get('/api/threads')).body.items).to.deep.equal([]);
    expect((await as(outsider).get(`/api/messages/${root.id}/thread`)).status).to.equal(404);
    expect((await emitRaw(outsider.socket, 'thread:follow', { messageId: root.id, follow: true })).error.code).to.equal('not_found');
    // Removed from the group: the thread leaves Paul's list.
    expect((await as(anim).delete(`/api/groups/${group.id}/members/${paul.user.id}`)).status).to.equal(204);
    expect((await as(paul).get('/api/threads')).body.items).to.deep.equal([]);
    // A thread-only message needs the message it answers.
    const bad = await emitRaw(rose.socket, 'message:send', { channelId: group.channelId, body: 'x', clientMsgId: id(), threadOnly: true });
    expect(bad.error.code).to.equal('invalid_payload');
  });
});
