/** Builds the web client into dist/client: bundle, index.html, DSFR assets, the style sheets. Idempotent. */
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/client');
const dsfr = join(root, 'node_modules/@gouvfr/dsfr/dist');

/** Copies a file unless the destination already has the same size and a newer or equal mtime. */
function copyIfChanged(from: string, to: string): number {
  const src = statSync(from);
  if (existsSync(to)) {
    const dst = statSync(to);
    if (dst.size === src.size && dst.mtimeMs >= src.mtimeMs) return 0;
  }
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  return 1;
}

/** Recursive copyIfChanged; skips source maps and READMEs. */
function copyTree(from: string, to: string): number {
  let n = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    if (entry.isDirectory()) n += copyTree(src, join(to, entry.name));
    else if (!entry.name.endsWith('.map') && entry.name !== 'README.md') n += copyIfChanged(src, join(to, entry.name));
  }
  return n;
}

/** Runs the whole build; returns the number of static files copied. */
export async function build(options: { minify?: boolean } = {}): Promise<number> {
  const started = Date.now();
  await esbuild.build({
    entryPoints: [join(root, 'client/main.ts')],
    outfile: join(out, 'assets/app.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: options.minify ?? true,
    sourcemap: true,
    legalComments: 'linked',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  let copied = 0;
  copied += copyIfChanged(join(root, 'client/index.html'), join(out, 'index.html'));
  // Every sheet of client/styles (app.css, then one per domain: index.html links them in cascade order).
  const styles = join(root, 'client/styles');
  for (const sheet of readdirSync(styles).filter((f) => f.endsWith('.css')))
    copied += copyIfChanged(join(styles, sheet), join(out, 'assets', sheet));
  // DSFR: keep the folder layout so the CSS's relative URLs (fonts/, icons/, ../../icons/) resolve.
  copied += copyIfChanged(join(dsfr, 'dsfr.min.css'), join(out, 'dsfr/dsfr.min.css'));
  copied += copyIfChanged(join(dsfr, 'utility/icons/icons.min.css'), join(out, 'dsfr/utility/icons/icons.min.css'));
  for (const dir of ['fonts', 'icons', 'favicon']) copied += copyTree(join(dsfr, dir), join(out, 'dsfr', dir));
  copied += writeIfChanged(join(out, 'assets/emoji-fr.json'), emojiData());
  // The anti-robot widget (altcha/external): its sheet, and the proof-of-work worker it starts from our
  // own origin (CSP worker-src 'self': no blob: or data: workers).
  const altcha = join(root, 'node_modules/altcha/dist');
  copied += copyIfChanged(join(altcha, 'external/altcha.css'), join(out, 'assets/altcha.css'));
  copied += copyIfChanged(join(altcha, 'workers/pbkdf2.js'), join(out, 'assets/altcha-pbkdf2.js'));
  copied += await buildPwa();
  console.log(`client built in ${Date.now() - started} ms (${copied} static files copied) → ${out}`);
  return copied;
}

/**
 * The emoji picker's data, fetched by the browser only when a picker opens (not in app.js): from
 * `emojibase-data` (the maintained emoji dataset, with French names and keywords), one entry per
 * emoji without skin-tone variants nor the bare components: `[emoji, French name, group, keywords]`.
 */
function emojiData(): string {
  type Entry = { unicode: string; label: string; group?: number; order?: number; tags?: string[] };
  const list = JSON.parse(readFileSync(join(root, 'node_modules/emojibase-data/fr/compact.json'), 'utf8')) as Entry[];
  const messages = JSON.parse(readFileSync(join(root, 'node_modules/emojibase-data/fr/messages.json'), 'utf8')) as {
    groups: { key: string; message: string; order: number }[];
  };
  const emoji = list
    .filter((e) => e.group !== undefined && e.group !== 2)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((e) => [e.unicode, e.label, e.group, (e.tags ?? []).join(' ')]);
  const groups = messages.groups.filter((g) => g.order !== 2).map((g) => ({ id: g.order, name: g.message }));
  return JSON.stringify({ groups, emoji });
}

/** Writes `data` unless the file already holds exactly it (keeps mtimes, so caches stay valid). */
function writeIfChanged(to: string, data: Buffer | string): number {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (existsSync(to) && readFileSync(to).equals(bytes)) return 0;
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, bytes);
  return 1;
}

/**
 * The installable app: manifest, icons drawn here, and the service worker, whose cache is named
 * after a hash of the shell it holds (a new build → a new cache, the old one dropped).
 */
async function buildPwa(): Promise<number> {
  const { iconPng, MANIFEST } = await import('./pwa/icons.js');
  let n = writeIfChanged(join(out, 'manifest.webmanifest'), JSON.stringify(MANIFEST, null, 2));
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
  ] as const) {
    n += writeIfChanged(join(out, 'icons', name), iconPng(size, maskable));
  }
  const styles = readdirSync(join(out, 'assets'))
    .filter((f) => f.endsWith('.css'))
    .sort();
  const fonts = readdirSync(join(out, 'dsfr/fonts'))
    .filter((f) => f.endsWith('.woff2'))
    .sort();
  const files = [
    '/',
    '/assets/app.js',
    ...styles.map((f) => `/assets/${f}`),
    '/dsfr/dsfr.min.css',
    '/dsfr/utility/icons/icons.min.css',
    ...fonts.map((f) => `/dsfr/fonts/${f}`),
    '/dsfr/favicon/favicon.svg',
    '/manifest.webmanifest',
    ...MANIFEST.icons.map((i) => i.src),
  ];
  const hash = createHash('sha256');
  for (const f of ['index.html', 'assets/app.js', ...styles.map((x) => `assets/${x}`)]) hash.update(readFileSync(join(out, f)));
  await esbuild.build({
    entryPoints: [join(root, 'client/pwa/sw.ts')],
    outfile: join(out, 'sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { SHELL_VERSION: JSON.stringify(hash.digest('hex').slice(0, 16)), SHELL_FILES: JSON.stringify(files) },
    logLevel: 'warning',
  });
  return n;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
