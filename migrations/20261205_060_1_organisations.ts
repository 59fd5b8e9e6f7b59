import type { Knex } from 'knex';

/**
 * Organisations (town halls, CCAS, EPCI, associations…): the sheet the
 * directory lists. `department_code` is the commune's, kept so that accounts
 * created for the organisation get a département without asking.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organisations', (t) => {
    t.increments('id').primary();
    t.string('type', 24).notNullable();
    t.string('name', 160).notNullable();
    t.string('commune_code', 5).notNullable();
    t.string('department_code', 3).notNullable();
    t.string('siret', 14).nullable().unique();
    t.string('website', 300).nullable();
    t.string('contact_email', 254).nullable();
    t.string('contact_phone', 30).nullable();
    t.text('services').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['name']);
    t.index(['type']);
    t.index(['department_code']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('organisations');
}
