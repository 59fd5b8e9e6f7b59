import type { Knex } from 'knex';

/**
 * Document banks (one per group, files in the content-addressed store), group
 * events with their invitations and registrations (two lists, each with its
 * own capacity and waiting list), and the private iCal feed tokens.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('documents', (t) => {
    t.increments('id').primary();
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.integer('uploader_id').nullable().references('users.id').onDelete('SET NULL');
    t.string('title', 200).notNullable();
    t.text('description').nullable();
    // The name the uploader's machine gave: data only, never part of a path.
    t.string('filename', 255).notNullable();
    t.string('mime_type', 120).notNullable(); // read from the bytes
    t.bigInteger('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('source', 16).notNullable().defaultTo('upload'); // upload | post
    t.integer('post_id').nullable().references('posts.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    // The same bytes are one entry of a group's bank (and one file on disk for every group).
    t.unique(['group_id', 'sha256']);
    t.index(['group_id', 'id']);
    t.index(['sha256']);
  });

  await knex.schema.createTable('events', (t) => {
    t.increments('id').primary();
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.integer('created_by').nullable().references('users.id').onDelete('SET NULL');
    t.string('title', 200).notNullable();
    t.text('description').nullable();
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.string('location', 300).nullable();
    t.string('video_url', 2000).nullable();
    t.integer('capacity').nullable(); // null: no limit
    t.boolean('waitlist').notNullable().defaultTo(true);
    t.integer('prescription_capacity').nullable(); // null: no list "by prescription"
    t.timestamp('registration_deadline', { useTz: true }).nullable();
    t.timestamp('cancelled_at', { useTz: true }).nullable();
    t.text('cancel_reason').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['group_id', 'starts_at']);
    t.index(['starts_at']);
  });

  // People invited one by one (the whole group is invited by notification only: members see the event anyway).
  await knex.schema.createTable('event_invitations', (t) => {
    t.integer('event_id').notNullable().references('events.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('invited_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['event_id', 'user_id']);
    t.index(['user_id']);
  });

  await knex.schema.createTable('event_registrations', (t) => {
    t.increments('id').primary(); // order of arrival: the waiting list's order
    t.integer('event_id').notNullable().references('events.id').onDelete('CASCADE');
    t.string('list', 16).notNullable(); // member | prescription
    t.string('status', 16).notNullable(); // registered | waitlisted
    // member list: the registrant; prescription list: the professional who registered someone.
    t.integer('user_id').nullable().references('users.id').onDelete('CASCADE');
    t.string('name', 160).nullable(); // prescription list: the person supported
    t.string('email', 254).nullable();
    // One place per member and one per supported person's address (NULLs never collide).
    t.integer('self_key').nullable();
    t.string('prescription_key', 254).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('promoted_at', { useTz: true }).nullable();
    t.unique(['event_id', 'self_key']);
    t.unique(['event_id', 'prescription_key']);
    t.index(['event_id', 'list', 'status', 'id']);
    t.index(['user_id']);
  });

  await knex.schema.createTable('calendar_feeds', (t) => {
    t.integer('user_id').primary().references('users.id').onDelete('CASCADE');
    t.string('token_hash', 64).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('calendar_feeds');
  await knex.schema.dropTable('event_registrations');
  await knex.schema.dropTable('event_invitations');
  await knex.schema.dropTable('events');
  await knex.schema.dropTable('documents');
}
