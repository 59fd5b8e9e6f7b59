import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { openDb, migrateLatest, isPostgres, type Db } from '../../server/database';
import { syncReferenceData } from '../../server/bootstrap';
import { newSecretToken } from '../../server/services/accounts/passwords';

/** A scratch database for one scenario: a SQLite file in a temp DATA_DIR, or a PostgreSQL database made from DATABASE_URL. */
export interface ScratchDb {
  kind: 'sqlite' | 'postgresql';
  dataDir: string;
  /** The environment that points a hub child at this database. */
  env: Record<string, string>;
  open(): Db;
  drop(): Promise<void>;
}

function withDatabase(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty scratch database, migrated and with the reference data (départements, standing channels). */
export async function createScratchDb(label: string): Promise<ScratchDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `maillage-bench-${label}-`));
  const base = process.env.DATABASE_URL;
  let scratch: ScratchDb;
  if (base) {
    const name = `maillage_bench_${label}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = knex({ client: 'pg', connection: base });
    await admin.raw(`CREATE DATABASE ${name}`);
    await admin.destroy();
    const url = withDatabase(base, name);
    scratch = {
      kind: 'postgresql',
      dataDir,
      env: { DATA_DIR: dataDir, DATABASE_URL: url },
      open: () => openDb({ databaseUrl: url, sqliteFile: '' }),
      async drop() {
        const a = knex({ client: 'pg', connection: base });
        await a.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } else {
    const file = path.join(dataDir, 'maillage.sqlite3');
    scratch = {
      kind: 'sqlite',
      dataDir,
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      open: () => openDb({ databaseUrl: null, sqliteFile: file }),
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const db = scratch.open();
  try {
    await migrateLatest(db);
    await syncReferenceData(db);
  } finally {
    await db.destroy();
  }
  return scratch;
}

/** A seeded member: their id and a live session token. */
export interface BenchUser {
  id: number;
  token: string;
  departmentCode: string;
}

const BATCH = 500;

/** Inserts rows in batches of 500, all in one transaction (one fsync on SQLite). */
export async function bulkInsert(db: Db, table: string, rows: Record<string, unknown>[]): Promise<void> {
  await db.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) await trx(table).insert(rows.slice(i, i + BATCH));
  });
}

/**
 * Inserts `n` active members who accepted the terms, spread over the
 * départements, each with a session; they also get their automatic channels
 * (national, Annonces, their département) so connecting writes nothing.
 */
export async function seedUsers(
  db: Db,
  prefix: string,
  n: number,
  role: 'member' | 'animator' = 'member',
  department?: string,
): Promise<BenchUser[]> {
  const deps = ((await db('departments').select('code').orderBy('code')) as { code: string }[]).map((d) => d.code);
  const now = new Date();
  const users = Array.from({ length: n }, (_, i) => ({
    email: `${prefix}${i}@bench.invalid`,
    username: `${prefix}${i}`,
    password_hash: 'bench-no-password',
    first_name: 'Banc',
    last_name: `${prefix.toUpperCase()} ${i}`,
    department_code: department ?? deps[i % deps.length]!,
    role,
    chat_only: false,
    status: 'active',
    terms_accepted_at: now,
    created_at: now,
    updated_at: now,
  }));
  await bulkInsert(db, 'users', users);
  const rows = (await db('users').where('username', 'like', `${prefix}%`).select('id', 'username', 'department_code')) as {
    id: number;
    username: string;
    department_code: string;
  }[];
  const byName = new Map(rows.map((r) => [r.username, r]));
  const out: BenchUser[] = [];
  const sessions: Record<string, unknown>[] = [];
  const expires = new Date(Date.now() + 86400_000);
  for (let i = 0; i < n; i++) {
    const row = byName.get(`${prefix}${i}`)!;
    const { token, hash } = newSecretToken();
    sessions.push({ user_id: row.id, token_hash: hash, created_at: now, expires_at: expires });
    out.push({ id: row.id, token, departmentCode: row.department_code });
  }
  await bulkInsert(db, 'sessions', sessions);
  const channels = (await db('channels').whereIn('kind', ['national', 'departmental']).select('id', 'slug')) as {
    id: number;
    slug: string;
  }[];
  const bySlug = new Map(channels.map((c) => [c.slug, c.id]));
  const members: Record<string, unknown>[] = [];
  for (const u of out) {
    for (const slug of ['general', 'annonces', `dep-${u.departmentCode.toLowerCase()}`]) {
      members.push({ channel_id: bySlug.get(slug)!, user_id: u.id, last_read_seq: 0, favorite: false, joined_at: now });
    }
  }
  await bulkInsert(db, 'channel_members', members);
  return out;
}

/** The id of a standing channel by slug. */
export async function channelId(db: Db, slug: string): Promise<number> {
  const row = (await db('channels').where({ slug }).first('id')) as { id: number } | undefined;
  if (!row) throw new Error(`no channel ${slug}`);
  return row.id;
}

/** Creates a thematic channel with these members and returns its id. */
export async function seedChannel(db: Db, slug: string, userIds: number[]): Promise<number> {
  const now = new Date();
  await db('channels').insert({ kind: 'thematic', name: `Banc ${slug}`, slug, announce: false, last_seq: 0, created_at: now });
  const id = await channelId(db, slug);
  await addMembers(db, id, userIds);
  return id;
}

/** Adds members to a channel in bulk (already-members are skipped). */
export async function addMembers(db: Db, id: number, userIds: number[]): Promise<void> {
  const existing = new Set(
    ((await db('channel_members').where({ channel_id: id }).select('user_id')) as { user_id: number }[]).map((r) => r.user_id),
  );
  const now = new Date();
  const rows = userIds
    .filter((u) => !existing.has(u))
    .map((user_id) => ({ channel_id: id, user_id, last_read_seq: 0, favorite: false, joined_at: now }));
  await bulkInsert(db, 'channel_members', rows);
}

/**
 * Fills a channel with `n` messages by one author in a single set-based
 * INSERT … SELECT (a recursive counter on SQLite, generate_series on
 * PostgreSQL), then moves the channel's last_seq and refreshes the planner's statistics.
 */
export async function seedMessages(db: Db, channel: number, authorId: number, n: number): Promise<void> {
  const createdAt = new Date(Date.now() - 86400_000);
  const cols = 'channel_id, seq, author_id, client_msg_id, body, created_at';
  const select = (counter: string, int = '', ts = '') =>
    `SELECT ?${int}, ${counter}, ?${int}, 'seed-' || ${counter}, 'Message numéro ' || ${counter} || ' du banc d''essai, assez long pour ressembler à une vraie phrase de discussion.', ?${ts} `;
  if (isPostgres(db)) {
    await db.raw(`INSERT INTO messages (${cols}) ${select('g', '::int', '::timestamptz')} FROM generate_series(1, ?::int) AS g`, [
      channel,
      authorId,
      createdAt,
      n,
    ]);
    await db.raw('ANALYZE messages');
  } else {
    await db.transaction(async (trx) => {
      await trx.raw(
        `WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < ?) INSERT INTO messages (${cols}) ${select('x')} FROM s`,
        [n, channel, authorId, createdAt],
      );
    });
  }
  await db('channels').where({ id: channel }).update({ last_seq: n });
}
