import { expect } from 'chai';
import {
  addWorkingHours,
  workingMsBetween,
  zonedTime,
  localParts,
  type WorkingCalendar,
} from '../../server/services/hotline/working-hours';

/** An instant given as Paris wall-clock time ('2026-11-23T10:00'). */
const paris = (local: string) => {
  const [d, t] = local.split('T') as [string, string];
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const [h, min] = t.split(':').map(Number) as [number, number];
  return new Date(zonedTime(y, m, day, h, 'Europe/Paris') + min * 60_000);
};
const H = 3_600_000;

describe('working hours (Mon–Fri 9:00–17:00, Europe/Paris)', () => {
  it('reads Paris wall-clock time in winter and in summer', () => {
    expect(paris('2026-11-23T10:00').toISOString()).to.equal('2026-11-23T09:00:00.000Z');
    expect(paris('2026-07-06T10:00').toISOString()).to.equal('2026-07-06T08:00:00.000Z');
    expect(localParts(Date.parse('2026-11-23T09:00:00Z'), 'Europe/Paris')).to.include({ hour: 10, weekday: 1 });
  });

  const cases: [string, number, string][] = [
    ['2026-11-23T10:00', 4, '2026-11-23T14:00'], // Monday morning: same day
    ['2026-11-23T15:00', 4, '2026-11-24T11:00'], // runs over the evening into Tuesday
    ['2026-11-27T16:00', 4, '2026-11-30T12:00'], // Friday afternoon: over the weekend to Monday
    ['2026-11-28T11:00', 4, '2026-11-30T13:00'], // opened on Saturday: counting starts Monday 9:00
    ['2026-11-29T23:59', 1, '2026-11-30T10:00'], // Sunday night
    ['2026-11-24T07:00', 4, '2026-11-24T13:00'], // before opening time
    ['2026-11-25T18:30', 1, '2026-11-26T10:00'], // after closing time
    ['2026-11-23T09:00', 8, '2026-11-23T17:00'], // exactly one working day
    ['2026-11-23T09:00', 40, '2026-11-27T17:00'], // a whole working week
    ['2026-11-23T16:45', 0.5, '2026-11-24T09:15'], // fractions of an hour
  ];
  for (const [from, hours, due] of cases) {
    it(`${from} + ${hours} h → ${due}`, () => {
      expect(addWorkingHours(paris(from), hours).toISOString()).to.equal(paris(due).toISOString());
    });
  }

  it('keeps wall-clock hours across the daylight-saving changes', () => {
    // Spring forward on Sunday 29 March 2026, fall back on Sunday 25 October 2026.
    expect(addWorkingHours(paris('2026-03-27T16:00'), 4).toISOString()).to.equal('2026-03-30T10:00:00.000Z');
    expect(addWorkingHours(paris('2026-10-23T16:00'), 4).toISOString()).to.equal('2026-10-26T11:00:00.000Z');
  });

  it('counts working time between two instants', () => {
    expect(workingMsBetween(paris('2026-11-27T16:00'), paris('2026-11-30T12:00'))).to.equal(4 * H);
    expect(workingMsBetween(paris('2026-11-28T08:00'), paris('2026-11-29T20:00'))).to.equal(0);
    expect(workingMsBetween(paris('2026-11-23T08:00'), paris('2026-11-23T20:00'))).to.equal(8 * H);
    expect(workingMsBetween(paris('2026-11-24T12:00'), paris('2026-11-23T12:00'))).to.equal(0);
    const from = paris('2026-11-25T15:20');
    expect(workingMsBetween(from, addWorkingHours(from, 13.5))).to.equal(13.5 * H);
  });

  it('works with another calendar', () => {
    const nightShift: WorkingCalendar = { timeZone: 'UTC', days: [0, 6], startHour: 10, endHour: 12 };
    expect(addWorkingHours(new Date('2026-11-23T10:00:00Z'), 3, nightShift).toISOString()).to.equal('2026-11-29T11:00:00.000Z');
  });
});
