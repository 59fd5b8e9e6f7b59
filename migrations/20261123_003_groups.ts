import type { Knex } from 'knex';

/**
 * Groups (with an optional parent), their members, join requests with their
 * decision record, invitations (to a member or to an e-mail address), posts
 * with their audience, attachments, comments and reactions, and notifications.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('groups', (t) => {
    t.increments('id').primary();
    t.string('name', 120).notNullable();
    t.string('slug', 140).notNullable().unique();
    t.text('description').nullable();
    t.string('visibility', 16).notNullable(); // public | moderated | private
    t.integer('parent_id').nullable().references('groups.id').onDelete('SET NULL');
    // The group's channel (kind `group`); the channel row points back with its group_id.
    t.integer('channel_id').nullable().references('channels.id').onDelete('SET NULL');
    t.integer('created_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['visibility']);
    t.index(['parent_id']);
  });
  await knex.schema.createTable('group_members', (t) => {
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('role', 16).notNullable().defaultTo('member'); // owner | admin | member
    t.string('status', 16).notNullable(); // member | pending | invited
    t.timestamp('joined_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['group_id', 'user_id']);
    t.index(['user_id', 'status']);
    t.index(['group_id', 'status']);
  });
  await knex.schema.createTable('join_requests', (t) => {
    t.increments('id').primary();
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('motive').nullable();
    t.string('status', 16).notNullable(); // pending | approved | rejected | cancelled
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.integer('decided_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('decided_at', { useTz: true }).nullable();
    t.index(['group_id', 'status']);
    t.index(['user_id']);
  });
  await knex.schema.createTable('group_invitations', (t) => {
    t.increments('id').primary();
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    // Set for a member; for an outside address it stays null until an account with that e-mail claims it.
    t.integer('user_id').nullable().references('users.id').onDelete('CASCADE');
    t.string('email', 254).nullable();
    t.string('token_hash', 64).nullable().unique();
    t.integer('invited_by').nullable().references('users.id').onDelete('SET NULL');
    t.string('status', 16).notNullable(); // pending | accepted | declined | revoked
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('decided_at', { useTz: true }).nullable();
    t.index(['group_id', 'status']);
    t.index(['user_id', 'status']);
    t.index(['email', 'status']);
  });
  await knex.schema.createTable('posts', (t) => {
    t.increments('id').primary();
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.integer('author_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('kind', 16).notNullable(); // article | question | document | photo | video | link
    t.string('title', 200).notNullable();
    t.text('body').notNullable();
    t.string('link_url', 2000).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('edited_at', { useTz: true }).nullable();
    t.index(['group_id', 'id']);
  });
  // Who sees a post: one row per group (its own group included) and per named user.
  await knex.schema.createTable('post_audience', (t) => {
    t.increments('id').primary();
    t.integer('post_id').notNullable().references('posts.id').onDelete('CASCADE');
    t.integer('group_id').nullable().references('groups.id').onDelete('CASCADE');
    t.integer('user_id').nullable().references('users.id').onDelete('CASCADE');
    t.index(['post_id']);
    t.index(['group_id', 'post_id']);
    t.index(['user_id', 'post_id']);
  });
  // Files posted in a group: rows pointing to the content-addressed store (server/files.ts).
  // Uploaded before the post exists (post_id null until the post is published).
  await knex.schema.createTable('post_attachments', (t) => {
    t.increments('id').primary();
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.integer('post_id').nullable().references('posts.id').onDelete('CASCADE');
    t.integer('uploader_id').nullable().references('users.id').onDelete('SET NULL');
    t.string('sha256', 64).notNullable();
    t.string('filename', 255).notNullable();
    t.string('mime_type', 120).notNullable();
    t.bigInteger('size').notNullable();
    t.boolean('is_image').notNullable().defaultTo(false); // the post's illustration
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['post_id']);
    t.index(['group_id', 'post_id']);
  });
  await knex.schema.createTable('comments', (t) => {
    t.increments('id').primary();
    t.integer('post_id').notNullable().references('posts.id').onDelete('CASCADE');
    t.integer('author_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('edited_at', { useTz: true }).nullable();
    t.index(['post_id', 'id']);
  });
  await knex.schema.createTable('reactions', (t) => {
    t.integer('post_id').notNullable().references('posts.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('kind', 16).notNullable(); // like | recommend
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['post_id', 'user_id', 'kind']);
  });
  await knex.schema.createTable('notifications', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('kind', 40).notNullable();
    t.text('data').notNullable(); // JSON
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('read_at', { useTz: true }).nullable();
    t.index(['user_id', 'id']);
  });
  await knex.schema.createTable('notification_settings', (t) => {
    t.integer('user_id').primary().references('users.id').onDelete('CASCADE');
    t.text('settings').notNullable(); // JSON, the contract's shape
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notification_settings');
  await knex.schema.dropTable('notifications');
  await knex.schema.dropTable('reactions');
  await knex.schema.dropTable('comments');
  await knex.schema.dropTable('post_attachments');
  await knex.schema.dropTable('post_audience');
  await knex.schema.dropTable('posts');
  await knex.schema.dropTable('group_invitations');
  await knex.schema.dropTable('join_requests');
  await knex.schema.dropTable('group_members');
  await knex.schema.dropTable('groups');
}
