/** Resources as a moderated kind: their queue and the three decisions (the author is notified; a group's members on a first publication). */
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { decideResource, findResource, publishedColumns, submittedResources, type ResourceRow } from '../../db/resources';
import { moderatedGroupIds, moderates } from '../../access/publishing';
import { presentResourceForModeration } from '../../presenters/resources';
import { displayName } from '../../presenters/users';
import { notify } from '../notifications/notifications';
import type { Decision, DecisionEffects, ModeratedKind } from '../publishing/registry';
import { announceResource } from './announce';

const STATUS_OF: Record<Decision, ResourceRow['status']> = { publish: 'published', return: 'returned', reject: 'rejected' };
const notWaiting = () => new AppError('not_submitted', 409, 'Ce contenu n’attend plus de décision.');

async function decide(
  deps: Deps,
  moderator: Parameters<ModeratedKind['decide']>[1],
  id: number,
  decision: Decision,
  comment: string,
): Promise<DecisionEffects> {
  const r = await findResource(deps.db, id);
  if (!r || !(await moderates(deps.db, moderator, r.group_id))) throw notFound('Contenu');
  if (r.status !== 'submitted') throw notWaiting();
  const now = new Date();
  const changes: Partial<ResourceRow> = {
    status: STATUS_OF[decision],
    moderation_comment: comment || null,
    moderated_by: moderator.id,
    moderated_at: now,
  };
  if (decision === 'publish') Object.assign(changes, publishedColumns(r), { published_at: now });
  return deps.db.transaction(async (trx) => {
    if (!(await decideResource(trx, id, changes))) throw notWaiting();
    const n = await notify(trx, r.author_id, 'content_moderated', {
      contentKind: 'resource',
      contentId: r.id,
      title: r.title,
      decision,
      comment: comment || null,
      moderator: { id: moderator.id, displayName: displayName(moderator) },
    });
    const author = { id: r.author_id, username: r.a_username, first_name: r.a_first_name, last_name: r.a_last_name };
    const group = decision === 'publish' ? await announceResource(trx, r, author, !r.published_at) : [];
    return { notifications: [n, ...group] };
  });
}

export const resourceKind: ModeratedKind = {
  kind: 'resource',
  async queue(db, moderator) {
    const groups = await moderatedGroupIds(db, moderator);
    if (groups !== null && !groups.length) return [];
    return (await submittedResources(db, groups)).map(presentResourceForModeration);
  },
  decide,
};
