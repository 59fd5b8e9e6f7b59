import type { Knex } from 'knex';

/**
 * The network's resource library. A resource is a stored file, a web link or
 * a video link (`format`) with a type, an application and an access level.
 * Like articles, the row holds the author's working copy with its moderation
 * `status`, and the version on line (`published_*`): an edit of a published
 * resource waiting for moderation leaves the published version readable.
 * `source_document_id` keeps the group document a resource was promoted from;
 * `opens_count` counts downloads and link openings (popularity).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('resources', (t) => {
    t.increments('id').primary();
    t.integer('author_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('group_id').nullable().references('groups.id').onDelete('SET NULL');
    t.integer('source_document_id').nullable().references('documents.id').onDelete('SET NULL');
    t.string('status', 16).notNullable();
    t.string('access', 8).notNullable();
    t.string('title', 200).notNullable();
    t.text('description').notNullable();
    t.string('resource_type', 32).notNullable();
    t.string('format', 8).notNullable(); // file | link | video
    t.string('url', 2000).nullable();
    t.string('file_sha256', 64).nullable();
    t.string('file_name', 255).nullable();
    t.string('file_mime', 120).nullable();
    t.bigInteger('file_size').nullable();
    t.integer('application_id').nullable().references('resource_applications.id').onDelete('SET NULL');
    t.text('moderation_comment').nullable();
    t.integer('moderated_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('moderated_at', { useTz: true }).nullable();
    t.timestamp('submitted_at', { useTz: true }).nullable();
    t.string('published_title', 200).nullable();
    t.text('published_description').nullable();
    t.string('published_access', 8).nullable();
    t.string('published_type', 32).nullable();
    t.string('published_format', 8).nullable();
    t.string('published_url', 2000).nullable();
    t.string('published_file_sha256', 64).nullable();
    t.string('published_file_name', 255).nullable();
    t.string('published_file_mime', 120).nullable();
    t.bigInteger('published_file_size').nullable();
    t.integer('published_application_id').nullable().references('resource_applications.id').onDelete('SET NULL');
    t.timestamp('published_at', { useTz: true }).nullable();
    t.integer('opens_count').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['status', 'submitted_at']);
    t.index(['author_id']);
    t.index(['published_access', 'published_at']);
    t.index(['published_application_id']);
    t.index(['source_document_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('resources');
}
