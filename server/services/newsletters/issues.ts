/** Newsletter issues: compose (drafts), read, preview, test, and start sending. */
import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import type { UserRow } from '../../db/users';
import { conflict, ruleViolated } from '../../errors';
import {
  countSubscribers,
  deleteDraft,
  insertIssue,
  issueFigures,
  itemsOfIssue,
  listIssues,
  replaceIssueParts,
  startSending,
  themesOfIssues,
  updateDraft,
  type NewsletterIssueRow,
} from '../../db/newsletters';
import { existingThemeIds } from '../../db/interest-themes';
import { requeueFailed } from '../../db/newsletter-deliveries';
import { canComposeNewsletters } from '../../access/newsletters';
import { iso } from '../../presenters/time';
import type {
  NewsletterFigures,
  NewsletterInput,
  NewsletterIssue,
  NewsletterList,
  NewsletterPreview,
  NewsletterSummary,
} from '../../protocol/newsletters';
import { isNewsletterContentKind, resolveItems } from './contents';
import { issueTemplate, unsubscribeHeaders, unsubscribePath, type IssueContent } from './render';
import { unsubscribeSigner } from '../../security/newsletter-tokens';
import './content-kinds';

async function summaries(db: Knex, rows: NewsletterIssueRow[], withFigures: boolean): Promise<NewsletterSummary[]> {
  const ids = rows.map((r) => r.id);
  const themes = await themesOfIssues(db, ids);
  const figures = withFigures ? await issueFigures(db, ids) : null;
  return rows.map((r) => {
    const f = figures?.get(r.id) ?? { sent: 0, failed: 0, pending: 0 };
    const fig: NewsletterFigures | null = figures ? { recipients: Number(r.recipients), ...f } : null;
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      themes: themes.get(r.id) ?? [],
      sentAt: iso(r.sent_at),
      updatedAt: iso(r.updated_at),
      figures: fig,
    };
  });
}

/** The archive: sent issues for members; drafts and figures too for composers. */
export async function listNewsletters(db: Knex, actor: UserRow): Promise<NewsletterList> {
  const composer = canComposeNewsletters(actor);
  return { items: await summaries(db, await listIssues(db, composer), composer), canCompose: composer };
}

/** An issue's themes and resolved contents, as the mail and the archive show them. */
export async function issueContent(db: Knex, issue: NewsletterIssueRow): Promise<IssueContent> {
  const themes = (await themesOfIssues(db, [issue.id])).get(issue.id) ?? [];
  const refs = (await itemsOfIssue(db, issue.id)).map((r) => ({ kind: r.kind, id: Number(r.target_id) }));
  return { id: issue.id, title: issue.title, intro: issue.intro, themes: themes.map((t) => t.label), items: await resolveItems(db, refs) };
}

export async function presentIssue(db: Knex, actor: UserRow, issue: NewsletterIssueRow): Promise<NewsletterIssue> {
  const composer = canComposeNewsletters(actor);
  const [summary] = await summaries(db, [issue], composer);
  const content = await issueContent(db, issue);
  return { ...summary!, intro: issue.intro, items: content.items, canEdit: composer && issue.status === 'draft' };
}

/** Checks the themes and content references of a draft (unknown ones are refused, never dropped silently). */
async function checked(db: Knex, input: NewsletterInput) {
  const themeIds = [...new Set(input.themeIds)];
  const known = await existingThemeIds(db, themeIds);
  if (known.length !== themeIds.length)
    throw ruleViolated('newsletter_no_theme', 'Un des thèmes choisis n’existe plus.', { fields: { themeIds: 'Thème inconnu.' } });
  const seen = new Set<string>();
  const refs = input.items.filter((r) => !seen.has(`${r.kind}:${r.id}`) && seen.add(`${r.kind}:${r.id}`));
  if (refs.some((r) => !isNewsletterContentKind(r.kind))) throw ruleViolated('newsletter_unknown_content', 'Type de contenu inconnu.');
  const resolved = await resolveItems(db, refs);
  if (resolved.length !== refs.length) {
    throw ruleViolated('newsletter_unknown_content', 'Un des contenus choisis n’est plus publié : retirez-le de la lettre.', {
      fields: { items: 'Contenu introuvable.' },
    });
  }
  return { themeIds, items: refs.map((r) => ({ kind: r.kind, target_id: r.id })) };
}

