import fs from 'node:fs';
import path from 'node:path';

export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  text: string;
  /** The unfolded header block (List-Unsubscribe…). */
  headers: string;
  /** The HTML alternative, when the mail has one. */
  html: string | null;
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
      const body = rest.join('\n\n');
      // A newsletter is multipart/alternative: `text` is its text/plain part, `html` its HTML part.
      const boundary = /boundary="?([^";\s]+)"?/i.exec(get('Content-Type'))?.[1];
      if (boundary) {
        const parts = body
          .split(`--${boundary}`)
          .map((p) => p.replace(/^\r?\n/, ''))
          .filter((p) => p.trim() && !p.startsWith('--'));
        const decoded = parts.map((p) => {
          const [ph, ...pb] = p.split(/\r?\n\r?\n/);
          const h = ph!.replace(/\r?\n[ \t]+/g, ' ');
          return {
            type: /^Content-Type: ([^;\s]+)/im.exec(h)?.[1]?.toLowerCase() ?? '',
            text: decodeBody(pb.join('\n\n'), /^Content-Transfer-Encoding: (.*)$/im.exec(h)?.[1] ?? ''),
          };
        });
        const text = decoded.find((d) => d.type === 'text/plain')?.text ?? '';
        return {
          file: f,
          to: get('To'),
          subject: get('Subject'),
          text,
          headers,
          html: decoded.find((d) => d.type === 'text/html')?.text ?? null,
        };
      }
      return {
        file: f,
        to: get('To'),
        subject: get('Subject'),
        text: decodeBody(body, get('Content-Transfer-Encoding')),
        headers,
        html: null,
      };
    });
}

function decodeBody(body: string, encoding: string): string {
  const cte = encoding.trim().toLowerCase();
  if (cte === 'quoted-printable') return decodeQuotedPrintable(body);
  if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
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
export async function waitForOutbox(dir: string, count: number, timeoutMs = 10000): Promise<OutboxMail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mails = readOutbox(dir);
    if (mails.length >= count || Date.now() > until) return mails;
    await new Promise((r) => setTimeout(r, 20));
  }
}
