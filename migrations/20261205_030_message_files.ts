import type { Knex } from 'knex';

/**
 * Files of chat messages. A row is made when the file is stored (upload, before the message exists:
 * `message_id` null, seen by its uploader only) and tied to its message when the message is sent.
 * The bytes live in the content-addressed store (`sha256`); images also keep a server-made
 * thumbnail there (`thumb_sha256`). Gone with the message or the channel.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('message_files', (t) => {
    t.increments('id').primary();
    t.integer('channel_id').notNullable().references('channels.id').onDelete('CASCADE');
    t.integer('message_id').nullable().references('messages.id').onDelete('CASCADE');
    t.integer('uploader_id').nullable().references('users.id').onDelete('SET NULL');
    t.string('sha256', 64).notNullable();
    t.string('filename', 255).notNullable();
    t.string('mime_type', 120).notNullable();
    t.bigInteger('size').notNullable();
    t.integer('width').nullable();
    t.integer('height').nullable();
    t.string('thumb_sha256', 64).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['message_id']);
    t.index(['uploader_id', 'message_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('message_files');
}
