import type { Knex } from 'knex';

/**
 * Who a creator shared a sheet with, by address. `user_id` is set when the
 * address had an account at share time; otherwise the share waits for an
 * account with that address (it grants access only to a validated
 * professional). Revoking deletes the row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sheet_shares', (t) => {
    t.increments('id').primary();
    t.integer('sheet_id').notNullable().references('project_sheets.id').onDelete('CASCADE');
    t.string('email', 254).notNullable();
    t.integer('user_id').nullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['sheet_id', 'email']);
    t.index(['user_id']);
    t.index(['email']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sheet_shares');
}
