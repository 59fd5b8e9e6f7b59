/**
 * Ranking what fits a creator (pure: no database, no clock but `now`). A
 * candidate aimed at other départements, sectors, stages or sizes than the
 * creator's is left out; one aimed at nobody in particular stays (national,
 * every sector). Each criterion that matches adds to the score and to the
 * sentence that explains it; events in the past are left out, the soonest
 * come first among equals.
 */

/** What the creator answered (names already resolved for the sentence). */
export interface Criteria {
  stage: { key: string; label: string } | null;
  sector: { id: number; name: string } | null;
  department: { code: string; name: string } | null;
  size: { key: string; label: string } | null;
  needs: Array<{ key: string; label: string }>;
}

/** What a source gives about one thing it could suggest (empty lists: for everyone). */
export interface Candidate {
  kind: 'event' | 'resource' | 'article';
  id: number;
  title: string;
  summary: string;
  href: string;
  startsAt: Date | null;
  departmentCodes: string[];
  sectorIds: number[];
  stages: string[];
  sizes: string[];
  needs: string[];
}

export interface Ranked {
  candidate: Candidate;
  score: number;
  reasons: string[];
}

/** « en Gironde », « dans le Nord »… simple and always correct: « (33) Gironde ». */
export const inDepartment = (d: { code: string; name: string }) => `en ${d.name}`;

export function rank(candidates: Candidate[], c: Criteria, now: Date): Ranked[] {
  const out: Ranked[] = [];
  for (const cand of candidates) {
    if (cand.startsAt && cand.startsAt.getTime() < now.getTime()) continue;
    const reasons: string[] = [];
    let score = 0;
    if (c.department && cand.departmentCodes.length) {
      if (!cand.departmentCodes.includes(c.department.code)) continue;
      score += 4;
      reasons.push(`vous êtes ${inDepartment(c.department)}`);
    }
    if (c.sector && cand.sectorIds.length) {
      if (!cand.sectorIds.includes(c.sector.id)) continue;
      score += 3;
      reasons.push(`secteur ${c.sector.name.toLowerCase()}`);
    }
    if (c.stage && cand.stages.length) {
      if (!cand.stages.includes(c.stage.key)) continue;
      score += 2;
      reasons.push(`projet au stade « ${c.stage.label.toLowerCase()} »`);
    }
    if (c.size && cand.sizes.length) {
      if (!cand.sizes.includes(c.size.key)) continue;
      score += 1;
      reasons.push(`projet ${c.size.label.toLowerCase()}`);
    }
    const needs = c.needs.filter((n) => cand.needs.includes(n.key));
    if (needs.length) {
      score += 2 * needs.length;
      reasons.push(`besoin${needs.length > 1 ? 's' : ''} : ${needs.map((n) => n.label.toLowerCase()).join(', ')}`);
    }
    out.push({ candidate: cand, score, reasons });
  }
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      (a.candidate.startsAt?.getTime() ?? Infinity) - (b.candidate.startsAt?.getTime() ?? Infinity) ||
      b.candidate.id - a.candidate.id,
  );
}

/** The sentence under a suggestion: « parce que vous êtes en Gironde, secteur commerce ». */
export function because(r: Ranked): string {
  return r.reasons.length ? `Parce que ${r.reasons.join(', ')}.` : 'Ouvert à tous les projets.';
}
