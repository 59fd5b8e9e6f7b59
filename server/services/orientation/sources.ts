/**
 * Where the orientation module looks. Each source turns what it holds into
 * candidates (see matcher.ts); the module ranks them together. Only content
 * anyone may see goes in: public articles here, public events in
 * event-source.ts, public resources in resource-source.ts.
 */
import type { Knex } from 'knex';
import { publishedArticles } from '../../db/articles';
import { categoriesOf } from '../../db/article-categories';
import type { Candidate } from './matcher';

/** A source of suggestions. */
export interface OrientationSource {
  kind: Candidate['kind'];
  /** Candidates visible to anyone (at most a few hundred: the newest or soonest). */
  candidates(db: Knex, now: Date): Promise<Candidate[]>;
}

/** Public articles, with their départements and sectors. */
export const publicArticles: OrientationSource = {
  kind: 'article',
  async candidates(db) {
    const rows = await publishedArticles(db, { offset: 0, limit: 300 }, true);
    const cats = await categoriesOf(
      db,
      rows.map((r) => Number(r.id)),
    );
    return rows.map((r) => {
      const c = cats.get(Number(r.id));
      return {
        kind: 'article' as const,
        id: Number(r.id),
        title: r.published_title ?? r.title,
        summary: r.published_summary ?? r.summary,
        href: `/actualites/${r.id}`,
        startsAt: null,
        departmentCodes: c?.departmentCodes ?? [],
        sectorIds: (c?.sectors ?? []).map((s) => s.id),
        stages: [],
        sizes: [],
        needs: [],
      };
    });
  },
};

/** Every source the module asks, in order (the event source lives beside: it imports this file's type). */
export const ARTICLE_SOURCES: OrientationSource[] = [publicArticles];
