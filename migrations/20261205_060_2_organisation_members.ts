import type { Knex } from 'knex';

/**
 * Who belongs to which organisation: at most one organisation per account
 * (unique user_id), and whether the person manages its members. A table of
 * its own rather than columns on `users`: SQLite cannot add a foreign key to
 * an existing table without rebuilding it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organisation_members', (t) => {
    t.increments('id').primary();
    t.integer('organisation_id').notNullable().references('organisations.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().unique().references('users.id').onDelete('CASCADE');
    t.boolean('manages_members').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['organisation_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('organisation_members');
}
