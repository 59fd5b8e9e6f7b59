import { expect } from 'chai';
import pino from 'pino';
import { startServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { createGroup } from '../helpers/groups';
import { makeContacts } from '../helpers/contacts';
import { readOutbox, type OutboxMail } from '../helpers/outbox';
import { closeAll, connect, emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { openDb } from '../../server/database';
import { createMailer } from '../../server/mail';
import { notify } from '../../server/services/notifications/notifications';
import { ms } from '../../server/presenters/time';
import { runNotificationMail } from '../../server/jobs/notification-mail';
import { lastDigestSlot } from '../../server/services/notifications/schedule';
import { claimForMail } from '../../server/db/notification-mail';
import { notifyMentions } from '../../server/services/chat/mention-notices';
import { findMessage } from '../../server/db/messages';
import { findChannel } from '../../server/db/channels';

type Who = Awaited<ReturnType<typeof makeUserWithToken>>;
const MIN = 60_000;
const settings = (o: Record<string, unknown> = {}) => ({
  frequency: 'realtime',
  batchMinutes: 0,
  types: { article: true, comment: true, member: true, event: true, mention: true },
  groups: {},
  ...o,
});

describe('notification e-mails (server/jobs/notification-mail.ts)', () => {
  let s: TestServer;
  const run = (at: number) => runNotificationMail(s.app.deps, new Date(at));
  const mailsTo = (u: Who): OutboxMail[] => readOutbox(s.outboxDir).filter((m) => m.to.includes(u.user.email));
  const as = (u: Who) => api(s.url, { token: u.token });

  /** An animator who owns a new moderated group, with these mail settings. */
  async function owner(o: Record<string, unknown> = {}) {
    const who = await makeUserWithToken(s.db, { role: 'animator', firstName: 'Annie' });
    expect((await as(who).put('/api/me/notification-settings', settings(o))).status).to.equal(200);
    return who;
  }

  /** A member asks to join the group: its owner gets a `join_request`; answers that notification's row. */
  async function joinRequest(groupId: number, ownerId: number) {
    const asker = await makeUserWithToken(s.db, { firstName: 'Julie', lastName: 'Petit' });
    expect((await as(asker).post(`/api/groups/${groupId}/join`, { motive: 'Pour apprendre' })).status).to.equal(202);
    const row = await s.db('notifications').where({ user_id: ownerId, kind: 'join_request' }).orderBy('id', 'desc').first();
    expect(JSON.parse(row.data)).to.include({ groupId });
    return { ...row, created: ms(row.created_at)! };
  }

  const setCreated = (id: number, at: number) =>
    s
      .db('notifications')
      .where({ id })
      .update({ created_at: new Date(at) });

  before(async () => {
    s = await startServer();
  });
  after(async () => {
    closeAll();
    await s.close();
  });

  it('realtime, no delay: one French mail at once with the link, marked mailed, never sent again', async () => {
    const annie = await owner();
    const group = await createGroup(s.url, annie.token, { name: 'Médiateurs du Rhône', visibility: 'moderated' });
    const n = await joinRequest(group.id, annie.user.id);
    expect(await run(n.created + 1000)).to.deep.equal({ mails: 1, notifications: 1 });
    const [mail, ...others] = mailsTo(annie);
    expect(others).to.have.length(0);
    expect(mail!.subject).to.equal('Maillage : Julie Petit demande à rejoindre le groupe « Médiateurs du Rhône ».');
    expect(mail!.text).to.contain('Bonjour Annie,');
    expect(mail!.text).to.contain(`${s.url}/groupes/${group.id}/demandes`);
    expect(mail!.text).to.contain(`${s.url}/profil/notifications`);
    expect(ms((await s.db('notifications').where({ id: n.id }).first()).mailed_at)).to.equal(n.created + 1000);
    expect(await run(n.created + 5 * MIN)).to.deep.equal({ mails: 0, notifications: 0 });
    expect(mailsTo(annie)).to.have.length(1);
  });

  it('realtime with a batch window: one mail when the window of the first notification closes; read ones are left out', async () => {
    const annie = await owner({ batchMinutes: 15 });
    const group = await createGroup(s.url, annie.token, { visibility: 'moderated' });
    const first = await joinRequest(group.id, annie.user.id);
    const second = await joinRequest(group.id, annie.user.id);
    const third = await joinRequest(group.id, annie.user.id);
    await setCreated(first.id, first.created - 10 * MIN);
    expect((await as(annie).post('/api/notifications/read', { ids: [third.id] })).body.updated).to.equal(1);
    expect((await run(first.created + 4 * MIN)).mails).to.equal(0);
    expect(mailsTo(annie)).to.have.length(0);
    expect(await run(first.created + 5 * MIN)).to.deep.equal({ mails: 1, notifications: 2 });
    const [mail] = mailsTo(annie);
    expect(mail!.subject).to.equal('Maillage : 2 nouvelles notifications');
    expect(mail!.text.match(/demande à rejoindre/g)).to.have.length(2);
    expect((await s.db('notifications').where({ id: second.id }).first()).mailed_at).to.not.equal(null);
    expect((await s.db('notifications').where({ id: third.id }).first()).mailed_at).to.equal(null);
  });

  it('daily: a digest at 8:00 Paris of what came before; later ones wait for the next day', async () => {
    const annie = await owner({ frequency: 'daily' });
    const group = await createGroup(s.url, annie.token, { visibility: 'moderated' });
    const early = await joinRequest(group.id, annie.user.id);
    const late = await joinRequest(group.id, annie.user.id);
    // Tuesday 1 December 2026, Paris is UTC+1: 8:00 Paris is 07:00Z.
    await setCreated(early.id, Date.parse('2026-12-01T09:00:00Z'));
    await setCreated(late.id, Date.parse('2026-12-02T07:05:00Z'));
    expect((await run(Date.parse('2026-12-02T06:59:00Z'))).mails).to.equal(0);
    expect(await run(Date.parse('2026-12-02T07:10:00Z'))).to.deep.equal({ mails: 1, notifications: 1 });
    const [digest] = mailsTo(annie);
    expect(digest!.subject).to.equal('Maillage : votre résumé du jour (1 notification)');
    expect(digest!.text).to.contain('1 déc.');
    expect((await run(Date.parse('2026-12-02T20:00:00Z'))).mails).to.equal(0);
    expect(await run(Date.parse('2026-12-03T07:00:00Z'))).to.deep.equal({ mails: 1, notifications: 1 });
    expect(mailsTo(annie)).to.have.length(2);
  });

  it('weekly: a digest on Monday 8:00 Paris; never: no mail at all', async () => {
    const annie = await owner({ frequency: 'weekly' });
    const ned = await owner({ frequency: 'never' });
    const g1 = await createGroup(s.url, annie.token, { visibility: 'moderated' });
    const g2 = await createGroup(s.url, ned.token, { visibility: 'moderated' });
    const a = await joinRequest(g1.id, annie.user.id);
    const b = await joinRequest(g2.id, ned.user.id);
    const wednesday = Date.parse('2026-12-02T10:00:00Z');
    await setCreated(a.id, wednesday);
    await setCreated(b.id, wednesday);
    expect((await run(Date.parse('2026-12-06T20:00:00Z'))).mails).to.equal(0); // Sunday
    expect((await run(Date.parse('2026-12-07T06:59:00Z'))).mails).to.equal(0); // Monday 7:59 Paris
    expect(await run(Date.parse('2026-12-07T07:00:00Z'))).to.deep.equal({ mails: 1, notifications: 1 });
    expect(mailsTo(annie)[0]!.subject).to.equal('Maillage : votre résumé de la semaine (1 notification)');
    expect(mailsTo(ned)).to.have.length(0);
    expect((await s.db('notifications').where({ id: b.id }).first()).mailed_at).to.equal(null);
  });

  it('respects the types: membership news switched off, comments still mailed', async () => {
    const annie = await owner({ types: { article: true, comment: true, member: false, event: true, mention: true } });
    const group = await createGroup(s.url, annie.token, { visibility: 'public' });
    const reader = await makeUserWithToken(s.db, { firstName: 'Paul', lastName: 'Lecteur' });
    expect((await as(reader).post(`/api/groups/${group.id}/join`)).status).to.equal(200);
    const post = await as(annie).post(`/api/groups/${group.id}/posts`, {
      kind: 'article',
      title: 'Ateliers numériques',
      body: 'Le programme.',
    });
    expect(post.status).to.equal(201);
    expect((await as(reader).post(`/api/posts/${post.body.id}/comments`, { body: 'Merci !' })).status).to.equal(201);
    const moderated = await createGroup(s.url, annie.token, { visibility: 'moderated' });
    const request = await joinRequest(moderated.id, annie.user.id);
    // Two mails: annie's (the comment; the request is switched off) and the reader's (annie's post, as group activity).
    expect(await run(request.created + 1000)).to.deep.equal({ mails: 2, notifications: 2 });
    expect(
      readOutbox(s.outboxDir)
        .filter((m) => m.to.includes(reader.user.email))
        .map((m) => m.subject),
    ).to.deep.equal([
      `Maillage : ${annie.user.first_name} ${annie.user.last_name} a publié « Ateliers numériques » dans le groupe « ${group.name} ».`,
    ]);
    const [mail] = mailsTo(annie);
    expect(mail!.subject).to.equal('Maillage : Paul Lecteur a commenté votre publication « Ateliers numériques ».');
    expect(mail!.text).to.contain(`${s.url}/groupes/${group.id}`);
    expect(mail!.text).to.not.contain('demande à rejoindre');
  });

  it('a group’s own frequency overrides the general one', async () => {
    const annie = await makeUserWithToken(s.db, { role: 'animator', firstName: 'Annie' });
    const loud = await createGroup(s.url, annie.token, { name: 'Groupe suivi de près', visibility: 'moderated' });
    const quiet = await createGroup(s.url, annie.token, { name: 'Groupe en sourdine', visibility: 'moderated' });
    const weekly = await createGroup(s.url, annie.token, { name: 'Groupe en résumé', visibility: 'moderated' });
    const groups = { [loud.id]: { frequency: 'realtime' }, [weekly.id]: { frequency: 'weekly' } };
    expect((await as(annie).put('/api/me/notification-settings', settings({ frequency: 'never', groups }))).status).to.equal(200);
    const a = await joinRequest(loud.id, annie.user.id);
    await joinRequest(quiet.id, annie.user.id);
    const c = await joinRequest(weekly.id, annie.user.id);
    expect(await run(a.created + 1000)).to.deep.equal({ mails: 1, notifications: 1 });
    expect(mailsTo(annie)[0]!.text).to.contain('« Groupe suivi de près »');
    const nextMonday = lastDigestSlot(c.created + 7 * 24 * 60 * MIN, true);
    expect(await run(nextMonday)).to.deep.equal({ mails: 1, notifications: 1 });
    expect(mailsTo(annie)[1]!.text).to.contain('« Groupe en résumé »');
    expect(
      mailsTo(annie)
        .map((m) => m.text)
        .join(),
    ).to.not.contain('sourdine');
  });

  it('never mails a notification twice when two nodes run the job at the same time', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => makeUserWithToken(s.db, { firstName: 'Noé' })));
    const ids: number[] = [];
    for (const p of people)
      for (let i = 0; i < 4; i++)
        ids.push((await notify(s.db, p.user.id, 'group_invitation', { groupId: 1, groupName: `Groupe ${i}`, invitedBy: null })).id);
    const created = Math.max(...(await s.db('notifications').whereIn('id', ids).select('created_at')).map((r) => ms(r.created_at)!));
    // A second node: its own connection pool and mailer on the same database and outbox.
    const log = pino({ level: 'silent' });
    const otherDb = openDb(s.config);
    try {
      const other = { db: otherDb, config: s.config, mailer: createMailer(s.config, log), log };
      const at = new Date(created + 1000);
      const [r1, r2, r3] = await Promise.all([
        runNotificationMail(s.app.deps, at),
        runNotificationMail(other, at),
        runNotificationMail(other, at),
      ]);
      expect(r1.notifications + r2.notifications + r3.notifications).to.equal(ids.length);
    } finally {
      await otherDb.destroy();
    }
    const mails = readOutbox(s.outboxDir).filter((m) => people.some((p) => m.to.includes(p.user.email)));
    const lines = mails.flatMap((m) => m.text.split('\n').filter((l) => l.startsWith('- ')));
    expect(lines).to.have.length(ids.length);
    for (const p of people) expect(mails.filter((m) => m.to.includes(p.user.email))).to.have.length.within(1, 4);
    expect(await s.db('notifications').whereIn('id', ids).whereNull('mailed_at')).to.have.length(0);
  });

  it('claims are exclusive: two connections claiming the same notifications at once split them', async () => {
    const p = await makeUserWithToken(s.db);
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push((await notify(s.db, p.user.id, 'comment', { postId: i, title: 'T' })).id);
    const otherDb = openDb(s.config);
    try {
      const at = new Date();
      const [a, b] = await Promise.all([claimForMail(s.db, p.user.id, ids, at), claimForMail(otherDb, p.user.id, ids, at)]);
      expect(a.filter((id) => b.includes(id))).to.deep.equal([]);
      expect([...a, ...b].sort((x, y) => x - y)).to.deep.equal(ids);
      expect(await claimForMail(otherDb, p.user.id, ids, at)).to.deep.equal([]);
    } finally {
      await otherDb.destroy();
    }
  });

  it('an event cancellation, already mailed by the events service, is not mailed again in real time', async () => {
    const annie = await owner();
    const group = await createGroup(s.url, annie.token, { visibility: 'public' });
    const bob = await makeUserWithToken(s.db, { firstName: 'Bob' });
    expect((await as(bob).post(`/api/groups/${group.id}/join`)).status).to.equal(200);
    const starts = new Date(Date.now() + 7 * 24 * 60 * MIN);
    const ev = await as(annie).post(`/api/groups/${group.id}/events`, {
      title: 'Réunion de réseau',
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 60 * MIN).toISOString(),
      location: 'Lyon',
    });
    expect(ev.status).to.equal(201);
    expect((await as(bob).post(`/api/events/${ev.body.id}/registrations`, {})).status).to.equal(201);
    expect((await as(annie).delete(`/api/events/${ev.body.id}?reason=Salle%20indisponible`)).status).to.equal(200);
    expect(mailsTo(bob).map((m) => m.subject)).to.deep.equal(['Annulation : « Réunion de réseau »']);
    const n = await s.db('notifications').where({ user_id: bob.user.id, kind: 'event_cancelled' }).first();
    await run(ms(n.created_at)! + 1000);
    // The real-time mail tells of the new event (group activity), never of the cancellation again.
    const later = mailsTo(bob).slice(1);
    expect(later).to.have.length(1);
    expect(later[0]!.subject).to.match(/^Maillage : Nouvel événement dans le groupe/);
    expect(later[0]!.text).not.to.contain('annulé');
  });
});

