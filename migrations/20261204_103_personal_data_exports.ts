import type { Knex } from 'knex';

/**
 * "Mes données" archives built in the background for large accounts: the
 * download link (by notification and e-mail) carries a token whose hash is
 * stored here; the file lives under $DATA_DIR/exports until `expires_at` (7 days).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('personal_data_exports', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('token_hash', 64).notNullable().unique();
    t.string('status', 16).notNullable().defaultTo('building'); // building | ready | failed
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('ready_at', { useTz: true }).nullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('personal_data_exports');
}
