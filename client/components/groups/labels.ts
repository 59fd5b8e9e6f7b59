/** French labels and small formatters of the groups screens. */
import { html, type TemplateResult } from 'lit';
import type { GroupRole, PostKind, Visibility } from '../../api/groups.js';

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Public',
  moderated: 'Modéré',
  private: 'Privé',
};

export const VISIBILITY_HINTS: Record<Visibility, string> = {
  public: 'Tout membre du réseau peut adhérer.',
  moderated: 'Les demandes d’adhésion sont validées par les responsables du groupe.',
  private: 'Invisible pour les non-membres ; sur invitation uniquement.',
};

export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
  owner: 'Propriétaire',
  admin: 'Administrateur',
  member: 'Membre',
};

export const POST_KIND_LABELS: Record<PostKind, string> = {
  article: 'Article',
  question: 'Question',
  document: 'Document',
  photo: 'Photo',
  video: 'Vidéo',
  link: 'Lien',
  poll: 'Sondage',
  experience: 'Partage d’expérience',
};

const dateTime = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "23 novembre 2026 à 14:05" in a <time>. */
export function when(iso: string | null): TemplateResult | string {
  if (!iso) return '';
  return html`<time datetime=${iso}>${dateTime.format(new Date(iso))}</time>`;
}

/** "1,2 Mo", "340 ko". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ko`;
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/** "1 membre", "12 membres". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n > 1 ? many : one}`;
