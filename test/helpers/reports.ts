/** Report bodies for tests: a valid individual accompaniment, changed by overrides. */
import { parisToday } from '../../server/protocol/reports';

/** The Paris calendar day `n` days before today. */
export function daysAgo(n: number): string {
  const d = new Date(`${parisToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** A valid report body: one person, 35–60, employed, at Villeurbanne (69266), today. */
export function reportBody(o: Record<string, unknown> = {}): Record<string, any> {
  return {
    date: parisToday(),
    communeCode: '69266',
    canal: 'home_base',
    activity: 'individual',
    participants: 1,
    ages: { '35_60': 1 },
    statuses: { employed: 1 },
    themes: ['email', 'online_procedure'],
    durationBand: '30_60',
    redirected: false,
    ...o,
  };
}

/** A workshop body of `n` people (all over 60, retired). */
export function workshopBody(n: number, o: Record<string, unknown> = {}): Record<string, any> {
  return reportBody({ activity: 'workshop', participants: n, ages: { over_60: n }, statuses: { retired: n }, themes: ['security'], ...o });
}
