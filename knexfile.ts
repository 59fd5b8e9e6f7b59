import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Knex settings: the embedded SQLite file by default, PostgreSQL when a
 * postgres:// URL is given. SQLite gets WAL, foreign keys and a busy timeout on
 * every connection (knex opens a single one for SQLite).
 */
export function knexConfig(opts: { databaseUrl?: string | null; sqliteFile?: string }): Knex.Config {
  const migrations = { directory: migrationsDir, loadExtensions: ['.ts'], tableName: 'knex_migrations' };
  if (opts.databaseUrl) {
    return { client: 'pg', connection: opts.databaseUrl, pool: { min: 0, max: 10 }, migrations };
  }
  return {
    client: 'sqlite3',
    connection: { filename: opts.sqliteFile ?? path.resolve(process.env.DATA_DIR ?? 'data', 'maillage.sqlite3') },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(
        conn: { exec: (sql: string, cb: (err: Error | null) => void) => void },
        done: (err: Error | null, conn: unknown) => void,
      ) {
        conn.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;', (err) =>
          done(err, conn),
        );
      },
    },
    migrations,
  };
}

/** Used by the knex CLI (`npx knex --knexfile knexfile.ts migrate:latest`). */
export default knexConfig({ databaseUrl: process.env.DATABASE_URL });
