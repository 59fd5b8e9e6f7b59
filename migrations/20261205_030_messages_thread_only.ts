import type { Knex } from 'knex';

/**
 * A reply written in a thread's side panel stays in the thread (`thread_only`), unless its author
 * also sent it to the channel. It keeps its seq in the channel like any message (catch-up stays
 * gap-free); clients leave it out of the channel's list.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('messages', (t) => {
    t.boolean('thread_only').notNullable().defaultTo(false);
    t.index(['reply_to_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('messages', (t) => {
    t.dropIndex(['reply_to_id']);
    t.dropColumn('thread_only');
  });
}
