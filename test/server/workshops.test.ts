import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServerOn } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { addToGroup, createGroup } from '../helpers/groups';
import { lastMailTo, readOutbox } from '../helpers/outbox';
import { withAntiRobot } from '../helpers/anti-robot';
import { makeUserWithToken } from '../helpers/factories';
import { uniqueDepartment } from '../helpers/contacts';
import { cancelLinkSentTo, visitor, workshopBody } from '../helpers/workshops';
import { icsSentTo } from '../helpers/booking';
import { sendDueEventReminders } from '../../server/services/agenda/reminders';
import { purgeVisitorRegistrations } from '../../server/jobs/event-reminders';
import { createMailer } from '../../server/mail';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`workshops (${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}): sessions, visitors, moderation, lists`, function () {
    const s = useServerOn(kind, { EVENT_REGISTRATION_RATE_PER_IP: '1000' });
    const { person, as } = peopleOn(s);
    let animator: Person; // owner of the group: publishes directly, moderates
    let pro: Person; // a member who writes contents: goes through moderation
    let reader: Person; // a member of no group
    let group: { id: number };
    const anon = () => api(s.url);
    const register = async (eventId: number, body: Record<string, unknown>) =>
      anon().post(`/api/public/events/${eventId}/registrations`, await withAntiRobot(s.url, body));

    before(async () => {
      animator = await person({ role: 'animator' });
      pro = await person({ firstName: 'Paul' });
      reader = await person();
      group = await createGroup(s.url, animator.token, { name: `Créateurs ${kind}`, visibility: 'public' });
      await addToGroup(s.url, animator.token, group.id, pro);
    });

    it('a member’s event waits for moderation (hidden from readers and visitors), is sent back, resubmitted, published; a later edit keeps the published version on line', async () => {
      const made = await as(pro).post('/api/events', workshopBody(group.id));
      expect(made.status, JSON.stringify(made.body)).to.equal(201);
      const id = made.body.id;
      expect(made.body.status).to.equal('submitted');
      expect(made.body.sessions).to.have.length(2);
      expect(made.body.commune.name).to.equal('Lyon 1er Arrondissement');
      expect((await anon().get(`/api/public/events/${id}`)).status).to.equal(404);
      expect((await as(reader).get(`/api/events/${id}`)).status).to.equal(404);
      expect((await as(reader).get('/api/moderation')).status).to.equal(403);
      const queue = await as(animator).get('/api/moderation');
      const item = queue.body.items.find((i: any) => i.kind === 'event' && i.id === id);
      expect(item.kindLabel).to.equal('Événement');
      expect(item.summary).to.include('Atelier');
      expect((await as(reader).post(`/api/moderation/event/${id}`, { decision: 'publish', comment: '' })).status).to.equal(404);
      expect(
        (await as(animator).post(`/api/moderation/event/${id}`, { decision: 'return', comment: 'Précisez le public.' })).status,
      ).to.equal(200);
      const returned = await as(pro).get(`/api/events/${id}`);
      expect([returned.body.status, returned.body.moderationComment]).to.deep.equal(['returned', 'Précisez le public.']);
      const notice = await s.db('notifications').where({ user_id: pro.user.id, kind: 'content_moderated' }).orderBy('id', 'desc').first();
      expect(JSON.parse(notice.data).contentKind).to.equal('event');
      const resubmitted = await as(pro).patch(`/api/events/${id}/content`, { description: 'Pour les porteurs de projet.', submit: true });
      expect(resubmitted.body.status).to.equal('submitted');
      expect((await as(animator).post(`/api/moderation/event/${id}`, { decision: 'publish', comment: '' })).status).to.equal(200);
      const pub = await anon().get(`/api/public/events/${id}`);
      expect(pub.status).to.equal(200);
      expect(pub.body.description).to.equal('Pour les porteurs de projet.');
      expect(pub.body.sessions.map((x: any) => x.capacity)).to.deep.equal([3, 3]);
      expect((await as(reader).get(`/api/events/${id}`)).status).to.equal(200);
      // The author edits the published event: back to moderation, readers keep the approved title.
      const edited = await as(pro).patch(`/api/events/${id}/content`, { title: 'Nouveau titre' });
      expect(edited.body.status).to.equal('submitted');
      expect((await anon().get(`/api/public/events/${id}`)).body.title).to.equal('Atelier « Créer son entreprise »');
      expect((await as(reader).get(`/api/events/${id}`)).body.title).to.equal('Atelier « Créer son entreprise »');
      expect((await as(pro).get(`/api/events/${id}`)).body.title).to.equal('Nouveau titre');
    });

    it('pro events answer 404 to visitors, members read them; the animator publishes directly', async () => {
      const made = await as(animator).post('/api/events', workshopBody(group.id, { access: 'pro', title: 'Réunion des pros' }));
      expect(made.body.status).to.equal('published');
      expect((await anon().get(`/api/public/events/${made.body.id}`)).status).to.equal(404);
      expect((await register(made.body.id, visitor(made.body.sessions[0].id, 1))).status).to.equal(404);
      // Pages: a public event has its own <title> and <meta>; a pro one the generic head, not indexed.
      const proHtml = await (await fetch(`${s.url}/evenements-publics/${made.body.id}`)).text();
      expect(proHtml).to.not.include('Réunion des pros');
      expect(proHtml).to.include('<meta name="robots" content="noindex" />');
      const pub = (await as(animator).post('/api/events', workshopBody(group.id, { title: 'Webinaire <ouvert>' }))).body;
      const pubHtml = await (await fetch(`${s.url}/evenements-publics/${pub.id}`)).text();
      expect(pubHtml).to.include('<title>Webinaire &#60;ouvert&#62; — Maillage</title>');
      expect(pubHtml).to.match(/<meta name="description" content="[^"]*Lyon 1er Arrondissement/);
      expect((await as(reader).get(`/api/events/${made.body.id}`)).status).to.equal(200);
      const list = await anon().get('/api/public/events');
      expect(list.body.items.some((e: any) => e.id === made.body.id)).to.equal(false);
      // Bad input: no address nor link, an unknown commune, sessions missing.
      const bad = await as(animator).post('/api/events', workshopBody(group.id, { communeCode: null, placeName: null }));
      expect([bad.status, bad.body.error.code]).to.deep.equal([400, 'invalid_payload']);
      expect((await as(animator).post('/api/events', workshopBody(group.id, { communeCode: '99999' }))).status).to.equal(400);
      expect((await as(animator).post('/api/events', workshopBody(group.id, { sessions: [] }))).status).to.equal(400);
      expect((await anon().post('/api/events', workshopBody(group.id))).status).to.equal(401);
    });

    it('visitors fill a session, the next waits; a cancel link frees the place and the first waiting is mailed; one place per address and session', async () => {
      const ev = (await as(animator).post('/api/events', workshopBody(group.id))).body;
      const [s1, s2] = ev.sessions.map((x: any) => x.id);
      const answers = [];
      for (let i = 1; i <= 4; i++) answers.push(await register(ev.id, visitor(s2, i)));
      expect(answers.map((a) => a.status)).to.deep.equal([201, 201, 201, 202]);
      expect(answers[3]!.body.position).to.equal(1);
      const dup = await register(ev.id, visitor(s2, 2, { name: 'Autre' }));
      expect([dup.status, dup.body.error.code]).to.deep.equal([409, 'already_registered']);
      expect((await register(ev.id, visitor(s1, 2))).status).to.equal(201);
      const noConsent = await register(ev.id, visitor(s1, 9, { consent: false }));
      expect(noConsent.status).to.equal(400);
      const withoutRobot = await anon().post(`/api/public/events/${ev.id}/registrations`, visitor(s1, 10));
      expect(withoutRobot.status).to.equal(400);
      // The confirmation carries the .ics and the cancel link.
      const confirm = lastMailTo(s.outboxDir, 'visiteur1@example.org');
      expect(confirm!.mail.subject).to.match(/^Inscription confirmée/);
      const ics = icsSentTo(s.outboxDir, 'visiteur1@example.org');
      expect(ics[0]).to.include('BEGIN:VCALENDAR').and.include('SUMMARY:Atelier « Créer son entreprise »');
      const { token } = cancelLinkSentTo(s.outboxDir, 'visiteur1@example.org');
      const seen = await anon().post('/api/public/event-registrations/lookup', { token });
      expect(seen.status, JSON.stringify([token, seen.body])).to.equal(200);
      expect([seen.body.status, seen.body.session.id]).to.deep.equal(['registered', s2]);
      const cancelled = await anon().post('/api/public/event-registrations/cancel', { token });
      expect(cancelled.body.cancelled).to.equal(true);
      expect((await anon().post('/api/public/event-registrations/lookup', { token })).status).to.equal(404);
      const promoted = lastMailTo(s.outboxDir, 'visiteur4@example.org');
      expect(promoted!.mail.subject).to.match(/place s'est libérée/);
      const regs = await as(animator).get(`/api/events/${ev.id}/registrations?sessionId=${s2}`);
      expect(regs.body.items.map((r: any) => [r.email, r.status])).to.deep.equal([
        ['visiteur2@example.org', 'registered'],
        ['visiteur3@example.org', 'registered'],
        ['visiteur4@example.org', 'registered'],
      ]);
      expect(regs.body.items.every((r: any) => r.visitor)).to.equal(true);
      // Members register to a session of their choice; without one, a two-session event asks which.
      expect((await as(reader).post(`/api/events/${ev.id}/registrations`, {})).body.error.code).to.equal('session_required');
      expect((await as(reader).post(`/api/events/${ev.id}/registrations`, { sessionId: s1 })).status).to.equal(201);
    });

    it('a visitor’s registration is erased a month after its date (as the consent says); members’ places stay', async () => {
      const ev = (await as(animator).post('/api/events', workshopBody(group.id))).body;
      const [s1, s2] = ev.sessions.map((x: any) => x.id);
      expect((await register(ev.id, visitor(s1, 61))).status).to.equal(201);
      expect((await register(ev.id, visitor(s2, 62))).status).to.equal(201);
      expect((await as(reader).post(`/api/events/${ev.id}/registrations`, { sessionId: s1 })).status).to.be.oneOf([200, 201]);
      const day = 86400_000;
      const now = new Date();
      // Session 1 ended 31 days ago, session 2 ended 29 days ago.
      await s
        .db('event_sessions')
        .where({ id: s1 })
        .update({ starts_at: new Date(now.getTime() - 31 * day - 3600_000), ends_at: new Date(now.getTime() - 31 * day) });
      await s
        .db('event_sessions')
        .where({ id: s2 })
        .update({ starts_at: new Date(now.getTime() - 29 * day - 3600_000), ends_at: new Date(now.getTime() - 29 * day) });
      const deps = { db: s.db, config: { eventVisitorRetentionDays: 30 } } as Parameters<typeof purgeVisitorRegistrations>[0];
      expect(await purgeVisitorRegistrations(deps, now)).to.equal(1);
      const left = await s.db('event_registrations').whereIn('session_id', [s1, s2]).orderBy('id');
      expect(left.map((r: any) => [r.session_id, r.email ?? null, r.user_id ?? null])).to.deep.equal([
        [s2, 'visiteur62@example.org', null],
        [s1, null, reader.user.id],
      ]);
      expect(await purgeVisitorRegistrations(deps, now)).to.equal(0);
      expect(await purgeVisitorRegistrations({ ...deps, config: { eventVisitorRetentionDays: 0 } } as typeof deps, now)).to.equal(0);
    });

    it('cancelling a session mails everyone on it; a closed session refuses registrations', async () => {
      const ev = (await as(animator).post('/api/events', workshopBody(group.id))).body;
      const [s1, s2] = ev.sessions.map((x: any) => x.id);
      await register(ev.id, visitor(s1, 31));
      expect((await as(reader).patch(`/api/events/${ev.id}/sessions/${s1}`, { status: 'cancelled' })).status).to.equal(403);
      const c = await as(animator).patch(`/api/events/${ev.id}/sessions/${s1}`, { status: 'cancelled', reason: 'Intervenant malade' });
      expect(c.body.sessions.find((x: any) => x.id === s1).status).to.equal('cancelled');
      const mail = lastMailTo(s.outboxDir, 'visiteur31@example.org');
      expect(mail!.mail.subject).to.match(/^Annulation/);
      expect(mail!.mail.text).to.include('Intervenant malade');
      await as(animator).patch(`/api/events/${ev.id}/sessions/${s2}`, { status: 'closed' });
      const closed = await register(ev.id, visitor(s2, 32));
      expect([closed.status, closed.body.error.code]).to.deep.equal([422, 'registration_closed']);
      expect((await as(animator).delete(`/api/events/${ev.id}/sessions/${s2}`)).body.sessions).to.have.length(1);
      const kept = await as(animator).delete(`/api/events/${ev.id}/sessions/${s1}`);
      expect([kept.status, kept.body.error.code]).to.deep.equal([422, 'session_has_registrations']);
    });

    it('concurrent registrations never exceed a session’s capacity; the waiting list keeps the order', async () => {
      const ev = (
        await as(animator).post(
          '/api/events',
          workshopBody(group.id, { sessions: [{ startsAt: '2030-01-10T09:00:00Z', endsAt: '2030-01-10T11:00:00Z', capacity: 5 }] }),
        )
      ).body;
      const sessionId = ev.sessions[0].id;
      const members = await Promise.all(Array.from({ length: 25 }, () => makeUserWithToken(s.db, { departmentCode: uniqueDepartment() })));
      const answers = await Promise.all(
        members.map((m) => api(s.url, { token: m.token }).post(`/api/events/${ev.id}/registrations`, { sessionId })),
      );
      expect(answers.filter((a) => a.status === 201)).to.have.length(5);
      expect(
        answers
          .filter((a) => a.status === 202)
          .map((a) => a.body.position)
          .sort((a, b) => a - b),
      ).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
      const rows = await s.db('event_registrations').where({ session_id: sessionId, status: 'registered' });
      expect(rows).to.have.length(5);
    }).timeout(120_000);

    it('reminders of the day before go once to everyone registered, across concurrent runs and a restart', async () => {
      const start = Date.now() + 3 * 86_400_000;
      const ev = (
        await as(animator).post(
          '/api/events',
          workshopBody(group.id, {
            sessions: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 7_200_000).toISOString(), capacity: 1 }],
          }),
        )
      ).body;
      const sessionId = ev.sessions[0].id;
      await register(ev.id, visitor(sessionId, 41));
      await register(ev.id, visitor(sessionId, 42)); // waiting: no reminder
      const deps = () => ({ db: s.db, config: s.config, mailer: createMailer(s.config, s.app.deps.log) });
      expect(await sendDueEventReminders(deps(), start - 48 * 3_600_000)).to.equal(0);
      const dayBefore = start - 20 * 3_600_000;
      const runs = await Promise.all([sendDueEventReminders(deps(), dayBefore), sendDueEventReminders(deps(), dayBefore)]);
      expect(runs[0]! + runs[1]!).to.equal(1);
      // A "restarted" process: a new mailer, the state is in the database.
      expect(await sendDueEventReminders(deps(), dayBefore + 3_600_000)).to.equal(0);
      const reminders = readOutbox(s.outboxDir).filter((m) => m.subject.startsWith('Rappel'));
      expect(reminders.filter((m) => m.to.includes('visiteur41@'))).to.have.length(1);
      expect(reminders.filter((m) => m.to.includes('visiteur42@'))).to.have.length(0);
    });

    it('"Mes événements — inscriptions": the organiser’s events with session counts, CSV and XLSX per event and for all; 404 for others', async () => {
      const ev = (await as(pro).post('/api/events', workshopBody(group.id, { title: 'Export atelier' }))).body;
      await as(animator).post(`/api/moderation/event/${ev.id}`, { decision: 'publish', comment: '' });
      await register(ev.id, visitor(ev.sessions[0].id, 51));
      const mine = await as(pro).get('/api/me/organised-events');
      const line = mine.body.items.find((e: any) => e.id === ev.id);
      expect(line.sessions.map((x: any) => x.registeredCount)).to.deep.equal([1, 0]);
      expect((await as(reader).get('/api/me/organised-events')).body.items.some((e: any) => e.id === ev.id)).to.equal(false);
      const csv = await fetch(`${s.url}/api/events/${ev.id}/registrations.csv`, { headers: { authorization: `Bearer ${pro.token}` } });
      const text = (await csv.text()).replace(/^\uFEFF/, '');
      expect(text.split('\r\n')[1]).to.match(
        /^Export atelier;[^;]+;Inscription directe \(sans compte\);Inscrit;;Visiteur 51;visiteur51@example.org;/,
      );
      const xlsx = await fetch(`${s.url}/api/events/${ev.id}/registrations.xlsx`, { headers: { authorization: `Bearer ${pro.token}` } });
      expect(xlsx.headers.get('content-type')).to.match(/spreadsheetml/);
      const bytes = Buffer.from(await xlsx.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).to.equal('PK');
      const all = await fetch(`${s.url}/api/me/organised-events/registrations.csv`, { headers: { authorization: `Bearer ${pro.token}` } });
      expect(await all.text()).to.include('visiteur51@example.org');
      expect((await as(reader).get(`/api/events/${ev.id}/registrations.xlsx`)).status).to.equal(403);
    });
  });
}

describe('workshops: visitors’ registrations are rate-limited per address', () => {
  const s = useServerOn('sqlite', { EVENT_REGISTRATION_RATE_PER_IP: '3' });
  const { person, as } = peopleOn(s);

  it('the fourth attempt in the window answers 429 rate_limited', async () => {
    const animator = await person({ role: 'animator' });
    const group = await createGroup(s.url, animator.token, { name: 'Limite', visibility: 'public' });
    const ev = (await as(animator).post('/api/events', workshopBody(group.id))).body;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const body = await withAntiRobot(s.url, visitor(ev.sessions[0].id, 60 + i));
      statuses.push((await api(s.url).post(`/api/public/events/${ev.id}/registrations`, body)).status);
    }
    expect(statuses).to.deep.equal([201, 201, 201, 429]);
  });
});
