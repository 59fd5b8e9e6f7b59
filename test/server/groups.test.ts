import { expect } from 'chai';
import { withAntiRobot } from '../helpers/anti-robot';
import { api } from '../helpers/http';
import { uniqueDepartment } from '../helpers/contacts';
import { emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { addToGroup, createGroup, groupsCast } from '../helpers/groups';
import { lastMailTo } from '../helpers/outbox';
import { useCast, useServer } from '../helpers/suite';
import { peopleOn } from '../helpers/people';

describe('groups: creating, reading, directory and join flows', () => {
  const s = useServer();
  const { person, as } = peopleOn(s);
  const { anim, alice, bob, outsider } = useCast(() => groupsCast(s));

  describe('creating and reading groups', () => {
    it('lets animators create a group with its channel; the creator is its owner and joins the channel live', async () => {
      const added = waitForEvent(anim.socket, 'channel:added', (c) => c.kind === 'group');
      const res = await as(anim).post('/api/groups', {
        name: 'Médiation numérique',
        description: 'Échanges de pratiques',
        visibility: 'public',
      });
      expect(res.status).to.equal(201);
      expect(res.body).to.include({
        name: 'Médiation numérique',
        slug: 'mediation-numerique',
        visibility: 'public',
        memberCount: 1,
        myStatus: 'member',
        myRole: 'owner',
      });
      const channel = await s.db('channels').where({ id: res.body.channelId }).first();
      expect(channel).to.include({ kind: 'group', group_id: res.body.id, name: 'Médiation numérique' });
      expect(await s.db('channel_members').where({ channel_id: channel.id, user_id: anim.user.id }).first()).to.not.equal(undefined);
      expect((await added).id).to.equal(channel.id);
      expect(await s.db('group_members').where({ group_id: res.body.id }).first()).to.include({
        user_id: anim.user.id,
        role: 'owner',
        status: 'member',
      });
    });

    it('refuses members (403), bad input (400), strangers (401) and chat-only accounts (403)', async () => {
      const member = await as(alice).post('/api/groups', { name: 'Le mien', description: null, visibility: 'public' });
      expect(member.status).to.equal(403);
      expect(member.body.error.code).to.equal('forbidden');
      const bad = await as(anim).post('/api/groups', { name: 'X', visibility: 'secret' });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.code).to.equal('invalid_payload');
      expect(bad.body.error.details.fields).to.have.keys('name', 'visibility');
      expect((await api(s.url).post('/api/groups', { name: 'Anonyme', visibility: 'public' })).status).to.equal(401);
      expect((await api(s.url).get('/api/groups')).status).to.equal(401);
      const chatOnly = await person({ chatOnly: true });
      const denied = await as(chatOnly).get('/api/groups');
      expect(denied.status).to.equal(403);
      expect(denied.body.error.message).to.match(/messagerie/);
    });

    it('lists the directory and mine with member counts; a private group is absent from every list and search for outsiders', async () => {
      const pub = await createGroup(s.url, anim.token, { name: 'Annuaire public', visibility: 'public' });
      const mod = await createGroup(s.url, anim.token, { name: 'Annuaire modéré', visibility: 'moderated' });
      const priv = await createGroup(s.url, anim.token, { name: 'Annuaire secret', visibility: 'private' });
      await addToGroup(s.url, anim.token, pub.id, alice);

      const dir = await as(outsider).get('/api/groups?scope=directory&q=annuaire');
      expect(dir.status).to.equal(200);
      expect(dir.body.items.map((g: any) => g.id)).to.have.members([pub.id, mod.id]);
      expect(dir.body.items.find((g: any) => g.id === pub.id)).to.include({
        memberCount: 2,
        myStatus: null,
        myRole: null,
        channelId: pub.channelId,
      });
      expect(dir.body.nextCursor).to.equal(null);
      for (const path of ['/api/groups', '/api/groups?scope=mine', '/api/groups?q=secret', '/api/groups?scope=mine&q=secret']) {
        const res = await as(outsider).get(path);
        expect(
          res.body.items.map((g: any) => g.id),
          path,
        ).to.not.include(priv.id);
      }
      const mine = await as(alice).get('/api/groups?scope=mine');
      expect(mine.body.items.map((g: any) => g.id)).to.deep.equal([pub.id]);
      expect(mine.body.items[0]).to.include({ myStatus: 'member', myRole: 'member' });
      const owner = await as(anim).get('/api/groups?q=secret');
      expect(owner.body.items.map((g: any) => g.id)).to.deep.equal([priv.id]);

      const page1 = await as(anim).get('/api/groups?q=annuaire&limit=2');
      expect(page1.body.items).to.have.length(2);
      const page2 = await as(anim).get(`/api/groups?q=annuaire&limit=2&cursor=${page1.body.nextCursor}`);
      expect(page2.body.items.map((g: any) => g.name)).to.deep.equal(['Annuaire secret']);
      expect(page2.body.nextCursor).to.equal(null);
      expect((await as(anim).get('/api/groups?scope=all')).body.error.code).to.equal('invalid_payload');
    });

    it('answers a private group exactly like a missing one to outsiders (read, join, posts, members)', async () => {
      const priv = await createGroup(s.url, anim.token, { visibility: 'private' });
      const missing = 999999;
      const pairs: [string, string][] = [
        ['get', ''],
        ['post', '/join'],
        ['get', '/posts'],
        ['post', '/posts'],
        ['get', '/members'],
        ['get', '/requests'],
        ['post', '/invitations'],
      ];
      for (const [method, suffix] of pairs) {
        const call = (id: number) =>
          method === 'get'
            ? as(outsider).get(`/api/groups/${id}${suffix}`)
            : as(outsider).post(
                `/api/groups/${id}${suffix}`,
                suffix === '/posts' ? { kind: 'article', title: 'x', body: 'y' } : suffix === '/invitations' ? { userId: bob.user.id } : {},
              );
        const [hidden, absent] = [await call(priv.id), await call(missing)];
        expect(hidden.status, `${method} ${suffix}`).to.equal(404);
        expect(hidden.body, `${method} ${suffix}`).to.deep.equal(absent.body);
      }
      expect((await as(outsider).get(`/api/groups/${priv.id}`)).body.error).to.deep.equal({
        code: 'not_found',
        message: 'Groupe introuvable.',
      });
      expect((await as(anim).get(`/api/groups/${priv.id}`)).body).to.include({ id: priv.id, canManage: true });
      expect((await as(outsider).get('/api/groups/abc')).body.error.code).to.equal('invalid_payload');
    });
  });

  describe('joining', () => {
    it('public: member at once, moved into the group channel live; joining again is harmless', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      const added = waitForEvent(bob.socket, 'channel:added', (c) => c.id === g.channelId);
      const res = await as(bob).post(`/api/groups/${g.id}/join`, {});
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ status: 'member' });
      expect((await added).kind).to.equal('group');
      expect(await s.db('group_members').where({ group_id: g.id, user_id: bob.user.id }).first()).to.include({
        status: 'member',
        role: 'member',
      });
      const got = waitForEvent(bob.socket, 'message:new', (m) => m.channelId === g.channelId);
      await emitAck(anim.socket, 'message:send', { channelId: g.channelId, body: 'Bienvenue Bob', clientMsgId: `welcome-${g.id}` });
      expect((await got).body).to.equal('Bienvenue Bob');
      expect((await as(bob).post(`/api/groups/${g.id}/join`, {})).status).to.equal(200);
      expect((await as(bob).get(`/api/groups/${g.id}`)).body).to.include({ memberCount: 2, myStatus: 'member' });
      // Group members are contacts.
      const contacts = await as(bob).get('/api/contacts');
      expect(contacts.body.items.map((c: any) => c.id)).to.include(anim.user.id);
    });

    it('moderated: a pending request with its motive, managers notified, approval recorded with who and when', async () => {
      const g = await createGroup(s.url, anim.token, { name: 'Groupe modéré', visibility: 'moderated' });
      const notified = waitForEvent(anim.socket, 'notification', (n) => n.kind === 'join_request' && n.data.groupId === g.id);
      const res = await as(alice).post(`/api/groups/${g.id}/join`, { motive: 'Je coordonne un espace France services.' });
      expect(res.status).to.equal(202);
      expect(res.body).to.deep.equal({ status: 'pending' });
      const n = await notified;
      expect(n.data).to.deep.include({ groupName: 'Groupe modéré', motive: 'Je coordonne un espace France services.' });
      expect((n.data.user as { id: number }).id).to.equal(alice.user.id);
      expect((await as(alice).get(`/api/groups/${g.id}`)).body).to.include({ myStatus: 'pending', myRole: null });
      expect((await as(alice).post(`/api/groups/${g.id}/join`, {})).status).to.equal(202);
      expect(await s.db('join_requests').where({ group_id: g.id })).to.have.length(1);
      expect((await as(alice).get(`/api/groups/${g.id}/posts`)).body.error.code).to.equal('not_a_member');

      const notifs = await as(anim).get('/api/notifications');
      expect(notifs.body.items[0]).to.include({ kind: 'join_request', readAt: null });

      const list = await as(anim).get(`/api/groups/${g.id}/requests`);
      expect(list.status).to.equal(200);
      expect(list.body.items).to.have.length(1);
      expect(list.body.items[0]).to.include({
        motive: 'Je coordonne un espace France services.',
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
      });
      expect(list.body.items[0].user.id).to.equal(alice.user.id);
      expect((await as(bob).get(`/api/groups/${g.id}/requests`)).status).to.equal(403);
      expect((await as(bob).post(`/api/groups/${g.id}/requests/${alice.user.id}/approve`)).status).to.equal(403);

      const approved = waitForEvent(alice.socket, 'notification', (x) => x.kind === 'join_approved');
      const added = waitForEvent(alice.socket, 'channel:added', (c) => c.id === g.channelId);
      const ok = await as(anim).post(`/api/groups/${g.id}/requests/${alice.user.id}/approve`);
      expect(ok.status).to.equal(200);
      expect(ok.body).to.include({ status: 'approved' });
      expect(ok.body.decidedBy).to.include({ id: anim.user.id });
      expect(Date.parse(ok.body.decidedAt)).to.be.closeTo(Date.now(), 60_000);
      expect((await approved).data.groupId).to.equal(g.id);
      await added;
      const row = await s.db('join_requests').where({ group_id: g.id, user_id: alice.user.id }).first();
      expect(row).to.include({ status: 'approved', decided_by: anim.user.id });
      expect((await as(alice).get(`/api/groups/${g.id}`)).body.myStatus).to.equal('member');
      const again = await as(anim).post(`/api/groups/${g.id}/requests/${alice.user.id}/approve`);
      expect(again.status).to.equal(404);
    });

    it('moderated: a rejection is kept too, and the requester is told', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'moderated' });
      expect((await as(bob).post(`/api/groups/${g.id}/join`, {})).status).to.equal(202);
      const told = waitForEvent(bob.socket, 'notification', (x) => x.kind === 'join_rejected');
      const noChannel = expectNoEvent(bob.socket, 'channel:added', (c) => c.id === g.channelId);
      const res = await as(anim).post(`/api/groups/${g.id}/requests/${bob.user.id}/reject`);
      expect(res.body).to.include({ status: 'rejected', motive: null });
      await told;
      await noChannel;
      expect((await as(bob).get(`/api/groups/${g.id}`)).body.myStatus).to.equal(null);
      const decided = await as(anim).get(`/api/groups/${g.id}/requests?status=rejected`);
      expect(decided.body.items[0].decidedBy.id).to.equal(anim.user.id);
      expect((await as(anim).get(`/api/groups/${g.id}/requests?status=pending`)).body.items).to.have.length(0);
    });

    it('private: invitation only; the invitee sees the group, accepts or declines', async () => {
      const g = await createGroup(s.url, anim.token, { name: 'Cellule privée', visibility: 'private' });
      expect((await as(bob).post(`/api/groups/${g.id}/join`)).status).to.equal(404);
      const invited = waitForEvent(bob.socket, 'notification', (n) => n.kind === 'group_invitation' && n.data.groupId === g.id);
      const inv = await as(anim).post(`/api/groups/${g.id}/invitations`, { userId: bob.user.id });
      expect(inv.status).to.equal(201);
      expect(inv.body.status).to.equal('invited');
      expect(inv.body.invitation.user.id).to.equal(bob.user.id);
      expect((await invited).data.groupName).to.equal('Cellule privée');
      expect((await as(bob).get('/api/groups?scope=mine')).body.items.find((x: any) => x.id === g.id)).to.include({ myStatus: 'invited' });
      expect((await as(anim).get(`/api/groups/${g.id}/invitations`)).body.items.map((i: any) => i.user?.id)).to.include(bob.user.id);
      expect((await as(anim).post(`/api/groups/${g.id}/invitations`, { userId: 424242 })).status).to.equal(404);
      expect((await as(anim).post(`/api/groups/${g.id}/invitations`, { userId: bob.user.id, email: 'x@y.fr' })).status).to.equal(400);

      const added = waitForEvent(bob.socket, 'channel:added', (c) => c.id === g.channelId);
      expect((await as(bob).post(`/api/groups/${g.id}/invitations/accept`)).body).to.deep.equal({ status: 'member' });
      await added;
      expect((await as(anim).post(`/api/groups/${g.id}/invitations`, { userId: bob.user.id })).body.error.code).to.equal('already_member');
      expect((await s.db('group_invitations').where({ group_id: g.id, user_id: bob.user.id }).first()).status).to.equal('accepted');

      await as(anim).post(`/api/groups/${g.id}/invitations`, { userId: alice.user.id });
      expect((await as(alice).post(`/api/groups/${g.id}/invitations/decline`)).body).to.deep.equal({ status: null });
      expect((await as(alice).get(`/api/groups/${g.id}`)).status).to.equal(404);
      expect((await as(alice).post(`/api/groups/${g.id}/invitations/accept`)).status).to.equal(404);
    });

    it('private: an invitation by e-mail mails a sign-up link; after sign-up and confirmation the invitation waits', async () => {
      const g = await createGroup(s.url, anim.token, { name: 'Réseau des conseillers', visibility: 'private' });
      const email = 'nouvelle.recrue@exemple.fr';
      const inv = await as(anim).post(`/api/groups/${g.id}/invitations`, { email: 'Nouvelle.Recrue@Exemple.fr' });
      expect(inv.status).to.equal(201);
      expect(inv.body.invitation).to.include({ email, user: null, status: 'pending' });
      const mail = lastMailTo(s.outboxDir, email, '/inscription');
      expect(mail?.mail.subject).to.contain('Réseau des conseillers');
      expect(mail?.mail.text).to.contain('Annie Mateur');
      const link = new URL(mail!.link!);
      expect(link.origin + link.pathname).to.equal(`${s.url}/inscription`);
      expect(link.searchParams.get('invitation')).to.match(/^[\w-]{20,}$/);
      const row = await s.db('group_invitations').where({ group_id: g.id, email }).first();
      expect(row).to.include({ user_id: null, status: 'pending' });
      expect(row.token_hash).to.not.equal(link.searchParams.get('invitation'));

      // Sign-up, confirmation, login and terms, as the newcomer would.
      const anon = api(s.url);
      const reg = await anon.post(
        '/api/auth/register',
        await withAntiRobot(s.url, {
          email,
          password: 'Conseil-2026',
          firstName: 'Nina',
          lastName: 'Recrue',
          username: 'nina.recrue',
          departmentCode: uniqueDepartment(),
        }),
      );
      expect(reg.status).to.equal(201);
      const confirm = new URL(lastMailTo(s.outboxDir, email, '/confirmer')!.link!).searchParams.get('token');
      expect((await anon.post('/api/auth/confirm', { token: confirm })).status).to.equal(200);
      const login = await anon.post('/api/auth/login', { email, password: 'Conseil-2026' });
      const nina = api(s.url, { token: login.body.token });
      await nina.post('/api/me/accept-terms');

      const mine = await nina.get('/api/groups?scope=mine');
      expect(mine.body.items.map((x: any) => [x.id, x.myStatus])).to.deep.equal([[g.id, 'invited']]);
      const notes = await nina.get('/api/notifications');
      expect(notes.body.items[0]).to.deep.include({ kind: 'group_invitation' });
      expect(notes.body.items[0].data).to.deep.include({ groupId: g.id, groupName: 'Réseau des conseillers' });
      expect((await nina.get(`/api/groups/${g.id}`)).body.myStatus).to.equal('invited');
      expect((await nina.post(`/api/groups/${g.id}/invitations/accept`)).body).to.deep.equal({ status: 'member' });
      expect(await s.db('group_invitations').where({ id: row.id }).first()).to.include({ user_id: login.body.user.id, status: 'accepted' });
      expect(await s.db('channel_members').where({ channel_id: g.channelId, user_id: login.body.user.id }).first()).to.not.equal(undefined);

      // An address that already has an account: the same answer, and the invitation is theirs at once.
      const same = await as(anim).post(`/api/groups/${g.id}/invitations`, { email: alice.user.email });
      expect(same.status).to.equal(201);
      expect(Object.keys(same.body.invitation)).to.have.members(Object.keys(inv.body.invitation));
      expect(same.body.invitation).to.include({ user: null, email: alice.user.email });
      expect((await as(alice).get(`/api/groups/${g.id}`)).body.myStatus).to.equal('invited');
      expect((await as(anim).post(`/api/groups/${g.id}/invitations`, { email: 'pas-une-adresse' })).status).to.equal(400);
    });

    it('a sub-group needs membership of its parent', async () => {
      const parent = await createGroup(s.url, anim.token, { name: 'Communauté inclusion', visibility: 'public' });
      const sub = await createGroup(s.url, anim.token, { name: 'GT accessibilité', visibility: 'public', parentId: parent.id });
      expect((await as(anim).get(`/api/groups/${sub.id}`)).body.parent).to.deep.equal({ id: parent.id, name: 'Communauté inclusion' });
      const res = await as(outsider).post(`/api/groups/${sub.id}/join`);
      expect(res.status).to.equal(422);
      expect(res.body.error.code).to.equal('parent_membership_required');
      expect((await as(outsider).post(`/api/groups/${parent.id}/join`)).status).to.equal(200);
      expect((await as(outsider).post(`/api/groups/${sub.id}/join`)).status).to.equal(200);
      expect((await as(outsider).post('/api/groups', { name: 'Sous-groupe', visibility: 'public', parentId: parent.id })).status).to.equal(
        403,
      );
      await as(outsider).delete(`/api/groups/${sub.id}/members/me`);
      await as(outsider).delete(`/api/groups/${parent.id}/members/me`);
    });
  });
});
