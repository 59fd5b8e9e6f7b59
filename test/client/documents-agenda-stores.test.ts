import { expect } from 'chai';
import { createApi } from '../../client/api/index.js';
import type { AgendaEvent, PublicEvent } from '../../client/api/events.js';
import { DocumentsStore } from '../../client/state/documents-store.js';
import { AgendaStore, EventStore, countLabel, mergePublic } from '../../client/state/events-store.js';
import { byDay, dayKey, fromLocalInput, gridRange, monthGrid, toLocalInput } from '../../client/state/calendar.js';
import { fakeFetch } from './fake-fetch.js';

/** A hub that the test drives by hand: `emit` plays a server event. */
function fakeHub() {
  const target = new EventTarget();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  return Object.assign(target, {
    on<T>(event: string, l: (p: T) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(l as (p: unknown) => void);
      return () => set.delete(l as (p: unknown) => void);
    },
    emit(event: string, payload: unknown) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  });
}

const event = (o: Partial<AgendaEvent> = {}): AgendaEvent => ({
  id: 7,
  groupId: 3,
  group: { id: 3, name: 'G' },
  title: 'Atelier',
  description: null,
  startsAt: '2026-12-07T13:00:00.000Z',
  endsAt: '2026-12-07T15:00:00.000Z',
  location: 'Lyon',
  videoUrl: null,
  capacity: 50,
  waitlist: true,
  prescriptionCapacity: null,
  registrationDeadline: null,
  registrationOpen: true,
  cancelledAt: null,
  cancelReason: null,
  createdBy: null,
  createdAt: '',
  updatedAt: '',
  registeredCount: 19,
  waitlistCount: 0,
  prescriptionRegisteredCount: 0,
  prescriptionWaitlistCount: 0,
  icsUrl: '/api/events/7/ics',
  status: 'published',
  access: 'pro',
  placeName: null,
  street: null,
  postalCode: null,
  commune: null,
  contact: { name: null, email: null, phone: null, website: null },
  price: null,
  eventType: null,
  projectSize: null,
  departmentCodes: [],
  sectors: [],
  image: null,
  files: [],
  sessions: [],
  publishedAt: null,
  publicUrl: null,
  mySessionRegistrations: [],
  myRegistration: { id: 1, status: 'registered', position: null },
  invited: false,
  canManage: false,
  ...o,
});

describe('client calendar: French month view', () => {
  it('weeks start on Monday and cover the whole month', () => {
    const nov = monthGrid(new Date(2026, 10, 15)); // 1 Nov 2026 is a Sunday
    expect(nov.every((w) => w.length === 7 && w[0]!.getDay() === 1)).to.equal(true);
    expect(dayKey(nov[0]![0]!)).to.equal('2026-10-26');
    expect(dayKey(nov[nov.length - 1]![6]!)).to.equal('2026-12-06');
    const feb = monthGrid(new Date(2027, 1, 1)); // starts on a Monday, 28 days: exactly four weeks
    expect(feb).to.have.length(4);
    const { from, to } = gridRange(new Date(2026, 10, 1));
    expect([dayKey(from), dayKey(to)]).to.deep.equal(['2026-10-26', '2026-12-07']);
  });

  it('groups events by local day, an event over several days on each of them', () => {
    const start = new Date(2026, 11, 7, 18, 0);
    const end = new Date(2026, 11, 9, 10, 0);
    const days = byDay([{ startsAt: start.toISOString(), endsAt: end.toISOString() }]);
    expect([...days.keys()]).to.deep.equal(['2026-12-07', '2026-12-08', '2026-12-09']);
  });

  it('datetime-local values round-trip to the minute', () => {
    const iso = new Date(2026, 11, 7, 14, 30).toISOString();
    expect(toLocalInput(iso)).to.equal('2026-12-07T14:30');
    expect(fromLocalInput(toLocalInput(iso))).to.equal(iso);
    expect(fromLocalInput('')).to.equal(null);
  });
});

