/** The help centre's search as you type, in the browser: the FAQ is small and already loaded. */
import type { FaqEntry } from '../../api/help.js';

/** Lower case, accents removed, anything but letters and digits as one space (the server folds alike). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The entries containing every word typed (in the question, the category or the answer). */
export function filterFaq(entries: FaqEntry[], query: string): FaqEntry[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (!words.length) return entries;
  return entries.filter((e) => {
    const text = fold(`${e.question} ${e.category} ${e.answer}`);
    return words.every((w) => text.includes(w));
  });
}

/** Entries grouped by category, in the order the server gave them (by category, then position). */
export function byCategory(entries: FaqEntry[]): [string, FaqEntry[]][] {
  const groups = new Map<string, FaqEntry[]>();
  for (const e of entries) groups.set(e.category, [...(groups.get(e.category) ?? []), e]);
  return [...groups];
}
