import fs from 'node:fs';
import path from 'node:path';

export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  text: string;
}

function decodeQuotedPrintable(s: string): string {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeHeader(v: string): string {
  // RFC 2047: white space between two adjacent encoded words is not part of the text.
  return v
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/** The .eml files the server wrote, oldest first, decoded enough to read links. */
export function readOutbox(dir: string): OutboxMail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8');
      const [head, ...rest] = raw.split(/\r?\n\r?\n/);
      const headers = head!.replace(/\r?\n[ \t]+/g, ' ');
      const get = (name: string) => decodeHeader(new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1] ?? '');
      let body = rest.join('\n\n');
      const cte = get('Content-Transfer-Encoding').toLowerCase();
      if (cte === 'quoted-printable') body = decodeQuotedPrintable(body);
      else if (cte === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      return { file: f, to: get('To'), subject: get('Subject'), text: body };
    });
}

/** The last mail to an address, with the first link in it that contains `pathPart`. */
export function lastMailTo(dir: string, to: string, pathPart?: string): { mail: OutboxMail; link: string | null } | null {
  const mail = readOutbox(dir)
    .filter((m) => m.to.includes(to))
    .pop();
  if (!mail) return null;
  const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
  return { mail, link: links.find((l) => !pathPart || l.includes(pathPart)) ?? null };
}

/** Waits (up to `timeoutMs`) until the outbox holds at least `count` mails; for mails sent after the answer (password reset). */
export async function waitForOutbox(dir: string, count: number, timeoutMs = 3000): Promise<OutboxMail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mails = readOutbox(dir);
    if (mails.length >= count || Date.now() > until) return mails;
    await new Promise((r) => setTimeout(r, 20));
  }
}