export async function createNewsletter(db: Knex, actor: UserRow, input: NewsletterInput): Promise<number> {
  const parts = await checked(db, input);
  return db.transaction(async (trx) => {
    const id = await insertIssue(trx, actor.id, input.title, input.intro);
    await replaceIssueParts(trx, id, parts.themeIds, parts.items);
    return id;
  });
}

const notDraft = () => conflict('newsletter_not_draft', 'Cette lettre est déjà envoyée : elle ne peut plus être modifiée.');

export async function updateNewsletter(db: Knex, issue: NewsletterIssueRow, input: NewsletterInput): Promise<void> {
  const parts = await checked(db, input);
  await db.transaction(async (trx) => {
    if (!(await updateDraft(trx, issue.id, input.title, input.intro))) throw notDraft();
    await replaceIssueParts(trx, issue.id, parts.themeIds, parts.items);
  });
}

export async function deleteNewsletter(db: Knex, issue: NewsletterIssueRow): Promise<void> {
  if (!(await deleteDraft(db, issue.id))) throw notDraft();
}

/** The mail exactly as built for a subscriber, addressed to the viewer, and how many would receive it now. */
export async function previewNewsletter(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: UserRow,
  issue: NewsletterIssueRow,
): Promise<NewsletterPreview & { headers: Record<string, string> }> {
  const content = await issueContent(deps.db, issue);
  const sign = await unsubscribeSigner(deps.config);
  const url = deps.config.publicUrl + unsubscribePath(sign(issue.id, actor.id));
  const mail = issueTemplate(deps.config.publicUrl, content)(actor.first_name, url);
  const themeIds = ((await themesOfIssues(deps.db, [issue.id])).get(issue.id) ?? []).map((t) => t.id);
  return { ...mail, recipients: await countSubscribers(deps.db, themeIds), headers: unsubscribeHeaders(url) };
}

/** Mails the preview to its composer, marked as a test. */
export async function sendTestNewsletter(deps: Deps, actor: UserRow, issue: NewsletterIssueRow): Promise<{ to: string }> {
  const p = await previewNewsletter(deps, actor, issue);
  const ok = await deps.mailer.send({ to: actor.email, subject: `[Test] ${p.subject}`, text: p.text, html: p.html, headers: p.headers });
  if (!ok) throw ruleViolated('newsletter_no_recipient', 'Le courriel de test n’a pas pu être envoyé. Réessayez dans un instant.');
  return { to: actor.email };
}

/** A second round for the deliveries that failed (the transport refused them): back to pending, the issue sending again. */
export async function retryFailedDeliveries(db: Knex, issue: NewsletterIssueRow): Promise<number> {
  if (issue.status === 'draft') throw ruleViolated('newsletter_nothing_failed', 'Cette lettre n’est pas encore envoyée.');
  const n = await requeueFailed(db, issue.id);
  if (!n) throw ruleViolated('newsletter_nothing_failed', 'Aucun envoi de cette lettre n’a échoué : il n’y a rien à renvoyer.');
  return n;
}

/** Starts sending: one delivery row per subscriber now; the background job does the rest. */
export async function sendNewsletter(db: Knex, issue: NewsletterIssueRow): Promise<number> {
  if (issue.status !== 'draft') throw notDraft();
  const themeIds = ((await themesOfIssues(db, [issue.id])).get(issue.id) ?? []).map((t) => t.id);
  if (!themeIds.length)
    throw ruleViolated('newsletter_no_theme', 'Choisissez au moins un thème : ses abonnés recevront la lettre.', {
      fields: { themeIds: 'Choisissez au moins un thème.' },
    });
  if (!(await countSubscribers(db, themeIds)))
    throw ruleViolated('newsletter_no_recipient', 'Personne n’est encore abonné aux thèmes choisis.');
  const recipients = await db.transaction((trx) => startSending(trx, issue.id, themeIds));
  if (recipients === null) throw notDraft();
  return recipients;
}
