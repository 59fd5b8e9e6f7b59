/** The orientation module: criteria → the matching public events and resources, ranked and explained. */
import type { Knex } from 'knex';
import { listSectors } from '../../db/sectors';
import { listDepartments } from '../../db/departments';
import { PROJECT_NEEDS, SHEET_PROJECT_SIZES, PROJECT_STAGES } from '../../protocol/project-sheets';
import type { OrientationItem, OrientationResult } from '../../protocol/orientation';
import { because, rank, type Criteria, type Ranked } from './matcher';
import { ARTICLE_SOURCES, type OrientationSource } from './sources';
import { publicEventSource } from './event-source';
import { publicResourceSource } from './resource-source';

/** Every source the module asks. */
export const ORIENTATION_SOURCES: OrientationSource[] = [publicEventSource, publicResourceSource, ...ARTICLE_SOURCES];

/** At most this many suggestions of each family. */
const SHOWN = 12;

export interface OrientationInput {
  stage?: string;
  sectorId?: number;
  departmentCode?: string;
  size?: string;
  needs: string[];
}

const find = (list: readonly { key: string; label: string }[], key?: string) => list.find((x) => x.key === key) ?? null;

/** Criteria with the names the sentences use (unknown sector or département: the criterion is dropped). */
async function criteriaOf(db: Knex, q: OrientationInput): Promise<Criteria> {
  const sector = q.sectorId ? ((await listSectors(db)).find((s) => Number(s.id) === q.sectorId) ?? null) : null;
  const department = q.departmentCode ? ((await listDepartments(db)).find((d) => d.code === q.departmentCode) ?? null) : null;
  return {
    stage: find(PROJECT_STAGES, q.stage),
    sector: sector ? { id: Number(sector.id), name: sector.name } : null,
    department: department ? { code: department.code, name: department.name } : null,
    size: find(SHEET_PROJECT_SIZES, q.size),
    needs: PROJECT_NEEDS.filter((n) => q.needs.includes(n.key)),
  };
}

function present(r: Ranked, departmentNames: Map<string, string>): OrientationItem {
  const c = r.candidate;
  return {
    kind: c.kind,
    id: c.id,
    title: c.title,
    summary: c.summary,
    href: c.href,
    startsAt: c.startsAt ? c.startsAt.toISOString() : null,
    place: c.departmentCodes.length ? c.departmentCodes.map((d) => departmentNames.get(d) ?? d).join(', ') : 'Partout en France',
    score: r.score,
    because: because(r),
  };
}

export async function orient(
  db: Knex,
  q: OrientationInput,
  sources: OrientationSource[] = ORIENTATION_SOURCES,
): Promise<OrientationResult> {
  const now = new Date();
  const criteria = await criteriaOf(db, q);
  const candidates = (await Promise.all(sources.map((s) => s.candidates(db, now)))).flat();
  const ranked = rank(candidates, criteria, now);
  const names = new Map((await listDepartments(db)).map((d) => [d.code, d.name]));
  return {
    events: ranked
      .filter((r) => r.candidate.kind === 'event')
      .slice(0, SHOWN)
      .map((r) => present(r, names)),
    resources: ranked
      .filter((r) => r.candidate.kind !== 'event')
      .slice(0, SHOWN)
      .map((r) => present(r, names)),
    searched: [...new Set(sources.map((s) => s.kind))],
  };
}
