import type { Knex } from 'knex';

/** A row of `oidc_signups`: a first sign-in through the provider, waiting for its département. */
export interface OidcSignupRow {
  id: number;
  token_hash: string;
  issuer: string;
  subject: string;
  email: string;
  first_name: string;
  last_name: string;
  acr: string | null;
  amr: string | null;
  id_token: string | null;
  next: string | null;
  created_at: Date | number;
  expires_at: Date | number;
}

export type NewOidcSignup = Omit<OidcSignupRow, 'id' | 'created_at'>;

/** Stores a pending first sign-in (and clears expired ones). */
export async function insertOidcSignup(db: Knex, s: NewOidcSignup): Promise<void> {
  await db('oidc_signups').where('expires_at', '<', new Date()).delete();
  await db('oidc_signups').insert({ ...s, created_at: new Date() });
}

/** A live pending sign-up by the hash of its ticket. */
export async function findOidcSignup(db: Knex, tokenHash: string): Promise<OidcSignupRow | undefined> {
  return db<OidcSignupRow>('oidc_signups').where({ token_hash: tokenHash }).andWhere('expires_at', '>', new Date()).first();
}

/** Burns a ticket; false if another request burnt it first. */
export async function deleteOidcSignup(db: Knex, id: number): Promise<boolean> {
  return (await db('oidc_signups').where({ id }).delete()) > 0;
}
