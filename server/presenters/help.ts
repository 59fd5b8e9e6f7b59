import type { FaqEntryRow } from '../db/faq-entries';
import type { FaqEntry } from '../protocol/help';
import { iso } from './time';

export function presentFaqEntry(row: FaqEntryRow): FaqEntry {
  return {
    id: row.id,
    category: row.category,
    question: row.question,
    answer: row.answer,
    position: Number(row.position),
    updatedAt: iso(row.updated_at as Date | string),
  };
}
