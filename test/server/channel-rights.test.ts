import { expect } from 'chai';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { connect, emitAck, emitRaw } from '../helpers/sockets';
import { createGroup } from '../helpers/groups';
import { useServer } from '../helpers/suite';

describe('channel rights shown to the client and enforced by the server', () => {
  const s = useServer();

  it("a group's owner may pin in its channel; a plain member may not; the channel list says so", async () => {
    const animator = await makeUserWithToken(s.db, { role: 'animator' });
    const owner = await makeUserWithToken(s.db);
    const member = await makeUserWithToken(s.db);
    const group = await createGroup(s.url, animator.token, { visibility: 'public' });
    await api(s.url, { token: owner.token }).post(`/api/groups/${group.id}/join`);
    await api(s.url, { token: member.token }).post(`/api/groups/${group.id}/join`);
    await s.db('group_members').where({ group_id: group.id, user_id: owner.user.id }).update({ role: 'admin' });

    const channelOf = async (token: string) =>
      (await api(s.url, { token }).get('/api/channels')).body.find((c: any) => c.groupId === group.id);
    expect(await channelOf(owner.token)).to.include({ canPin: true, canModerate: true });
    expect(await channelOf(member.token)).to.include({ canPin: false, canModerate: false });
    const general = (await api(s.url, { token: member.token }).get('/api/channels')).body.find((c: any) => c.slug === 'general');
    expect(general).to.include({ canPin: false });
    expect((await api(s.url, { token: animator.token }).get('/api/channels')).body.find((c: any) => c.slug === 'general')).to.include({
      canPin: true,
    });

    const channelId = (await channelOf(member.token)).id;
    const memberSocket = await connect(s.url, member.token);
    const ownerSocket = await connect(s.url, owner.token);
    const msg = (await emitAck(memberSocket, 'message:send', { channelId, body: 'Compte rendu', clientMsgId: 'cr-1' })).message;
    expect((await emitAck(memberSocket, 'message:pin', { messageId: msg.id })).error.code).to.equal('forbidden');
    expect((await emitAck(ownerSocket, 'message:pin', { messageId: msg.id })).ok).to.equal(true);
  });

  it('reading a channel up to a mention reads its notification, whatever client moved the marker', async () => {
    const a = await makeUserWithToken(s.db, { departmentCode: '971', username: 'lecteur.a' });
    const b = await makeUserWithToken(s.db, { departmentCode: '971', username: 'lecteur.b' });
    const dep = (await s.db('channels').where({ slug: 'dep-971' }).first()).id;
    const sa = await connect(s.url, a.token);
    const sb = await connect(s.url, b.token);
    const sent = (await emitAck(sa, 'message:send', { channelId: dep, body: 'Coucou @lecteur.b', clientMsgId: 'm-read' })).message;
    const unread = async () =>
      (await api(s.url, { token: b.token }).get('/api/notifications')).body.items.filter((n: any) => n.kind === 'mention' && !n.readAt);
    expect(await unread()).to.have.length(1);
    const pushed = new Promise<any>((resolve) => sb.once('notifications:read', resolve));
    expect((await emitAck(sb, 'channel:read', { channelId: dep, seq: sent.seq })).ok).to.equal(true);
    expect((await pushed).ids).to.have.length(1);
    expect(await unread()).to.have.length(0);
  });

  it('answers an unknown event with unknown_event, and the connection stays up', async () => {
    const u = await makeUserWithToken(s.db);
    const socket = await connect(s.url, u.token);
    const ack = await emitRaw(socket, 'nothing:here', { x: 1 });
    expect(ack).to.deep.include({ ok: false });
    expect(ack.error.code).to.equal('unknown_event');
    expect((await emitAck(socket, 'presence:set', { status: 'away' })).ok).to.equal(true);
  });
});
