/** Lower-case ASCII letters, digits and dashes from a name (accents dropped), at most `max` characters; `fallback` when nothing is left. */
export function slugify(name: string, fallback: string, max = 60): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max);
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3`… : the first one `taken` says is free. */
export async function freeSlug(base: string, taken: (slug: string) => Promise<unknown>): Promise<string> {
  let slug = base;
  for (let i = 2; await taken(slug); i++) slug = `${base}-${i}`;
  return slug;
}
