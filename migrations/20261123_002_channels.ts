import type { Knex } from 'knex';

/** Channels, their members (read markers, favourites) and messages with gap-free seqs. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('channels', (t) => {
    t.increments('id').primary();
    t.string('kind', 16).notNullable(); // national | departmental | thematic | group | direct | hotline
    t.string('name', 120).notNullable();
    t.string('slug', 140).notNullable().unique();
    t.text('description').nullable();
    t.string('department_code', 3).nullable().references('departments.code');
    t.integer('group_id').nullable();
    t.boolean('announce').notNullable().defaultTo(false);
    // "a:b" with a < b for direct channels: one channel per pair, enforced by the unique index.
    t.string('direct_key', 40).nullable().unique();
    t.integer('last_seq').notNullable().defaultTo(0);
    t.integer('created_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('archived_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['kind']);
    t.index(['group_id']);
  });
  await knex.schema.createTable('channel_members', (t) => {
    t.integer('channel_id').notNullable().references('channels.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('last_read_seq').notNullable().defaultTo(0);
    t.boolean('favorite').notNullable().defaultTo(false);
    t.timestamp('joined_at', { useTz: true }).notNullable();
    t.primary(['channel_id', 'user_id']);
    t.index(['user_id']);
  });
  await knex.schema.createTable('messages', (t) => {
    t.increments('id').primary();
    t.integer('channel_id').notNullable().references('channels.id').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.integer('author_id').notNullable().references('users.id');
    t.string('client_msg_id', 64).notNullable();
    t.text('body').notNullable();
    t.integer('reply_to_id').nullable().references('messages.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('edited_at', { useTz: true }).nullable();
    t.timestamp('deleted_at', { useTz: true }).nullable();
    t.timestamp('pinned_at', { useTz: true }).nullable();
    t.integer('pinned_by').nullable().references('users.id').onDelete('SET NULL');
    t.unique(['channel_id', 'seq']);
    // Idempotent sends with no time window: the same (author, clientMsgId) is one message forever.
    t.unique(['author_id', 'client_msg_id']);
    t.index(['channel_id', 'pinned_at']);
  });
  await knex.schema.createTable('message_mentions', (t) => {
    t.integer('message_id').notNullable().references('messages.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('channel_id').notNullable().references('channels.id').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.primary(['message_id', 'user_id']);
    t.index(['user_id', 'channel_id', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('message_mentions');
  await knex.schema.dropTable('messages');
  await knex.schema.dropTable('channel_members');
  await knex.schema.dropTable('channels');
}
