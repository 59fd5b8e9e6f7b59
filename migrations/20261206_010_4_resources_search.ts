import type { Knex } from 'knex';

/**
 * Resources join the full-text search (see 20261205_040_a_search_index.ts for
 * the design): only the published version is indexed, as it is the only one
 * a search may return; the working copy of a draft is never found.
 */
const COLUMNS = ['published_title', 'published_description', 'published_file_name'];
const pgText = (r: string) =>
  `coalesce(${r}.published_title, '') || ' ' || coalesce(${r}.published_description, '') || ' ' || coalesce(${r}.published_file_name, '')`;

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    const vector = (row: string) => `to_tsvector('maillage_fr', ${pgText(row)})`;
    await knex.raw(
      `CREATE TABLE resources_search (id integer PRIMARY KEY REFERENCES resources(id) ON DELETE CASCADE, vector tsvector NOT NULL)`,
    );
    await knex.raw(`CREATE INDEX resources_search_vector ON resources_search USING gin (vector)`);
    await knex.raw(`CREATE FUNCTION resources_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO resources_search (id, vector) SELECT n.id, ${vector('n')} FROM new_rows n; RETURN NULL; END $$`);
    await knex.raw(`CREATE TRIGGER resources_search_insert AFTER INSERT ON resources REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION resources_search_insert()`);
    await knex.raw(`CREATE FUNCTION resources_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE resources_search SET vector = ${vector('NEW')} WHERE id = NEW.id; RETURN NULL; END $$`);
    await knex.raw(`CREATE TRIGGER resources_search_update AFTER UPDATE OF ${COLUMNS.join(', ')} ON resources
      FOR EACH ROW EXECUTE FUNCTION resources_search_update()`);
    await knex.raw(`INSERT INTO resources_search (id, vector) SELECT x.id, ${vector('x')} FROM resources x`);
    return;
  }
  const cols = COLUMNS.join(', ');
  const values = (row: string) => COLUMNS.map((c) => `${row}.${c}`).join(', ');
  await knex.raw(
    `CREATE VIRTUAL TABLE resources_fts USING fts5(${cols}, content='resources', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
  );
  await knex.raw(`CREATE TRIGGER resources_fts_ai AFTER INSERT ON resources BEGIN
    INSERT INTO resources_fts(rowid, ${cols}) VALUES (new.id, ${values('new')}); END`);
  await knex.raw(`CREATE TRIGGER resources_fts_ad AFTER DELETE ON resources BEGIN
    INSERT INTO resources_fts(resources_fts, rowid, ${cols}) VALUES ('delete', old.id, ${values('old')}); END`);
  await knex.raw(`CREATE TRIGGER resources_fts_au AFTER UPDATE OF ${cols} ON resources BEGIN
    INSERT INTO resources_fts(resources_fts, rowid, ${cols}) VALUES ('delete', old.id, ${values('old')});
    INSERT INTO resources_fts(rowid, ${cols}) VALUES (new.id, ${values('new')}); END`);
  await knex.raw(`INSERT INTO resources_fts(resources_fts) VALUES ('rebuild')`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP TABLE IF EXISTS resources_search');
    await knex.raw('DROP TRIGGER IF EXISTS resources_search_insert ON resources');
    await knex.raw('DROP TRIGGER IF EXISTS resources_search_update ON resources');
    await knex.raw('DROP FUNCTION IF EXISTS resources_search_insert()');
    await knex.raw('DROP FUNCTION IF EXISTS resources_search_update()');
    return;
  }
  for (const suffix of ['ai', 'ad', 'au']) await knex.raw(`DROP TRIGGER IF EXISTS resources_fts_${suffix}`);
  await knex.raw('DROP TABLE IF EXISTS resources_fts');
}
