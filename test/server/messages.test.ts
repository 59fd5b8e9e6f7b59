import { expect } from 'chai';
import { api } from '../helpers/http';
import { connect, emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { useCast, useServer } from '../helpers/suite';
import { hubCast } from '../helpers/hub';
import { makeUserWithToken } from '../helpers/factories';

describe('hub: channels and messages', () => {
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  const { alice, bob, outsider, animator, thematic, general } = useCast(() => hubCast(s));

  it('lists my channels: national, Annonces, my département, thematic ones to join', async () => {
    const res = await api(s.url, { token: alice.token }).get('/api/channels');
    expect(res.status).to.equal(200);
    const bySlug = Object.fromEntries(res.body.map((c: any) => [c.slug, c]));
    expect(bySlug.general).to.include({ kind: 'national', joined: true, announce: false });
    expect(bySlug.annonces).to.include({ kind: 'national', joined: true, announce: true });
    expect(bySlug['dep-69']).to.include({ kind: 'departmental', joined: true, departmentCode: '69' });
    expect(bySlug['dep-33']).to.equal(undefined);
    expect(bySlug['theme-education']).to.include({ kind: 'thematic', joined: false });
    expect(bySlug['theme-veille']).to.include({ joined: true });
    expect((await api(s.url).get('/api/channels')).status).to.equal(401);
  });

  it('message:send acks after commit, stores the row, reaches members and not outsiders', async () => {
    const bobGot = waitForEvent(bob.socket, 'message:new', (m) => m.channelId === thematic.id);
    const outsiderSaw = expectNoEvent(outsider.socket, 'message:new', (m) => m.channelId === thematic.id);
    const ack = await emitAck(alice.socket, 'message:send', { channelId: thematic.id, body: 'Bonjour à tous', clientMsgId: 'c-1' });
    expect(ack.ok).to.equal(true);
    expect(ack.message).to.include({ channelId: thematic.id, seq: 1, body: 'Bonjour à tous', clientMsgId: 'c-1', deletedAt: null });
    expect(ack.message.author).to.deep.include({ id: alice.user.id, username: 'alice' });
    const row = await s.db('messages').where({ id: ack.message.id }).first();
    expect(row.body).to.equal('Bonjour à tous');
    expect((await bobGot).id).to.equal(ack.message.id);
    await outsiderSaw;
  });

  it('is idempotent on (author, clientMsgId): a resend returns the stored message and broadcasts nothing', async () => {
    const bobGotFirst = waitForEvent(bob.socket, 'message:new', (m) => m.clientMsgId === 'same-id');
    const first = await emitAck(alice.socket, 'message:send', { channelId: thematic.id, body: 'Une fois', clientMsgId: 'same-id' });
    // The first broadcast may reach Bob after Alice's ack: wait for it before watching for a second one.
    await bobGotFirst;
    const noDup = expectNoEvent(bob.socket, 'message:new', (m) => m.clientMsgId === 'same-id');
    const again = await emitAck(alice.socket, 'message:send', { channelId: thematic.id, body: 'Une fois', clientMsgId: 'same-id' });
    expect(again.message.id).to.equal(first.message.id);
    await noDup;
    expect(await s.db('messages').where({ client_msg_id: 'same-id' })).to.have.length(1);
  });

  it('gives 200 concurrent sends from two members contiguous seqs', async () => {
    const dep = (await s.db('channels').where({ slug: 'dep-69' }).first()).id;
    const sends = [];
    for (let i = 0; i < 100; i++) {
      sends.push(emitAck(alice.socket, 'message:send', { channelId: dep, body: `a${i}`, clientMsgId: `burst-a-${i}` }, 20000));
      sends.push(emitAck(bob.socket, 'message:send', { channelId: dep, body: `b${i}`, clientMsgId: `burst-b-${i}` }, 20000));
    }
    const acks = await Promise.all(sends);
    const limited = acks.filter((a) => !a.ok);
    expect(limited, JSON.stringify(limited[0])).to.have.length(0);
    const seqs = acks.map((a) => a.message.seq).sort((x, y) => x - y);
    expect(seqs).to.deep.equal(Array.from({ length: 200 }, (_, i) => i + 1));
    const rows = await s.db('messages').where({ channel_id: dep }).orderBy('seq');
    expect(rows.map((r: any) => r.seq)).to.deep.equal(seqs);
  }).timeout(60000);

  it('catches up after a disconnect with channel:sync and REST history', async () => {
    bob.socket.close();
    const sent = [];
    for (let i = 0; i < 5; i++)
      sent.push(
        (await emitAck(alice.socket, 'message:send', { channelId: thematic.id, body: `pendant ${i}`, clientMsgId: `away-${i}` })).message,
      );
    bob.socket = await connect(s.url, bob.token);
    const sync = await emitAck(bob.socket, 'channel:sync', { channelId: thematic.id, afterSeq: sent[0].seq - 1, limit: 3 });
    expect(sync.ok).to.equal(true);
    expect(sync.messages.map((m: any) => m.body)).to.deep.equal(['pendant 0', 'pendant 1', 'pendant 2']);
    expect(sync.hasMore).to.equal(true);
    const hist = await api(s.url, { token: bob.token }).get(`/api/channels/${thematic.id}/messages?afterSeq=${sent[2].seq}`);
    expect(hist.body.map((m: any) => m.body)).to.deep.equal(['pendant 3', 'pendant 4']);
    const last2 = await api(s.url, { token: bob.token }).get(`/api/channels/${thematic.id}/messages?limit=2`);
    expect(last2.body.map((m: any) => m.seq)).to.deep.equal([sent[3].seq, sent[4].seq]);
    const before = await api(s.url, { token: bob.token }).get(`/api/channels/${thematic.id}/messages?beforeSeq=${sent[1].seq}&limit=1`);
    expect(before.body.map((m: any) => m.seq)).to.deep.equal([sent[0].seq]);
    const outsiderHist = await api(s.url, { token: outsider.token }).get(`/api/channels/${thematic.id}/messages`);
    expect(outsiderHist.status).to.equal(404);
    expect((await emitAck(outsider.socket, 'channel:sync', { channelId: thematic.id, afterSeq: 0 })).error.code).to.equal('not_found');
  });

  it('announce channel: only animators and admins post', async () => {
    const annonces = (await s.db('channels').where({ slug: 'annonces' }).first()).id;
    const denied = await emitAck(alice.socket, 'message:send', { channelId: annonces, body: 'Coucou', clientMsgId: 'ann-1' });
    expect(denied.ok).to.equal(false);
    expect(denied.error.code).to.equal('announce_only');
    const bobGot = waitForEvent(bob.socket, 'message:new', (m) => m.channelId === annonces);
    const ok = await emitAck(animator.socket, 'message:send', { channelId: annonces, body: 'Webinaire jeudi', clientMsgId: 'ann-2' });
    expect(ok.ok).to.equal(true);
    expect((await bobGot).body).to.equal('Webinaire jeudi');
  });

  it('pins: animators yes, members no; GET pins lists them newest first', async () => {
    const msg = (await emitAck(animator.socket, 'message:send', { channelId: general.id, body: 'À épingler', clientMsgId: 'pin-1' }))
      .message;
    const denied = await emitAck(alice.socket, 'message:pin', { messageId: msg.id });
    expect(denied.error.code).to.equal('forbidden');
    const aliceSees = waitForEvent(alice.socket, 'message:updated', (m) => m.id === msg.id && m.pinnedAt);
    const pinned = await emitAck(animator.socket, 'message:pin', { messageId: msg.id });
    expect(pinned.message.pinnedBy).to.equal(animator.user.id);
    await aliceSees;
    const list = await api(s.url, { token: alice.token }).get(`/api/channels/${general.id}/pins`);
    expect(list.body.map((m: any) => m.id)).to.deep.equal([msg.id]);
    await emitAck(animator.socket, 'message:unpin', { messageId: msg.id });
    expect((await api(s.url, { token: alice.token }).get(`/api/channels/${general.id}/pins`)).body).to.deep.equal([]);
  });

  it('edit by the author only; delete by author or animator keeps the seq with an empty body', async () => {
    const msg = (await emitAck(alice.socket, 'message:send', { channelId: thematic.id, body: 'Brouillon', clientMsgId: 'edit-1' })).message;
    expect((await emitAck(bob.socket, 'message:edit', { messageId: msg.id, body: 'Piraté' })).error.code).to.equal('forbidden');
    const bobSees = waitForEvent(bob.socket, 'message:updated', (m) => m.id === msg.id && m.editedAt);
    const edited = await emitAck(alice.socket, 'message:edit', { messageId: msg.id, body: 'Version finale' });
    expect(edited.message.body).to.equal('Version finale');
    await bobSees;
    expect((await emitAck(bob.socket, 'message:delete', { messageId: msg.id })).error.code).to.equal('forbidden');
    expect((await emitAck(outsider.socket, 'message:delete', { messageId: msg.id })).error.code).to.equal('not_found');
    expect((await emitAck(animator.socket, 'message:delete', { messageId: msg.id })).error.code).to.equal(
      'not_found',
      'animator is not in that channel',
    );
    const del = await emitAck(alice.socket, 'message:delete', { messageId: msg.id });
    expect(del.ok).to.equal(true);
    const row = await s.db('messages').where({ id: msg.id }).first();
    expect(row.body).to.equal('');
    expect(row.deleted_at).to.not.equal(null);
  });

  it('replies, mentions (event + unread count) and @channel reserved to animators', async () => {
    const parent = (await emitAck(bob.socket, 'message:send', { channelId: thematic.id, body: 'Question ?', clientMsgId: 'q-1' })).message;
    const mention = waitForEvent(bob.socket, 'mention');
    const unread = waitForEvent(bob.socket, 'unread', (u) => u.channelId === thematic.id && u.mentions > 0);
    const reply = await emitAck(alice.socket, 'message:send', {
      channelId: thematic.id,
      body: 'Réponse pour @bob.',
      clientMsgId: 'r-1',
      replyToId: parent.id,
    });
    expect(reply.message.replyToId).to.equal(parent.id);
    expect((await mention).message.id).to.equal(reply.message.id);
    expect(await unread).to.deep.equal({ channelId: thematic.id, unread: 1, mentions: 1 });
    const noAt = await emitAck(alice.socket, 'message:send', {
      channelId: thematic.id,
      body: '@channel tout le monde',
      clientMsgId: 'at-1',
    });
    expect(noAt.error.code).to.equal('mention_not_allowed');
    const badReply = await emitAck(alice.socket, 'message:send', {
      channelId: thematic.id,
      body: 'x',
      clientMsgId: 'r-2',
      replyToId: 999999,
    });
    expect(badReply.error.code).to.equal('invalid_reply');
  });

  it('read markers never move backwards and push unread to my sockets', async () => {
    const ch = (await api(s.url, { token: bob.token }).get('/api/channels')).body.find((c: any) => c.id === thematic.id);
    expect(ch.unread).to.be.greaterThan(0);
    const pushed = waitForEvent(bob.socket, 'unread', (u) => u.channelId === thematic.id && u.unread === 0);
    expect((await emitAck(bob.socket, 'channel:read', { channelId: thematic.id, seq: ch.lastSeq })).ok).to.equal(true);
    expect(await pushed).to.deep.equal({ channelId: thematic.id, unread: 0, mentions: 0 });
    await emitAck(bob.socket, 'channel:read', { channelId: thematic.id, seq: 1 });
    const row = await s.db('channel_members').where({ channel_id: thematic.id, user_id: bob.user.id }).first();
    expect(row.last_read_seq).to.equal(ch.lastSeq);
    expect((await emitAck(bob.socket, 'channel:favorite', { channelId: thematic.id, favorite: true })).ok).to.equal(true);
    const again = (await api(s.url, { token: bob.token }).get('/api/channels')).body.find((c: any) => c.id === thematic.id);
    expect(again).to.include({ unread: 0, favorite: true, lastReadSeq: ch.lastSeq });
  });

  it('typing goes to the other members only', async () => {
    const bobSees = waitForEvent(bob.socket, 'typing', (t) => t.channelId === thematic.id);
    const aliceSelf = expectNoEvent(alice.socket, 'typing');
    expect((await emitAck(alice.socket, 'typing', { channelId: thematic.id })).ok).to.equal(true);
    expect(await bobSees).to.deep.equal({ channelId: thematic.id, userId: alice.user.id });
    await aliceSelf;
  });
});

describe('hub: send rate limit', () => {
  const s = useServer();

  it('rate-limits sends per user with a clear ack', async () => {
    const u = await makeUserWithToken(s.db, { departmentCode: '69' });
    const spammer = { ...u, socket: await connect(s.url, u.token) };
    const generalId = (await s.db('channels').where({ slug: 'general' }).first()).id;
    const acks = [];
    for (let i = 0; i < 40; i++)
      acks.push(emitAck(spammer.socket, 'message:send', { channelId: generalId, body: `spam ${i}`, clientMsgId: `sp-${i}` }));
    const results = await Promise.all(acks);
    const limited = results.filter((a) => !a.ok);
    expect(limited.length).to.be.greaterThan(0);
    expect(limited[0].error.code).to.equal('rate_limited');
    expect(await s.db('messages').where({ author_id: spammer.user.id })).to.have.length(results.filter((a) => a.ok).length);
  });
});
