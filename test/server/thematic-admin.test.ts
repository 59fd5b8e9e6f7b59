import { expect } from 'chai';
import { api } from '../helpers/http';
import { emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { useCast, useServer } from '../helpers/suite';
import { person } from '../helpers/people';

describe('thematic channels managed by animators and admins', () => {
  const s = useServer();
  const cast = useCast(async () => ({
    animator: await person(s, { departmentCode: '75', role: 'animator', username: 'anim' }),
    admin: await person(s, { departmentCode: '13', role: 'admin', username: 'root' }),
    member: await person(s, { departmentCode: '69', username: 'alice' }),
    outsider: await person(s, { departmentCode: '33', username: 'outsider' }),
  }));
  const { animator, admin, member, outsider } = cast;
  let channelId = 0;

  it('POST /api/channels creates it (201), the creator is in it and gets channel:added', async () => {
    const added = waitForEvent(animator.socket, 'channel:added', (c) => c.name === 'Santé numérique');
    const res = await api(s.url, { token: animator.token }).post('/api/channels', {
      name: '  Santé numérique ',
      description: 'Télésanté, Mon espace santé.',
    });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({
      kind: 'thematic',
      name: 'Santé numérique',
      slug: 'theme-sante-numerique',
      joined: true,
      archived: false,
    });
    channelId = res.body.id;
    expect((await added).id).to.equal(channelId);
    const row = await s.db('channel_members').where({ channel_id: channelId, user_id: animator.user.id }).first();
    expect(row).to.not.equal(undefined);
  });

  it('PATCH renames: members get channel:updated, an outsider does not', async () => {
    expect((await emitAck(member.socket, 'channel:join', { channelId })).ok).to.equal(true);
    const got = waitForEvent(member.socket, 'channel:updated', (u) => u.id === channelId);
    const outsiderSaw = expectNoEvent(outsider.socket, 'channel:updated', (u) => u.id === channelId);
    const res = await api(s.url, { token: admin.token }).patch(`/api/channels/${channelId}`, { name: 'Santé en ligne', description: null });
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ id: channelId, name: 'Santé en ligne', description: null });
    expect(await got).to.deep.equal({ id: channelId, name: 'Santé en ligne', description: null, archived: false, archivedAt: null });
    await outsiderSaw;
    expect((await s.db('channels').where({ id: channelId }).first()).name).to.equal('Santé en ligne');
  });

  it('archiving makes it read-only: message:send and channel:join answer channel_archived', async () => {
    const got = waitForEvent(member.socket, 'channel:updated', (u) => u.id === channelId && u.archived);
    const res = await api(s.url, { token: animator.token }).patch(`/api/channels/${channelId}`, { archived: true });
    expect(res.status).to.equal(200);
    expect(res.body.archived).to.equal(true);
    expect(res.body.archivedAt).to.be.a('string');
    expect((await got).archivedAt).to.equal(res.body.archivedAt);
    const send = await emitAck(member.socket, 'message:send', { channelId, body: 'Encore là ?', clientMsgId: 'arch-1' });
    expect(send).to.deep.include({ ok: false });
    expect(send.error.code).to.equal('channel_archived');
    const join = await emitAck(admin.socket, 'channel:join', { channelId });
    expect(join.ok).to.equal(false);
    expect(join.error.code).to.equal('channel_archived');
    // To a member who is not in it, an archived channel looks like any channel they cannot see.
    expect((await emitAck(outsider.socket, 'channel:join', { channelId })).error.code).to.equal('not_found');
    expect(await s.db('messages').where({ channel_id: channelId })).to.have.length(0);
  });

  it('GET /api/channels/thematic lists archived ones too, with memberCount; members do not see them', async () => {
    const res = await api(s.url, { token: admin.token }).get('/api/channels/thematic');
    expect(res.status).to.equal(200);
    const mine = res.body.find((c: any) => c.id === channelId);
    expect(mine).to.include({ kind: 'thematic', name: 'Santé en ligne', archived: true, memberCount: 2, joined: false });
    expect(mine.archivedAt).to.be.a('string');
    expect(res.body.every((c: any) => c.kind === 'thematic')).to.equal(true);
    expect(res.body.find((c: any) => c.slug === 'theme-education')).to.include({ archived: false, memberCount: 0 });
    const outsiderList = await api(s.url, { token: outsider.token }).get('/api/channels');
    expect(outsiderList.body.map((c: any) => c.id)).to.not.include(channelId);
  });

  it('restoring reopens it', async () => {
    const got = waitForEvent(member.socket, 'channel:updated', (u) => u.id === channelId && !u.archived);
    const res = await api(s.url, { token: animator.token }).patch(`/api/channels/${channelId}`, { archived: false });
    expect(res.body).to.include({ archived: false, archivedAt: null });
    await got;
    const send = await emitAck(member.socket, 'message:send', { channelId, body: 'De retour', clientMsgId: 'arch-2' });
    expect(send.ok).to.equal(true);
    expect((await emitAck(outsider.socket, 'channel:join', { channelId })).ok).to.equal(true);
  });

  it('members get 403 on POST, PATCH and GET thematic', async () => {
    const as = api(s.url, { token: member.token });
    const post = await as.post('/api/channels', { name: 'Mon salon' });
    expect(post.status).to.equal(403);
    expect(post.body.error.code).to.equal('forbidden');
    expect((await as.patch(`/api/channels/${channelId}`, { name: 'Piraté' })).status).to.equal(403);
    expect((await as.get('/api/channels/thematic')).status).to.equal(403);
    expect((await s.db('channels').where({ id: channelId }).first()).name).to.equal('Santé en ligne');
  });

  it('answers 401 without a session', async () => {
    const anon = api(s.url);
    for (const res of [
      await anon.post('/api/channels', { name: 'X salon' }),
      await anon.patch(`/api/channels/${channelId}`, { name: 'Y salon' }),
      await anon.get('/api/channels/thematic'),
    ]) {
      expect(res.status).to.equal(401);
      expect(res.body.error.code).to.equal('unauthorized');
    }
  });

  it('rejects bad input with invalid_payload', async () => {
    const as = api(s.url, { token: animator.token });
    for (const res of [
      await as.post('/api/channels', { name: 'x' }),
      await as.post('/api/channels', {}),
      await as.post('/api/channels', { name: 'a'.repeat(81) }),
      await as.patch(`/api/channels/${channelId}`, { archived: 'yes' }),
      await as.patch(`/api/channels/${channelId}`, { kind: 'national' }),
      await as.patch('/api/channels/abc', { name: 'Valide' }),
    ]) {
      expect(res.status).to.equal(400);
      expect(res.body.error.code).to.equal('invalid_payload');
    }
  });

  it('answers 404 for an unknown id or a channel that is not thematic', async () => {
    const as = api(s.url, { token: animator.token });
    const res = await as.patch('/api/channels/999999', { name: 'Inconnu' });
    expect(res.status).to.equal(404);
    expect(res.body.error.code).to.equal('not_found');
    const general = (await s.db('channels').where({ slug: 'general' }).first()).id;
    expect((await as.patch(`/api/channels/${general}`, { name: 'Renommé' })).status).to.equal(404);
  });
});