describe('digest slots (8:00 Paris)', () => {
  it('follows the Paris clock across daylight saving and finds Mondays', () => {
    // Winter (UTC+1): 8:00 Paris is 07:00Z; summer (UTC+2): 06:00Z.
    expect(new Date(lastDigestSlot(Date.parse('2026-12-02T07:00:00Z'))).toISOString()).to.equal('2026-12-02T07:00:00.000Z');
    expect(new Date(lastDigestSlot(Date.parse('2026-12-02T06:59:59Z'))).toISOString()).to.equal('2026-12-01T07:00:00.000Z');
    expect(new Date(lastDigestSlot(Date.parse('2026-03-30T05:00:00Z'))).toISOString()).to.equal('2026-03-29T06:00:00.000Z');
    expect(new Date(lastDigestSlot(Date.parse('2026-03-28T12:00:00Z'))).toISOString()).to.equal('2026-03-28T07:00:00.000Z');
    expect(new Date(lastDigestSlot(Date.parse('2026-12-06T20:00:00Z'), true)).toISOString()).to.equal('2026-11-30T07:00:00.000Z');
    expect(new Date(lastDigestSlot(Date.parse('2026-04-06T06:00:00Z'), true)).toISOString()).to.equal('2026-04-06T06:00:00.000Z');
  });
});

