import type { Knex } from 'knex';

/**
 * Account deletion (RGPD): `deletion_requested_at` starts the 14-day grace
 * period (signing in clears it); the erasure job picks due accounts by it, so
 * a restart loses nothing. `erased_at` marks an account whose personal data
 * is gone (its row stays, renamed "Compte supprimé", so messages keep an author).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.timestamp('deletion_requested_at', { useTz: true }).nullable();
    t.timestamp('erased_at', { useTz: true }).nullable();
    t.index(['deletion_requested_at'], 'users_deletion_requested_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropIndex(['deletion_requested_at'], 'users_deletion_requested_at_index');
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('deletion_requested_at');
    t.dropColumn('erased_at');
  });
}
