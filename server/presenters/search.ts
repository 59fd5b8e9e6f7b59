/** Search rows → the contract's hits, with the query's words marked in each excerpt. */
import type {
  CommentHitRow,
  DocumentHitRow,
  EventHitRow,
  GroupHitRow,
  MessageHitRow,
  PersonHitRow,
  PostHitRow,
  ResourceHitRow,
} from '../db/search';
import type { Person } from '../protocol/common';
import type { SearchHit } from '../protocol/search';
import { highlight } from '../search-text';
import { iso } from './time';

type AuthorColumns = { u_username: string | null; u_first_name: string | null; u_last_name: string | null };
const author = (id: number | null, r: AuthorColumns): Person | null =>
  id && r.u_username ? { id, username: r.u_username, displayName: `${r.u_first_name} ${r.u_last_name}` } : null;

const CHANNEL_LABELS: Record<string, string> = { direct: 'Message direct', hotline: 'Hotline' };

export const presentMessageHit = (r: MessageHitRow, words: string[]): SearchHit => ({
  type: 'messages',
  id: r.id,
  title: `${r.u_first_name} ${r.u_last_name}`,
  excerpt: highlight(r.body, words),
  href: `/discussions/${r.channel_id}?message=${r.seq}`,
  context: CHANNEL_LABELS[r.c_kind] ?? `# ${r.c_name}`,
  author: author(r.author_id, r),
  createdAt: iso(r.created_at),
  channelId: r.channel_id,
  seq: r.seq,
});

export const presentPostHit = (r: PostHitRow, words: string[]): SearchHit => ({
  type: 'posts',
  id: r.id,
  title: r.title,
  excerpt: highlight(`${r.title} — ${r.body}`, words),
  href: `/groupes/${r.group_id}/fil?publication=${r.id}`,
  context: `Groupe ${r.g_name}`,
  author: author(r.author_id, r),
  createdAt: iso(r.created_at),
});

export const presentCommentHit = (r: CommentHitRow, words: string[]): SearchHit => ({
  type: 'comments',
  id: r.id,
  title: `Commentaire sur « ${r.p_title} »`,
  excerpt: highlight(r.body, words),
  href: `/groupes/${r.p_group_id}/fil?publication=${r.post_id}`,
  context: null,
  author: author(r.author_id, r),
  createdAt: iso(r.created_at),
});

export const presentDocumentHit = (r: DocumentHitRow, words: string[]): SearchHit => ({
  type: 'documents',
  id: r.id,
  title: r.title,
  excerpt: highlight([r.title, r.description, r.filename].filter(Boolean).join(' — '), words),
  href: `/documents/${r.id}`,
  context: `Groupe ${r.g_name}`,
  author: author(r.uploader_id, r),
  createdAt: iso(r.created_at),
});

export const presentResourceHit = (r: ResourceHitRow, words: string[]): SearchHit => ({
  type: 'resources',
  id: r.id,
  title: r.published_title,
  excerpt: highlight([r.published_title, r.published_description, r.published_file_name].filter(Boolean).join(' — '), words),
  href: `/ressources/${r.id}`,
  context: r.published_access === 'public' ? 'Ressourcerie · public' : 'Ressourcerie · membres',
  author: author(r.author_id, r),
  createdAt: iso(r.published_at),
});

export const presentEventHit = (r: EventHitRow, words: string[]): SearchHit => ({
  type: 'events',
  id: r.id,
  title: r.cancelled_at ? `${r.title} (annulé)` : r.title,
  excerpt: highlight([r.title, r.description, r.location].filter(Boolean).join(' — '), words),
  href: `/evenements/${r.id}`,
  context: `Groupe ${r.g_name}`,
  author: null,
  createdAt: iso(r.starts_at),
});

const VISIBILITY_LABELS: Record<string, string> = { public: 'Groupe public', moderated: 'Groupe modéré', private: 'Groupe privé' };

export const presentGroupHit = (r: GroupHitRow, words: string[]): SearchHit => ({
  type: 'groups',
  id: r.id,
  title: r.name,
  excerpt: highlight([r.name, r.description].filter(Boolean).join(' — '), words),
  href: `/groupes/${r.id}`,
  context: VISIBILITY_LABELS[r.visibility] ?? null,
  author: null,
  createdAt: iso(r.created_at),
});

export const presentPersonHit = (r: PersonHitRow, words: string[]): SearchHit => ({
  type: 'people',
  id: r.id,
  title: `${r.first_name} ${r.last_name}`,
  excerpt: highlight(
    [`${r.first_name} ${r.last_name} (@${r.username})`, r.job_title, r.employer, r.city].filter(Boolean).join(' — '),
    words,
  ),
  href: `/membres/${r.id}`,
  context: [r.job_title, r.employer].filter(Boolean).join(', ') || null,
  author: null,
  createdAt: null,
});
