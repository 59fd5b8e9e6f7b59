/** French labels and formatters of the document screens. */
import type { DocumentType } from '../../api/documents.js';

/** « 1,2 Mo ». */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('fr-FR')} Ko`;
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'Texte OpenDocument',
  'application/vnd.oasis.opendocument.spreadsheet': 'Classeur OpenDocument',
  'application/vnd.oasis.opendocument.presentation': 'Présentation OpenDocument',
  'image/png': 'Image PNG',
  'image/jpeg': 'Image JPEG',
  'image/gif': 'Image GIF',
  'image/webp': 'Image WebP',
  'text/plain': 'Texte',
  'text/csv': 'CSV',
  'application/zip': 'Archive ZIP',
  'application/x-7z-compressed': 'Archive 7z',
};

/** The type's name as people say it (« PDF », « Word »…). */
export const typeLabel = (mime: string) => TYPE_NAMES[mime] ?? 'Fichier';

/** The filters of the bank, in the order shown. */
export const TYPE_FILTERS: { value: DocumentType | ''; label: string }[] = [
  { value: '', label: 'Tous les types' },
  { value: 'pdf', label: 'PDF' },
  { value: 'office', label: 'Bureautique' },
  { value: 'image', label: 'Images' },
  { value: 'text', label: 'Texte et CSV' },
  { value: 'archive', label: 'Archives (ZIP, 7z)' },
];

/** What the file picker offers (the server checks the bytes anyway). */
export const ACCEPT = '.pdf,.doc,.docx,.xlsx,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.zip,.7z';

const dayFmt = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric' });
/** « 7 déc. 2026 ». */
export const shortDate = (iso: string) => dayFmt.format(new Date(iso));
