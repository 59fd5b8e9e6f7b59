import type { Knex } from 'knex';

/** Régions, départements, users, their sessions and one-time tokens. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('regions', (t) => {
    t.string('code', 3).primary();
    t.string('name', 120).notNullable();
  });
  await knex.schema.createTable('departments', (t) => {
    t.string('code', 3).primary();
    t.string('name', 120).notNullable();
    t.string('region_code', 3).notNullable().references('regions.code');
  });
  await knex.schema.createTable('users', (t) => {
    t.increments('id').primary();
    t.string('email', 254).notNullable().unique();
    t.string('username', 40).notNullable().unique();
    t.string('password_hash', 255).notNullable();
    t.string('civility', 4).nullable();
    t.string('first_name', 80).notNullable();
    t.string('last_name', 80).notNullable();
    t.string('department_code', 3).notNullable().references('departments.code');
    t.string('phone', 30).nullable();
    t.string('employer', 160).nullable();
    t.string('job_title', 160).nullable();
    t.string('city', 120).nullable();
    t.text('bio').nullable();
    t.string('role', 16).notNullable().defaultTo('member');
    t.boolean('chat_only').notNullable().defaultTo(false);
    t.string('status', 16).notNullable().defaultTo('pending');
    t.timestamp('terms_accepted_at', { useTz: true }).nullable();
    t.string('avatar_sha256', 64).nullable();
    t.string('avatar_mime', 40).nullable();
    t.timestamp('last_seen_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['department_code']);
    t.index(['role']);
  });
  await knex.schema.createTable('sessions', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('token_hash', 64).notNullable().unique();
    t.string('user_agent', 300).nullable();
    t.string('ip', 64).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true }).nullable();
    t.index(['user_id']);
  });
  await knex.schema.createTable('one_time_tokens', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('kind', 16).notNullable();
    t.string('token_hash', 64).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true }).nullable();
    t.index(['user_id', 'kind']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('one_time_tokens');
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('users');
  await knex.schema.dropTable('departments');
  await knex.schema.dropTable('regions');
}
