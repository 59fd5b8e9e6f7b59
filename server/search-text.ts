/**
 * French words for search: accent folding, a light stemmer, the stop words a
 * query leaves out, and highlighting. Pure functions (no database).
 *
 * Why a light stemmer written here: SQLite's FTS5 only ships an English
 * (porter) stemmer, and node-sqlite3 cannot register a tokenizer written in
 * JavaScript. So the SQLite index keeps whole words (accents folded), and a
 * query word becomes the word itself or one of the forms its stem takes with
 * the usual French endings (`"ateliers" OR "atelier" OR "ateliere" …`): exact
 * terms, which FTS5 reads lazily in rowid order (a prefix query `"atelier"*`
 * would load every match of a common word first: 60 ms instead of 0.3 ms at
 * 300 000 messages). The stem comes from Savoy's light approach (inflections
 * only: plurals, feminine, common derivational endings). PostgreSQL stems with its own Snowball `french_stem`
 * in the `maillage_fr` configuration. `snowball-stemmers` would be the package
 * to use if the stems had to be identical on both sides; it is not installed.
 */

const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, accents and ligatures folded: « Élève Œuvre » → « eleve oeuvre ». */
export function fold(text: string): string {
  // Plain ASCII needs no normalisation (most words, and it is the costly part).
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** The words of a text (letters and digits; apostrophes, hyphens and punctuation separate). */
export const WORD = /[\p{L}\p{N}]+/gu;

/** Words too common to search for (folded). */
const STOP_WORDS = new Set(
  (
    'au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou ' +
    'par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous est sont ete etre avoir a y cet cette'
  ).split(' '),
);

/** Endings removed (longest first) once the plural is gone, if at least four letters remain. */
const ENDINGS = [
  'issement',
  'ements',
  'ement',
  'atrice',
  'ateur',
  'ation',
  'ition',
  'ance',
  'ence',
  'able',
  'ible',
  'iste',
  'isme',
  'euse',
  'eur',
  'ive',
  'ite',
  'ion',
  'ee',
  'er',
  'ez',
  'e',
];

/** The stem of a folded word: a prefix of its inflected forms (« chevaux » → « cheva », « mairies » → « mairi »). */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('aux')) return w.slice(0, -2);
  if (w.length > 3 && (w.endsWith('s') || w.endsWith('x'))) w = w.slice(0, -1);
  for (const ending of ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= 4) return w.slice(0, -ending.length);
  }
  return w;
}

/** The words a query searches for: folded, two letters or more, stop words left out (unless nothing else is left). */
export function queryWords(text: string): string[] {
  const words = [...new Set((fold(text).match(WORD) ?? []).filter((w) => w.length >= 2))];
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  return (meaningful.length ? meaningful : words).slice(0, 8);
}

/** A piece of text, matched by the query or not: what the client renders (as text) with the matches marked. */
export interface Segment {
  text: string;
  match: boolean;
}

const matcher = (words: string[]) => {
  const stems = words.map((w) => stem(w)).filter((s) => s.length >= 3);
  return (word: string) => {
    const f = fold(word);
    return words.includes(f) || stems.some((s) => f.startsWith(s));
  };
};

/**
 * The text cut to about `width` characters around its first match (the start
 * if none), split into segments with the query's words marked.
 */
export function highlight(text: string, words: string[], width = 220): Segment[] {
  const isMatch = matcher(words);
  const flat = text.replace(/\s+/g, ' ').trim();
  let first = -1;
  for (const m of flat.matchAll(WORD)) {
    if (isMatch(m[0])) {
      first = m.index;
      break;
    }
  }
  let start = first > width / 3 ? first - Math.floor(width / 3) : 0;
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let piece = flat.slice(start, start + width);
  if (start + width < flat.length) piece = `${piece.replace(/\s+\S*$/, '')} …`;
  if (start > 0) piece = `… ${piece}`;
  const segments: Segment[] = [];
  let at = 0;
  const push = (t: string, match: boolean) => {
    if (!t) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += t;
    else segments.push({ text: t, match });
  };
  for (const m of piece.matchAll(WORD)) {
    if (!isMatch(m[0])) continue;
    push(piece.slice(at, m.index), false);
    push(m[0], true);
    at = m.index + m[0].length;
  }
  push(piece.slice(at), false);
  return segments;
}

