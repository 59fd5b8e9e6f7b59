/**
 * The search engine shared by every table of db/search.ts: the word index's
 * matches newest first (FTS5 on SQLite, the `<table>_search` vectors with their
 * GIN index on PostgreSQL), one author's rows for `de:@nom`, relevance.
 */
import type { Knex } from 'knex';
import { isPostgres } from '../database';
import { wordMatcher } from '../search-text';

/** A query's words, in each engine's syntax (see services/search/french.ts). */
export interface TextMatch {
  sqlite: string;
  pg: string;
}

export interface SearchWindow {
  viewerId: number;
  match: TextMatch | null;
  /** The query's words (folded), to rank SQLite's candidates. */
  words: string[];
  sort: 'relevance' | 'newest';
  offset: number;
  limit: number;
  authorId?: number;
  before?: Date;
  after?: Date;
}

/**
 * How many of the newest matches `relevance` ranks. Ranking needs every
 * candidate's score: for a word found in most messages that would be most of
 * the table, so the rank is taken among the newest matches the viewer may see.
 */
export const RANKED_CANDIDATES = 200;

/** The indexed columns of each table (migration 20261205_040), title first: what SQLite's relevance reads. */
const INDEXED: Record<string, string[]> = {
  messages: ['body'],
  posts: ['title', 'body'],
  comments: ['body'],
  documents: ['title', 'description', 'filename'],
  resources: ['published_title', 'published_description', 'published_file_name'],
  events: ['title', 'description', 'location'],
  groups: ['name', 'description'],
  users: ['first_name', 'last_name', 'username', 'job_title', 'employer', 'city'],
};

/** PostgreSQL first looks among this many newest rows of a table (see `search`). */
const RECENT_ROWS = 30_000;

/** How many of the GIN index's newest matches PostgreSQL checks against the viewer's rules, over the whole table. */
const WHOLE_TABLE_MATCHES = 5000;

/** The matching rows of `q` (table `table` as `alias`), newest first, at most `n`, with their score for relevance. */
async function candidates(db: Knex, q: Knex.QueryBuilder, table: string, alias: string, w: SearchWindow, n: number, wholeTable: boolean) {
  const m = w.match!;
  if (isPostgres(db)) {
    if (wholeTable) {
      // The GIN index's newest matches first (few: the newest rows held too few of them), then the viewer's rules
      // on those ids: joined in one statement, the planner hashed every message the viewer may see instead.
      const ids = (
        (await db(`${table}_search`)
          .whereRaw(`vector @@ to_tsquery('maillage_fr', ?)`, [m.pg])
          // `+ 0` hides the order from the primary key: the GIN index finds the (few) matches, no walk down every id.
          .orderByRaw('id + 0 desc')
          .limit(WHOLE_TABLE_MATCHES)
          .select('id')) as { id: number }[]
      ).map((r) => r.id);
      if (!ids.length) return [];
      q.join(`${table}_search as ts`, 'ts.id', `${alias}.id`).whereIn(`${alias}.id`, ids);
    } else {
      // Among the newest rows, `coalesce` hides the vector from the GIN index: a common word's whole posting list
      // would cost more than checking the few thousand rows of the range.
      q.join(`${table}_search as ts`, 'ts.id', `${alias}.id`).whereRaw(
        `coalesce(ts.vector, ''::tsvector) @@ to_tsquery('maillage_fr', ?)`,
        [m.pg],
      );
    }
    if (w.sort === 'relevance') q.select(db.raw(`ts_rank(ts.vector, to_tsquery('maillage_fr', ?)) as score`, [m.pg]));
    return q.orderBy(`${alias}.id`, 'desc').limit(n);
  }
  const fts = `${table}_fts`;
  q.join(fts, `${fts}.rowid`, `${alias}.id`).whereRaw(`${fts} MATCH ?`, [m.sqlite]);
  // FTS5 hands its rows out in rowid order: asking for that order lets it stop at the page's end.
  return q.orderByRaw(`${fts}.rowid desc`).limit(n);
}

/** One table's search: its query with the viewer's rules (a fresh one each call), the window, how many rows to find. */
interface Lookup {
  db: Knex;
  build: () => Knex.QueryBuilder;
  table: string;
  alias: string;
  w: SearchWindow;
  n: number;
}

/** How many of one author's rows a `de:@nom` search reads through the (author, id) index before asking the word index instead. */
const AUTHOR_ROWS = 5000;
const AUTHOR_PAGE = 500;

