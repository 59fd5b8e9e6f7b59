import { expect } from 'chai';
import { io } from 'socket.io-client';
import { Http } from '../../client/api/http.js';
import { notificationsApi, type AppNotification, type NotificationSettings } from '../../client/api/notifications.js';
import { HubClient } from '../../client/realtime/hub-client.js';
import { NotificationSettingsStore, NotificationsStore } from '../../client/state/notifications-store.js';
import { describeNotification, unreadLabel, whenLabel } from '../../client/components/notifications/texts.js';
import { fakeFetch } from './fake-fetch.js';
import { makeUserWithToken } from '../helpers/factories';
import { createGroup } from '../helpers/groups';
import { makeContacts } from '../helpers/contacts';
import { api } from '../helpers/http';
import { startServer, type TestServer } from '../helpers/server';

/** Polls until `check` is true (the store reacts to real network events). */
async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const note = (id: number, o: Partial<AppNotification> = {}): AppNotification => ({
  id,
  kind: 'comment',
  data: { postId: 1, title: 'Bilan', groupId: 3, author: { displayName: 'Julie Petit' } },
  createdAt: '2026-11-23T10:00:00.000Z',
  readAt: null,
  ...o,
});

describe('client: notifications store against the real server', () => {
  let s: TestServer;
  const hubs: HubClient[] = [];
  before(async () => {
    s = await startServer();
  });
  after(async () => {
    for (const h of hubs) h.stop();
    await s.close();
  });

  const httpFor = (token: string) =>
    new Http({
      baseUrl: s.url,
      fetch: (url, init = {}) =>
        fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
    });
  const hubFor = (token: string) => {
    const hub = new HubClient(() => io(s.url, { auth: { token }, transports: ['websocket'] }));
    hubs.push(hub);
    return hub;
  };

  it('loads on connection, counts live arrivals, marks one and then all read, empties on logout and reloads on return', async () => {
    const owner = await makeUserWithToken(s.db, { role: 'animator' });
    const group = await createGroup(s.url, owner.token, { name: 'Médiateurs', visibility: 'moderated' });
    const hub = hubFor(owner.token);
    const store = new NotificationsStore(notificationsApi(httpFor(owner.token)), hub);
    const arrivals: AppNotification[] = [];
    store.addEventListener('notification', (e) => arrivals.push((e as CustomEvent<AppNotification>).detail));
    store.start();
    hub.start();
    await until('loaded', () => store.status === 'ready');
    expect(store.items).to.deep.equal([]);
    expect(store.unreadCount).to.equal(0);

    const askers = await Promise.all([1, 2, 3].map((i) => makeUserWithToken(s.db, { firstName: `Personne${i}`, lastName: 'Test' })));
    for (const a of askers) expect((await api(s.url, { token: a.token }).post(`/api/groups/${group.id}/join`)).status).to.equal(202);
    await until('three live notifications', () => store.unreadCount === 3);
    expect(store.items.map((n) => n.kind)).to.deep.equal(['join_request', 'join_request', 'join_request']);
    expect(store.items.map((n) => n.id)).to.deep.equal([...store.items.map((n) => n.id)].sort((a, b) => b - a));
    expect(arrivals).to.have.length(3);
    expect(describeNotification(store.items[0]!)).to.deep.equal({
      text: 'Personne3 Test demande à rejoindre le groupe « Médiateurs ».',
      href: `/groupes/${group.id}/demandes`,
      icon: 'fr-icon-user-add-line',
    });

    const oldest = store.items[2]!;
    expect(await store.markRead([oldest.id])).to.equal(true);
    expect(store.unreadCount).to.equal(2);
    expect((await s.db('notifications').where({ id: oldest.id }).first()).read_at).to.not.equal(null);
    expect(await store.markAllRead()).to.equal(true);
    expect(store.unreadCount).to.equal(0);
    expect(store.items.every((n) => n.readAt)).to.equal(true);
    expect(await s.db('notifications').where({ user_id: owner.user.id }).whereNull('read_at')).to.have.length(0);

    hub.stop();
    expect(store.items).to.deep.equal([]);
    expect(store.status).to.equal('idle');
    const late = await makeUserWithToken(s.db);
    await api(s.url, { token: late.token }).post(`/api/groups/${group.id}/join`);
    hub.start();
    await until('reloaded from the database', () => store.status === 'ready' && store.items.length === 4);
    expect(store.unreadCount).to.equal(1);
    store.stop();
  });

  it('a mention read in the chat (here or in another tab) is read in the bell too; a tab coming back refreshes', async () => {
    const alice = await makeUserWithToken(s.db, { username: 'alice.n', departmentCode: '05' });
    const bob = await makeUserWithToken(s.db, { username: 'bob.n', departmentCode: '06' });
    const channelId = await makeContacts(s.db, [alice.user.id, bob.user.id]);
    let listCalls = 0;
    const http = new Http({
      baseUrl: s.url,
      fetch: (url, init = {}) => {
        if (url.includes('/api/notifications?')) listCalls++;
        return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${bob.token}` } });
      },
    });
    const bobHub = hubFor(bob.token);
    const otherTab = hubFor(bob.token);
    const aliceHub = hubFor(alice.token);
    const store = new NotificationsStore(notificationsApi(http), bobHub);
    store.start();
    for (const h of [bobHub, otherTab, aliceHub]) h.start();
    await until('connected', () => store.status === 'ready' && otherTab.connected && aliceHub.connected);
    const { message } = await aliceHub.request('message:send', { channelId, body: 'Tu as vu, @bob.n ?', clientMsgId: 'n-1' });
    await until('the mention', () => store.unreadCount === 1);
    expect(store.items[0]).to.deep.include({ kind: 'mention' });

    await otherTab.request('channel:read', { channelId, seq: message.seq });
    await until('read by the other tab', () => store.unreadCount === 0 && store.items[0]!.readAt !== null);
    const id = store.items[0]!.id;
    for (let i = 0; i < 100 && !(await s.db('notifications').where({ id }).first()).read_at; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await s.db('notifications').where({ id }).first()).read_at).to.not.equal(null);

    const before = listCalls;
    store.refresh(30_000);
    expect(listCalls).to.equal(before);
    store.refresh(0);
    await until('refreshed', () => listCalls === before + 1);
    store.stop();
  });

  it('settings: defaults and my groups (members only), saved with a per-group override; a refused save keeps the error', async () => {
    const me = await makeUserWithToken(s.db, { role: 'animator' });
    const other = await makeUserWithToken(s.db, { role: 'animator' });
    const mine = await createGroup(s.url, me.token, { name: 'Zèbres' });
    const also = await createGroup(s.url, me.token, { name: 'Abeilles' });
    const pending = await createGroup(s.url, other.token, { name: 'Candidature', visibility: 'moderated' });
    await api(s.url, { token: me.token }).post(`/api/groups/${pending.id}/join`);
    const store = new NotificationSettingsStore(notificationsApi(httpFor(me.token)));
    await store.load();
    expect(store.status).to.equal('ready');
    expect(store.settings).to.deep.include({ frequency: 'realtime', batchMinutes: 0, groups: {} });
    expect(store.groups.map((g) => g.name)).to.deep.equal(['Abeilles', 'Zèbres']);

    const next: NotificationSettings = {
      ...store.settings!,
      frequency: 'daily',
      types: { ...store.settings!.types, mention: false },
      groups: { [mine.id]: { frequency: 'realtime' } },
    };
    expect(await store.save(next)).to.equal(true);
    expect(store.saved).to.equal(true);
    expect((await api(s.url, { token: me.token }).get('/api/me/notification-settings')).body).to.deep.equal(next);
    store.edited();
    expect(store.saved).to.equal(false);
    expect(await store.save({ ...next, batchMinutes: 7 as 0 })).to.equal(false);
    expect(store.error?.code).to.equal('invalid_payload');
    expect(store.settings).to.deep.equal(next);
    expect(also.id).to.be.a('number');
  });

  it('a chat-only account has settings but no groups to list', async () => {
    const partner = await makeUserWithToken(s.db, { chatOnly: true });
    const store = new NotificationSettingsStore(notificationsApi(httpFor(partner.token)));
    await store.load();
    expect(store.status).to.equal('ready');
    expect(store.groups).to.deep.equal([]);
  });
});

describe('client: notifications store, edge cases', () => {
  const idleHub = () =>
    new HubClient(() => {
      throw new Error('never connected in these tests');
    });

  it('keeps a notification pushed while a reload is in flight, counted once', async () => {
    const f = fakeFetch();
    const store = new NotificationsStore(notificationsApi(new Http({ fetch: f.fetch })), idleHub());
    f.answer(200, { items: [note(4), note(3, { readAt: '2026-11-23T11:00:00.000Z' })], nextCursor: 3, unreadCount: 1 });
    const loading = store.reload();
    store.receive(note(5, { kind: 'mention' }));
    store.receive(note(5, { kind: 'mention' }));
    await loading;
    expect(store.items.map((n) => n.id)).to.deep.equal([5, 4, 3]);
    expect(store.unreadCount).to.equal(2);
    expect(store.nextCursor).to.equal(3);
    store.receive(note(5, { kind: 'mention' }));
    expect(store.unreadCount).to.equal(2);
  });

  it('shows a notification read at once, and puts it back if the server refused', async () => {
    const f = fakeFetch();
    const store = new NotificationsStore(notificationsApi(new Http({ fetch: f.fetch })), idleHub());
    f.answer(200, { items: [note(2), note(1)], nextCursor: null, unreadCount: 2 });
    await store.reload();
    f.fail();
    const marking = store.markRead([2]);
    expect(store.items[0]!.readAt).to.not.equal(null);
    expect(store.unreadCount).to.equal(1);
    expect(await marking).to.equal(false);
    expect(store.items[0]!.readAt).to.equal(null);
    expect(store.unreadCount).to.equal(2);
    expect(store.error?.code).to.equal('network_error');
    expect(f.calls.at(-1)).to.deep.include({ method: 'POST', url: '/api/notifications/read', body: { ids: [2] } });
    expect(await store.markRead([99])).to.equal(true);
    expect(f.pending).to.equal(0);
  });

  it('pages back with the cursor and keeps the order', async () => {
    const f = fakeFetch();
    const store = new NotificationsStore(notificationsApi(new Http({ fetch: f.fetch })), idleHub());
    f.answer(200, { items: [note(9), note(8)], nextCursor: 8, unreadCount: 4 });
    await store.reload();
    f.answer(200, { items: [note(7), note(6)], nextCursor: null, unreadCount: 4 });
    await store.loadMore();
    expect(f.calls.at(-1)!.url).to.equal('/api/notifications?cursor=8&limit=30');
    expect(store.items.map((n) => n.id)).to.deep.equal([9, 8, 7, 6]);
    expect(store.nextCursor).to.equal(null);
    await store.loadMore();
    expect(f.calls).to.have.length(2);
  });
});

describe('client: notification texts', () => {
  it('says each kind in French with the link to the thing', () => {
    const d = (kind: string, data: Record<string, unknown>) => describeNotification({ kind, data });
    expect(d('join_approved', { groupId: 7, groupName: 'Inclusion' })).to.include({
      text: 'Votre demande pour rejoindre le groupe « Inclusion » est acceptée.',
      href: '/groupes/7',
    });
    expect(d('group_invitation', { groupId: 7, groupName: 'Inclusion', invitedBy: { displayName: 'Annie Mateur' } }).text).to.equal(
      'Annie Mateur vous invite à rejoindre le groupe « Inclusion ».',
    );
    expect(
      d('post_addressed', { postId: 3, title: 'Bilan', groupId: 7, groupName: 'Inclusion', author: { displayName: 'Julie' } }),
    ).to.include({ href: '/groupes/fil' });
    expect(d('comment', { postId: 3, title: 'Bilan', groupId: 7, author: { displayName: 'Julie' } })).to.include({
      text: 'Julie a commenté votre publication « Bilan ».',
      href: '/groupes/7',
    });
    expect(
      d('event_cancelled', { eventId: 12, title: 'Atelier', startsAt: '2026-12-07T13:00:00.000Z', reason: 'Salle fermée' }).text,
    ).to.match(/^L’événement « Atelier » \(.+\) est annulé\. Motif : Salle fermée$/);
    expect(d('event_invitation', { eventId: 12, title: 'Atelier' }).href).to.equal('/evenements/12');
    expect(
      d('mention', { channelId: 5, channelKind: 'thematic', channelName: 'Veille', author: { displayName: 'Bob' }, excerpt: 'Salut @moi' }),
    ).to.include({
      text: 'Bob vous a mentionné(e) dans le salon « Veille » : « Salut @moi »',
      href: '/discussions/5',
    });
    expect(d('mention', { channelId: 9, channelKind: 'hotline', ticketId: 4, author: { displayName: 'Agent' } }).href).to.equal(
      '/hotline/4',
    );
    expect(d('mention', { channelId: 9, channelKind: 'direct', channelName: null, author: { displayName: 'Bob' } }).text).to.equal(
      'Bob vous a mentionné(e) dans une conversation privée',
    );
    expect(d('hotline_reply', { ticketId: 4 })).to.include({ href: '/hotline/4' });
    expect(d('something_new', {})).to.include({ text: 'Vous avez une nouvelle notification.', href: '/notifications' });
    expect(d('join_request', { groupId: '<script>' }).href).to.equal('/groupes');
  });

  it('labels times and counts', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(whenLabel('2026-11-23T11:59:30Z', now)).to.equal('à l’instant');
    expect(whenLabel('2026-11-23T11:55:00Z', now)).to.equal('il y a 5 min');
    expect(whenLabel('2026-11-23T09:00:00Z', now)).to.equal('il y a 3 h');
    expect(whenLabel('2026-11-20T09:00:00Z', now)).to.match(/^20 novembre 2026/);
    expect(unreadLabel(0)).to.equal('Aucune notification non lue');
    expect(unreadLabel(1)).to.equal('1 notification non lue');
    expect(unreadLabel(4)).to.equal('4 notifications non lues');
  });
});
