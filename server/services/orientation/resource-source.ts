/** Public resources of the library as orientation candidates: the published version, with its départements and sectors. */
import type { Knex } from 'knex';
import { publishedResources, resourceCategories } from '../../db/resources';
import type { Candidate } from './matcher';
import type { OrientationSource } from './sources';

export const publicResourceSource: OrientationSource = {
  kind: 'resource',
  async candidates(db: Knex): Promise<Candidate[]> {
    const rows = await publishedResources(db, { sort: 'date', offset: 0, limit: 300 }, true);
    const cats = await resourceCategories(
      db,
      rows.map((r) => Number(r.id)),
    );
    return rows.map((r) => {
      const mine = cats.filter((c) => Number(c.resource_id) === Number(r.id));
      return {
        kind: 'resource' as const,
        id: Number(r.id),
        title: r.published_title ?? r.title,
        summary: (r.published_description ?? r.description ?? '').replace(/\s+/g, ' ').slice(0, 240),
        href: `/ressources/${r.id}`,
        startsAt: null,
        departmentCodes: mine.flatMap((c) => (c.department_code ? [c.department_code] : [])),
        sectorIds: mine.flatMap((c) => (c.sector_id ? [Number(c.sector_id)] : [])),
        stages: [],
        sizes: [],
        needs: [],
      };
    });
  },
};
