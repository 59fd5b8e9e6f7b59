import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';

const require = createRequire(import.meta.url);
type KnexClass = new (...args: any[]) => any;
const SqliteClient: KnexClass = require('knex/lib/dialects/sqlite3/index.js');
const SqliteTransaction: KnexClass = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction.js');

/**
 * Transactions start with `BEGIN IMMEDIATE`: they take SQLite's write lock at once. With one worker
 * per core, several processes write the same file; a deferred `BEGIN` that read first and then
 * writes fails at once with SQLITE_BUSY (its snapshot is stale once another process has committed),
 * whereas an immediate one waits its turn (busy_timeout) and then sees the latest commit — which is
 * what keeps each channel's seqs gap-free across processes.
 */
class ImmediateTransaction extends SqliteTransaction {
  begin(conn: unknown) {
    return this.query(conn, 'BEGIN IMMEDIATE;');
  }
}
/** node-sqlite3's connection and prepared statement, as far as `preparedAll` uses them. */
interface RawStatement {
  all(bindings: unknown[], cb: (err: Error | null, rows: unknown[]) => void): void;
  finalize(cb: () => void): void;
}
interface RawConnection {
  prepare(sql: string, cb: (err: Error | null) => void): RawStatement;
}
const preparedOf = new WeakMap<object, Map<string, RawStatement>>();

class SqliteImmediateClient extends SqliteClient {
  transaction(...args: unknown[]) {
    return new ImmediateTransaction(this, ...args);
  }

  /**
   * Runs a read with a statement prepared once per connection (`server/database.ts#hotRows`). knex's path
   * prepares, runs and finalizes each statement, three trips to libuv's thread pool: 190 µs of CPU for the
   * session lookup against 57 µs prepared (docs/performance.md, *login burst*). The connection comes from
   * the pool as knex takes it, so a read waits for a transaction in progress (or runs in it, from a
   * transaction's client).
   */
  async preparedAll(sql: string, bindings: unknown[]): Promise<unknown[]> {
    const conn = (await this.acquireConnection()) as RawConnection;
    try {
      let cache = preparedOf.get(conn);
      if (!cache) preparedOf.set(conn, (cache = new Map()));
      let statement = cache.get(sql);
      if (!statement) {
        // A statement that fails to prepare reports it to `all` too: it is only dropped from the cache here.
        statement = conn.prepare(sql, (err) => err && cache.delete(sql));
        cache.set(sql, statement);
      }
      const prepared = statement;
      // As knex does for its own statements: listeners (the tests' statement counts, BENCH_COUNT_QUERIES, debug) see it.
      const { __knexUid, __knexTxId } = conn as unknown as Record<string, unknown>;
      this.emit('query', { __knexUid, __knexTxId, sql, bindings, method: 'raw' });
      return await new Promise((resolve, reject) => prepared.all(bindings, (err, rows) => (err ? reject(err) : resolve(rows))));
    } finally {
      this.releaseConnection(conn);
    }
  }

  /** SQLite refuses to close a connection with statements left open: the cached ones are finalized first. */
  async destroyRawConnection(conn: RawConnection) {
    const cache = preparedOf.get(conn);
    preparedOf.delete(conn);
    if (cache) await Promise.all([...cache.values()].map((s) => new Promise<void>((resolve) => s.finalize(() => resolve()))));
    return super.destroyRawConnection(conn);
  }
}

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
    client: SqliteImmediateClient as unknown as typeof Knex.Client,
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
