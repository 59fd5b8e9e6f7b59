import type { Knex } from 'knex';

/** Applications and products the library's resources are about (the list admins edit). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('resource_applications', (t) => {
    t.increments('id').primary();
    t.string('name', 80).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('resource_applications');
}
