import { expect } from 'chai';
import type { Db } from '../../server/database';
import { emptyDatabase } from '../helpers/db';
import { needPostgres } from '../helpers/services';

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
    const t = await emptyDatabase('sqlite', 'maillage_mig');
    try {
      await roundTrip(t.db);
      const [{ journal_mode }] = await t.db.raw('PRAGMA journal_mode');
      expect(journal_mode).to.equal('wal');
      const [{ foreign_keys }] = await t.db.raw('PRAGMA foreign_keys');
      expect(foreign_keys).to.equal(1);
    } finally {
      await t.drop();
    }
  });

  it('on PostgreSQL', async function () {
    await needPostgres(this);
    const t = await emptyDatabase('postgres', 'maillage_mig');
    try {
      await roundTrip(t.db);
    } finally {
      await t.drop();
    }
  });
});
