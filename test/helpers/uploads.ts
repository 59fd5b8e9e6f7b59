/** What upload tests send: a tiny image and multipart bodies. */

/** The smallest valid PNG (1×1), built from bytes so the tests need no fixture file. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** A multipart body as the upload routes read it: the text `fields` first (they are streamed), then the file in `file`. */
export function fileForm(bytes: Buffer, name: string, type = 'application/octet-stream', fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return f;
}
