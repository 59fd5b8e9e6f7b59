import type { Deps } from './deps';
import { migrateLatest } from './database';
import { syncDepartments } from './db/departments';
import { provisionChannels, syncAutoMemberships } from './services/chat/channels';
import { anyUserWithRole, countUsers, insertUser } from './db/users';
import { ROLE_SETS } from './access/roles';
import { hashPassword } from './services/accounts/passwords';
import { seedDemo } from './demo-data';

/**
 * Everything a fresh or existing database needs before serving: the schema,
 * the reference data, the bootstrap admin, and the demo dataset when empty.
 */
export async function prepareDatabase(deps: Deps, opts: { seedDemo: boolean }): Promise<void> {
  await migrateLatest(deps.db);
  await syncReferenceData(deps.db);
  await ensureAdmin(deps);
  if (opts.seedDemo && (await countUsers(deps.db)) === 0) {
    await seedDemo(deps);
    deps.log.info('demo dataset created (see README for the logins)');
  }
}

/** Départements, régions and the standing channels: idempotent, run at every start. */
export async function syncReferenceData(db: Deps['db']): Promise<void> {
  await syncDepartments(db);
  await provisionChannels(db);
}

/** Creates the admin named by ADMIN_EMAIL/ADMIN_PASSWORD when no admin exists yet. */
export async function ensureAdmin(deps: Deps): Promise<void> {
  const { adminEmail, adminPassword } = deps.config;
  if (!adminEmail || !adminPassword) return;
  if (await anyUserWithRole(deps.db, ROLE_SETS.admins)) return;
  const now = new Date();
  const admin = await insertUser(deps.db, {
    email: adminEmail.toLowerCase(),
    username: adminEmail
      .split('@')[0]!
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '')
      .slice(0, 30)
      .padEnd(3, '0'),
    password_hash: await hashPassword(adminPassword),
    civility: null,
    first_name: 'Administrateur',
    last_name: 'Maillage',
    department_code: '75',
    phone: null,
    employer: null,
    job_title: null,
    city: null,
    role: 'admin',
    chat_only: false,
    status: 'active',
    terms_accepted_at: now,
  });
  await syncAutoMemberships(deps.db, admin);
  deps.log.info({ email: adminEmail }, 'bootstrap admin created');
}
