import type { Knex } from 'knex';

export interface AccountTypeRow {
  key: string;
  label: string;
  needs_validation: boolean | number;
  position: number;
}

export async function listAccountTypes(db: Knex): Promise<AccountTypeRow[]> {
  return db<AccountTypeRow>('account_types')
    .orderBy([{ column: 'position' }, { column: 'key' }])
    .select('key', 'label', 'needs_validation', 'position');
}

export async function findAccountType(db: Knex, key: string): Promise<AccountTypeRow | undefined> {
  return db<AccountTypeRow>('account_types').where({ key }).first();
}

export async function insertAccountType(db: Knex, t: { key: string; label: string; needsValidation: boolean }): Promise<AccountTypeRow> {
  const row = await db('account_types').max({ p: 'position' }).first();
  await db('account_types').insert({
    key: t.key,
    label: t.label,
    needs_validation: t.needsValidation,
    position: Number(row?.p ?? 0) + 1,
    created_at: new Date(),
  });
  return (await findAccountType(db, t.key))!;
}

export async function updateAccountType(
  db: Knex,
  key: string,
  changes: { label?: string; needs_validation?: boolean },
): Promise<AccountTypeRow | undefined> {
  if (Object.keys(changes).length) await db('account_types').where({ key }).update(changes);
  return findAccountType(db, key);
}

/** Accounts whose requested type waits for a decision, the oldest first. */
export async function pendingTypeRequests(db: Knex, limit = 200) {
  return db('users')
    .whereNotNull('requested_account_type')
    .whereNot('status', 'disabled')
    .orderBy([{ column: 'account_type_requested_at' }, { column: 'id' }])
    .limit(limit)
    .select(
      'id',
      'first_name',
      'last_name',
      'email',
      'employer',
      'job_title',
      'department_code',
      'account_type',
      'requested_account_type',
      'status',
      'created_at',
      'account_type_requested_at',
    );
}

/**
 * Settles a pending request if it is still the one decided on (two admins at
 * once: the first wins); `accept` puts the type in force.
 */
export async function settleTypeRequest(db: Knex, userId: number, requested: string, accept: boolean): Promise<boolean> {
  const n = await db('users')
    .where({ id: userId, requested_account_type: requested })
    .update({
      requested_account_type: null,
      account_type_requested_at: null,
      ...(accept ? { account_type: requested } : {}),
      updated_at: new Date(),
    });
  return n === 1;
}

/**
 * A member's own change of type: `requested` waits for an admin (the type in
 * force stays meanwhile), or `inForce` applies at once; either replaces any
 * request still waiting.
 */
export async function setOwnAccountType(
  db: Knex,
  userId: number,
  change: { requested: string; at: Date } | { inForce: string; at: Date },
): Promise<void> {
  await db('users')
    .where({ id: userId })
    .update(
      'requested' in change
        ? { requested_account_type: change.requested, account_type_requested_at: change.at, updated_at: change.at }
        : { account_type: change.inForce, requested_account_type: null, account_type_requested_at: null, updated_at: change.at },
    );
}

/** Withdraws a member's waiting request; false if none waited. */
export async function withdrawTypeRequest(db: Knex, userId: number): Promise<boolean> {
  const n = await db('users')
    .where({ id: userId })
    .whereNotNull('requested_account_type')
    .update({ requested_account_type: null, account_type_requested_at: null, updated_at: new Date() });
  return n === 1;
}
