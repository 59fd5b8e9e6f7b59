import type { Knex } from 'knex';

/**
 * `de:@nom` searches (issue #17) walk one author's rows newest first, then
 * match the words among them: an index on (author, id) hands those rows out
 * in order, where the only author index of messages (author, client id) made
 * each page sort all of the author's rows and posts, comments and documents
 * had none (PostgreSQL then checked the word's newest 5 000 matches, 150–200 ms
 * at 1 000 000 messages).
 */
const INDEXES = [
  { table: 'messages', column: 'author_id' },
  { table: 'posts', column: 'author_id' },
  { table: 'comments', column: 'author_id' },
  { table: 'documents', column: 'uploader_id' },
];

export async function up(knex: Knex): Promise<void> {
  for (const { table, column } of INDEXES) {
    await knex.schema.alterTable(table, (t) => t.index([column, 'id'], `${table}_${column}_id_index`));
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const { table, column } of INDEXES) {
    await knex.schema.alterTable(table, (t) => t.dropIndex([column, 'id'], `${table}_${column}_id_index`));
  }
}
