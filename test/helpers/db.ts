import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import knex from 'knex';
import { migrateLatest, openDb, type Db } from '../../server/database';
import { syncReferenceData } from '../../server/bootstrap';
import { PG_URL } from './services';

export interface TestDatabase {
  db: Db;
  /** The config fields that point the app at this database. */
  databaseUrl: string | null;
  sqliteFile: string;
  drop(): Promise<void>;
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-test-'));
let sqliteTemplate: Promise<string> | null = null;
let pgTemplate: Promise<string> | null = null;

/** Migrates once per process into a template SQLite file; every test file gets a copy. */
function sqliteTemplateFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const file = path.join(tmpRoot, 'template.sqlite3');
    const db = openDb({ databaseUrl: null, sqliteFile: file });
    await migrateLatest(db);
    await syncReferenceData(db);
    await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.destroy();
    return file;
  })();
  return sqliteTemplate;
}

function pgUrl(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates a PostgreSQL database on the server of `base`, empty or as a copy of `template`. */
export async function createPgDatabase(base: string, name: string, template?: string): Promise<void> {
  const admin = knex({ client: 'pg', connection: base });
  await admin.raw(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.destroy();
}

/** Opens PostgreSQL database `name` on the server of `base`; `drop()` closes it and drops the database. */
export function openPgDatabase(base: string, name: string): TestDatabase {
  const url = pgUrl(base, name);
  const db = openDb({ databaseUrl: url, sqliteFile: '' });
  return {
    db,
    databaseUrl: url,
    sqliteFile: '',
    async drop() {
      await db.destroy();
      const a = knex({ client: 'pg', connection: base });
      await a.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.destroy();
    },
  };
}

/** Opens a SQLite database file; `drop()` closes it and removes its files. */
export function openSqliteDatabase(file: string): TestDatabase {
  const db = openDb({ databaseUrl: null, sqliteFile: file });
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

/** With TEST_DATABASE_URL, a migrated template database copied per test file with CREATE DATABASE … TEMPLATE. */
function pgTemplateName(base: string): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `maillage_tpl_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
    await createPgDatabase(base, name);
    const db = openDb({ databaseUrl: pgUrl(base, name), sqliteFile: '' });
    await migrateLatest(db);
    await syncReferenceData(db);
    await db.destroy();
    return name;
  })();
  return pgTemplate;
}

/** A fresh, migrated database of its own: a SQLite copy by default, PostgreSQL with TEST_DATABASE_URL. */
export async function freshDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `maillage_t_${crypto.randomBytes(6).toString('hex')}`;
    await createPgDatabase(base, name, await pgTemplateName(base));
    return openPgDatabase(base, name);
  }
  const file = path.join(tmpRoot, `${crypto.randomBytes(6).toString('hex')}.sqlite3`);
  fs.copyFileSync(await sqliteTemplateFile(), file);
  return openSqliteDatabase(file);
}

export const testTmpRoot = tmpRoot;

/** Drops the PostgreSQL template database of this run (SQLite files live in the temp folder). */
export async function dropTemplates(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  if (base && pgTemplate) {
    const name = await pgTemplate;
    const admin = knex({ client: 'pg', connection: base });
    await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.destroy();
  }
  fs.rmSync(tmpRoot, { recursive: true, force: true });
}

/** An empty database, not migrated, on SQLite or on the test PostgreSQL server (the migration tests); `drop()` removes it. */
export async function emptyDatabase(kind: 'sqlite' | 'postgres', prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  if (kind === 'sqlite') return openSqliteDatabase(path.join(tmpRoot, `${name}.sqlite3`));
  await createPgDatabase(PG_URL, name);
  return openPgDatabase(PG_URL, name);
}
