/** Reading a search text: its words and the chat filters `de:@nom`, `dans:#salon`, `avant:`, `après:`. */
import { queryWords } from '../../search-text';

export interface ParsedQuery {
  words: string[];
  from: string | null;
  in: string | null;
  /** Start of the day given (results strictly before it). */
  before: Date | null;
  /** Start of the day after the one given (results from then on). */
  after: Date | null;
}

const FILTER = /^(de|from|dans|in|avant|before|apres|après|after):(.+)$/i;

/** A day as AAAA-MM-JJ or JJ/MM/AAAA, at 00:00 UTC; null when it is not a real date. */
export function parseDay(text: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : [];
  if (!y) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? date : null;
}

/** Splits the text into words and filters; a filter that cannot be read is searched as words. */
export function parseQuery(text: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], from: null, in: null, before: null, after: null };
  const rest: string[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const f = FILTER.exec(token);
    const key = f?.[1]?.toLowerCase();
    const value = f?.[2] ?? '';
    if (key === 'de' || key === 'from') parsed.from = value.replace(/^@/, '');
    else if (key === 'dans' || key === 'in') parsed.in = value.replace(/^#/, '');
    else if (key && parseDay(value)) {
      const day = parseDay(value)!;
      if (key === 'avant' || key === 'before') parsed.before = day;
      else parsed.after = new Date(day.getTime() + 24 * 3600 * 1000);
    } else rest.push(token);
  }
  parsed.words = queryWords(rest.join(' '));
  return parsed;
}

/** Whether the text asks for chat messages only (a filter that only messages have). */
export const isChatOnlyQuery = (p: ParsedQuery): boolean => p.in !== null;
