import type { Knex } from 'knex';

/**
 * The text alternative of an article's image (required when an image is set),
 * for the working copy and for the published version, like the image itself.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (t) => {
    t.string('image_alt', 300).nullable();
    t.string('published_image_alt', 300).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('articles', (t) => {
      t.dropColumn('image_alt');
      t.dropColumn('published_image_alt');
    });
  } else {
    await knex.raw('ALTER TABLE articles DROP COLUMN published_image_alt');
    await knex.raw('ALTER TABLE articles DROP COLUMN image_alt');
  }
}
