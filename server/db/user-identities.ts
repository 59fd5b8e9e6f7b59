import type { Knex } from 'knex';

/** A row of `user_identities`: an account's subject at an OpenID provider. */
export interface UserIdentityRow {
  id: number;
  user_id: number;
  issuer: string;
  subject: string;
  created_at: Date | number;
  last_login_at: Date | number | null;
}

/** The identity a provider's (issuer, subject) is linked to, if any. */
export async function findIdentity(db: Knex, issuer: string, subject: string): Promise<UserIdentityRow | undefined> {
  return db<UserIdentityRow>('user_identities').where({ issuer, subject }).first();
}

/** Links (issuer, subject) to an account. */
export async function insertIdentity(db: Knex, i: { userId: number; issuer: string; subject: string }): Promise<void> {
  const now = new Date();
  await db('user_identities').insert({ user_id: i.userId, issuer: i.issuer, subject: i.subject, created_at: now, last_login_at: now });
}

/** Records a sign-in through the identity. */
export async function touchIdentity(db: Knex, id: number): Promise<void> {
  await db('user_identities').where({ id }).update({ last_login_at: new Date() });
}

/** Every identity of an account (the personal-data export lists them). */
export async function identitiesOfUser(db: Knex, userId: number): Promise<UserIdentityRow[]> {
  return db<UserIdentityRow>('user_identities').where({ user_id: userId }).orderBy('id');
}
