/** Markdown to plain text, with no Lit (the notification texts use it and are tested in Node). */
import { Marked, type Token, type Tokens } from 'marked';

const lexer = new Marked({ gfm: true, breaks: true });
const BLOCKS = new Set(['paragraph', 'heading', 'code', 'list', 'blockquote']);

function text(tokens: Token[] | undefined): string {
  const sep = tokens?.some((t) => BLOCKS.has(t.type)) ? ' ' : '';
  return (tokens ?? [])
    .map((t) => {
      if (t.type === 'list') return (t as Tokens.List).items.map((i) => text(i.tokens)).join(' · ');
      if ('tokens' in t && t.tokens?.length) return text(t.tokens);
      return 'text' in t ? String(t.text) : '';
    })
    .join(sep);
}

/** A body as plain text (notifications, titles): the words without the markdown marks, on one line. */
export function markdownText(body: string): string {
  try {
    return text(lexer.lexer(body)).replace(/\s+/g, ' ').trim();
  } catch {
    return body;
  }
}
