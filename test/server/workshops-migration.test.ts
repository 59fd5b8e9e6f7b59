import { expect } from 'chai';
import type { Db } from '../../server/database';
import { emptyDatabase } from '../helpers/db';
import { needPostgres } from '../helpers/services';

const F = '20261206_030_a_event_sessions';

/** Migrates up to (not including) the first migration of the workshops. */
async function upTo(db: Db, name: string): Promise<void> {
  for (;;) {
    const [, pending] = (await db.migrate.list()) as [unknown[], { file: string }[]];
    if (!pending.length || pending[0]!.file.startsWith(name)) return;
    await db.migrate.up();
  }
}

/** An event with one date and two registrations made before sessions existed; then up, down and up again. */
async function roundTrip(db: Db): Promise<void> {
  await upTo(db, F);
  const now = new Date();
  if (!(await db('regions').where({ code: '11' }).first())) await db('regions').insert({ code: '11', name: 'Île-de-France' });
  if (!(await db('departments').where({ code: '75' }).first()))
    await db('departments').insert({ code: '75', name: 'Paris', region_code: '11' });
  const [u] = await db('users')
    .insert({
      email: 'm@exemple.fr',
      username: 'mig.user',
      password_hash: 'x',
      first_name: 'Mig',
      last_name: 'Ration',
      department_code: '75',
      role: 'member',
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .returning('id');
  const userId = Number((u as { id: number }).id ?? u);
  const [g] = await db('groups')
    .insert({ name: 'G', slug: 'g-mig', description: '', visibility: 'public', created_by: userId, created_at: now, updated_at: now })
    .returning('id');
  const groupId = Number((g as { id: number }).id ?? g);
  const [e] = await db('events')
    .insert({
      group_id: groupId,
      title: 'Ancien',
      starts_at: new Date('2030-01-10T09:00:00Z'),
      ends_at: new Date('2030-01-10T11:00:00Z'),
      capacity: 1,
      prescription_capacity: 4,
      waitlist: true,
      created_at: now,
      updated_at: now,
    })
    .returning('id');
  const eventId = Number((e as { id: number }).id ?? e);
  await db('event_registrations').insert([
    { event_id: eventId, list: 'member', status: 'registered', user_id: userId, self_key: userId, created_at: now },
    {
      event_id: eventId,
      list: 'prescription',
      status: 'registered',
      user_id: userId,
      name: 'P',
      email: 'p@x.fr',
      prescription_key: 'p@x.fr',
      created_at: now,
    },
  ]);
  await db.migrate.latest();
  const sessions = await db('event_sessions').where({ event_id: eventId });
  expect(sessions).to.have.length(1);
  expect([sessions[0].capacity, sessions[0].prescription_capacity, sessions[0].status]).to.deep.equal([1, 4, 'open']);
  expect(new Date(sessions[0].starts_at).toISOString()).to.equal('2030-01-10T09:00:00.000Z');
  const regs = await db('event_registrations').where({ event_id: eventId });
  expect(regs.every((r: { session_id: number }) => Number(r.session_id) === Number(sessions[0].id))).to.equal(true);
  const ev = await db('events').where({ id: eventId }).first();
  expect([ev.status, ev.access, !!ev.published_at]).to.deep.equal(['published', 'pro', true]);
  await db.migrate.rollback(undefined, true);
  expect(await db.schema.hasTable('event_sessions')).to.equal(false);
  await db.migrate.latest();
}

describe('migrations: single-date events become one session each (up, down, up)', () => {
  it('on SQLite', async () => {
    const t = await emptyDatabase('sqlite', 'maillage_ws');
    try {
      await roundTrip(t.db);
    } finally {
      await t.drop();
    }
  });

  it('on PostgreSQL', async function () {
    await needPostgres(this);
    const t = await emptyDatabase('postgres', 'maillage_ws');
    try {
      await roundTrip(t.db);
    } finally {
      await t.drop();
    }
  });
});
