/** Articles as a moderated kind: their queue and the three decisions (the author is notified of each). */
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { decideArticle, findArticle, submittedArticles, type ArticleRow } from '../../db/articles';
import { moderatedGroupIds, moderates } from '../../access/publishing';
import { presentArticleForModeration } from '../../presenters/publishing';
import { notify } from '../notifications/notifications';
import { displayName } from '../../presenters/users';
import type { Decision, DecisionEffects, ModeratedKind } from './registry';
import { publishedImage } from './articles';
import { categoriesOf } from '../../db/article-categories';

const STATUS_OF: Record<Decision, ArticleRow['status']> = { publish: 'published', return: 'returned', reject: 'rejected' };

async function decide(
  deps: Deps,
  moderator: Parameters<ModeratedKind['decide']>[1],
  id: number,
  decision: Decision,
  comment: string,
): Promise<DecisionEffects> {
  const a = await findArticle(deps.db, id);
  if (!a || !(await moderates(deps.db, moderator, a.group_id))) throw notFound('Contenu');
  if (a.status !== 'submitted') throw new AppError('not_submitted', 409, 'Ce contenu n’attend plus de décision.');
  const now = new Date();
  const changes: Partial<ArticleRow> = {
    status: STATUS_OF[decision],
    moderation_comment: comment || null,
    moderated_by: moderator.id,
    moderated_at: now,
  };
  if (decision === 'publish') {
    Object.assign(changes, {
      published_title: a.title,
      published_summary: a.summary,
      published_body: a.body,
      published_access: a.access,
      ...publishedImage(a),
      published_at: now,
    });
  }
  return deps.db.transaction(async (trx) => {
    if (!(await decideArticle(trx, id, changes))) throw new AppError('not_submitted', 409, 'Ce contenu n’attend plus de décision.');
    const n = await notify(trx, a.author_id, 'content_moderated', {
      contentKind: 'article',
      contentId: a.id,
      title: a.title,
      decision,
      comment: comment || null,
      moderator: { id: moderator.id, displayName: displayName(moderator) },
    });
    return { notifications: [n] };
  });
}

export const articleKind: ModeratedKind = {
  kind: 'article',
  async queue(db, moderator) {
    const groups = await moderatedGroupIds(db, moderator);
    if (groups !== null && !groups.length) return [];
    const rows = await submittedArticles(db, groups);
    const cats = await categoriesOf(
      db,
      rows.map((a) => a.id),
    );
    return rows.map((a) => presentArticleForModeration(a, cats.get(a.id)));
  },
  decide,
};
