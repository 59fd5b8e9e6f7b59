/**
 * What a newsletter may carry, as a small registry of content kinds: each kind
 * says how to list candidates for the composer and how to resolve saved
 * references for reading. Articles and events register in content-kinds.ts;
 * another kind (resources…) registers the same way and appears in the picker,
 * the preview, the mail and the archive with nothing else to change.
 */
import type { Knex } from 'knex';
import type { NewsletterItem, NewsletterItemRef } from '../../protocol/newsletters';

/** One kind of content. `resolve` drops what may no longer be shown (unpublished, deleted, cancelled). */
export interface NewsletterContentKind {
  kind: string;
  label: string;
  candidates(db: Knex, text: string | undefined, limit: number): Promise<NewsletterItem[]>;
  resolve(db: Knex, ids: number[]): Promise<NewsletterItem[]>;
}

const kinds = new Map<string, NewsletterContentKind>();

/** Adds (or replaces) a kind of content. */
export function registerNewsletterContentKind(k: NewsletterContentKind): void {
  kinds.set(k.kind, k);
}

export const isNewsletterContentKind = (kind: string): boolean => kinds.has(kind);

/** Candidates of every kind, each kind's newest (or soonest) first. */
export async function contentCandidates(db: Knex, text: string | undefined, perKind = 20): Promise<NewsletterItem[]> {
  const lists = await Promise.all([...kinds.values()].map((k) => k.candidates(db, text, perKind)));
  return lists.flat();
}

/** The references resolved, in their order; those that cannot be shown any more are left out. */
export async function resolveItems(db: Knex, refs: NewsletterItemRef[]): Promise<NewsletterItem[]> {
  const found = new Map<string, NewsletterItem>();
  for (const [kind, k] of kinds) {
    const ids = refs.filter((r) => r.kind === kind).map((r) => r.id);
    if (!ids.length) continue;
    for (const item of await k.resolve(db, ids)) found.set(`${kind}:${item.id}`, item);
  }
  return refs.map((r) => found.get(`${r.kind}:${r.id}`)).filter((x): x is NewsletterItem => !!x);
}
