import { expect } from 'chai';
import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday } from '../../server/services/booking/public-holidays';
import { openSlots, parisInstant, isOpenSlot, type SlotRules } from '../../server/services/booking/slots';

describe('booking: French public holidays and the slots of a page', () => {
  it('computes Easter Sunday (published dates 2024–2030 and far years)', () => {
    const known: Record<number, [number, number]> = {
      2024: [3, 31],
      2025: [4, 20],
      2026: [4, 5],
      2027: [3, 28],
      2028: [4, 16],
      2029: [4, 1],
      2030: [4, 21],
      2038: [4, 25],
      1818: [3, 22],
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year)), year).to.deep.equal(date);
  });

  it('lists the eleven holidays of 2026 with the movable ones after Easter', () => {
    const h = frenchPublicHolidays(2026);
    expect(h.size).to.equal(11);
    expect([...h.keys()]).to.include.members([
      '2026-01-01',
      '2026-04-06', // Lundi de Pâques
      '2026-05-01',
      '2026-05-08',
      '2026-05-14', // Ascension
      '2026-05-25', // Lundi de Pentecôte
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(isFrenchPublicHoliday('2027-05-06')).to.equal(true); // Ascension 2027
    expect(isFrenchPublicHoliday('2026-04-05')).to.equal(false); // Easter Sunday itself is not one
    expect(isFrenchPublicHoliday('2026-12-26')).to.equal(false); // Alsace-Moselle only
  });

  const rules: SlotRules = {
    slotMinutes: 45,
    noticeHours: 1,
    horizonDays: 11,
    publicHolidaysOff: true,
    weekly: [
      { day: 1, start: '09:00', end: '12:00' },
      { day: 4, start: '14:00', end: '16:00' },
    ],
    exceptions: [{ from: '2026-12-10', to: '2026-12-10' }],
  };

  it('cuts the weekly hours into slots in Paris time, after the notice, within the horizon, skipping exceptions', () => {
    // Monday 7 December 2026, 10:00 in Paris (UTC+1).
    const now = Date.parse('2026-12-07T09:00:00Z');
    const days = openSlots(rules, now);
    expect(days.map((d) => d.date)).to.deep.equal(['2026-12-07', '2026-12-14', '2026-12-17']);
    // 09:00, 09:45 and 10:30 start before now + 1 h; 11:15 (ends at 12:00) fits; Thursday 10 is an exception.
    expect(days[0]!.starts.map((s) => new Date(s).toISOString())).to.deep.equal(['2026-12-07T10:15:00.000Z']);
    expect(days[1]!.starts).to.have.length(4); // 09:00, 09:45, 10:30, 11:15
    expect(days[2]!.starts.map((s) => new Date(s).toISOString())).to.deep.equal(['2026-12-17T13:00:00.000Z', '2026-12-17T13:45:00.000Z']);
    expect(isOpenSlot(rules, now, Date.parse('2026-12-14T08:00:00Z'))).to.equal(true);
    expect(isOpenSlot(rules, now, Date.parse('2026-12-14T08:10:00Z'))).to.equal(false);
  });

  it('closes public holidays unless the page opens them, and follows summer time', () => {
    const monday = { ...rules, exceptions: [], horizonDays: 1, noticeHours: 0 };
    const easterMonday = Date.parse('2026-04-06T05:00:00Z');
    expect(openSlots(monday, easterMonday)).to.deep.equal([]);
    const open = openSlots({ ...monday, publicHolidaysOff: false }, easterMonday);
    // Summer time: 09:00 in Paris is 07:00 UTC.
    expect(new Date(open[0]!.starts[0]!).toISOString()).to.equal('2026-04-06T07:00:00.000Z');
    expect(new Date(parisInstant('2026-10-25', 9 * 60)).toISOString()).to.equal('2026-10-25T08:00:00.000Z');
    expect(new Date(parisInstant('2026-03-29', 9 * 60)).toISOString()).to.equal('2026-03-29T07:00:00.000Z');
  });
});
