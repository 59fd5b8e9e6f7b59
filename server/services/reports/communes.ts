/**
 * The communes of France from @etalab/decoupage-administratif (INSEE's list,
 * read like the départements in db/departments.ts), searchable by postal code
 * or name. Current communes and the municipal arrondissements of Paris, Lyon
 * and Marseille; loaded once, on first use.
 */
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import type { CommuneView } from '../../protocol/reports';

interface Commune extends CommuneView {
  regionCode: string;
  population: number;
  /** Name without accents, lower case, dashes and apostrophes as spaces. */
  folded: string;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

let index: { byCode: Map<string, Commune>; all: Commune[] } | null = null;

function load() {
  if (index) return index;
  const all: Commune[] = [];
  for (const c of communes as Array<Record<string, any>>) {
    if (c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal') continue;
    if (!c.departement || !c.region) continue;
    all.push({
      code: c.code,
      name: c.nom,
      postalCodes: c.codesPostaux ?? [],
      departmentCode: c.departement,
      regionCode: c.region,
      population: c.population ?? 0,
      folded: fold(c.nom),
    });
  }
  all.sort((a, b) => b.population - a.population);
  index = { byCode: new Map(all.map((c) => [c.code, c])), all };
  return index;
}

/** A commune by INSEE code, with its département and région. */
export function findCommune(code: string): (CommuneView & { regionCode: string }) | undefined {
  return load().byCode.get(code);
}

/** The wire shape of a commune. */
export function communeView(code: string): CommuneView {
  const c = findCommune(code);
  return c
    ? { code: c.code, name: c.name, postalCodes: c.postalCodes, departmentCode: c.departmentCode }
    : { code, name: code, postalCodes: [], departmentCode: '' };
}

/**
 * Up to `limit` communes for what someone typed: digits match the start of a
 * postal code (or an INSEE code), letters the start of the name first, then
 * any word of it; the most populated first.
 */
export function searchCommunes(q: string, limit = 15): CommuneView[] {
  const { all } = load();
  const term = q.trim();
  let hits: Commune[];
  if (/^\d[\dAB]*$/i.test(term)) {
    const t = term.toUpperCase();
    hits = all.filter((c) => c.postalCodes.some((p) => p.startsWith(t)) || c.code.startsWith(t)).slice(0, limit);
  } else {
    const f = fold(term);
    const starts = all.filter((c) => c.folded.startsWith(f));
    const words = starts.length >= limit ? [] : all.filter((c) => !c.folded.startsWith(f) && c.folded.includes(` ${f}`));
    hits = [...starts, ...words].slice(0, limit);
  }
  return hits.map(({ code, name, postalCodes, departmentCode }) => ({ code, name, postalCodes, departmentCode }));
}
