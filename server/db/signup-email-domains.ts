import type { Knex } from 'knex';

/** The e-mail domains allowed to sign up, in alphabetical order; none: sign-up is open. */
export async function listSignupDomains(db: Knex): Promise<string[]> {
  const rows = await db('signup_email_domains').orderBy('domain').select('domain');
  return rows.map((r: { domain: string }) => r.domain);
}

/** Replaces the whole list (one transaction: readers see the old list or the new one). */
export async function replaceSignupDomains(db: Knex, domains: string[], addedBy: number): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('signup_email_domains').delete();
    const now = new Date();
    if (domains.length) await trx('signup_email_domains').insert(domains.map((domain) => ({ domain, added_by: addedBy, created_at: now })));
  });
}