/**
 * `de:@nom`: the word index hands out every match of a word newest first, and
 * one author writes a small share of them, so a common word would mean walking
 * most of it (FTS5), or checking its newest 5 000 matches (PostgreSQL: 150–200 ms
 * at 1 000 000 messages). The author's rows are read newest first through the
 * (author, id) index instead (migration 20261207_010), a page at a time, and
 * the words matched among them: by PostgreSQL on the page's ids (its own
 * stemming, the stored vectors), on SQLite here with the same forms as FTS5.
 * An author with more rows than AUTHOR_ROWS writes so much that the word
 * index finds theirs soon: `null` says to ask it.
 */
async function oneAuthorsMatches<T extends { id: number }>({ db, build, table, alias, w, n }: Lookup): Promise<T[] | null> {
  const pg = isPostgres(db);
  const columns = INDEXED[table]!;
  const matcher = wordMatcher(w.words);
  const found: T[] = [];
  let before: number | null = null; // the last page's oldest id (an integer column: no sentinel above every id)
  for (let read = 0; read < AUTHOR_ROWS; read += AUTHOR_PAGE) {
    // PostgreSQL matches the words itself on the page's ids (below): the walk reads the ids only.
    const q = (pg ? build().clearSelect().select(`${alias}.id`) : build()).orderBy(`${alias}.id`, 'desc').limit(AUTHOR_PAGE);
    const page = (await (before === null ? q : q.where(`${alias}.id`, '<', before))) as T[];
    if (pg && page.length) {
      const ids = page.map((r) => r.id);
      found.push(...((await candidates(db, build().whereIn(`${alias}.id`, ids), table, alias, w, n - found.length, false)) as T[]));
    } else {
      for (const r of page) if (matcher.matchesAll(columns.map((c) => (r as Record<string, unknown>)[c] as string | null))) found.push(r);
    }
    if (found.length >= n || page.length < AUTHOR_PAGE) return found.slice(0, n);
    before = page[page.length - 1]!.id;
  }
  return null;
}

/** The word index's matches, newest first (see `search` for PostgreSQL's two steps). */
async function wordIndexMatches<T extends { id: number }>({ db, build, table, alias, w, n }: Lookup): Promise<(T & { score?: number })[]> {
  if (!isPostgres(db)) return candidates(db, build(), table, alias, w, n, false);
  const need = w.offset + w.limit;
  const max = ((await db(table).max({ m: 'id' }).first()) as { m: number | null } | undefined)?.m ?? 0;
  let rows: (T & { score?: number })[] = [];
  if (max > RECENT_ROWS) rows = await candidates(db, build().where(`${alias}.id`, '>', max - RECENT_ROWS), table, alias, w, n, false);
  // Enough to fill the page among the newest rows: relevance ranks those (fewer than n, maybe).
  if (rows.length < need) rows = await candidates(db, build(), table, alias, w, n, true);
  return rows;
}

/**
 * Runs a search: `build` answers the table's query with the viewer's rules
 * (a fresh one each call). Newest first, or the newest RANKED_CANDIDATES
 * matches by relevance (`ts_rank` over the stored vectors on
 * PostgreSQL; on SQLite a score of the words found, `wordMatcher`), then
 * the window's page.
 *
 * PostgreSQL's planner cannot tell a rare word from a common one behind a
 * prefix query, and picks either a walk down the ids (fast for common words,
 * the whole table for a rare one) or the GIN index (fast for rare words, every
 * match of a common one). So it first looks among the newest RECENT_ROWS rows
 * (bounded either way), and only when they hold too few matches to fill the
 * page — a rare word — asks the GIN index over the whole table; relevance then
 * ranks the candidates found among those newest rows.
 */
export async function search<T extends { id: number }>(
  db: Knex,
  build: () => Knex.QueryBuilder,
  table: string,
  alias: string,
  w: SearchWindow,
): Promise<T[]> {
  if (!w.match) return build().orderBy(`${alias}.id`, 'desc').offset(w.offset).limit(w.limit);
  const need = w.offset + w.limit;
  const n = w.sort === 'relevance' ? Math.max(RANKED_CANDIDATES, need) : need;
  const lookup: Lookup = { db, build, table, alias, w, n };
  const rows: (T & { score?: number })[] = (w.authorId ? await oneAuthorsMatches<T>(lookup) : null) ?? (await wordIndexMatches<T>(lookup));
  if (w.sort === 'relevance' && !isPostgres(db)) {
    const columns = INDEXED[table]!;
    const matcher = wordMatcher(w.words);
    for (const r of rows) r.score = matcher.score(columns.map((c) => (r as Record<string, unknown>)[c] as string | null));
  }
  if (w.sort === 'relevance') rows.sort((a, b) => Number(b.score) - Number(a.score) || b.id - a.id);
  return rows.slice(w.offset, w.offset + w.limit);
}

export function dated(q: Knex.QueryBuilder, column: string, w: SearchWindow): Knex.QueryBuilder {
  if (w.before) q.where(column, '<', w.before);
  if (w.after) q.where(column, '>=', w.after);
  return q;
}
