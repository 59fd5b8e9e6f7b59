/**
 * Folding text for the FAQ's search: lower case, no accents, no punctuation
 * (what `faq_entries.search_text` holds), and the words of a query worth
 * looking for (the little words of French would match everything).
 */
const STOP_WORDS = new Set(
  (
    'les des une un du de la le et ou en au aux pour par sur dans avec sans pas plus que qui quoi est sont ' +
    'mon ma mes ton ta tes son sa ses nos vos leur leurs ce cet cette ces je tu il elle on nous vous ils elles ' +
    'comment faire peut peux veux ai suis fait etre avoir bonjour merci svp quand ne se sa'
  ).split(' '),
);

/** Lower case, accents removed, anything but letters and digits turned into one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct meaningful words of a query (3 letters or more, stop words left out), at most 12. */
export function queryWords(query: string): string[] {
  const words = foldText(query)
    .split(' ')
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, 12);
}
