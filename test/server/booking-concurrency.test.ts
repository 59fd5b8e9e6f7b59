import { expect } from 'chai';
import type { TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { uniqueDepartment } from '../helpers/contacts';
import { useServerOn } from '../helpers/suite';
import { useCluster } from '../helpers/cluster';
import { firstFreeSlot, openBookingPage, visitorBody } from '../helpers/booking';

/** 50 visitors book the same slot at once, spread over `nodes`: the answers' statuses and the rows kept. */
async function stampede(nodes: TestServer[], db: TestServer['db'], token: string) {
  const { slug } = await openBookingPage(nodes[0]!.url, token);
  const start = await firstFreeSlot(nodes[0]!.url, slug);
  // Every anti-robot answer is solved before the first request leaves, so the 50 really arrive together.
  const bodies = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      visitorBody(nodes[i % nodes.length]!.url, start, { name: `Visiteur ${i}`, email: `v${i}@example.org` }),
    ),
  );
  const answers = await Promise.all(
    bodies.map((b, i) => api(nodes[i % nodes.length]!.url).post(`/api/public/booking/${slug}/appointments`, b)),
  );
  const rows = await db('appointments')
    .where({ starts_at: new Date(start) })
    .whereNull('cancelled_at');
  return { answers, rows };
}

const env = { BOOKING_RATE_PER_IP: '1000' };

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`booking: ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} books a slot once under concurrent requests`, function () {
    const s = useServerOn(kind, env);

    it('50 concurrent bookings of one slot: exactly one 201, 49 × 409 slot_taken, one row', async () => {
      const host = await makeUserWithToken(s.db, { departmentCode: uniqueDepartment() });
      const { answers, rows } = await stampede([s], s.db, host.token);
      expect(answers.filter((a) => a.status === 201)).to.have.length(1);
      const refused = answers.filter((a) => a.status !== 201);
      expect(refused).to.have.length(49);
      expect(
        refused.every((a) => a.status === 409 && a.body.error.code === 'slot_taken'),
        JSON.stringify(refused[0]?.body),
      ).to.equal(true);
      expect(rows).to.have.length(1);
    }).timeout(120_000);
  });
}

describe('booking: two nodes on PostgreSQL book a slot once', function () {
  const cluster = useCluster(env);

  it('50 concurrent bookings of one slot over nodes A and B: exactly one booking', async () => {
    const host = await cluster.person();
    const { answers, rows } = await stampede([cluster.A, cluster.B], cluster.db, host.token);
    expect(answers.filter((a) => a.status === 201)).to.have.length(1);
    expect(answers.filter((a) => a.status === 409 && a.body.error.code === 'slot_taken')).to.have.length(49);
    expect(rows).to.have.length(1);
  }).timeout(120_000);
});
