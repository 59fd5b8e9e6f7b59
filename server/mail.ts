import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from './config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Files joined to the mail (an appointment's .ics). */
  attachments?: { filename: string; content: string; contentType: string }[];
  /** An HTML alternative of `text` (newsletters). */
  html?: string;
  /** Extra headers (`List-Unsubscribe`…). */
  headers?: Record<string, string>;
  /** A stable Message-ID (a newsletter retried after a crash keeps its id, so mailboxes dedupe it). */
  messageId?: string;
}

export interface Mailer {
  /** Answers whether the transport took the mail (failures are logged, never thrown). */
  send(mail: Mail): Promise<boolean>;
}

/**
 * SMTP when SMTP_URL is set; otherwise every mail is written as an .eml file
 * into MAIL_OUTBOX_DIR, so a fresh machine needs no mail server and tests can
 * read the links. A failed send is logged, never thrown at the caller: the
 * request that triggered it has already been committed.
 */
export function createMailer(config: Config, log: Logger, opts: { discard?: boolean } = {}): Mailer {
  const transport = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: config.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          attachments: mail.attachments,
          html: mail.html,
          headers: mail.headers,
          messageId: mail.messageId,
        });
        // `discard` (benchmarks): the whole message is built, then dropped.
        if (!config.smtpUrl && !opts.discard) {
          await fs.mkdir(config.mailOutboxDir, { recursive: true });
          const name = `${Date.now()}-${crypto.randomBytes(4).toString('hex')}.eml`;
          await fs.writeFile(path.join(config.mailOutboxDir, name), (info as unknown as { message: Buffer }).message);
        }
        log.info({ to: mail.to, subject: mail.subject }, 'mail sent');
        return true;
      } catch (err) {
        log.error({ err, to: mail.to }, 'mail failed');
        return false;
      }
    },
  };
}
