/** The emoji picker's data (built from emojibase-data, French), fetched once when a picker first opens; and my frequent ones. */

/** `[emoji, French name, group, keywords]` */
export type EmojiEntry = [string, string, number, string];

/** The whole list with its groups. */
export interface EmojiData {
  groups: { id: number; name: string }[];
  emoji: EmojiEntry[];
}

let loading: Promise<EmojiData> | null = null;

/** Loads `/assets/emoji-fr.json` (cached by the browser and the service worker); a failure lets the next call try again. */
export function loadEmojiData(): Promise<EmojiData> {
  loading ??= fetch('/assets/emoji-fr.json').then((r) => {
    if (!r.ok) throw new Error(`emoji ${r.status}`);
    return r.json() as Promise<EmojiData>;
  });
  loading.catch(() => (loading = null));
  return loading;
}

/** The quick row when nothing was used yet. */
export const DEFAULT_QUICK = ['👍', '❤️', '😂', '🎉', '👏', '🙏', '✅', '👀'];
const KEY = 'maillage.emoji.recent';

/** The quick row: my most recently used first, then the defaults (8 in all). */
export function quickEmoji(storage: Pick<Storage, 'getItem'> = localStorage): string[] {
  let recent: string[] = [];
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    if (Array.isArray(parsed)) recent = parsed.filter((x): x is string => typeof x === 'string');
  } catch {
    recent = [];
  }
  return [...new Set([...recent, ...DEFAULT_QUICK])].slice(0, 8);
}

/** Remembers an emoji I used (most recent first). */
export function rememberEmoji(emoji: string, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  const recent = quickEmoji(storage).filter((e) => e !== emoji);
  try {
    storage.setItem(KEY, JSON.stringify([emoji, ...recent].slice(0, 8)));
  } catch {
    // Storage full or refused: the quick row keeps its defaults.
  }
}

/** Emoji whose name or keywords hold every word typed (accents ignored). */
export function searchEmoji(data: EmojiData, query: string, limit = 120): EmojiEntry[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  return data.emoji.filter(([, name, , tags]) => words.every((w) => fold(`${name} ${tags}`).includes(w))).slice(0, limit);
}
