/** Plain French labels for files: sizes and kinds. */

/** "850 o", "12 Ko", "3,4 Mo". */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

const KINDS: Array<[RegExp, string]> = [
  [/^application\/pdf$/, 'PDF'],
  [/wordprocessingml|opendocument\.text|msword/, 'Document texte'],
  [/spreadsheetml|opendocument\.spreadsheet|ms-excel|text\/csv/, 'Tableur'],
  [/presentationml|opendocument\.presentation|ms-powerpoint/, 'Présentation'],
  [/^image\//, 'Image'],
  [/zip|7z/, 'Archive'],
  [/^text\//, 'Texte'],
];

/** What kind of file this is, in words ("PDF", "Tableur"…). */
export function fileKindLabel(mimeType: string): string {
  return KINDS.find(([re]) => re.test(mimeType))?.[1] ?? 'Fichier';
}
