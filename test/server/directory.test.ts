import { expect } from 'chai';
import { api } from '../helpers/http';
import { makeUser, makeUserWithToken } from '../helpers/factories';
import { addToGroup, createGroup } from '../helpers/groups';
import { useServer } from '../helpers/suite';

describe('directory, member profiles, notifications', () => {
  const s = useServer();
  let me: Awaited<ReturnType<typeof makeUserWithToken>>;
  let anim: Awaited<ReturnType<typeof makeUserWithToken>>;
  const as = (p: { token: string }) => api(s.url, { token: p.token });
  const ids = (res: { body: { items: { id: number }[] } }) => res.body.items.map((u) => u.id);

  before(async () => {
    me = await makeUserWithToken(s.db, { firstName: 'Moi', lastName: 'Même', departmentCode: '75' });
    anim = await makeUserWithToken(s.db, {
      role: 'animator',
      firstName: 'Annie',
      lastName: 'Mateur',
      departmentCode: '33',
      employer: 'Conseil départemental de la Gironde',
    });
  });

  describe('GET /api/directory', () => {
    let lyon: number;
    let ain: number;
    let chatOnly: number;
    let pending: number;
    before(async () => {
      lyon = (await makeUser(s.db, { firstName: 'Hélène', lastName: 'Zola', departmentCode: '69', employer: 'Métropole de Lyon' })).id;
      ain = (await makeUser(s.db, { firstName: 'Jules', lastName: 'Abel', departmentCode: '01', employer: 'Mairie de Bourg' })).id;
      chatOnly = (await makeUser(s.db, { firstName: 'Paul', lastName: 'Partenaire', chatOnly: true })).id;
      pending = (await makeUser(s.db, { firstName: 'Pierre', lastName: 'Attente', status: 'pending' })).id;
    });

    it('lists active members by last name, without chat-only or pending accounts, nor private details', async () => {
      const res = await as(me).get('/api/directory?limit=100');
      expect(res.status).to.equal(200);
      expect(ids(res).filter((id) => [lyon, ain, me.user.id, anim.user.id].includes(id))).to.deep.equal([
        ain,
        anim.user.id,
        me.user.id,
        lyon,
      ]);
      expect(ids(res)).to.not.include.members([chatOnly]);
      expect(ids(res)).to.not.include(pending);
      expect(res.body.items[0]).to.not.have.any.keys('email', 'phone', 'status');
    });

    it('searches by name and filters by département, région, role and employer', async () => {
      expect(ids(await as(me).get('/api/directory?q=zola'))).to.deep.equal([lyon]);
      expect(ids(await as(me).get(`/api/directory?q=${encodeURIComponent('hélène z')}`))).to.deep.equal([lyon]);
      expect(ids(await as(me).get('/api/directory?departmentCode=69'))).to.deep.equal([lyon]);
      expect(ids(await as(me).get('/api/directory?regionCode=84'))).to.have.members([lyon, ain]);
      expect(ids(await as(me).get('/api/directory?role=animator'))).to.deep.equal([anim.user.id]);
      expect(ids(await as(me).get('/api/directory?employer=mairie'))).to.deep.equal([ain]);
      expect(ids(await as(me).get('/api/directory?regionCode=84&employer=lyon'))).to.deep.equal([lyon]);
    });

    it('pages with a cursor', async () => {
      const all = ids(await as(me).get('/api/directory?limit=100'));
      const first = await as(me).get('/api/directory?limit=2');
      expect(ids(first)).to.deep.equal(all.slice(0, 2));
      const next = await as(me).get(`/api/directory?limit=2&cursor=${first.body.nextCursor}`);
      expect(ids(next)).to.deep.equal(all.slice(2, 4));
      expect((await as(me).get('/api/directory?cursor=nimporte-quoi')).body.error.code).to.equal('invalid_cursor');
    });

    it('answers bad filters with invalid_payload, strangers with 401 and chat-only accounts with 403', async () => {
      const bad = await as(me).get('/api/directory?role=king&departmentCode=ZZ');
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details.fields).to.have.keys('role', 'departmentCode');
      expect((await api(s.url).get('/api/directory')).status).to.equal(401);
      const partner = await makeUserWithToken(s.db, { chatOnly: true });
      const denied = await as(partner).get('/api/directory');
      expect(denied.status).to.equal(403);
      expect(denied.body.error.code).to.equal('forbidden');
      expect((await as(partner).get(`/api/users/${me.user.id}`)).status).to.equal(403);
    });
  });

  describe('GET /api/users/:id', () => {
    it('shows a member’s profile with the groups the viewer may see', async () => {
      const member = await makeUserWithToken(s.db, { firstName: 'Gaëlle', lastName: 'Profil', departmentCode: '75' });
      const pub = await createGroup(s.url, anim.token, { name: 'Public', visibility: 'public' });
      const priv = await createGroup(s.url, anim.token, { name: 'Privé', visibility: 'private' });
      await addToGroup(s.url, anim.token, pub.id, member);
      await addToGroup(s.url, anim.token, priv.id, member);
      const res = await as(me).get(`/api/users/${member.user.id}`);
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ id: member.user.id, displayName: 'Gaëlle Profil', departmentCode: '75', isContact: true });
      expect(res.body).to.not.have.any.keys('email', 'phone');
      expect(res.body.groups.map((g: any) => g.id)).to.deep.equal([pub.id]);
      const seenByOwner = await as(anim).get(`/api/users/${member.user.id}`);
      expect(seenByOwner.body.groups.map((g: any) => g.name)).to.deep.equal(['Privé', 'Public']);
      expect((await as(me).get('/api/users/987654')).status).to.equal(404);
      expect((await as(me).get('/api/users/abc')).status).to.equal(400);
      expect((await api(s.url).get(`/api/users/${member.user.id}`)).status).to.equal(401);
    });
  });

  describe('notifications', () => {
    it('lists mine newest first, marks them read, and keeps them to their owner', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'moderated' });
      const a = await makeUserWithToken(s.db);
      const b = await makeUserWithToken(s.db);
      await as(a).post(`/api/groups/${g.id}/join`, { motive: 'Premier' });
      await as(b).post(`/api/groups/${g.id}/join`, { motive: 'Second' });
      const list = await as(anim).get('/api/notifications');
      expect(list.status).to.equal(200);
      expect(list.body.items.map((n: any) => n.data.motive)).to.deep.equal(['Second', 'Premier']);
      expect(list.body.unreadCount).to.equal(2);
      const [second, first] = list.body.items;
      expect((await as(a).post('/api/notifications/read', { ids: [second.id] })).body).to.deep.equal({ updated: 0, unreadCount: 0 });
      expect((await as(anim).post('/api/notifications/read', { ids: [second.id] })).body).to.deep.equal({ updated: 1, unreadCount: 1 });
      const unread = await as(anim).get('/api/notifications?unread=1');
      expect(unread.body.items.map((n: any) => n.id)).to.deep.equal([first.id]);
      const paged = await as(anim).get('/api/notifications?limit=1');
      expect(paged.body.nextCursor).to.equal(second.id);
      expect((await as(anim).get(`/api/notifications?limit=1&cursor=${second.id}`)).body.items[0].id).to.equal(first.id);
      expect((await as(anim).post('/api/notifications/read', { all: true })).body.unreadCount).to.equal(0);
      expect((await as(anim).post('/api/notifications/read', { ids: [] })).status).to.equal(400);
      expect((await api(s.url).get('/api/notifications')).status).to.equal(401);
    });

    it('stores my notification settings with the contract’s shape', async () => {
      const defaults = await as(me).get('/api/me/notification-settings');
      expect(defaults.body).to.deep.equal({
        frequency: 'realtime',
        batchMinutes: 0,
        types: { article: true, comment: true, member: true, event: true, mention: true },
        groups: {},
      });
      const wanted = {
        frequency: 'daily',
        batchMinutes: 120,
        types: { article: true, comment: false, member: true, event: true, mention: true },
        groups: { '12': { frequency: 'never' } },
      };
      expect((await as(me).put('/api/me/notification-settings', wanted)).body).to.deep.equal(wanted);
      expect((await as(me).get('/api/me/notification-settings')).body).to.deep.equal(wanted);
      const bad = await as(me).put('/api/me/notification-settings', { ...wanted, batchMinutes: 7 });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details.fields).to.have.key('batchMinutes');
      expect((await as(me).put('/api/me/notification-settings', { ...wanted, groups: { abc: { frequency: 'daily' } } })).status).to.equal(
        400,
      );
      expect((await api(s.url).put('/api/me/notification-settings', wanted)).status).to.equal(401);
    });
  });
});
