import { expect } from 'chai';
import type { TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { uniqueDepartment } from '../helpers/contacts';
import { createGroup } from '../helpers/groups';
import { useServerOn } from '../helpers/suite';
import { createEvent } from '../helpers/events';

/** `n` people invited to one event with `capacity` places register at once: the answers, in any order. */
async function stampede(s: TestServer, organiser: { token: string }, groupId: number, n: number, capacity: number) {
  const people = [];
  for (let i = 0; i < n; i++) people.push(await makeUserWithToken(s.db, { departmentCode: uniqueDepartment() }));
  const created = await createEvent(s, organiser, groupId, { capacity, invite: { userIds: people.map((p) => p.user.id) } });
  const answers = await Promise.all(people.map((p) => api(s.url, { token: p.token }).post(`/api/events/${created.id}/registrations`, {})));
  return { eventId: created.id as number, answers };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`events: ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} never over-books under concurrent registrations`, function () {
    const s = useServerOn(kind);

    it('60 concurrent registrations for 10 places: exactly 10 registered and 50 on the waiting list, positions 1–50', async () => {
      const owner = await makeUserWithToken(s.db, { role: 'animator', departmentCode: uniqueDepartment() });
      const group = await createGroup(s.url, owner.token, { visibility: 'private' });
      const { eventId, answers } = await stampede(s, owner, group.id, 60, 10);
      const registered = answers.filter((a) => a.status === 201);
      const waitlisted = answers.filter((a) => a.status === 202);
      expect(registered.map((a) => a.body.status))
        .to.have.length(10)
        .and.to.satisfy((xs: string[]) => xs.every((x) => x === 'registered'));
      expect(waitlisted).to.have.length(50);
      expect(waitlisted.map((a) => a.body.position).sort((x, y) => x - y)).to.deep.equal(Array.from({ length: 50 }, (_, i) => i + 1));
      const rows = await s.db('event_registrations').where({ event_id: eventId }).select('status');
      expect(rows.filter((r: any) => r.status === 'registered')).to.have.length(10);
      expect(rows.filter((r: any) => r.status === 'waitlisted')).to.have.length(50);
      const view = await api(s.url, { token: owner.token }).get(`/api/events/${eventId}`);
      expect(view.body).to.include({ registeredCount: 10, waitlistCount: 50, capacity: 10 });
    }).timeout(120_000);
  });
}
