import type { Knex } from 'knex';

/** A group its admins mark as a community gets a home with a menu (news, references, forum, sub-groups, links). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('groups', (t) => {
    t.boolean('is_community').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('groups', (t) => {
    t.dropColumn('is_community');
  });
}
