import fs from 'node:fs';
import { sniffType } from '../../files';
import { DOCUMENT_TYPE_FILTERS } from '../../db/documents';

/** Types with magic bytes that the bank accepts (office documents, PDF, raster images, archives). */
const SNIFFED_ALLOWED = new Set([
  ...DOCUMENT_TYPE_FILTERS.pdf!,
  ...DOCUMENT_TYPE_FILTERS.office!,
  ...DOCUMENT_TYPE_FILTERS.image!,
  ...DOCUMENT_TYPE_FILTERS.archive!,
]);

/** Images shown inline as previews (never SVG: it can carry script). */
export const RASTER_IMAGES = new Set(DOCUMENT_TYPE_FILTERS.image!);

/** Text has no magic bytes: it is accepted only under these names, and only if it really is text. */
const TEXT_EXTENSIONS: Record<string, string> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/csv',
};

/** The extension of a file name, lower-cased ('' when none). */
export function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  return m ? m[1]!.toLowerCase() : '';
}

/** True when the whole file decodes as UTF-8 and holds no NUL byte (read in a stream). */
export async function isUtf8Text(filePath: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 64 * 1024 })) {
      const buf = chunk as Buffer;
      if (buf.includes(0)) return false;
      decoder.decode(buf, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The type a document is stored and served with, read from its bytes, or null
 * when it is not on the allow-list. Formats with a signature are taken from it
 * (zip-based office files come out as their own type); a file without one is
 * text only if its name says text and its bytes are valid UTF-8 without NUL —
 * so an HTML page renamed `.pdf` is refused.
 */
export async function documentTypeOf(filePath: string, filename: string): Promise<string | null> {
  const sniffed = await sniffType(filePath);
  if (sniffed) return SNIFFED_ALLOWED.has(sniffed.mime) ? sniffed.mime : null;
  const textType = TEXT_EXTENSIONS[extensionOf(filename)];
  if (!textType) return null;
  return (await isUtf8Text(filePath)) ? textType : null;
}

/**
 * A file name kept as data: Unicode-normalised, without control or
 * bidirectional-override characters (which disguise `exe.pdf` as `fdp.exe`),
 * at most 255 characters. Slashes stay text: the name is never a path.
 */
export function cleanFilename(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return [...(cleaned || 'document')].slice(0, 255).join('');
}

/** The title a document gets when none is given: its file name without the extension. */
export function defaultTitle(filename: string): string {
  const base = filename.replace(/\.[A-Za-z0-9]{1,8}$/, '').trim();
  return [...(base || filename)].slice(0, 200).join('');
}
