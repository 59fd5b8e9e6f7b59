import { expect } from 'chai';
import ICAL from 'ical.js';
import { api } from '../helpers/http';
import { expectNoEvent, waitForEvent } from '../helpers/sockets';
import { addToGroup, createGroup } from '../helpers/groups';
import { lastMailTo } from '../helpers/outbox';
import { createEvent, eventBody, inDays } from '../helpers/events';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';

describe('events: calendar, registrations, waiting list, exports', () => {
  const s = useServer();
  const { person, as } = peopleOn(s);
  let owner: Person; // animator, owner of the group
  let member: Person;
  let member2: Person;
  let member3: Person;
  let guest: Person; // outside the group, invited to one event
  let outsider: Person;
  let group: { id: number; channelId: number };

  const newEvent = (o: Record<string, unknown> = {}) => createEvent(s, owner, group.id, o);
  const register = (p: { token: string }, id: number, body: Record<string, unknown> = {}) =>
    as(p).post(`/api/events/${id}/registrations`, body);

  before(async () => {
    owner = await person({ role: 'animator', username: 'ev.owner' });
    member = await person({ username: 'ev.member', firstName: 'Julie' });
    member2 = await person({ username: 'ev.member2' });
    member3 = await person({ username: 'ev.member3' });
    guest = await person({ username: 'ev.guest' });
    outsider = await person({ username: 'ev.outsider' });
    group = await createGroup(s.url, owner.token, { name: 'Agenda privé', visibility: 'private' });
    for (const p of [member, member2, member3]) await addToGroup(s.url, owner.token, group.id, p);
  });

  it('organisers create events (201, the contract shape); members 403, outsiders 404, anonymous 401; bad input refused', async () => {
    const ev = await newEvent({
      capacity: 50,
      prescriptionCapacity: 5,
      registrationDeadline: inDays(6),
      videoUrl: 'https://visio.example/abc',
    });
    expect(ev).to.include({
      groupId: group.id,
      title: 'Atelier inclusion numérique',
      capacity: 50,
      waitlist: true,
      prescriptionCapacity: 5,
      registeredCount: 0,
      waitlistCount: 0,
      myRegistration: null,
      canManage: true,
      registrationOpen: true,
    });
    expect(ev.group).to.deep.equal({ id: group.id, name: 'Agenda privé' });
    expect((await as(member).post(`/api/groups/${group.id}/events`, eventBody())).status).to.equal(403);
    expect((await as(outsider).post(`/api/groups/${group.id}/events`, eventBody())).status).to.equal(404);
    expect((await api(s.url).post(`/api/groups/${group.id}/events`, eventBody())).status).to.equal(401);
    const badDates = await as(owner).post(`/api/groups/${group.id}/events`, eventBody({ endsAt: inDays(6) }));
    expect([badDates.status, badDates.body.error.code]).to.deep.equal([422, 'invalid_dates']);
    for (const bad of [
      { title: '' },
      { location: null },
      { capacity: 0 },
      { startsAt: 'demain' },
      { videoUrl: 'javascript:alert(1)' },
      { color: 'red' },
    ]) {
      const res = await as(owner).post(`/api/groups/${group.id}/events`, eventBody(bad));
      expect([res.status, res.body.error.code], JSON.stringify(bad)).to.deep.equal([400, 'invalid_payload']);
    }
  });

  it('invitations reach the invitees’ notifications; an invitee outside the group sees that event only', async () => {
    const invited = waitForEvent(guest.socket, 'notification', (n) => n.kind === 'event_invitation');
    const groupTold = waitForEvent(member2.socket, 'notification', (n) => n.kind === 'event_invitation');
    const outsiderTold = expectNoEvent(outsider.socket, 'notification');
    const ev = await newEvent({ title: 'Forum', invite: { group: true, userIds: [guest.user.id] } });
    expect((await invited).data).to.include({ eventId: ev.id, title: 'Forum', groupId: group.id });
    expect((await groupTold).data).to.include({ eventId: ev.id, wholeGroup: true });
    await outsiderTold;
    const other = await newEvent({ title: 'Réservé au groupe' });
    const mine = (await as(guest).get(`/api/events?from=${inDays(0)}&to=${inDays(30)}`)).body.items.map((e: any) => e.id);
    expect(mine).to.include(ev.id).and.not.include(other.id);
    expect((await as(guest).get(`/api/events/${ev.id}`)).body).to.include({ invited: true, canManage: false });
    expect((await as(guest).get(`/api/events/${other.id}`)).status).to.equal(404);
    expect((await as(outsider).get(`/api/events/${ev.id}`)).status).to.equal(404);
    expect((await as(guest).get(`/api/groups/${group.id}/events`)).status).to.equal(404);
    const notif = (await as(guest).get('/api/notifications')).body.items;
    expect(notif[0]).to.include({ kind: 'event_invitation' });
    const unknown = await as(owner).post(`/api/events/${ev.id}/invitations`, { userIds: [999999] });
    expect([unknown.status, unknown.body.error.code]).to.deep.equal([422, 'unknown_users']);
  });

  it('my calendar and the group agenda list by range; a bad range is refused', async () => {
    const far = await newEvent({ title: 'Dans deux mois', startsAt: inDays(60), endsAt: inDays(60, 3) });
    const near = (await as(member).get(`/api/events?from=${inDays(0)}&to=${inDays(30)}`)).body.items.map((e: any) => e.id);
    expect(near).to.not.include(far.id);
    const agenda = (await as(member).get(`/api/groups/${group.id}/events?from=${inDays(50)}&to=${inDays(70)}`)).body.items;
    expect(agenda.map((e: any) => e.id)).to.deep.equal([far.id]);
    expect((await as(outsider).get('/api/events')).body.items).to.deep.equal([]);
    expect((await as(member).get(`/api/events?from=${inDays(10)}&to=${inDays(0)}`)).status).to.equal(400);
    expect((await as(member).get('/api/events?from=hier')).status).to.equal(400);
    expect((await api(s.url).get('/api/events')).status).to.equal(401);
  });

  it('waiting list: a freed place goes to the first waiting, who is told (notification and e-mail); counts go live to the group', async () => {
    const ev = await newEvent({ capacity: 1 });
    expect((await register(member, ev.id)).status).to.equal(201);
    const w1 = await register(member2, ev.id);
    expect([w1.status, w1.body.status, w1.body.position]).to.deep.equal([202, 'waitlisted', 1]);
    const w2 = await register(member3, ev.id);
    expect(w2.body.position).to.equal(2);
    expect(w2.body.event).to.include({ registeredCount: 1, waitlistCount: 2 });
    expect(w2.body.event.myRegistration).to.include({ status: 'waitlisted', position: 2 });
    const again = await register(member3, ev.id);
    expect([again.status, again.body.status, again.body.created]).to.deep.equal([200, 'waitlisted', false]);

    const promoted = waitForEvent(member2.socket, 'notification', (n) => n.kind === 'event_promoted' && n.data.eventId === ev.id);
    const live = waitForEvent(member3.socket, 'event:updated', (e) => e.id === ev.id && e.waitlistCount === 1);
    const hidden = expectNoEvent(outsider.socket, 'event:updated');
    const left = await as(member).delete(`/api/events/${ev.id}/registrations/me`);
    expect(left.status).to.equal(200);
    expect(left.body.event).to.include({ registeredCount: 1, waitlistCount: 1, myRegistration: null });
    await promoted;
    const update = await live;
    expect(update).to.include({ registeredCount: 1, waitlistCount: 1 });
    expect(update).to.not.have.property('myRegistration');
    await hidden;
    expect((await s.db('event_registrations').where({ event_id: ev.id, self_key: member2.user.id }).first()).status).to.equal('registered');
    const mail = lastMailTo(s.outboxDir, member2.user.email, '/evenements/');
    expect(mail?.mail.subject).to.include('Une place s');
    expect(mail?.link).to.equal(`${s.url}/evenements/${ev.id}`);
    expect((await as(member3).get(`/api/events/${ev.id}`)).body.myRegistration).to.include({ status: 'waitlisted', position: 1 });
    expect((await as(member).delete(`/api/events/${ev.id}/registrations/me`)).status).to.equal(404);
  });

  it('without a waiting list a full event answers 409 event_full', async () => {
    const ev = await newEvent({ capacity: 1, waitlist: false });
    expect((await register(member, ev.id)).status).to.equal(201);
    const full = await register(member2, ev.id);
    expect([full.status, full.body.error.code]).to.deep.equal([409, 'event_full']);
    expect((await register(outsider, ev.id)).status).to.equal(404);
    expect((await api(s.url).post(`/api/events/${ev.id}/registrations`, {})).status).to.equal(401);
    expect((await register(member2, ev.id, { list: 'vip' })).status).to.equal(400);
  });

  it('capacity never goes below the number registered (422); raising it promotes the waiting list', async () => {
    const ev = await newEvent({ capacity: 2 });
    for (const p of [member, member2, member3]) await register(p, ev.id);
    const lower = await as(owner).patch(`/api/events/${ev.id}`, { capacity: 1 });
    expect([lower.status, lower.body.error.code, lower.body.error.details.registered]).to.deep.equal([422, 'capacity_below_registered', 2]);
    expect((await as(member).patch(`/api/events/${ev.id}`, { capacity: 5 })).status).to.equal(403);
    const raised = await as(owner).patch(`/api/events/${ev.id}`, { capacity: 3, title: 'Atelier (3 places)' });
    expect(raised.status).to.equal(200);
    expect(raised.body).to.include({ capacity: 3, registeredCount: 3, waitlistCount: 0, title: 'Atelier (3 places)' });
    const unlimited = await as(owner).patch(`/api/events/${ev.id}`, { capacity: null });
    expect(unlimited.body.capacity).to.equal(null);
    expect((await as(owner).patch(`/api/events/${ev.id}`, { endsAt: inDays(1) })).body.error.code).to.equal('invalid_dates');
  });

  it('the list by prescription has its own capacity and waiting list; one place per person', async () => {
    const closed = await newEvent();
    const none = await register(member, closed.id, { list: 'prescription', name: 'Paul Durand', email: 'paul@exemple.fr' });
    expect([none.status, none.body.error.code]).to.deep.equal([422, 'prescription_closed']);
    const ev = await newEvent({ capacity: 1, prescriptionCapacity: 1 });
    const a = await register(member, ev.id, { list: 'prescription', name: 'Paul Durand', email: 'Paul@Exemple.fr' });
    expect([a.status, a.body.status, a.body.list]).to.deep.equal([201, 'registered', 'prescription']);
    const b = await register(member, ev.id, { list: 'prescription', name: 'Léa Martin', email: 'lea@exemple.fr' });
    expect([b.status, b.body.position]).to.deep.equal([202, 1]);
    expect((await register(member, ev.id)).status).to.equal(201); // the member list is separate
    const dup = await register(member2, ev.id, { list: 'prescription', name: 'Paul D.', email: 'paul@exemple.fr' });
    expect([dup.status, dup.body.error.code]).to.deep.equal([409, 'already_registered']);
    expect((await register(member, ev.id, { list: 'prescription', name: 'X' })).status).to.equal(400);
    const view = (await as(member).get(`/api/events/${ev.id}`)).body;
    expect(view).to.include({ prescriptionRegisteredCount: 1, prescriptionWaitlistCount: 1, registeredCount: 1 });
    expect(view.myPrescriptions.map((p: any) => [p.name, p.status])).to.deep.equal([
      ['Paul Durand', 'registered'],
      ['Léa Martin', 'waitlisted'],
    ]);
    expect((await as(member2).delete(`/api/events/${ev.id}/registrations/${a.body.registrationId}`)).status).to.equal(404);
    expect((await as(owner).delete(`/api/events/${ev.id}/registrations/${a.body.registrationId}`)).status).to.equal(200);
    expect(lastMailTo(s.outboxDir, 'lea@exemple.fr')?.mail.subject).to.include('Une place s');
    const below = await as(owner).patch(`/api/events/${ev.id}`, { prescriptionCapacity: null });
    expect(below.body.error.code).to.equal('capacity_below_registered');
  });

  it('registration closes at the deadline (422 registration_closed)', async () => {
    const ev = await newEvent({ registrationDeadline: inDays(-1) });
    expect(ev.registrationOpen).to.equal(false);
    const res = await register(member, ev.id);
    expect([res.status, res.body.error.code]).to.deep.equal([422, 'registration_closed']);
  });

  it('cancelling tells everyone on the lists (notification and e-mail); registering afterwards is refused', async () => {
    const ev = await newEvent({ capacity: 1, prescriptionCapacity: 3 });
    await register(member, ev.id);
    await register(member2, ev.id);
    await register(member3, ev.id, { list: 'prescription', name: 'Marc Petit', email: 'marc@exemple.fr' });
    expect((await as(member).delete(`/api/events/${ev.id}`)).status).to.equal(403);
    expect((await as(outsider).delete(`/api/events/${ev.id}`)).status).to.equal(404);
    const told = waitForEvent(member2.socket, 'notification', (n) => n.kind === 'event_cancelled' && n.data.eventId === ev.id);
    const res = await as(owner).delete(`/api/events/${ev.id}?reason=${encodeURIComponent('Salle indisponible')}`);
    expect(res.status).to.equal(200);
    expect(res.body.cancelledAt).to.be.a('string');
    expect(res.body).to.include({ cancelReason: 'Salle indisponible', registrationOpen: false });
    expect((await told).data.reason).to.equal('Salle indisponible');
    for (const to of [member.user.email, member2.user.email, 'marc@exemple.fr']) {
      const mail = lastMailTo(s.outboxDir, to);
      // (the outbox reader joins folded header words with a space)
      expect(mail?.mail.subject.replace(/\s+/g, ' '), to).to.equal(`Annulation : « ${ev.title} »`);
      expect(mail?.mail.text).to.include('Salle indisponible');
    }
    expect((await register(member3, ev.id)).body.error.code).to.equal('event_cancelled');
  });

  it('CSV of registrants for organisers: BOM, `;`, formula cells neutralised', async () => {
    const ev = await newEvent({ title: 'Export', prescriptionCapacity: 10 });
    await register(member, ev.id);
    const hostile = ['=HYPERLINK("http://evil.example";"clic")', '+33 6 12 34 56 78', '-2+3', '@SUM(A1:A2)'];
    for (const [i, name] of hostile.entries()) await register(member2, ev.id, { list: 'prescription', name, email: `p${i}@exemple.fr` });
    expect((await as(member).get(`/api/events/${ev.id}/registrations.csv`)).status).to.equal(403);
    expect((await as(outsider).get(`/api/events/${ev.id}/registrations.csv`)).status).to.equal(404);
    const res = await fetch(`${s.url}/api/events/${ev.id}/registrations.csv`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).to.match(/^attachment; filename="inscrits-export-\d+\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).to.equal("Événement;Date;Liste;Statut;Rang d'attente;Nom;E-mail;Téléphone;Structure;Inscrit par;Date d'inscription");
    expect(lines[1]).to.match(new RegExp(`^Export;[^;]+;Inscription directe;Inscrit;;Julie [^;]+;${member.user.email};`));
    const cells = lines.slice(2, 6).map((l) => l.split(';')[5]);
    expect(cells).to.deep.equal([`"'=HYPERLINK(""http://evil.example""`, "'+33 6 12 34 56 78", "'-2+3", "'@SUM(A1:A2)"]);
    expect(lines[2]).to.include(`"'=HYPERLINK(""http://evil.example"";""clic"")"`);
    const json = await as(owner).get(`/api/events/${ev.id}/registrations`);
    expect(json.body.items.map((r: any) => r.name)).to.deep.equal([member.user.first_name + ' ' + member.user.last_name, ...hostile]);
  });

  it('.ics: a valid iCalendar that parses back to the event; a cancelled one says CANCELLED', async () => {
    const ev = await newEvent({ title: 'Réunion « mensuelle »; ordre du jour, suite', description: 'Ligne 1\nLigne 2' });
    const res = await fetch(`${s.url}/api/events/${ev.id}/ics`, { headers: { authorization: `Bearer ${member.token}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/calendar; charset=utf-8');
    const text = await res.text();
    const cal = new ICAL.Component(ICAL.parse(text));
    const vevents = cal.getAllSubcomponents('vevent');
    expect(vevents).to.have.length(1);
    const parsed = new ICAL.Event(vevents[0]!);
    expect(parsed.summary).to.equal(ev.title);
    const seconds = (d: Date | string) => Math.floor(new Date(d).getTime() / 1000);
    expect(seconds(parsed.startDate.toJSDate())).to.equal(seconds(ev.startsAt));
    expect(seconds(parsed.endDate.toJSDate())).to.equal(seconds(ev.endsAt));
    expect(parsed.location).to.equal('Mairie de Lyon');
    expect(parsed.description).to.include('Ligne 1\nLigne 2');
    expect(parsed.uid).to.match(new RegExp(`^evenement-${ev.id}@`));
    expect((await as(outsider).get(`/api/events/${ev.id}/ics`)).status).to.equal(404);
    await as(owner).delete(`/api/events/${ev.id}`);
    const after = await (await fetch(`${s.url}/api/events/${ev.id}/ics`, { headers: { authorization: `Bearer ${member.token}` } })).text();
    expect(new ICAL.Component(ICAL.parse(after)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).to.equal('CANCELLED');
  });

  it('private iCal feed of my events: a secret address, readable without a session, revocable', async () => {
    const ev = await newEvent({ title: 'Dans mon flux' });
    await register(member, ev.id);
    expect((await as(member).get('/api/me/calendar-feed')).body).to.deep.equal({ active: false, createdAt: null });
    const made = await as(member).post('/api/me/calendar-feed');
    expect(made.status).to.equal(201);
    expect(made.body.url).to.match(new RegExp(`^${s.url}/api/ical/[A-Za-z0-9_-]{40,}\\.ics$`));
    const feed = await fetch(made.body.url);
    expect(feed.status).to.equal(200);
    const cal = new ICAL.Component(ICAL.parse(await feed.text()));
    const mine = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const found = mine.find((e) => e.summary === 'Dans mon flux');
    expect(found?.description).to.include('Vous êtes inscrit(e).');
    const rotated = await as(member).post('/api/me/calendar-feed');
    expect((await fetch(made.body.url)).status).to.equal(404);
    expect((await fetch(rotated.body.url)).status).to.equal(200);
    expect((await as(member).delete('/api/me/calendar-feed')).status).to.equal(204);
    expect((await fetch(rotated.body.url)).status).to.equal(404);
    expect((await fetch(`${s.url}/api/ical/not-a-token`)).status).to.equal(404);
    expect((await api(s.url).post('/api/me/calendar-feed')).status).to.equal(401);
  });
});
