import type { Knex } from 'knex';

/**
 * The dates of an agenda event. Each session has its own places: `capacity`
 * for the direct list (members and, on public events, visitors without an
 * account; null = no limit) and `prescription_capacity` for the list of people
 * registered by a professional (null = no such list), each with its waiting
 * list. `status`: open, closed (no new registration) or cancelled.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('event_sessions', (t) => {
    t.increments('id').primary();
    t.integer('event_id').notNullable().references('events.id').onDelete('CASCADE');
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.integer('capacity').nullable();
    t.integer('prescription_capacity').nullable();
    t.string('status', 12).notNullable().defaultTo('open');
    t.timestamp('cancelled_at', { useTz: true }).nullable();
    t.text('cancel_reason').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['event_id', 'starts_at']);
    t.index(['starts_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('event_sessions');
}
