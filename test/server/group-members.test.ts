import { expect } from 'chai';
import { api } from '../helpers/http';
import { emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { addToGroup, createGroup, groupsCast } from '../helpers/groups';
import { useCast, useServer } from '../helpers/suite';
import { peopleOn } from '../helpers/people';

describe('groups: members, roles, the group channel, editing', () => {
  const s = useServer();
  const { as } = peopleOn(s);
  const { anim, alice, bob, outsider } = useCast(() => groupsCast(s));

  describe('members and roles', () => {
    it('lists members for members only; managers see who is invited', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, g.id, alice);
      const res = await as(alice).get(`/api/groups/${g.id}/members`);
      expect(res.status).to.equal(200);
      expect(res.body.items.map((m: any) => [m.user.id, m.role])).to.deep.equal([
        [anim.user.id, 'owner'],
        [alice.user.id, 'member'],
      ]);
      expect(res.body.items[0].user).to.not.have.property('email');
      expect((await as(bob).get(`/api/groups/${g.id}/members`)).status).to.equal(403);
      await as(anim).post(`/api/groups/${g.id}/invitations`, { userId: bob.user.id });
      expect((await as(anim).get(`/api/groups/${g.id}/members?status=invited`)).body.items.map((m: any) => m.user.id)).to.deep.equal([
        bob.user.id,
      ]);
      expect((await as(alice).get(`/api/groups/${g.id}/members?status=invited`)).body.items.map((m: any) => m.user.id)).to.not.include(
        bob.user.id,
      );
      expect((await api(s.url).get(`/api/groups/${g.id}/members`)).status).to.equal(401);
    });

    it('removal takes a member out of the channel live; leaving; a group always keeps an owner', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, g.id, alice);
      await addToGroup(s.url, anim.token, g.id, bob);
      expect((await as(alice).delete(`/api/groups/${g.id}/members/${bob.user.id}`)).status).to.equal(403);

      const removed = waitForEvent(bob.socket, 'channel:removed', (c) => c.id === g.channelId);
      expect((await as(anim).delete(`/api/groups/${g.id}/members/${bob.user.id}`)).status).to.equal(204);
      await removed;
      const silent = expectNoEvent(bob.socket, 'message:new', (m) => m.channelId === g.channelId);
      await emitAck(anim.socket, 'message:send', { channelId: g.channelId, body: 'Après le départ de Bob', clientMsgId: `after-${g.id}` });
      await silent;
      expect(await s.db('channel_members').where({ channel_id: g.channelId, user_id: bob.user.id }).first()).to.equal(undefined);

      const last = await as(anim).delete(`/api/groups/${g.id}/members/me`);
      expect(last.status).to.equal(422);
      expect(last.body.error.code).to.equal('last_owner');
      expect((await as(alice).patch(`/api/groups/${g.id}/members/${alice.user.id}`, { role: 'owner' })).status).to.equal(403);
      expect((await as(anim).patch(`/api/groups/${g.id}/members/${alice.user.id}`, { role: 'boss' })).status).to.equal(400);
      expect((await as(anim).patch(`/api/groups/${g.id}/members/${anim.user.id}`, { role: 'member' })).body.error.code).to.equal(
        'last_owner',
      );
      expect((await as(anim).patch(`/api/groups/${g.id}/members/${alice.user.id}`, { role: 'owner' })).body).to.deep.equal({
        userId: alice.user.id,
        role: 'owner',
      });
      const left = waitForEvent(anim.socket, 'channel:removed', (c) => c.id === g.channelId);
      expect((await as(anim).delete(`/api/groups/${g.id}/members/me`)).status).to.equal(204);
      await left;
      expect((await as(alice).get(`/api/groups/${g.id}`)).body).to.include({ memberCount: 1, myRole: 'owner' });
    });

    it('group admins moderate their channel: they delete others’ messages there', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, g.id, alice);
      await addToGroup(s.url, anim.token, g.id, bob);
      const msg = await emitAck(bob.socket, 'message:send', { channelId: g.channelId, body: 'Hors sujet', clientMsgId: `ot-${g.id}` });
      expect((await emitAck(alice.socket, 'message:delete', { messageId: msg.message.id })).ok).to.equal(false);
      await as(anim).patch(`/api/groups/${g.id}/members/${alice.user.id}`, { role: 'admin' });
      expect((await emitAck(alice.socket, 'message:delete', { messageId: msg.message.id })).ok).to.equal(true);
    });
  });

  describe('the group channel and the hub', () => {
    it('channel:join on a public group channel joins the group; channel:leave leaves it', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      const ack = await emitAck(outsider.socket, 'channel:join', { channelId: g.channelId });
      expect(ack.ok).to.equal(true);
      expect(ack.channel).to.include({ id: g.channelId, joined: true, groupId: g.id });
      expect(await s.db('group_members').where({ group_id: g.id, user_id: outsider.user.id }).first()).to.include({ status: 'member' });
      const left = await emitAck(outsider.socket, 'channel:leave', { channelId: g.channelId });
      expect(left.ok).to.equal(true);
      expect(await s.db('group_members').where({ group_id: g.id, user_id: outsider.user.id }).first()).to.equal(undefined);
    });

    it('channel:join on a moderated group channel asks for a request; on a private one it is not found', async () => {
      const mod = await createGroup(s.url, anim.token, { visibility: 'moderated' });
      const priv = await createGroup(s.url, anim.token, { visibility: 'private' });
      expect((await emitAck(outsider.socket, 'channel:join', { channelId: mod.channelId })).error.code).to.equal('moderated_group');
      expect((await emitAck(outsider.socket, 'channel:join', { channelId: priv.channelId })).error.code).to.equal('not_found');
      expect((await emitAck(anim.socket, 'channel:leave', { channelId: priv.channelId })).error.code).to.equal('cannot_leave');
    });
  });

  describe('editing and deleting', () => {
    it('owners rename a group (its channel follows) and delete it (members leave its room)', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public', name: 'Ancien nom' });
      await addToGroup(s.url, anim.token, g.id, alice);
      expect((await as(alice).patch(`/api/groups/${g.id}`, { name: 'Nouveau' })).status).to.equal(403);
      const updated = waitForEvent(alice.socket, 'channel:updated', (c) => c.id === g.channelId);
      const res = await as(anim).patch(`/api/groups/${g.id}`, { name: 'Nouveau nom', visibility: 'moderated' });
      expect(res.body).to.include({ name: 'Nouveau nom', visibility: 'moderated' });
      expect((await updated).name).to.equal('Nouveau nom');
      expect((await as(anim).patch(`/api/groups/${g.id}`, { colour: 'bleu' })).status).to.equal(400);

      expect((await as(alice).delete(`/api/groups/${g.id}`)).status).to.equal(403);
      const removed = waitForEvent(alice.socket, 'channel:removed', (c) => c.id === g.channelId);
      expect((await as(anim).delete(`/api/groups/${g.id}`)).status).to.equal(204);
      await removed;
      expect((await as(anim).get(`/api/groups/${g.id}`)).status).to.equal(404);
      expect(await s.db('channels').where({ id: g.channelId }).first()).to.equal(undefined);
    });
  });
});
