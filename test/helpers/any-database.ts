import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import knex from 'knex';
import { migrateLatest, openDb } from '../../server/database';
import { syncReferenceData } from '../../server/bootstrap';
import { testTmpRoot, type TestDatabase } from './db';
import { PG_URL } from './services';

/**
 * A fresh migrated database of the kind asked for, whatever TEST_DATABASE_URL
 * says: for the few tests that must run on SQLite and on PostgreSQL in the
 * same run (concurrency guarantees). Call `needPostgres` first for PostgreSQL.
 */
export async function databaseOf(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const file = path.join(testTmpRoot, `any-${crypto.randomBytes(6).toString('hex')}.sqlite3`);
    const db = openDb({ databaseUrl: null, sqliteFile: file });
    await migrateLatest(db);
    await syncReferenceData(db);
    return {
      db,
      databaseUrl: null,
      sqliteFile: file,
      async drop() {
        await db.destroy();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }
  const name = `maillage_any_${crypto.randomBytes(6).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: PG_URL });
  await admin.raw(`CREATE DATABASE ${name}`);
  await admin.destroy();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = openDb({ databaseUrl: url.toString(), sqliteFile: '' });
  await migrateLatest(db);
  await syncReferenceData(db);
  return {
    db,
    databaseUrl: url.toString(),
    sqliteFile: '',
    async drop() {
      await db.destroy();
      const a = knex({ client: 'pg', connection: PG_URL });
      await a.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.destroy();
    },
  };
}
