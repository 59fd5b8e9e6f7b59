/**
 * A newsletter issue as a mail: plain text and a simple HTML alternative
 * (inline styles, every text escaped). The part shared by all recipients is
 * built once per issue; only the greeting and the unsubscribe link change per
 * person, so 20,000 mails cost 20,000 string joins.
 */
import type { NewsletterItem } from '../../protocol/newsletters';

export interface IssueContent {
  id: number;
  title: string;
  intro: string;
  themes: string[];
  items: NewsletterItem[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The path of the one-click unsubscribe page and endpoint (GET shows it, POST unsubscribes: RFC 8058). */
export const unsubscribePath = (token: string) => `/lettres/desabonnement/${token}`;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const paragraphs = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);

/** Builds the per-issue template; `personal(firstName, unsubscribeUrl)` makes one recipient's mail. */
export function issueTemplate(publicUrl: string, issue: IssueContent): (firstName: string, unsubscribeUrl: string) => RenderedMail {
  const subject = `Lettre d’information Maillage : ${issue.title}`.replace(/\s+/g, ' ').slice(0, 250);
  const themes = issue.themes.join(', ');
  const archive = `${publicUrl}/lettres/${issue.id}`;
  const textItems = issue.items
    .map(
      (it) =>
        `■ ${it.kindLabel} — ${it.title}\n${it.when ? `${it.when}\n` : ''}${it.summary ? `${it.summary}\n` : ''}${publicUrl}${it.href}`,
    )
    .join('\n\n');
  const textBody =
    `${issue.title}\n${'='.repeat(Math.min(issue.title.length, 60))}\n\n${paragraphs(issue.intro).join('\n\n')}\n\n${textItems}\n\n` +
    `Lire cette lettre dans Maillage : ${archive}\n`;
  const htmlItems = issue.items
    .map(
      (it) => `<tr><td style="padding:16px 0;border-top:1px solid #ddd">
<p style="margin:0;color:#666;font-size:13px">${escapeHtml(it.kindLabel)}${it.when ? ` · ${escapeHtml(it.when)}` : ''}</p>
<h2 style="margin:4px 0;font-size:18px"><a href="${escapeHtml(publicUrl + it.href)}" style="color:#000091">${escapeHtml(it.title)}</a></h2>
${it.summary ? `<p style="margin:0">${escapeHtml(it.summary)}</p>` : ''}</td></tr>`,
    )
    .join('\n');
  const htmlHead =
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(issue.title)}</title></head>` +
    `<body style="margin:0;background:#f6f6f6;font-family:Marianne,Arial,sans-serif;color:#161616">` +
    `<table role="presentation" width="100%" style="max-width:640px;margin:0 auto;background:#fff;padding:24px"><tr><td>` +
    `<p style="margin:0;color:#000091;font-weight:bold">Maillage · Lettre d’information${themes ? ` · ${escapeHtml(themes)}` : ''}</p>` +
    `<h1 style="font-size:24px">${escapeHtml(issue.title)}</h1>`;
  const htmlBody =
    paragraphs(issue.intro)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('') +
    `<table role="presentation" width="100%">${htmlItems}</table>` +
    `<p><a href="${escapeHtml(archive)}" style="color:#000091">Lire cette lettre dans Maillage</a></p>`;
  return (firstName, unsubscribeUrl) => ({
    subject,
    text:
      `Bonjour ${firstName},\n\n${textBody}\n—\nVous recevez cette lettre car vous êtes abonné(e) aux thèmes : ${themes}.\n` +
      `Se désabonner en un clic : ${unsubscribeUrl}\nGérer mes abonnements : ${publicUrl}/profil/centres-d-interet\n`,
    html:
      `${htmlHead}<p>Bonjour ${escapeHtml(firstName)},</p>${htmlBody}` +
      `<hr style="border:0;border-top:1px solid #ddd"><p style="font-size:13px;color:#666">Vous recevez cette lettre car vous êtes abonné(e) aux thèmes : ${escapeHtml(themes)}.<br>` +
      `<a href="${escapeHtml(unsubscribeUrl)}" style="color:#666">Se désabonner en un clic</a> · ` +
      `<a href="${escapeHtml(publicUrl)}/profil/centres-d-interet" style="color:#666">Gérer mes abonnements</a></p>` +
      `</td></tr></table></body></html>`,
  });
}

/** The headers of RFC 2369 and RFC 8058: mail clients show an "unsubscribe" button that POSTs to the link. */
export const unsubscribeHeaders = (unsubscribeUrl: string): Record<string, string> => ({
  'List-Unsubscribe': `<${unsubscribeUrl}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});
