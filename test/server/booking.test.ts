import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { waitForOutbox, readOutbox } from '../helpers/outbox';
import {
  firstFreeSlot,
  icsSentTo,
  manageLinkSentTo,
  waitForIcs,
  openBookingPage,
  OPEN_EVERY_DAY,
  parseIcs,
  visitorBody,
} from '../helpers/booking';
import { withAntiRobot } from '../helpers/anti-robot';
import { sendDueReminders } from '../../server/services/booking/reminders';
import { createMailer } from '../../server/mail';

describe('booking: a member’s public page, booking, the visitor’s link, reminders', () => {
  const s = useServer({ env: { BOOKING_RATE_PER_IP: '1000' } });
  const { person, as } = peopleOn(s);
  let host: Person;
  let slug: string;

  before(async () => {
    host = await person({ username: 'julie.conseillere', firstName: 'Julie', lastName: 'Martin', email: 'julie@example.org' });
    slug = (await openBookingPage(s.url, host.token)).slug;
  });

  it('a member’s page is switched off until saved; settings are validated with French field messages', async () => {
    const other = await person();
    const page = await as(other).get('/api/booking/settings');
    expect(page.status).to.equal(200);
    expect(page.body).to.include({ enabled: false, slotMinutes: 30, publicHolidaysOff: true });
    expect((await api(s.url).get(`/api/public/booking/${page.body.slug}`)).status).to.equal(404);
    const bad = await as(other).put('/api/booking/settings', {
      ...OPEN_EVERY_DAY,
      slotMinutes: 5,
      weekly: [{ day: 8, start: '12:00', end: '09:00' }],
      places: [],
    });
    expect(bad.status).to.equal(400);
    expect(Object.keys(bad.body.error.details.fields)).to.include.members(['slotMinutes', 'weekly.0.day', 'places']);
    const unknownCommune = await as(other).put('/api/booking/settings', {
      ...OPEN_EVERY_DAY,
      places: [{ label: 'Mairie', canal: 'home_base', communeCode: '99999' }],
    });
    expect(unknownCommune.status).to.equal(400);
    const saved = await as(host).get('/api/booking/settings');
    expect(saved.body).to.include({
      enabled: true,
      slug: 'julie-conseillere',
      publicUrl: `${s.config.publicUrl}/rendez-vous/julie-conseillere`,
    });
  });

  it('the public page lists free slots by day; a booking answers 201, mails both with a valid .ics, and the slot leaves the list', async () => {
    const view = await api(s.url).get(`/api/public/booking/${slug}`);
    expect(view.status).to.equal(200);
    expect(view.body.host.displayName).to.equal('Julie Martin');
    expect(view.body.places).to.deep.equal([
      { label: 'Médiathèque de Lyon 3e', canal: 'home_base' },
      { label: 'Par téléphone', canal: 'remote' },
    ]);
    const start = view.body.days[0].slots[0].startsAt as string;
    const before = readOutbox(s.outboxDir).length;
    const booked = await api(s.url).post(
      `/api/public/booking/${slug}/appointments`,
      await visitorBody(s.url, start, { email: 'visiteur1@example.org' }),
    );
    expect(booked.status).to.equal(201);
    expect(booked.body).to.include({ startsAt: start, place: 'Médiathèque de Lyon 3e', hostName: 'Julie Martin', cancelled: false });
    await waitForOutbox(s.outboxDir, before + 2);
    for (const to of ['visiteur1@example.org', 'julie@example.org']) await waitForIcs(s.outboxDir, to, 1);
    const visitorMail = readOutbox(s.outboxDir)
      .filter((m) => m.to.includes('visiteur1@example.org'))
      .pop()!;
    expect(visitorMail.subject).to.equal('Rendez-vous confirmé avec Julie Martin');
    for (const to of ['visiteur1@example.org', 'julie@example.org']) {
      const [ics] = await waitForIcs(s.outboxDir, to, 1);
      const event = parseIcs(ics!);
      expect(event.start).to.equal(new Date(start).toISOString());
      expect(Date.parse(event.end) - Date.parse(event.start)).to.equal(30 * 60_000);
      expect(event.status).to.equal('CONFIRMED');
    }
    const after = await api(s.url).get(`/api/public/booking/${slug}`);
    expect(after.body.days.flatMap((d: any) => d.slots.map((x: any) => x.startsAt))).not.to.include(start);
    const again = await api(s.url).post(`/api/public/booking/${slug}/appointments`, await visitorBody(s.url, start));
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('slot_taken');
  });

  it('refuses what is not a slot, a foreign phone, a missing anti-robot answer, an unknown theme', async () => {
    const start = await firstFreeSlot(s.url, slug);
    const off = new Date(Date.parse(start) + 10 * 60_000).toISOString();
    const notSlot = await api(s.url).post(`/api/public/booking/${slug}/appointments`, await visitorBody(s.url, off));
    expect(notSlot.status).to.equal(409);
    expect(notSlot.body.error.code).to.equal('slot_unavailable');
    const phone = await api(s.url).post(`/api/public/booking/${slug}/appointments`, await visitorBody(s.url, start, { phone: '12' }));
    expect(phone.status).to.equal(400);
    expect(phone.body.error.details.fields).to.have.property('phone');
    const robot = await api(s.url).post(`/api/public/booking/${slug}/appointments`, {
      startsAt: start,
      place: 0,
      name: 'Camille',
      email: 'c@example.org',
      theme: 'email',
    });
    expect(robot.status).to.equal(400);
    expect(robot.body.error.code).to.equal('anti_robot_required');
    const theme = await api(s.url).post(
      `/api/public/booking/${slug}/appointments`,
      await visitorBody(s.url, start, { theme: 'nope', extra: 1 }),
    );
    expect(theme.status).to.equal(400);
    expect((await api(s.url).get('/api/public/booking/nobody-here')).status).to.equal(404);
  });

  it('the visitor’s link shows, moves and cancels the appointment; the member lists it with the report prefill', async () => {
    const start = await firstFreeSlot(s.url, slug);
    const before = readOutbox(s.outboxDir).length;
    await api(s.url).post(
      `/api/public/booking/${slug}/appointments`,
      await visitorBody(s.url, start, { email: 'visiteur2@example.org', theme: 'online_procedure' }),
    );
    await waitForOutbox(s.outboxDir, before + 2);
    await waitForIcs(s.outboxDir, 'visiteur2@example.org', 1);
    const { token } = manageLinkSentTo(s.outboxDir, 'visiteur2@example.org');
    const seen = await api(s.url).post('/api/public/appointments/lookup', { token });
    expect(seen.body).to.include({ startsAt: start, slug, cancelled: false });
    expect((await api(s.url).post('/api/public/appointments/lookup', { token: 'x'.repeat(43) })).status).to.equal(404);

    const mine = await as(host).get('/api/booking/appointments');
    const listed = mine.body.items.find((a: any) => a.email === 'visiteur2@example.org');
    expect(listed).to.include({ name: 'Camille Durand', phone: '+33612345678', theme: 'online_procedure', canal: 'home_base' });
    expect(listed.reportPrefill).to.deep.include({ canal: 'home_base', theme: 'online_procedure' });
    expect(listed.reportPrefill.commune).to.include({ code: '69383', departmentCode: '69' });
    expect(listed.reportPrefill.date).to.match(/^\d{4}-\d{2}-\d{2}$/);
    const stranger = await person();
    expect((await as(stranger).get(`/api/booking/appointments/${listed.id}`)).status).to.equal(404);
    expect((await as(host).get(`/api/booking/appointments/${listed.id}`)).body.id).to.equal(listed.id);

    const target = await firstFreeSlot(s.url, slug);
    const moved = await api(s.url).post('/api/public/appointments/move', { token, startsAt: target });
    expect(moved.status).to.equal(200);
    expect(moved.body.startsAt).to.equal(target);
    // The old slot is free again, the new one is not.
    const slots = (await api(s.url).get(`/api/public/booking/${slug}`)).body.days.flatMap((d: any) => d.slots.map((x: any) => x.startsAt));
    expect(slots).to.include(start).and.not.to.include(target);

    const cancelled = await api(s.url).post('/api/public/appointments/cancel', { token });
    expect(cancelled.body.cancelled).to.equal(true);
    expect((await api(s.url).post('/api/public/appointments/cancel', { token })).body.error.code).to.equal('appointment_past');
    // The cancellation's mails are sent after the answer: wait for the visitor's third .ics.
    for (const until = Date.now() + 5000; icsSentTo(s.outboxDir, 'visiteur2@example.org').length < 3 && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 20));
    const icsList = icsSentTo(s.outboxDir, 'visiteur2@example.org').map(parseIcs);
    expect(icsList.map((e) => e.status)).to.deep.equal(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(new Set(icsList.map((e) => e.uid)).size).to.equal(1);
    // The slot can be booked again.
    const rebooked = await api(s.url).post(`/api/public/booking/${slug}/appointments`, await visitorBody(s.url, target));
    expect(rebooked.status).to.equal(201);
  });

  it('a move onto a held slot answers 409 slot_taken; a begun appointment can no longer change; a page switched off answers 404', async () => {
    const host3 = await person();
    const page = await openBookingPage(s.url, host3.token);
    const view = (await api(s.url).get(`/api/public/booking/${page.slug}`)).body;
    const [first, second] = view.days[0].slots.length > 1 ? view.days[0].slots : [...view.days[0].slots, ...view.days[1].slots];
    const before = readOutbox(s.outboxDir).length;
    await api(s.url).post(
      `/api/public/booking/${page.slug}/appointments`,
      await visitorBody(s.url, first.startsAt, { email: 'premier@example.org' }),
    );
    await api(s.url).post(
      `/api/public/booking/${page.slug}/appointments`,
      await visitorBody(s.url, second.startsAt, { email: 'second@example.org' }),
    );
    await waitForOutbox(s.outboxDir, before + 4);
    await waitForIcs(s.outboxDir, 'premier@example.org', 1);
    const { token } = manageLinkSentTo(s.outboxDir, 'premier@example.org');
    const clash = await api(s.url).post('/api/public/appointments/move', { token, startsAt: second.startsAt });
    expect(clash.status).to.equal(409);
    expect(clash.body.error.code).to.equal('slot_taken');
    // Begun: neither cancel nor move.
    await s
      .db('appointments')
      .where({ email: 'premier@example.org' })
      .update({ starts_at: new Date(Date.now() - 60_000) });
    const late = await api(s.url).post('/api/public/appointments/cancel', { token });
    expect(late.status).to.equal(409);
    expect(late.body.error.code).to.equal('appointment_past');
    // Switched off: the public page and its booking are gone (404), the member still sees their appointments.
    await as(host3).put('/api/booking/settings', { ...OPEN_EVERY_DAY, enabled: false });
    expect((await api(s.url).get(`/api/public/booking/${page.slug}`)).status).to.equal(404);
    const refused = await api(s.url).post(`/api/public/booking/${page.slug}/appointments`, await visitorBody(s.url, first.startsAt));
    expect(refused.status).to.equal(404);
    expect((await as(host3).get('/api/booking/appointments')).body.items).to.have.length(2);
    const chatOnly = await person({ chatOnly: true });
    expect((await as(chatOnly).get('/api/booking/settings')).status).to.equal(403);
  });

  it('reminds each appointment once, whoever runs the job and however often (state in the database)', async () => {
    const host2 = await person({ firstName: 'Hugo', lastName: 'Petit' });
    // Every slot starts more than a day ahead: confirmation now, reminder later.
    const page = await openBookingPage(s.url, host2.token, { ...OPEN_EVERY_DAY, noticeHours: 30 });
    const start = await firstFreeSlot(s.url, page.slug);
    await api(s.url).post(
      `/api/public/booking/${page.slug}/appointments`,
      await visitorBody(s.url, start, { email: 'rappel@example.org' }),
    );
    const rows = await s.db('appointments').where({ email: 'rappel@example.org' });
    expect(rows[0].reminded_at).to.equal(null);
    const mailer = createMailer(s.config, s.app.deps.log);
    // Two days before: nothing due.
    expect(await sendDueReminders({ db: s.db, config: s.config, mailer }, Date.parse(start) - 48 * 3_600_000)).to.equal(0);
    // The day before: two "nodes" at once, then a "restarted" one.
    const dayBefore = Date.parse(start) - 20 * 3_600_000;
    const runs = await Promise.all(
      [1, 2].map(() => sendDueReminders({ db: s.db, config: s.config, mailer: createMailer(s.config, s.app.deps.log) }, dayBefore)),
    );
    expect(runs[0]! + runs[1]!).to.equal(1);
    expect(await sendDueReminders({ db: s.db, config: s.config, mailer }, dayBefore + 3_600_000)).to.equal(0);
    const reminders = readOutbox(s.outboxDir).filter((m) => m.subject.startsWith('Rappel') && m.to.includes('rappel@example.org'));
    expect(reminders).to.have.length(1);
  });
});

describe('booking: public writes are rate-limited per address', () => {
  const s = useServer({ env: { BOOKING_RATE_PER_IP: '3' } });
  const { person } = peopleOn(s);

  it('the fourth booking attempt in the window answers 429 rate_limited', async () => {
    const host = await person();
    const { slug } = await openBookingPage(s.url, host.token);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const start = await firstFreeSlot(s.url, slug);
      statuses.push(
        (
          await api(s.url).post(
            `/api/public/booking/${slug}/appointments`,
            await withAntiRobot(s.url, { startsAt: start, place: 1, name: `Visiteur ${i}`, email: `v${i}@example.org`, theme: 'email' }),
          )
        ).status,
      );
    }
    expect(statuses).to.deep.equal([201, 201, 201, 429]);
  });
});
