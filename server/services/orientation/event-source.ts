/**
 * Public agenda events as orientation candidates (the workshops work): the
 * published version of events open to the public, with a date still to come,
 * their départements and sectors (event_categories) and their project size.
 */
import type { Knex } from 'knex';
import { publicEvents } from '../../db/agenda-events';
import { eventCategoriesOf } from '../../db/event-categories';
import { ms } from '../../presenters/time';
import type { Candidate } from './matcher';
import type { OrientationSource } from './sources';

/** Their size (seul / equipe) in the creator's terms (solo / petite, moyenne). */
const SIZES: Record<string, string[]> = { seul: ['solo'], equipe: ['petite', 'moyenne'] };

export const publicEventSource: OrientationSource = {
  kind: 'event',
  async candidates(db: Knex, now: Date): Promise<Candidate[]> {
    const rows = await publicEvents(db, {}, now, 300);
    const cats = await eventCategoriesOf(
      db,
      rows.map((r) => Number(r.id)),
    );
    return rows.map((e) => {
      const c = cats.get(Number(e.id));
      return {
        kind: 'event' as const,
        id: Number(e.id),
        title: e.title,
        summary: (e.description ?? '').replace(/\s+/g, ' ').slice(0, 240),
        href: `/evenements-publics/${e.id}`,
        startsAt: new Date(ms(e.starts_at)!),
        departmentCodes: c?.departmentCodes ?? [],
        sectorIds: (c?.sectors ?? []).map((s) => s.id),
        stages: [],
        sizes: e.project_size ? (SIZES[e.project_size] ?? []) : [],
        needs: e.event_type === 'formation' ? ['formation'] : [],
      };
    });
  },
};
