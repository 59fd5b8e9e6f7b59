import type { Knex } from 'knex';

/** « Liens utiles » of a community: links its admins keep, in their chosen order. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('group_links', (t) => {
    t.increments('id').primary();
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.string('title', 200).notNullable();
    t.string('url', 2000).notNullable();
    t.string('description', 500).nullable();
    t.integer('position').notNullable().defaultTo(0);
    t.integer('created_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['group_id', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('group_links');
}