describe('mentions become notifications', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(async () => {
    closeAll();
    await s.close();
  });

  it('stores a `mention` notification after the message, pushes it to the person named only, and mails it', async () => {
    const alice = await makeUserWithToken(s.db, { username: 'alice.m', firstName: 'Alice', lastName: 'Martin', departmentCode: '01' });
    const bob = await makeUserWithToken(s.db, { username: 'bob.d', firstName: 'Bob', departmentCode: '02' });
    const carol = await makeUserWithToken(s.db, { username: 'carol.p', departmentCode: '03' });
    const outsider = await makeUserWithToken(s.db, { username: 'olga.x', departmentCode: '04' });
    const channelId = await makeContacts(s.db, [alice.user.id, bob.user.id, carol.user.id]);
    const [aSock, bSock, cSock, oSock] = await Promise.all([alice, bob, carol, outsider].map((p) => connect(s.url, p.token)));
    const bobGot = waitForEvent(bSock!, 'notification', (n) => n.kind === 'mention');
    const bobMention = waitForEvent(bSock!, 'mention');
    const carolNothing = expectNoEvent(cSock!, 'notification');
    const outsiderNothing = expectNoEvent(oSock!, 'notification');
    const ack = await emitAck(aSock!, 'message:send', {
      channelId,
      body: 'Bonjour @bob.d, peux-tu relire le compte rendu ?',
      clientMsgId: 'mention-1',
    });
    expect(ack.ok).to.equal(true);
    const pushed = await bobGot;
    expect((await bobMention).message.id).to.equal(ack.message.id);
    expect(pushed.data).to.deep.include({
      messageId: ack.message.id,
      channelId,
      channelKind: 'thematic',
      seq: 1,
      groupId: null,
      ticketId: null,
    });
    expect(pushed.data.author).to.deep.equal({ id: alice.user.id, username: 'alice.m', displayName: 'Alice Martin' });
    expect(pushed.data.excerpt).to.equal('Bonjour @bob.d, peux-tu relire le compte rendu ?');
    await Promise.all([carolNothing, outsiderNothing]);
    const rows = await s.db('notifications').where({ kind: 'mention' });
    expect(rows.map((r) => r.user_id)).to.deep.equal([bob.user.id]);
    const list = await api(s.url, { token: bob.token }).get('/api/notifications');
    expect(list.body.items[0]).to.deep.include({ id: pushed.id, kind: 'mention', readAt: null });
    // A resend of the same message is a duplicate: no second notification.
    await emitAck(aSock!, 'message:send', {
      channelId,
      body: 'Bonjour @bob.d, peux-tu relire le compte rendu ?',
      clientMsgId: 'mention-1',
    });
    expect(await s.db('notifications').where({ kind: 'mention' })).to.have.length(1);

    expect(await runNotificationMail(s.app.deps, new Date(ms(rows[0].created_at)! + 1000))).to.deep.equal({ mails: 1, notifications: 1 });
    const [mail] = readOutbox(s.outboxDir).filter((m) => m.to.includes(bob.user.email));
    expect(mail!.subject).to.contain('Alice Martin vous a mentionné(e) dans le salon');
    expect(mail!.text).to.contain(`${s.url}/discussions/${channelId}`);

    // Reading the channel up to the message reads its notification (server side, whatever the client).
    await s.db('notifications').where({ id: pushed.id }).update({ read_at: null });
    // Someone who had already read past the message when the notification is written gets it read.
    expect((await emitAck(bSock!, 'channel:read', { channelId, seq: 1 })).ok).to.equal(true);
    const [again] = await notifyMentions(s.db, {
      message: (await findMessage(s.db, ack.message.id))!,
      channel: (await findChannel(s.db, channelId))!,
      duplicate: false,
      mentionedUserIds: [bob.user.id],
    });
    expect(again!.read_at).to.not.equal(null);
    await s.db('notifications').where({ id: again!.id }).delete();
  });
});
