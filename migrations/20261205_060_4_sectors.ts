import type { Knex } from 'knex';

/** Sectors that editorial contents are sorted by (the list admins edit). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sectors', (t) => {
    t.increments('id').primary();
    t.string('name', 80).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sectors');
}
