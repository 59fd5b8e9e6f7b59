import type { Knex } from 'knex';

/**
 * Full-text search over messages, posts, comments, documents, agenda events,
 * groups and people, on each database's own engine, kept in step with every
 * write inside the writing transaction without a line of application code:
 *
 * - PostgreSQL: a text search configuration `maillage_fr` (French stemming
 *   after `unaccent`) and, per table, a side table `<table>_search (id,
 *   vector)` with a GIN index, filled by triggers: one statement-level INSERT
 *   trigger (a transition table: the group-commit writer's multi-row INSERT
 *   adds one INSERT … SELECT, whatever the batch's size), one row trigger for
 *   edits of the indexed columns; deletions cascade. The vectors are stored
 *   (not an expression index) so that filtering and ranking never parse the
 *   text again, and kept out of the tables themselves so that `RETURNING *`
 *   and `select *` do not carry them.
 * - SQLite: one FTS5 external-content table per table (the text is read from
 *   the table itself; only the index is stored), tokenizer `unicode61
 *   remove_diacritics 2` (accents folded), maintained by triggers that run
 *   inside the writing statement.
 *
 * The indexed text of each table is listed once here (SOURCES).
 */
const SOURCES: { table: string; columns: string[]; pg: (row: string) => string }[] = [
  { table: 'messages', columns: ['body'], pg: (r) => `${r}.body` },
  { table: 'posts', columns: ['title', 'body'], pg: (r) => `${r}.title || ' ' || ${r}.body` },
  { table: 'comments', columns: ['body'], pg: (r) => `${r}.body` },
  {
    table: 'documents',
    columns: ['title', 'description', 'filename'],
    pg: (r) => `${r}.title || ' ' || coalesce(${r}.description, '') || ' ' || ${r}.filename`,
  },
  {
    table: 'events',
    columns: ['title', 'description', 'location'],
    pg: (r) => `${r}.title || ' ' || coalesce(${r}.description, '') || ' ' || coalesce(${r}.location, '')`,
  },
  { table: 'groups', columns: ['name', 'description'], pg: (r) => `${r}.name || ' ' || coalesce(${r}.description, '')` },
  {
    table: 'users',
    columns: ['first_name', 'last_name', 'username', 'job_title', 'employer', 'city'],
    pg: (r) =>
      `${r}.first_name || ' ' || ${r}.last_name || ' ' || ${r}.username || ' ' || coalesce(${r}.job_title, '') || ' ' || coalesce(${r}.employer, '') || ' ' || coalesce(${r}.city, '')`,
  },
];

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    // unaccent is a trusted extension (PostgreSQL ≥ 13): a database owner may create it.
    await knex.raw('CREATE EXTENSION IF NOT EXISTS unaccent');
    await knex.raw('CREATE TEXT SEARCH CONFIGURATION maillage_fr (COPY = pg_catalog.french)');
    await knex.raw('ALTER TEXT SEARCH CONFIGURATION maillage_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem');
    for (const s of SOURCES) {
      const t = s.table;
      const vector = (row: string) => `to_tsvector('maillage_fr', ${s.pg(row)})`;
      await knex.raw(`CREATE TABLE ${t}_search (id integer PRIMARY KEY REFERENCES ${t}(id) ON DELETE CASCADE, vector tsvector NOT NULL)`);
      await knex.raw(`CREATE INDEX ${t}_search_vector ON ${t}_search USING gin (vector)`);
      await knex.raw(`CREATE FUNCTION ${t}_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO ${t}_search (id, vector) SELECT n.id, ${vector('n')} FROM new_rows n; RETURN NULL; END $$`);
      await knex.raw(`CREATE TRIGGER ${t}_search_insert AFTER INSERT ON ${t} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${t}_search_insert()`);
      await knex.raw(`CREATE FUNCTION ${t}_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE ${t}_search SET vector = ${vector('NEW')} WHERE id = NEW.id; RETURN NULL; END $$`);
      await knex.raw(`CREATE TRIGGER ${t}_search_update AFTER UPDATE OF ${s.columns.join(', ')} ON ${t}
        FOR EACH ROW EXECUTE FUNCTION ${t}_search_update()`);
      await knex.raw(`INSERT INTO ${t}_search (id, vector) SELECT x.id, ${vector('x')} FROM ${t} x`);
    }
    return;
  }
  for (const s of SOURCES) {
    const fts = `${s.table}_fts`;
    const cols = s.columns.join(', ');
    const newValues = s.columns.map((c) => `new.${c}`).join(', ');
    const oldValues = s.columns.map((c) => `old.${c}`).join(', ');
    await knex.raw(
      `CREATE VIRTUAL TABLE ${fts} USING fts5(${cols}, content='${s.table}', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
    );
    await knex.raw(`CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${s.table} BEGIN
      INSERT INTO ${fts}(rowid, ${cols}) VALUES (new.id, ${newValues}); END`);
    await knex.raw(`CREATE TRIGGER ${fts}_ad AFTER DELETE ON ${s.table} BEGIN
      INSERT INTO ${fts}(${fts}, rowid, ${cols}) VALUES ('delete', old.id, ${oldValues}); END`);
    // Only when an indexed column changes: pins, read markers and presence updates stay free.
    await knex.raw(`CREATE TRIGGER ${fts}_au AFTER UPDATE OF ${s.columns.join(', ')} ON ${s.table} BEGIN
      INSERT INTO ${fts}(${fts}, rowid, ${cols}) VALUES ('delete', old.id, ${oldValues});
      INSERT INTO ${fts}(rowid, ${cols}) VALUES (new.id, ${newValues}); END`);
    await knex.raw(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    for (const s of SOURCES) {
      await knex.raw(`DROP TABLE IF EXISTS ${s.table}_search`);
      await knex.raw(`DROP TRIGGER IF EXISTS ${s.table}_search_insert ON ${s.table}`);
      await knex.raw(`DROP TRIGGER IF EXISTS ${s.table}_search_update ON ${s.table}`);
      await knex.raw(`DROP FUNCTION IF EXISTS ${s.table}_search_insert()`);
      await knex.raw(`DROP FUNCTION IF EXISTS ${s.table}_search_update()`);
    }
    await knex.raw('DROP TEXT SEARCH CONFIGURATION IF EXISTS maillage_fr');
    return;
  }
  for (const s of SOURCES) {
    const fts = `${s.table}_fts`;
    for (const suffix of ['ai', 'ad', 'au']) await knex.raw(`DROP TRIGGER IF EXISTS ${fts}_${suffix}`);
    await knex.raw(`DROP TABLE IF EXISTS ${fts}`);
  }
}