describe('client agenda stores', () => {
  it('« 19/50 inscrits », and live updates keep my own registration', () => {
    expect(countLabel({ registeredCount: 19, capacity: 50 })).to.equal('19/50 inscrits');
    expect(countLabel({ registeredCount: 1, capacity: null })).to.equal('1 inscrit');
    const update = { ...event(), registeredCount: 20 } as PublicEvent & Partial<AgendaEvent>;
    delete update.myRegistration;
    expect(mergePublic(event(), update))
      .to.include({ registeredCount: 20 })
      .and.to.have.deep.property('myRegistration', { id: 1, status: 'registered', position: null });
  });

  it('AgendaStore loads a range and follows event:updated', async () => {
    const f = fakeFetch();
    const store = new AgendaStore(createApi({ fetch: f.fetch }), 3);
    const hub = fakeHub();
    store.follow(hub);
    f.answer(200, { items: [event()] });
    await store.load(new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(f.calls[0]!.url).to.equal('/api/groups/3/events?from=2026-12-01T00%3A00%3A00.000Z&to=2027-01-01T00%3A00%3A00.000Z');
    hub.emit('event:updated', { ...event({ registeredCount: 21 }), myRegistration: undefined });
    expect(store.items[0]).to.include({ registeredCount: 21 });
    expect(store.items[0]!.myRegistration?.status).to.equal('registered');
  });

  it('EventStore registers, and re-reads the event when my place on the waiting list may move', async () => {
    const f = fakeFetch();
    const store = new EventStore(createApi({ fetch: f.fetch }), 7);
    const hub = fakeHub();
    store.follow(hub);
    f.answer(200, event({ myRegistration: null, registeredCount: 50 }));
    await store.load();
    f.answer(202, {
      status: 'waitlisted',
      position: 2,
      registrationId: 9,
      created: true,
      event: event({ myRegistration: { id: 9, status: 'waitlisted', position: 2 }, registeredCount: 50, waitlistCount: 2 }),
    });
    expect(await store.register()).to.equal(true);
    expect(f.calls[1]).to.include({ method: 'POST', url: '/api/events/7/registrations' });
    expect(store.event!.myRegistration).to.deep.equal({ id: 9, status: 'waitlisted', position: 2 });
    f.answer(200, event({ myRegistration: { id: 9, status: 'waitlisted', position: 1 }, waitlistCount: 1 }));
    hub.emit('event:updated', { ...event({ waitlistCount: 1 }), myRegistration: undefined });
    await new Promise((r) => setTimeout(r, 0));
    expect(f.calls[2]).to.include({ method: 'GET', url: '/api/events/7' });
    expect(store.event!.myRegistration?.position).to.equal(1);
    f.error(409, 'event_full', 'Cet événement est complet.');
    expect(await store.prescribe('Paul', 'paul@exemple.fr')).to.equal(false);
    expect(store.error?.code).to.equal('event_full');
  });
});

describe('client DocumentsStore', () => {
  it('loads with the filters in the query, and reloads on document:changed for its bank only', async () => {
    const f = fakeFetch();
    const store = new DocumentsStore(createApi({ fetch: f.fetch }), 5);
    const hub = fakeHub();
    store.follow(hub);
    f.answer(200, { items: [], nextCursor: null });
    await store.setQuery({ q: ' budget ', sort: 'title', type: 'pdf' });
    expect(f.calls[0]!.url).to.equal('/api/groups/5/documents?q=budget&sort=title&type=pdf&limit=50');
    hub.emit('document:changed', { groupId: 6, documentId: 1, action: 'added' });
    expect(f.calls).to.have.length(1);
    f.answer(200, { items: [{ id: 1, title: 'Budget' }], nextCursor: null });
    hub.emit('document:changed', { groupId: 5, documentId: 1, action: 'added' });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.items.map((d) => d.id)).to.deep.equal([1]);
  });
});
