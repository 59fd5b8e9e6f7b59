/**
 * One search over what the caller may see: messages of their channels, posts
 * and comments, documents, library resources, agenda events, groups and people. Imports zod only.
 */
import { z } from 'zod';
import type { Person } from './common';

/** What a search looks in, in the order the results page shows them. */
export const SEARCH_TYPES = ['messages', 'posts', 'comments', 'documents', 'resources', 'events', 'groups', 'people'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** `newest` first, or by `relevance` (the engine's rank). */
export const searchSortSchema = z.enum(['relevance', 'newest']).default('relevance');
export type SearchSort = z.infer<typeof searchSortSchema>;

/**
 * GET /api/search?q= and GET /api/search/:type?q=. The text may hold the chat
 * filters `de:@nom`, `dans:#salon`, `avant:AAAA-MM-JJ`, `après:AAAA-MM-JJ`
 * (also `apres:`; dates as JJ/MM/AAAA too).
 */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(300),
  sort: searchSortSchema,
  cursor: z
    .string()
    .regex(/^\d{1,4}$/, 'Curseur invalide.')
    .optional(),
  limit: z.coerce.number<number>().int().min(1).max(50).default(20),
});
export type SearchQueryInput = z.input<typeof searchQuerySchema>;
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The :type of GET /api/search/:type. */
export const searchTypeSchema = z.enum(SEARCH_TYPES);

/** A piece of an excerpt; `match` pieces are the words found (render as text, mark them). */
export interface SearchSegment {
  text: string;
  match: boolean;
}

/** One result, whatever its type. */
export interface SearchHit {
  type: SearchType;
  id: number;
  /** Post, document, event or group title; channel name for a message; a person's name. */
  title: string;
  excerpt: SearchSegment[];
  /** The client path that opens it (a message: its channel, `?message=<seq>`). */
  href: string;
  /** Where it lives: « # salon », « Groupe … », a job title. */
  context: string | null;
  author: Person | null;
  createdAt: string | null;
  /** Messages only: to jump to it in its channel. */
  channelId?: number;
  seq?: number;
}

/** The chat filters understood in the text, as the server read them (dates: ISO days). */
export interface SearchFilters {
  words: string[];
  from: string | null;
  in: string | null;
  before: string | null;
  after: string | null;
}

/** GET /api/search: the first results of each type. */
export interface SearchOverview {
  filters: SearchFilters;
  sections: { type: SearchType; items: SearchHit[]; hasMore: boolean }[];
}

/** GET /api/search/:type: one type, page by page (`nextCursor` is an offset). */
export interface SearchPage {
  filters: SearchFilters;
  items: SearchHit[];
  nextCursor: string | null;
}
