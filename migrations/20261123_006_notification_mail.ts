import type { Knex } from 'knex';

/**
 * E-mail of notifications: `mailed_at` records that a notification went out by
 * mail (or was claimed for it by one node), so it is never mailed twice. The
 * index serves the job's scan of unmailed notifications by creation time.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('notifications', (t) => {
    t.timestamp('mailed_at', { useTz: true }).nullable();
    t.index(['mailed_at', 'created_at'], 'notifications_mailed_at_created_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('notifications', (t) => {
    t.dropIndex(['mailed_at', 'created_at'], 'notifications_mailed_at_created_at_index');
  });
  await knex.schema.alterTable('notifications', (t) => {
    t.dropColumn('mailed_at');
  });
}
