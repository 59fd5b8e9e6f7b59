import fs from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import { knexConfig } from '../knexfile';
import type { Config } from './config';

export type Db = Knex;

/** Opens the database named by the config (creating the SQLite folder if needed). */
export function openDb(config: Pick<Config, 'databaseUrl' | 'sqliteFile'>): Db {
  if (!config.databaseUrl && config.sqliteFile !== ':memory:') {
    fs.mkdirSync(path.dirname(config.sqliteFile), { recursive: true });
  }
  return knex(knexConfig(config));
}

/** Brings the schema to the latest migration. */
export async function migrateLatest(db: Db): Promise<void> {
  await db.migrate.latest();
}

/** True when the connection is PostgreSQL (a few queries differ). */
export function isPostgres(db: Db): boolean {
  return db.client.config.client === 'pg';
}

/**
 * Runs a raw statement and returns its rows on both dialects (node-sqlite3
 * answers an array, pg a result object). For hot paths whose SQL is a
 * constant: knex's builder costs more to compile a query than SQLite to run it.
 */
export async function rawRows<T>(db: Knex, sql: string, bindings: readonly unknown[]): Promise<T[]> {
  const result = await db.raw(sql, bindings as Knex.RawBinding[]);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * `rawRows` for the few reads every connection or request runs (the session, the memberships, presence): on
 * SQLite a statement prepared once per connection (knexfile.ts#preparedAll); on PostgreSQL `rawRows`.
 * The SQL must not vary with the bindings (one prepared statement per text).
 */
export async function hotRows<T>(db: Knex, sql: string, bindings: readonly unknown[]): Promise<T[]> {
  const client = db.client as { preparedAll?: (sql: string, bindings: unknown[]) => Promise<unknown[]> };
  if (client.preparedAll) return (await client.preparedAll(sql, [...bindings])) as T[];
  return rawRows<T>(db, sql, bindings);
}

/**
 * `(VALUES (?, ?), …) AS v`, its columns named column1, column2… on both
 * dialects, integers cast so PostgreSQL can type them. A join on VALUES keeps
 * the statement cheap to plan, where an OR per row would not be.
 */
export function valuesTable(rows: (number | string)[][]): { sql: string; bindings: (number | string)[] } {
  const row = (r: (number | string)[]) => `(${r.map((v) => (typeof v === 'number' ? 'CAST(? AS INTEGER)' : '?')).join(', ')})`;
  return { sql: `(VALUES ${rows.map(row).join(', ')}) AS v`, bindings: rows.flat() };
}

/** A case-insensitive `like` pattern for text typed by someone: `%`, `_` and a backslash stand for themselves. */
export const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Keeps the rows where one of these SQL expressions contains the text (case-insensitive, wildcards escaped). */
export function whereAnyContains<Q extends Knex.QueryBuilder>(q: Q, expressions: string[], text: string): Q {
  const like = likePattern(text);
  q.where((w) => {
    for (const e of expressions) w.orWhereRaw(`lower(${e}) like ? escape '\\'`, [like]);
  });
  return q;
}
