import type { Knex } from 'knex';

/**
 * One place per person is now per session (a member may come to several dates
 * of one event): the event-wide unique indexes go. down() puts them back,
 * keeping each person's first registration of an event.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('event_registrations', (t) => {
    t.dropUnique(['event_id', 'self_key']);
    t.dropUnique(['event_id', 'prescription_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const key of ['self_key', 'prescription_key']) {
    const keep = knex('event_registrations').select(knex.raw('min(id)')).whereNotNull(key).groupBy('event_id', key);
    await knex('event_registrations').whereNotNull(key).whereNotIn('id', keep).delete();
  }
  await knex.schema.alterTable('event_registrations', (t) => {
    t.unique(['event_id', 'self_key']);
    t.unique(['event_id', 'prescription_key']);
  });
}
