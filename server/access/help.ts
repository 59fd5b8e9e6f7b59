import type { Knex } from 'knex';
import type { UserRow } from '../db/users';
import { findFaqEntry, type FaqEntryRow } from '../db/faq-entries';
import { notFound } from '../errors';
import { isAdmin } from './roles';

/** The FAQ is everyone's reading; only platform admins write it. */
export const canEditFaq = (user: UserRow): boolean => isAdmin(user);

/** An entry (the FAQ is public: every entry is visible), or not_found. */
export async function accessFaqEntry(db: Knex, id: number): Promise<FaqEntryRow> {
  const row = await findFaqEntry(db, id);
  if (!row) throw notFound('Question');
  return row;
}
