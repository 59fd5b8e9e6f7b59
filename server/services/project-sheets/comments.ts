/**
 * Contributions on a sheet: comments (subject + text) and the thread under
 * each post-it, by the creator or the professionals it is shared with. A
 * contribution by someone else than the creator notifies the creator and
 * mails them as their notification settings say: `realtime` without a
 * batching window mails at once (the notification is claimed first, so the
 * mail job never sends it again); any other setting leaves it to that job.
 */
import type { Deps } from '../../deps';
import { notFound } from '../../errors';
import { commentsOfSheet, findComment, insertComment } from '../../db/sheet-comments';
import { findPostit } from '../../db/canvas-postits';
import { findUserById, type UserRow } from '../../db/users';
import type { ProjectSheetRow } from '../../db/project-sheets';
import { notificationSettingsOf, type NotificationRow } from '../../db/notifications';
import { claimForMail } from '../../db/notification-mail';
import { displayName } from '../../presenters/users';
import { presentSheetComment } from '../../presenters/project-sheets';
import { notify, parseSettings } from '../notifications/notifications';
import { frequencyFor } from '../notifications/schedule';
import { sheetContributionMail } from './mails';
import type { SheetComment, SheetCommentList } from '../../protocol/project-sheets';

export async function listComments(deps: Deps, sheet: ProjectSheetRow): Promise<SheetCommentList> {
  return { items: (await commentsOfSheet(deps.db, sheet.id)).map(presentSheetComment) };
}

export interface CommentResult {
  comment: SheetComment;
  notifications: NotificationRow[];
}

/** The notification kind of a contribution (its mail family is `comment`). */
export const CONTRIBUTION_KIND = 'sheet_contribution';

export async function addComment(
  deps: Deps,
  actor: UserRow,
  sheet: ProjectSheetRow,
  input: { postitId: number | null; subject: string | null; body: string },
): Promise<CommentResult> {
  const { db } = deps;
  const postit = input.postitId ? await findPostit(db, sheet.id, input.postitId) : null;
  if (input.postitId && !postit) throw notFound('Post-it');
  const id = await insertComment(db, {
    sheetId: sheet.id,
    postitId: input.postitId,
    authorId: actor.id,
    subject: input.postitId ? null : input.subject,
    body: input.body,
  });
  const comment = presentSheetComment((await findComment(db, id))!);
  if (actor.id === sheet.owner_id) return { comment, notifications: [] };
  const excerpt = input.body.replace(/\s+/g, ' ').slice(0, 200);
  const data = {
    sheetId: sheet.id,
    title: sheet.title,
    postitId: input.postitId,
    postitText: postit?.text ?? null,
    subject: comment.subject,
    excerpt,
    author: { displayName: displayName(actor) },
  };
  const notification = await notify(db, sheet.owner_id, CONTRIBUTION_KIND, data);
  await mailCreatorNow(deps, sheet, notification, actor, postit?.text ?? null, excerpt);
  return { comment, notifications: [notification] };
}

/** Mails the creator at once when their settings ask for it (realtime, no batching), claiming the notification first. */
async function mailCreatorNow(
  deps: Deps,
  sheet: ProjectSheetRow,
  n: NotificationRow,
  actor: UserRow,
  postitText: string | null,
  excerpt: string,
): Promise<void> {
  const { db, config } = deps;
  const settings = parseSettings((await notificationSettingsOf(db, [sheet.owner_id])).get(sheet.owner_id));
  if (frequencyFor(settings, CONTRIBUTION_KIND, {}) !== 'realtime' || settings.batchMinutes !== 0) return;
  const creator = await findUserById(db, sheet.owner_id);
  if (!creator || creator.status !== 'active') return;
  if ((await claimForMail(db, creator.id, [n.id], new Date())).length !== 1) return;
  const where = postitText ? `le post-it « ${postitText.slice(0, 80)} »` : 'la fiche';
  const link = `${config.publicUrl}/projets/${sheet.id}${postitText ? '/canevas' : ''}`;
  await deps.mailer.send({
    to: creator.email,
    ...sheetContributionMail(
      creator.first_name,
      displayName(actor),
      sheet.title,
      where,
      excerpt,
      link,
      `${config.publicUrl}/profil/notifications`,
    ),
  });
}
