import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';

/**
 * Content-addressed file store under $DATA_DIR/files: a file lives at its
 * sha256, so the same bytes uploaded twice are stored once, and no name a user
 * chose ever becomes part of a path.
 */
export function storedPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad sha256');
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

/** Moves a finished temporary upload into the store (keeps the existing copy if already there). */
export async function storeFile(dataDir: string, tmpPath: string, sha256: string): Promise<string> {
  const dest = storedPath(dataDir, sha256);
  await fs.mkdir(path.dirname(dest), { recursive: true });
  try {
    await fs.access(dest);
    await fs.rm(tmpPath, { force: true });
  } catch {
    await fs.rename(tmpPath, dest);
  }
  return dest;
}

/** The type read from the file's first bytes (never from its name or the client's word). */
export async function sniffType(filePath: string): Promise<{ mime: string; ext: string } | null> {
  const t = await fileTypeFromFile(filePath);
  return t ? { mime: t.mime, ext: t.ext } : null;
}

/** A file received from a client, waiting in the temporary directory until it is stored or discarded. */
export interface ReceivedFile {
  tmpPath: string;
  filename: string;
  size: number;
  sha256: string;
  /** The type the client claimed; informative only, never trusted. */
  declaredType: string;
}

/** Removes a temporary upload that was not kept. */
export async function discardUpload(file: ReceivedFile | null): Promise<void> {
  if (file) await fs.rm(file.tmpPath, { force: true });
}
