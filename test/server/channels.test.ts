import { expect } from 'chai';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { io } from 'socket.io-client';
import { connect, emitAck, emitRaw, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { useCast, useServer } from '../helpers/suite';
import { hubCast } from '../helpers/hub';
import { person } from '../helpers/people';

describe('hub: channel membership, direct messages and connections', () => {
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  const { alice, bob, outsider, animator, thematic, general } = useCast(() => hubCast(s));

  it('join and leave a thematic channel move the room at once; automatic channels cannot be left', async () => {
    const edu = (await s.db('channels').where({ slug: 'theme-education' }).first()).id;
    const added = waitForEvent(outsider.socket, 'channel:added', (c) => c.id === edu);
    const joined = await emitAck(outsider.socket, 'channel:join', { channelId: edu });
    expect(joined.channel).to.include({ id: edu, joined: true });
    await added;
    const gets = waitForEvent(outsider.socket, 'message:new', (m) => m.channelId === edu);
    await emitAck(animator.socket, 'channel:join', { channelId: edu });
    await emitAck(animator.socket, 'message:send', { channelId: edu, body: 'Bienvenue', clientMsgId: 'edu-1' });
    await gets;
    const left = await emitAck(outsider.socket, 'channel:leave', { channelId: edu });
    expect(left.channel.joined).to.equal(false);
    const silent = expectNoEvent(outsider.socket, 'message:new', (m) => m.channelId === edu);
    await emitAck(animator.socket, 'message:send', { channelId: edu, body: 'Après', clientMsgId: 'edu-2' });
    await silent;
    const national = await emitAck(outsider.socket, 'channel:leave', { channelId: general.id });
    expect(national.error.code).to.equal('cannot_leave');
    const dep = (await s.db('channels').where({ slug: 'dep-69' }).first()).id;
    expect((await emitAck(outsider.socket, 'channel:join', { channelId: dep })).error.code).to.equal('not_found');
  });

  it('moves département channels live when the profile changes', async () => {
    const dep33 = (await s.db('channels').where({ slug: 'dep-33' }).first()).id;
    const dep69 = (await s.db('channels').where({ slug: 'dep-69' }).first()).id;
    const removed = waitForEvent(alice.socket, 'channel:removed', (c) => c.id === dep69);
    const added = waitForEvent(alice.socket, 'channel:added', (c) => c.id === dep33);
    const res = await api(s.url, { token: alice.token }).patch('/api/me', { departmentCode: '33' });
    expect(res.status).to.equal(200);
    await removed;
    await added;
    const gets33 = waitForEvent(alice.socket, 'message:new', (m) => m.channelId === dep33);
    const not69 = expectNoEvent(alice.socket, 'message:new', (m) => m.channelId === dep69);
    await emitAck(outsider.socket, 'message:send', { channelId: dep33, body: 'Bienvenue en Gironde', clientMsgId: 'g-1' });
    await emitAck(bob.socket, 'message:send', { channelId: dep69, body: 'Rhône', clientMsgId: 'rh-1' });
    await gets33;
    await not69;
  });

  it('direct messages between contacts and towards animators; not to strangers', async () => {
    const opened = await emitAck(alice.socket, 'dm:open', { userId: outsider.user.id });
    expect(opened.ok).to.equal(true, 'alice and outsider now share dep-33');
    expect(opened.channel).to.include({ kind: 'direct', joined: true });
    expect(opened.channel.peer?.id).to.equal(outsider.user.id);
    const again = await emitAck(outsider.socket, 'dm:open', { userId: alice.user.id });
    expect(again.channel.id).to.equal(opened.channel.id);
    const gets = waitForEvent(outsider.socket, 'message:new', (m) => m.channelId === opened.channel.id);
    const bobNot = expectNoEvent(bob.socket, 'message:new', (m) => m.channelId === opened.channel.id);
    await emitAck(alice.socket, 'message:send', { channelId: opened.channel.id, body: 'Salut', clientMsgId: 'dm-1' });
    await gets;
    await bobNot;
    const stranger = await person(s, { departmentCode: '13' });
    expect((await emitAck(stranger.socket, 'dm:open', { userId: bob.user.id })).error.code).to.equal('forbidden');
    expect((await emitAck(stranger.socket, 'dm:open', { userId: animator.user.id })).ok).to.equal(true);
    expect((await emitAck(stranger.socket, 'dm:open', { userId: 987654 })).error.code).to.equal('not_found');
  });

  it('answers every bad payload with invalid_payload and stays connected', async () => {
    const bad: [string, unknown][] = [
      ['message:send', null],
      ['message:send', 'texte'],
      ['message:send', { channelId: 'x', body: 'a', clientMsgId: 'z' }],
      ['message:send', { channelId: thematic.id, body: '', clientMsgId: 'z' }],
      ['message:send', { channelId: thematic.id, body: '   ', clientMsgId: 'z' }],
      ['message:send', { channelId: thematic.id, body: 'x'.repeat(10_001), clientMsgId: 'z' }],
      ['message:send', { channelId: thematic.id, body: 'ok', clientMsgId: 'z'.repeat(65) }],
      ['message:send', { channelId: thematic.id, body: { $gt: '' }, clientMsgId: 'z' }],
      ['message:edit', { messageId: -1, body: 'x' }],
      ['message:pin', {}],
      ['channel:sync', { channelId: thematic.id, afterSeq: -5 }],
      ['channel:read', { channelId: thematic.id, seq: 'beaucoup' }],
      ['channel:favorite', { channelId: thematic.id, favorite: 'oui' }],
      ['typing', []],
      ['dm:open', { userId: 1.5 }],
      ['channel:join', undefined],
    ];
    for (const [event, payload] of bad) {
      const ack = await emitRaw(alice.socket, event, payload);
      expect(ack.ok, `${event} ${JSON.stringify(payload)?.slice(0, 60)}`).to.equal(false);
      expect(ack.error.code, event).to.equal('invalid_payload');
      expect(ack.error.message).to.be.a('string');
    }
    expect(alice.socket.connected).to.equal(true);
    expect((await emitAck(alice.socket, 'channel:sync', { channelId: thematic.id, afterSeq: 0, limit: 1 })).ok).to.equal(true);
  });

  it('refuses sockets without a session or from a foreign origin', async () => {
    let err: Error | null = null;
    await connect(s.url, 'not-a-token').catch((e) => (err = e));
    expect(err!.message).to.equal('unauthorized');
    const foreign = io(s.url, {
      auth: { token: alice.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: 'https://evil.example' },
    });
    const refused = await new Promise((resolve) => {
      foreign.once('connect', () => resolve(false));
      foreign.once('connect_error', () => resolve(true));
    });
    foreign.close();
    expect(refused).to.equal(true);
  });

  it('logout and disabling stop delivery to every socket of the user', async () => {
    const victim = await person(s, { departmentCode: '69' });
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const dropped = new Promise((resolve) => victim.socket.once('disconnect', resolve));
    await api(s.url, { token: admin.token }).patch(`/api/admin/users/${victim.user.id}`, { disabled: true });
    await dropped;
    let err: Error | null = null;
    await connect(s.url, victim.token).catch((e) => (err = e));
    expect(err!.message).to.equal('unauthorized');
    const leaver = await person(s, { departmentCode: '69' });
    const gone = new Promise((resolve) => leaver.socket.once('disconnect', resolve));
    await api(s.url, { token: leaver.token }).post('/api/auth/logout');
    await gone;
  });
});
