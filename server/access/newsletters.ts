/**
 * Who may do what with newsletters: animators and admins compose, preview,
 * test and send; every full member reads issues once sent (the archive).
 * A draft is invisible to anyone else: `not_found`, as for a missing issue.
 */
import type { Knex } from 'knex';
import { notFound } from '../errors';
import type { UserRow } from '../db/users';
import { findIssue, type NewsletterIssueRow } from '../db/newsletters';
import { isAnimator } from './roles';

/** Animators and admins compose and send newsletters. */
export const canComposeNewsletters = (user: UserRow): boolean => isAnimator(user) && user.status === 'active';

/** The issue if the actor may read it (sent or being sent; drafts for composers only). */
export async function accessIssue(db: Knex, actor: UserRow, id: number): Promise<NewsletterIssueRow> {
  const issue = await findIssue(db, id);
  if (!issue || (issue.status === 'draft' && !canComposeNewsletters(actor))) throw notFound('Lettre d’information');
  return issue;
}

/** The issue as a composer works on it (`not_found` for anyone else, whatever its status). */
export async function accessIssueAsComposer(db: Knex, actor: UserRow, id: number): Promise<NewsletterIssueRow> {
  const issue = canComposeNewsletters(actor) ? await findIssue(db, id) : undefined;
  if (!issue) throw notFound('Lettre d’information');
  return issue;
}
