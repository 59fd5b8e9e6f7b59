/**
 * French public holidays (jours fériés, Code du travail L3133-1): eight fixed
 * dates and three that follow Easter (Monday after Easter, Ascension, Whit
 * Monday). No installed package computes them, so Easter comes from the
 * anonymous Gregorian algorithm (Meeus/Jones/Butcher). Alsace-Moselle's two
 * extra days (Good Friday, 26 December) are not national and are left to the
 * member's exceptions.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Easter Sunday of a Gregorian year, as [month 1–12, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return [month, ((h + l - 7 * m + 114) % 31) + 1];
}

/** The eleven public holidays of a year, date (YYYY-MM-DD) → French name. */
export function frenchPublicHolidays(year: number): Map<string, string> {
  const [em, ed] = easterSunday(year);
  const afterEaster = (days: number) => {
    const t = new Date(Date.UTC(year, em - 1, ed + days));
    return day(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  };
  return new Map([
    [day(year, 1, 1), 'Jour de l’an'],
    [afterEaster(1), 'Lundi de Pâques'],
    [day(year, 5, 1), 'Fête du Travail'],
    [day(year, 5, 8), 'Victoire 1945'],
    [afterEaster(39), 'Ascension'],
    [afterEaster(50), 'Lundi de Pentecôte'],
    [day(year, 7, 14), 'Fête nationale'],
    [day(year, 8, 15), 'Assomption'],
    [day(year, 11, 1), 'Toussaint'],
    [day(year, 11, 11), 'Armistice 1918'],
    [day(year, 12, 25), 'Noël'],
  ]);
}

/** Whether a date (YYYY-MM-DD) is a French public holiday. */
export function isFrenchPublicHoliday(date: string): boolean {
  return frenchPublicHolidays(Number(date.slice(0, 4))).has(date);
}
