import type { Knex } from 'knex';

/**
 * Appointments booked by the public with a member. `slot_key` is the start in
 * epoch ms while the appointment stands and NULL once cancelled: the unique
 * (host_id, slot_key) makes the database refuse a second booking of a slot,
 * whatever the node or the timing, while cancelled rows (NULLs are distinct in
 * a unique index on SQLite and PostgreSQL alike) free it again.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('appointments', (t) => {
    t.increments('id').primary();
    t.integer('host_id').notNullable().references('users.id').onDelete('CASCADE');
    t.bigInteger('slot_key').nullable();
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.string('place_label', 120).notNullable();
    t.string('canal', 20).notNullable();
    t.string('commune_code', 10).nullable();
    t.string('theme', 40).notNullable();
    t.string('name', 120).notNullable();
    t.string('email', 254).notNullable();
    t.string('phone', 20).nullable();
    t.string('message', 1000).nullable();
    // sha256 of the secret in the visitor's cancel/move link (the secret itself is only in their mail).
    t.string('token_hash', 64).notNullable().unique();
    t.timestamp('cancelled_at', { useTz: true }).nullable();
    // Set when the reminder is claimed, before it is sent: never mailed twice, even by two nodes.
    t.timestamp('reminded_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['host_id', 'slot_key']);
    t.index(['host_id', 'starts_at']);
    t.index(['reminded_at', 'starts_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('appointments');
}
