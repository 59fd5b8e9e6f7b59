import type { Knex } from 'knex';

/**
 * Access requests sent from the public form: the organisation's sheet and the
 * requester, waiting for an admin's decision (`pending` → `accepted` with the
 * organisation created, or `refused` with the reason mailed).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organisation_requests', (t) => {
    t.increments('id').primary();
    t.string('status', 16).notNullable().defaultTo('pending');
    t.string('type', 24).notNullable();
    t.string('name', 160).notNullable();
    t.string('commune_code', 5).notNullable();
    t.string('siret', 14).nullable();
    t.string('website', 300).nullable();
    t.string('contact_email', 254).nullable();
    t.string('contact_phone', 30).nullable();
    t.text('services').nullable();
    t.string('requester_first_name', 80).notNullable();
    t.string('requester_last_name', 80).notNullable();
    t.string('requester_function', 120).notNullable();
    t.string('requester_email', 254).notNullable();
    t.text('reason').nullable();
    t.integer('decided_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('decided_at', { useTz: true }).nullable();
    t.integer('organisation_id').nullable().references('organisations.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['status', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('organisation_requests');
}
