/**
 * Light markdown for post bodies. marked's lexer turns the text into tokens
 * and we build Lit templates from them ourselves: every piece of user text
 * goes through Lit's text binding, so nothing a member writes can become
 * markup. HTML typed in a post shows as text; links are kept only when they
 * are absolute http(s) or mailto addresses; remote images are not loaded.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { html, nothing, type TemplateResult } from 'lit';

type Part = TemplateResult | string | typeof nothing;

const lexer = new Marked({ gfm: true, breaks: true });
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The address if it is an absolute http(s) or mailto URL, else null. */
export function safeUrl(href: string): string | null {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function inline(tokens: Token[] | undefined): Part[] {
  return (tokens ?? []).map(inlineToken);
}

function inlineToken(t: Token): Part {
  switch (t.type) {
    case 'strong':
      return html`<strong>${inline(t.tokens)}</strong>`;
    case 'em':
      return html`<em>${inline(t.tokens)}</em>`;
    case 'del':
      return html`<del>${inline(t.tokens)}</del>`;
    case 'codespan':
      return html`<code>${t.text}</code>`;
    case 'br':
      return html`<br />`;
    case 'link': {
      const href = safeUrl((t as Tokens.Link).href);
      return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer nofollow">${inline(t.tokens)}</a>` : t.raw;
    }
    case 'image':
      return (t as Tokens.Image).text || t.raw;
    case 'escape':
      return t.text;
    case 'text':
      return (t as Tokens.Text).tokens?.length ? html`${inline((t as Tokens.Text).tokens)}` : t.text;
    default:
      return 'raw' in t ? String(t.raw) : '';
  }
}

function block(t: Token): Part {
  switch (t.type) {
    case 'paragraph':
      return html`<p>${inline(t.tokens)}</p>`;
    case 'heading': {
      // Post titles are h3 in the feed: body headings sit below them.
      const text = inline(t.tokens);
      return (t as Tokens.Heading).depth <= 2 ? html`<h4 class="fr-h6">${text}</h4>` : html`<h5 class="fr-text--lg">${text}</h5>`;
    }
    case 'code':
      return html`<pre class="mai-post-code"><code>${t.text}</code></pre>`;
    case 'blockquote':
      return html`<blockquote class="mai-post-quote">${(t as Tokens.Blockquote).tokens.map(block)}</blockquote>`;
    case 'list': {
      const l = t as Tokens.List;
      const items = l.items.map((i) => html`<li>${i.tokens.map((x) => (x.type === 'text' ? inlineToken(x) : block(x)))}</li>`);
      return l.ordered ? html`<ol start=${l.start === '' ? 1 : l.start}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'text':
      return html`<p>${inlineToken(t)}</p>`;
    case 'hr':
      return html`<hr />`;
    case 'space':
    case 'def':
      return nothing;
    default:
      // HTML blocks, tables and the rest: shown as typed.
      return html`<p class="mai-pre-line">${'raw' in t ? String(t.raw) : ''}</p>`;
  }
}

/** A post body as Lit templates. */
export function renderPostBody(body: string): TemplateResult {
  let tokens: Token[];
  try {
    tokens = lexer.lexer(body);
  } catch {
    return html`<p class="mai-pre-line">${body}</p>`;
  }
  return html`${tokens.map(block)}`;
}
