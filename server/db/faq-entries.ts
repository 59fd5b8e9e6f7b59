import type { Knex } from 'knex';

export interface FaqEntryRow {
  id: number;
  category: string;
  question: string;
  answer: string;
  position: number;
  search_text: string;
  updated_by: number | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export type FaqEntryFields = Pick<FaqEntryRow, 'category' | 'question' | 'answer' | 'position' | 'search_text' | 'updated_by'>;

/** Every entry, by category then position then question. */
export async function listFaqEntries(db: Knex): Promise<FaqEntryRow[]> {
  return db<FaqEntryRow>('faq_entries').orderBy([{ column: 'category' }, { column: 'position' }, { column: 'question' }]);
}

/** Entries whose search text contains any of `words` (already folded: lower case, no accents, no wildcards). */
export async function faqEntriesWithAnyWord(db: Knex, words: string[]): Promise<FaqEntryRow[]> {
  if (!words.length) return [];
  return db<FaqEntryRow>('faq_entries').where((w) => {
    for (const word of words) w.orWhere('search_text', 'like', `%${word}%`);
  });
}

export async function findFaqEntry(db: Knex, id: number): Promise<FaqEntryRow | undefined> {
  return db<FaqEntryRow>('faq_entries').where({ id }).first();
}

export async function insertFaqEntry(db: Knex, row: FaqEntryFields): Promise<FaqEntryRow> {
  const now = new Date();
  const [inserted] = await db<FaqEntryRow>('faq_entries')
    .insert({ ...row, created_at: now, updated_at: now })
    .returning('*');
  return inserted as FaqEntryRow;
}

export async function updateFaqEntry(db: Knex, id: number, changes: Partial<FaqEntryFields>): Promise<FaqEntryRow> {
  const [row] = await db<FaqEntryRow>('faq_entries')
    .where({ id })
    .update({ ...changes, updated_at: new Date() })
    .returning('*');
  return row as FaqEntryRow;
}

export async function deleteFaqEntry(db: Knex, id: number): Promise<number> {
  return db('faq_entries').where({ id }).delete();
}
