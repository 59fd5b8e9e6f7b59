/**
 * One search over everything the caller may see. Each type is one query on
 * its table's full-text index with the visibility rules in SQL
 * (db/search.ts); chat-only accounts search their messages only, as they see
 * nothing else.
 */
import type { Knex } from 'knex';
import type { UserRow } from '../../db/users';
import {
  myChannelIdNamed,
  searchCommentRows,
  searchDocumentRows,
  searchEventRows,
  searchGroupRows,
  searchMessageRows,
  searchPersonRows,
  searchPostRows,
  searchResourceRows,
  userIdNamed,
  type SearchWindow,
} from '../../db/search';
import { isFullMember } from '../../access/groups';
import {
  presentCommentHit,
  presentDocumentHit,
  presentEventHit,
  presentGroupHit,
  presentMessageHit,
  presentPersonHit,
  presentPostHit,
  presentResourceHit,
} from '../../presenters/search';
import {
  SEARCH_TYPES,
  type SearchFilters,
  type SearchHit,
  type SearchOverview,
  type SearchPage,
  type SearchQuery,
  type SearchType,
} from '../../protocol/search';
import { ftsExpression, tsqueryText } from '../../search-text';
import { parseQuery, type ParsedQuery } from './query';

/** How many results of each type the overview shows. */
const OVERVIEW_SIZE = 5;

/** The types this query may look in, for this caller. */
function typesFor(actor: UserRow, p: ParsedQuery): SearchType[] {
  if (!isFullMember(actor) || p.in !== null) return ['messages'];
  // Author and date filters only mean something for what has an author and a date.
  if (p.from !== null || p.before || p.after) return ['messages', 'posts', 'comments', 'documents', 'resources'];
  return [...SEARCH_TYPES];
}

const filtersOf = (p: ParsedQuery): SearchFilters => ({
  words: p.words,
  from: p.from,
  in: p.in,
  before: p.before?.toISOString().slice(0, 10) ?? null,
  after: p.after ? new Date(p.after.getTime() - 86400000).toISOString().slice(0, 10) : null,
});

/** The window every type's query shares, or null when nothing can match (unknown author or channel, no words). */
async function windowOf(
  db: Knex,
  actor: UserRow,
  p: ParsedQuery,
  sort: SearchQuery['sort'],
): Promise<(SearchWindow & { channelId?: number }) | null> {
  const w: SearchWindow & { channelId?: number } = {
    viewerId: actor.id,
    match: p.words.length ? { sqlite: ftsExpression(p.words), pg: tsqueryText(p.words) } : null,
    words: p.words,
    sort,
    offset: 0,
    limit: OVERVIEW_SIZE,
  };
  if (p.before) w.before = p.before;
  if (p.after) w.after = p.after;
  if (p.from !== null) {
    const id = await userIdNamed(db, p.from);
    if (!id) return null;
    w.authorId = id;
  }
  if (p.in !== null) {
    const id = await myChannelIdNamed(db, actor.id, p.in);
    if (!id) return null;
    w.channelId = id;
  }
  return w;
}

/** One type's hits in the window; without words, only messages can be listed (by filters alone). */
async function hitsOf(db: Knex, type: SearchType, w: SearchWindow & { channelId?: number }, words: string[]): Promise<SearchHit[]> {
  if (!w.match && type !== 'messages') return [];
  if (!w.match && !w.authorId && !w.channelId && !w.before && !w.after) return [];
  switch (type) {
    case 'messages':
      return (await searchMessageRows(db, w)).map((r) => presentMessageHit(r, words));
    case 'posts':
      return (await searchPostRows(db, w)).map((r) => presentPostHit(r, words));
    case 'comments':
      return (await searchCommentRows(db, w)).map((r) => presentCommentHit(r, words));
    case 'documents':
      return (await searchDocumentRows(db, w)).map((r) => presentDocumentHit(r, words));
    case 'resources':
      return (await searchResourceRows(db, w)).map((r) => presentResourceHit(r, words));
    case 'events':
      return (await searchEventRows(db, w)).map((r) => presentEventHit(r, words));
    case 'groups':
      return (await searchGroupRows(db, w)).map((r) => presentGroupHit(r, words));
    case 'people':
      return (await searchPersonRows(db, w)).map((r) => presentPersonHit(r, words));
  }
}

/** GET /api/search: the first few hits of each type the caller may search. */
export async function searchOverview(db: Knex, actor: UserRow, query: SearchQuery): Promise<SearchOverview> {
  const p = parseQuery(query.q);
  const w = await windowOf(db, actor, p, query.sort);
  const types = typesFor(actor, p);
  const sections = await Promise.all(
    types.map(async (type) => {
      // One more than shown tells whether there are more.
      const hits = w ? await hitsOf(db, type, { ...w, limit: OVERVIEW_SIZE + 1 }, p.words) : [];
      return { type, items: hits.slice(0, OVERVIEW_SIZE), hasMore: hits.length > OVERVIEW_SIZE };
    }),
  );
  return { filters: filtersOf(p), sections };
}

/** GET /api/search/:type: one type, page by page (a type the caller may not search answers no hits). */
export async function searchOneType(db: Knex, actor: UserRow, type: SearchType, query: SearchQuery): Promise<SearchPage> {
  const p = parseQuery(query.q);
  const w = typesFor(actor, p).includes(type) ? await windowOf(db, actor, p, query.sort) : null;
  const offset = Number(query.cursor ?? 0);
  const hits = w ? await hitsOf(db, type, { ...w, offset, limit: query.limit + 1 }, p.words) : [];
  return {
    filters: filtersOf(p),
    items: hits.slice(0, query.limit),
    nextCursor: hits.length > query.limit ? String(offset + query.limit) : null,
  };
}
