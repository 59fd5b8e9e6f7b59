import type { Knex } from 'knex';

/**
 * Emoji reactions to chat messages: one row per (message, person, emoji). The primary key makes a
 * toggle idempotent under concurrent requests (two "add" of the same reaction store one row).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('message_reactions', (t) => {
    t.integer('message_id').notNullable().references('messages.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('emoji', 64).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['message_id', 'user_id', 'emoji']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('message_reactions');
}
