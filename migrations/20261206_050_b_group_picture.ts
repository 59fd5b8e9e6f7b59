import type { Knex } from 'knex';

/** A group's picture: a file of the content-addressed store (server/files.ts), by its hash and checked type. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('groups', (t) => {
    t.string('picture_sha256', 64).nullable();
    t.string('picture_mime', 120).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('groups', (t) => {
    t.dropColumn('picture_mime');
    t.dropColumn('picture_sha256');
  });
}
