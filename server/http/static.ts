import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Middleware } from 'koa';
import serve from 'koa-static';

export const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');

// The client's own code only: no inline script, no foreign origin; styles may be set by components.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The anti-robot proof of work runs in a worker served by us (/assets/altcha-pbkdf2.js).
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** What a public page's HTML head says, for sharing and indexing (the client sets the same once it runs). */
export interface PageHead {
  title: string;
  description: string;
  /** Pages not meant for search engines (members-only or unknown contents). */
  noindex?: boolean;
  type?: 'article' | 'website';
  url?: string;
  /** An absolute image URL for link previews. */
  image?: string;
  /** The image's text alternative. */
  imageAlt?: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** index.html with the page's <title> and <meta> description / Open Graph tags. */
export function withHead(html: string, head: PageHead): string {
  const t = escapeHtml(head.title);
  const d = escapeHtml(head.description);
  const tags = [
    `<meta name="description" content="${d}" />`,
    `<meta property="og:title" content="${t}" />`,
    `<meta property="og:description" content="${d}" />`,
    `<meta property="og:type" content="${head.type ?? 'website'}" />`,
    `<meta property="og:site_name" content="Maillage" />`,
    head.url ? `<meta property="og:url" content="${escapeHtml(head.url)}" />` : '',
    head.image ? `<meta property="og:image" content="${escapeHtml(head.image)}" />` : '',
    head.image && head.imageAlt ? `<meta property="og:image:alt" content="${escapeHtml(head.imageAlt)}" />` : '',
    head.noindex ? '<meta name="robots" content="noindex" />' : '',
  ]
    .filter(Boolean)
    .join('\n    ');
  return html.replace(/<title>[^<]*<\/title>/, `<title>${t}</title>\n    ${tags}`);
}

/**
 * Serves the built Lit client and answers index.html for the client's own
 * paths (History API routing), never for /api or /socket.io. `headFor` may
 * give a path its own <title> and <meta> (public contents), rendered here so
 * that link previews and search engines, which run no script, read them.
 */
export function staticClient(headFor?: (path: string) => Promise<PageHead | null>): Middleware {
  // No index: `/` goes through the fallback below, which sets the CSP on every HTML answer.
  const files = serve(clientDir, { index: false, maxage: 0 });
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/socket.io')) return next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'same-origin');
    // Only GET and HEAD are pages; a POST on a page's path (a newsletter's one-click unsubscribe, RFC 8058) goes to the routes.
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    await files(ctx, async () => {});
    if (ctx.body !== undefined || ctx.status !== 404) return;
    const isAsset = /^\/(assets|dsfr)\//.test(ctx.path) || path.extname(ctx.path) !== '';
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && !isAsset) {
      const index = path.join(clientDir, 'index.html');
      if (!fs.existsSync(index)) {
        ctx.status = 503;
        ctx.body = 'Client non construit : lancez « npm run build ».';
        return;
      }
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', CSP);
      ctx.set('Cache-Control', 'no-cache');
      const head = headFor ? await headFor(ctx.path) : null;
      ctx.body = head ? withHead(await fs.promises.readFile(index, 'utf8'), head) : fs.createReadStream(index);
    }
  };
}
