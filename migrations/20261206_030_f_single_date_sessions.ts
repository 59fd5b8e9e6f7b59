import type { Knex } from 'knex';

/**
 * Every existing event (one date) becomes one session with the event's dates,
 * places and state; its registrations move into that session. down() removes
 * the sessions (the events kept their own dates and places) and detaches the
 * registrations (those of sessions other than an event's first are deleted:
 * an event with one date cannot hold them).
 */
export async function up(knex: Knex): Promise<void> {
  const events = await knex('events').select(
    'id',
    'starts_at',
    'ends_at',
    'capacity',
    'prescription_capacity',
    'cancelled_at',
    'cancel_reason',
    'created_at',
    'updated_at',
  );
  for (const e of events) {
    const [row] = await knex('event_sessions')
      .insert({
        event_id: e.id,
        starts_at: e.starts_at,
        ends_at: e.ends_at,
        capacity: e.capacity,
        prescription_capacity: e.prescription_capacity,
        status: e.cancelled_at ? 'cancelled' : 'open',
        cancelled_at: e.cancelled_at,
        cancel_reason: e.cancel_reason,
        created_at: e.created_at,
        updated_at: e.updated_at,
      })
      .returning('id');
    const sessionId = Number(typeof row === 'object' ? row.id : row);
    await knex('event_registrations').where({ event_id: e.id }).update({ session_id: sessionId });
  }
}

export async function down(knex: Knex): Promise<void> {
  const first = knex('event_sessions as s').select(knex.raw('min(s.id)')).whereRaw('s.event_id = event_registrations.event_id');
  await knex('event_registrations').whereNotNull('session_id').whereNot('session_id', first).delete();
  await knex('event_registrations').update({ session_id: null });
  await knex('event_sessions').delete();
}
