import type { Knex } from 'knex';

/**
 * When the pending account type was asked for: at sign-up, or later from the
 * profile (a member asks to change type). The admins' queue sorts and dates
 * requests by it; null when none waits.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.timestamp('account_type_requested_at', { useTz: true }).nullable();
  });
  // Requests made before this column: dated by the sign-up they came with.
  await knex('users')
    .whereNotNull('requested_account_type')
    .update({ account_type_requested_at: knex.ref('created_at') });
}

export async function down(knex: Knex): Promise<void> {
  // SQLite: a native DROP COLUMN (3.35+) rather than knex's table rebuild, which would lose the users' search triggers.
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('users', (t) => t.dropColumn('account_type_requested_at'));
  } else {
    await knex.raw('ALTER TABLE users DROP COLUMN account_type_requested_at');
  }
}
