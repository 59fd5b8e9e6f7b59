import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import Busboy from 'busboy';
import type { Context } from 'koa';
import { invalidPayload, tooLarge } from '../errors';
import type { ReceivedFile } from '../files';

export interface Received {
  file: ReceivedFile | null;
  fields: Record<string, string>;
}

/**
 * Streams a multipart upload to a temporary file while hashing it: the file is
 * never held whole in memory, and one over `maxBytes` is cut off and answered
 * 413. Only one file part (`fileField`) is accepted.
 */
export async function receiveUpload(ctx: Context, opts: { maxBytes: number; fileField?: string; tmpDir?: string }): Promise<Received> {
  const type = ctx.get('content-type');
  if (!type.startsWith('multipart/form-data')) throw invalidPayload('Envoyez le fichier en multipart/form-data.');
  const declaredLength = Number(ctx.get('content-length') || 0);
  if (declaredLength > opts.maxBytes + 1024 * 1024) {
    throw tooLarge(`Fichier trop volumineux (maximum ${Math.round(opts.maxBytes / 1024 / 1024)} Mo).`);
  }
  const fileField = opts.fileField ?? 'file';
  const fields: Record<string, string> = {};
  let file: ReceivedFile | null = null;
  let tooBig = false;
  const writes: Promise<void>[] = [];
  const tmpDir = opts.tmpDir ?? os.tmpdir();
  await fs.promises.mkdir(tmpDir, { recursive: true });

  let bb: Busboy.Busboy;
  try {
    // Browsers send file names as raw UTF-8 (busboy would read them as Latin-1).
    bb = Busboy({
      headers: ctx.req.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: opts.maxBytes, fields: 20, fieldSize: 20_000 },
    });
  } catch {
    throw invalidPayload('Envoi multipart illisible.');
  }
  bb.on('field', (name, value) => {
    fields[name] = value;
  });
  bb.on('file', (name, stream, info) => {
    if (name !== fileField || file) {
      stream.resume();
      return;
    }
    const tmpPath = path.join(tmpDir, `upload-${crypto.randomBytes(8).toString('hex')}`);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const current: ReceivedFile = { tmpPath, filename: info.filename ?? 'fichier', size: 0, sha256: '', declaredType: info.mimeType };
    file = current;
    stream.on('limit', () => {
      tooBig = true;
    });
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    writes.push(
      pipeline(stream, meter, fs.createWriteStream(tmpPath)).then(() => {
        current.size = size;
        current.sha256 = hash.digest('hex');
      }),
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      bb.on('close', resolve);
      bb.on('error', reject);
      ctx.req.on('error', reject);
      ctx.req.pipe(bb);
    });
    await Promise.all(writes);
  } catch {
    if (file) await fs.promises.rm((file as ReceivedFile).tmpPath, { force: true });
    throw invalidPayload('Envoi interrompu ou illisible.');
  }
  if (tooBig) {
    if (file) await fs.promises.rm((file as ReceivedFile).tmpPath, { force: true });
    throw tooLarge(`Fichier trop volumineux (maximum ${Math.round(opts.maxBytes / 1024 / 1024)} Mo).`);
  }
  return { file, fields };
}
