import type { Knex } from 'knex';

/**
 * Each account's type: `account_type` is the one in force (a basic `membre`
 * until an admin validates a type that needs it), `requested_account_type`
 * the one waiting in the admins' queue. No foreign key: SQLite cannot add one
 * to an existing table without rebuilding it; the services check the keys.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.string('account_type', 32).notNullable().defaultTo('membre');
    t.string('requested_account_type', 32).nullable();
    t.index(['requested_account_type'], 'users_requested_account_type_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropIndex(['requested_account_type'], 'users_requested_account_type_index');
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('account_type');
    t.dropColumn('requested_account_type');
  });
}
