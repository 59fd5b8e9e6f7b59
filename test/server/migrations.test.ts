import { expect } from 'chai';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import knex from 'knex';
import { openDb, type Db } from '../../server/database';
import { needPostgres, PG_URL } from '../helpers/services';

async function roundTrip(db: Db): Promise<void> {
  await db.migrate.latest();
  const [, applied] = (await db.migrate.list()) as [unknown[], unknown[]];
  expect(applied).to.have.length(0, 'nothing pending after latest');
  expect(await db.schema.hasTable('users')).to.equal(true);
  await db.migrate.rollback(undefined, true);
  expect(await db.schema.hasTable('users')).to.equal(false);
  expect(await db.schema.hasTable('departments')).to.equal(false);
  await db.migrate.latest();
  expect(await db.schema.hasTable('users')).to.equal(true);
}

describe('migrations: latest → rollback all → latest', () => {
  it('on SQLite', async () => {
    const file = path.join(os.tmpdir(), `maillage-mig-${crypto.randomBytes(4).toString('hex')}.sqlite3`);
    const db = openDb({ databaseUrl: null, sqliteFile: file });
    try {
      await roundTrip(db);
      const [{ journal_mode }] = await db.raw('PRAGMA journal_mode');
      expect(journal_mode).to.equal('wal');
      const [{ foreign_keys }] = await db.raw('PRAGMA foreign_keys');
      expect(foreign_keys).to.equal(1);
    } finally {
      await db.destroy();
      fs.rmSync(file, { force: true });
    }
  });

  it('on PostgreSQL', async function () {
    await needPostgres(this);
    const name = `maillage_mig_${crypto.randomBytes(4).toString('hex')}`;
    const admin = knex({ client: 'pg', connection: PG_URL });
    await admin.raw(`CREATE DATABASE ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const db = openDb({ databaseUrl: url.toString(), sqliteFile: '' });
    try {
      await roundTrip(db);
    } finally {
      await db.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    }
  });
});
