import type { Knex } from 'knex';

/**
 * Editorial articles. The row holds the author's working copy (`title`,
 * `summary`, `body`, `access`) with its moderation `status` (draft, submitted,
 * published, returned, rejected), and the version on line (`published_*`):
 * an edit of a published article waiting for moderation leaves the published
 * version readable until a moderator approves the new one.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('articles', (t) => {
    t.increments('id').primary();
    t.integer('author_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('group_id').nullable().references('groups.id').onDelete('SET NULL');
    t.string('status', 16).notNullable();
    t.string('access', 8).notNullable();
    t.string('title', 200).notNullable();
    t.string('summary', 500).notNullable();
    t.text('body').notNullable();
    t.string('image_sha256', 64).nullable();
    t.string('image_mime', 40).nullable();
    t.text('moderation_comment').nullable();
    t.integer('moderated_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('moderated_at', { useTz: true }).nullable();
    t.timestamp('submitted_at', { useTz: true }).nullable();
    t.string('published_title', 200).nullable();
    t.string('published_summary', 500).nullable();
    t.text('published_body').nullable();
    t.string('published_access', 8).nullable();
    t.string('published_image_sha256', 64).nullable();
    t.string('published_image_mime', 40).nullable();
    t.timestamp('published_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['status', 'submitted_at']);
    t.index(['author_id']);
    t.index(['published_access', 'published_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('articles');
}
