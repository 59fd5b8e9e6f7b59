import fs from 'node:fs';
import type { Context } from 'koa';
import { storedPath } from '../files';
import { notFound } from '../errors';

/**
 * A Content-Disposition header that is safe whatever the name holds: a plain
 * ASCII `filename` fallback (quotes, slashes, control characters replaced)
 * and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const clean = filename.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'document';
  const fallback = clean
    .normalize('NFKD')
    .replace(/[^\u0020-\u007e]/g, '_')
    .replace(/["\\/;%]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a file of the content-addressed store with the headers that keep a
 * browser from running it: the stored (sniffed) type, nosniff, a sandboxing
 * CSP, and revalidation on every use (access is checked on every request).
 */
export async function sendStoredFile(
  ctx: Context,
  dataDir: string,
  file: { sha256: string; mimeType: string; filename: string; disposition: 'attachment' | 'inline' },
): Promise<void> {
  const filePath = storedPath(dataDir, file.sha256);
  const stat = await fs.promises.stat(filePath).catch(() => null);
  if (!stat) throw notFound('Fichier');
  ctx.type = file.mimeType.startsWith('text/') ? `${file.mimeType}; charset=utf-8` : file.mimeType;
  ctx.length = stat.size;
  ctx.set('Content-Disposition', contentDisposition(file.disposition, file.filename));
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
  ctx.set('Cache-Control', 'private, no-cache');
  ctx.set('Cross-Origin-Resource-Policy', 'same-origin');
  ctx.body = fs.createReadStream(filePath);
}
