/** A stored timestamp (Date from PostgreSQL, epoch ms from SQLite, or text) as ISO-8601 UTC; a NOT NULL column gives a string. */
export function iso(value: Date | number | string): string;
export function iso(value: Date | number | string | null | undefined): string | null;
export function iso(value: Date | number | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A stored timestamp as epoch ms (for comparisons). */
export function ms(value: Date | number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : new Date(value).getTime();
}
