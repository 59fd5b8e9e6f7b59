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
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/**
 * Serves the built Lit client and answers index.html for the client's own
 * paths (History API routing), never for /api or /socket.io.
 */
export function staticClient(): Middleware {
  // No index: `/` goes through the fallback below, which sets the CSP on every HTML answer.
  const files = serve(clientDir, { index: false, maxage: 0 });
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/socket.io')) return next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'same-origin');
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
      ctx.body = fs.createReadStream(index);
    }
  };
}
