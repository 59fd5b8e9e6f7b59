/** Booking in tests: open a member's page with every hour bookable, book as a visitor, read a mail's .ics. */
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { api } from './http';
import { withAntiRobot } from './anti-robot';

/** Opening hours every day 08:00–18:00, no notice, 14 days ahead, holidays open (so a slot always exists). */
export const OPEN_EVERY_DAY = {
  enabled: true,
  slotMinutes: 30,
  noticeHours: 0,
  horizonDays: 14,
  publicHolidaysOff: false,
  weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '08:00', end: '18:00' })),
  places: [
    { label: 'Médiathèque de Lyon 3e', canal: 'home_base', communeCode: '69383' },
    { label: 'Par téléphone', canal: 'remote', communeCode: null },
  ],
  exceptions: [],
};

/** Saves `settings` as the member's page; answers the page (its slug, public address). */
export async function openBookingPage(baseUrl: string, token: string, settings: object = OPEN_EVERY_DAY) {
  const res = await api(baseUrl, { token }).put('/api/booking/settings', settings);
  if (res.status !== 200) throw new Error(`booking settings: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { slug: string; publicUrl: string };
}

/** A visitor's body for a slot (anti-robot solved). */
export async function visitorBody(baseUrl: string, startsAt: string, o: Record<string, unknown> = {}) {
  return withAntiRobot(baseUrl, {
    startsAt,
    place: 0,
    name: 'Camille Durand',
    email: 'camille@example.org',
    phone: '06 12 34 56 78',
    theme: 'email',
    ...o,
  });
}

/** The first free slot of a page. */
export async function firstFreeSlot(baseUrl: string, slug: string): Promise<string> {
  const view = await api(baseUrl).get(`/api/public/booking/${slug}`);
  return view.body.days[0].slots[0].startsAt as string;
}

/** The text/calendar parts of the .eml files of the outbox sent to `to`, decoded, oldest first. */
export function icsSentTo(outboxDir: string, to: string): string[] {
  return partsSentTo(outboxDir, to, 'text/calendar');
}

/** The plain-text bodies of the multipart mails sent to `to`, decoded, oldest first. */
export function textsSentTo(outboxDir: string, to: string): string[] {
  return partsSentTo(outboxDir, to, 'text/plain');
}

/** The link to the visitor's appointment page in the last mail to `to`, and its secret. */
export function manageLinkSentTo(outboxDir: string, to: string): { link: string; token: string } {
  const text = textsSentTo(outboxDir, to)
    .filter((t) => t.includes('/mon-rendez-vous#'))
    .pop();
  const m = text && /(https?:\/\/\S+\/mon-rendez-vous#([\w-]+))/.exec(text);
  if (!m) throw new Error(`no appointment link sent to ${to}`);
  return { link: m[1]!, token: m[2]! };
}

function partsSentTo(outboxDir: string, to: string, type: string): string[] {
  if (!fs.existsSync(outboxDir)) return [];
  const out: string[] = [];
  for (const f of fs.readdirSync(outboxDir).sort()) {
    const raw = fs.readFileSync(path.join(outboxDir, f), 'utf8');
    if (!new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(raw)) continue;
    for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
      if (!new RegExp(`^Content-Type: ${type}`, 'im').test(part)) continue;
      const [head, ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join('\n\n').replace(/\r?\n--[^\r\n]*--\s*$/, '');
      const cte = /^Content-Transfer-Encoding: (.*)$/im.exec(head!)?.[1]?.trim().toLowerCase();
      out.push(
        cte === 'base64'
          ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
          : cte === 'quoted-printable'
            ? Buffer.from(
                body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
                'latin1',
              ).toString('utf8')
            : body,
      );
    }
  }
  return out;
}

/** Parses an iCalendar text with ical.js (throws when invalid); answers its first event's start, end, summary, UID, status. */
export function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const vevent = comp.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    uid: event.uid,
    status: String(vevent.getFirstPropertyValue('status') ?? ''),
    method: String(comp.getFirstPropertyValue('method') ?? ''),
  };
}

/** Waits (up to `timeoutMs`) until `count` .ics were mailed to `to` (mails leave after the answer); answers them. */
export async function waitForIcs(outboxDir: string, to: string, count: number, timeoutMs = 5000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = icsSentTo(outboxDir, to);
    if (found.length >= count || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
}
