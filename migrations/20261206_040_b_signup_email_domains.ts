import type { Knex } from 'knex';

/**
 * The e-mail domains allowed to sign up (#21). No row: sign-up is open to any
 * address. Accounts created by an admin or an organisation are not bound by it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('signup_email_domains', (t) => {
    t.string('domain', 253).primary();
    t.integer('added_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('signup_email_domains');
}
