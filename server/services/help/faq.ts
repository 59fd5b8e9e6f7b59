import type { Knex } from 'knex';
import type { UserRow } from '../../db/users';
import type { FaqChanges, FaqEntryInput } from '../../protocol/help';
import {
  deleteFaqEntry,
  faqEntriesWithAnyWord,
  insertFaqEntry,
  listFaqEntries,
  updateFaqEntry,
  type FaqEntryFields,
  type FaqEntryRow,
} from '../../db/faq-entries';
import { accessFaqEntry, canEditFaq } from '../../access/help';
import { forbidden } from '../../errors';
import { foldText, queryWords } from './search-words';

const searchText = (e: Pick<FaqEntryRow, 'category' | 'question' | 'answer'>) => foldText(`${e.question} ${e.category} ${e.answer}`);

/**
 * The FAQ: all of it by category, or with `q` the entries sharing words with it, the best first
 * (a word of the question weighs three times a word of the answer; ties keep the FAQ's order).
 */
export async function listFaq(db: Knex, query: { q?: string; limit?: number }): Promise<FaqEntryRow[]> {
  const words = query.q ? queryWords(query.q) : [];
  if (query.q !== undefined && query.q !== '') {
    if (!words.length) return [];
    const rows = await faqEntriesWithAnyWord(db, words);
    const scored = rows.map((row) => {
      const question = ` ${foldText(row.question)} `;
      const rest = ` ${foldText(`${row.category} ${row.answer}`)} `;
      let score = 0;
      for (const w of words) {
        if (question.includes(w)) score += question.includes(` ${w}`) ? 3 : 2;
        else if (rest.includes(w)) score += 1;
      }
      return { row, score };
    });
    scored.sort((a, b) => b.score - a.score || a.row.category.localeCompare(b.row.category, 'fr') || a.row.position - b.row.position);
    return scored.slice(0, query.limit ?? scored.length).map((s) => s.row);
  }
  const rows = await listFaqEntries(db);
  return rows.slice(0, query.limit ?? rows.length);
}

function assertEditor(actor: UserRow): void {
  if (!canEditFaq(actor)) throw forbidden('Seuls les administrateurs modifient la foire aux questions.');
}

/** Admins add a question. */
export async function createFaqEntry(db: Knex, actor: UserRow, input: FaqEntryInput): Promise<FaqEntryRow> {
  assertEditor(actor);
  const fields: FaqEntryFields = {
    category: input.category,
    question: input.question,
    answer: input.answer,
    position: input.position ?? 50,
    search_text: searchText(input),
    updated_by: actor.id,
  };
  return insertFaqEntry(db, fields);
}

/** Admins change a question (404 for one that does not exist). */
export async function changeFaqEntry(db: Knex, actor: UserRow, id: number, changes: FaqChanges): Promise<FaqEntryRow> {
  assertEditor(actor);
  const current = await accessFaqEntry(db, id);
  const next = { ...current, ...changes };
  return updateFaqEntry(db, id, { ...changes, search_text: searchText(next), updated_by: actor.id });
}

/** Admins remove a question (404 for one that does not exist). */
export async function removeFaqEntry(db: Knex, actor: UserRow, id: number): Promise<void> {
  assertEditor(actor);
  await accessFaqEntry(db, id);
  await deleteFaqEntry(db, id);
}