/** What a stem becomes in the forms the query looks for (folded): plurals, feminine, verbs, usual derivations. */
const FORMS = [
  '',
  's',
  'x',
  'e',
  'es',
  'er',
  'ez',
  'ee',
  'ees',
  'ent',
  'ant',
  'ants',
  'ante',
  'antes',
  'ation',
  'ations',
  'ateur',
  'ateurs',
  'atrice',
  'atrices',
  'eur',
  'eurs',
  'euse',
  'euses',
  'ement',
  'ements',
  'ite',
  'ites',
  'ion',
  'ions',
  'ive',
  'ives',
  'if',
  'ifs',
  'al',
  'ale',
  'ales',
  'aux',
  'iste',
  'istes',
  'isme',
  'able',
  'ables',
  'ance',
  'ances',
  'ence',
  'ences',
  'ons',
  'ais',
  'ait',
  'aient',
];

/** The forms a query word stands for: itself and its stem with each usual ending. */
export function formsOf(word: string): string[] {
  const s = stem(word);
  if (s.length < 3) return [word];
  // « chevaux » → « cheval », « travaux » → « travail »; and back: « cheval » → « chevaux ».
  const plural = word.endsWith('aux') ? [`${word.slice(0, -3)}al`, `${word.slice(0, -3)}ail`] : [];
  const singular = word.endsWith('al') ? [`${word.slice(0, -2)}aux`] : word.endsWith('ail') ? [`${word.slice(0, -3)}aux`] : [];
  return [...new Set([word, ...plural, ...singular, ...FORMS.map((f) => s + f)])];
}

/** The SQLite FTS5 expression of the words: each word one of its forms, all required. */
export function ftsExpression(words: string[]): string {
  // Words are letters and digits only (WORD): nothing in them can be read as FTS5 syntax inside quotes.
  return words
    .map((w) => {
      const forms = formsOf(w);
      return forms.length === 1 ? `"${w}"` : `(${forms.map((f) => `"${f}"`).join(' OR ')})`;
    })
    .join(' AND ');
}

/** The PostgreSQL tsquery text of the words (to_tsquery with `maillage_fr`): each word's stem as a prefix, all required. */
export function tsqueryText(words: string[]): string {
  return words.map((w) => (w.length >= 3 ? `${w}:*` : w)).join(' & ');
}

/**
 * The query's words as a matcher for rows read without the index: `score`
 * ranks a few candidates, rather than FTS5's `bm25`, which first counts every
 * document holding each term (for a word in most messages: the whole index,
 * 40 ms at 300 000 messages) — the words found over the square root of the
 * text's length, the first field (a title) counting double when there are
 * several; `matchesAll` says whether a text holds every word in one of its forms,
 * as FTS5 would match it. Built once per query: the forms are computed once.
 */
export function wordMatcher(words: string[]) {
  const formsByWord = words.map((w) => new Set(formsOf(w)));
  const any = new Set(formsByWord.flatMap((f) => [...f]));
  const tokensOf = (text: string | null | undefined) => fold(text ?? '').match(WORD) ?? [];
  return {
    score(fields: (string | null | undefined)[]): number {
      let found = 0;
      let length = 0;
      fields.forEach((text, i) => {
        for (const t of tokensOf(text)) {
          length++;
          if (any.has(t)) found += i === 0 && fields.length > 1 ? 2 : 1;
        }
      });
      return length ? found / Math.sqrt(length) : 0;
    },
    matchesAll(fields: (string | null | undefined)[]): boolean {
      const tokens = new Set(fields.flatMap(tokensOf));
      return formsByWord.every((forms) => [...forms].some((f) => tokens.has(f)));
    },
  };
}
