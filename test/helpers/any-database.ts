import path from 'node:path';
import crypto from 'node:crypto';
import { migrateLatest } from '../../server/database';
import { syncReferenceData } from '../../server/bootstrap';
import { createPgDatabase, openPgDatabase, openSqliteDatabase, testTmpRoot, type TestDatabase } from './db';
import { PG_URL } from './services';

/**
 * A fresh migrated database of the kind asked for, whatever TEST_DATABASE_URL
 * says: for the few tests that must run on SQLite and on PostgreSQL in the
 * same run (concurrency guarantees). Call `needPostgres` first for PostgreSQL.
 */
export async function databaseOf(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  let database: TestDatabase;
  if (kind === 'sqlite') {
    database = openSqliteDatabase(path.join(testTmpRoot, `any-${crypto.randomBytes(6).toString('hex')}.sqlite3`));
  } else {
    const name = `maillage_any_${crypto.randomBytes(6).toString('hex')}`;
    await createPgDatabase(PG_URL, name);
    database = openPgDatabase(PG_URL, name);
  }
  await migrateLatest(database.db);
  await syncReferenceData(database.db);
  return database;
}
