/**
 * Light markdown for messages: marked's lexer gives tokens, we render them to
 * Lit templates ourselves. Never raw HTML (an HTML token shows as its text),
 * never unsafeHTML; links only http(s)/mailto; `@username` highlighted.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { html, nothing, type TemplateResult } from 'lit';

type Part = TemplateResult | string | typeof nothing;

const lexer = new Marked({ gfm: true, breaks: true });
/** The server's rule (server/services/chat/messages.ts): a name ends with a letter or digit. */
const MENTION = /(^|[^\p{L}\p{N}_@.])@([a-z0-9][a-z0-9._-]{1,29}[a-z0-9])/giu;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Options of the rendering. */
export interface MarkdownOptions {
  /** My username: mentions of me get a stronger highlight. */
  me?: string | null;
}

/** The href if it is an absolute http(s) or mailto URL, else null. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Plain text with `@username` (and `@channel`) wrapped in a highlight. */
export function textWithMentions(text: string, o: MarkdownOptions = {}): Part[] {
  const out: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    const start = m.index! + m[1]!.length;
    out.push(text.slice(last, start));
    const name = m[2]!.toLowerCase();
    const me = !!o.me && (name === o.me.toLowerCase() || ['channel', 'all', 'here', 'everyone'].includes(name));
    out.push(html`<span class="mai-mention ${me ? 'mai-mention--me' : ''}">@${m[2]}</span>`);
    last = start + 1 + m[2]!.length;
  }
  out.push(text.slice(last));
  return out;
}

function inline(tokens: Token[] | undefined, o: MarkdownOptions): Part[] {
  return (tokens ?? []).map((t) => inlineToken(t, o));
}

function inlineToken(t: Token, o: MarkdownOptions): Part {
  switch (t.type) {
    case 'strong':
      return html`<strong>${inline(t.tokens, o)}</strong>`;
    case 'em':
      return html`<em>${inline(t.tokens, o)}</em>`;
    case 'del':
      return html`<del>${inline(t.tokens, o)}</del>`;
    case 'codespan':
      return html`<code>${t.text}</code>`;
    case 'br':
      return html`<br />`;
    case 'link': {
      const href = safeHref((t as Tokens.Link).href);
      if (!href) return t.raw;
      return html`<a href=${href} target="_blank" rel="noopener noreferrer nofollow">${inline(t.tokens, o)}</a>`;
    }
    case 'image':
      // No remote images in messages: the alt text or the address, as text.
      return (t as Tokens.Image).text || t.raw;
    case 'escape':
      return t.text;
    case 'text':
      return (t as Tokens.Text).tokens?.length ? html`${inline((t as Tokens.Text).tokens, o)}` : html`${textWithMentions(t.text, o)}`;
    default:
      // html and anything unknown: what the person typed, as text.
      return 'raw' in t ? String(t.raw) : '';
  }
}

function block(t: Token, o: MarkdownOptions): Part {
  switch (t.type) {
    case 'paragraph':
      return html`<p>${inline(t.tokens, o)}</p>`;
    case 'heading':
      // Titles would shout in a chat: a bold paragraph.
      return html`<p><strong>${inline(t.tokens, o)}</strong></p>`;
    case 'code':
      return html`<pre><code>${t.text}</code></pre>`;
    case 'blockquote':
      return html`<blockquote>${(t as Tokens.Blockquote).tokens.map((x) => block(x, o))}</blockquote>`;
    case 'list': {
      const l = t as Tokens.List;
      const items = l.items.map((i) => html`<li>${i.tokens.map((x) => (x.type === 'text' ? inlineToken(x, o) : block(x, o)))}</li>`);
      return l.ordered ? html`<ol start=${l.start === '' ? 1 : l.start}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'text':
      return html`<p>${inlineToken(t, o)}</p>`;
    case 'space':
    case 'def':
      return nothing;
    case 'hr':
      return html`<hr />`;
    default:
      // html blocks, tables and the rest: shown as typed.
      return html`<p class="mai-pre-line">${'raw' in t ? String(t.raw) : ''}</p>`;
  }
}

/** A message body as Lit templates. */
export function renderMarkdown(body: string, o: MarkdownOptions = {}): TemplateResult {
  let tokens: Token[];
  try {
    tokens = lexer.lexer(body);
  } catch {
    return html`<p class="mai-pre-line">${body}</p>`;
  }
  return html`${tokens.map((t) => block(t, o))}`;
}

/** The inline parts of one block, for a one-line rendering (lists and quotes flattened). */
function flat(t: Token, o: MarkdownOptions): Part[] {
  switch (t.type) {
    case 'paragraph':
    case 'heading':
      return inline(t.tokens, o);
    case 'text':
      return [inlineToken(t, o)];
    case 'code':
      return [html`<code>${t.text}</code>`];
    case 'blockquote':
      return (t as Tokens.Blockquote).tokens.flatMap((x) => flat(x, o));
    case 'list':
      return (t as Tokens.List).items.flatMap((i, n) => [n ? ' · ' : '', ...i.tokens.flatMap((x) => flat(x, o))]);
    case 'space':
    case 'def':
    case 'hr':
      return [];
    default:
      return ['raw' in t ? String(t.raw) : ''];
  }
}

/** A body on one line (the pinned bar): formatting rendered, blocks joined by spaces, cut at `max` characters of source. */
export function renderMarkdownLine(body: string, o: MarkdownOptions & { max?: number } = {}): TemplateResult {
  const max = o.max ?? 200;
  const source = body.length > max ? `${body.slice(0, max)}…` : body;
  let tokens: Token[];
  try {
    tokens = lexer.lexer(source);
  } catch {
    return html`${source}`;
  }
  return html`${tokens.map((t, i) => html`${i ? ' ' : ''}${flat(t, o)}`)}`;
}
