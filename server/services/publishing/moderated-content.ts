/**
 * What every moderated kind does alike, built once: the queue limited to the groups the moderator moderates,
 * and a decision (found and moderated by this moderator or 404, still waiting or 409, status and published copy
 * written only if the row is still submitted, the author notified in the same transaction). A kind gives its
 * table's reads and writes, what a publication copies, and what else a publication tells.
 */
import type { Knex } from 'knex';
import { AppError, notFound } from '../../errors';
import { moderatedGroupIds, moderates } from '../../access/publishing';
import { displayName } from '../../presenters/users';
import type { NotificationRow } from '../../db/notifications';
import type { ModerationItem } from '../../protocol/publishing';
import { notify } from '../notifications/notifications';
import type { Decision, ModeratedKind } from './registry';

/** The columns every moderated table has. */
interface ModeratedRow {
  id: number;
  group_id: number | null;
  status: string;
  title: string;
}

export interface ModeratedContent<R extends ModeratedRow> {
  kind: 'article' | 'resource' | 'event';
  find(db: Knex, id: number): Promise<R | undefined>;
  /** Who is told of the decision (null: nobody, e.g. the author's account is gone). */
  authorOf(row: R): number | null;
  /** The columns a publication sets besides the decision's (the copy of the text that goes on line). */
  publishedColumns(row: R, now: Date): Partial<R>;
  /** Writes the decision's columns if the row is still submitted; false when it no longer was. */
  write(trx: Knex, id: number, changes: Partial<R>): Promise<boolean>;
  /** More notifications a publication sends (a group's members told of a first publication). */
  onPublish?(trx: Knex, row: R): Promise<NotificationRow[]>;
  /** The submitted items of these groups (null: every group), oldest first, as the moderator sees them. */
  submitted(db: Knex, groupIds: number[] | null): Promise<ModerationItem[]>;
}

const STATUS_OF: Record<Decision, string> = { publish: 'published', return: 'returned', reject: 'rejected' };
const notWaiting = () => new AppError('not_submitted', 409, 'Ce contenu n’attend plus de décision.');

export function moderatedKindOf<R extends ModeratedRow>(c: ModeratedContent<R>): ModeratedKind {
  return {
    kind: c.kind,
    async queue(db, moderator) {
      const groups = await moderatedGroupIds(db, moderator);
      if (groups !== null && !groups.length) return [];
      return c.submitted(db, groups);
    },
    async decide(deps, moderator, id, decision, comment) {
      const row = await c.find(deps.db, id);
      if (!row || !(await moderates(deps.db, moderator, row.group_id))) throw notFound('Contenu');
      if (row.status !== 'submitted') throw notWaiting();
      const now = new Date();
      const changes = {
        status: STATUS_OF[decision],
        moderation_comment: comment || null,
        moderated_by: moderator.id,
        moderated_at: now,
        ...(decision === 'publish' ? c.publishedColumns(row, now) : {}),
      } as unknown as Partial<R>;
      return deps.db.transaction(async (trx) => {
        if (!(await c.write(trx, id, changes))) throw notWaiting();
        const notifications: NotificationRow[] = [];
        const author = c.authorOf(row);
        if (author !== null) {
          notifications.push(
            await notify(trx, author, 'content_moderated', {
              contentKind: c.kind,
              contentId: row.id,
              title: row.title,
              decision,
              comment: comment || null,
              moderator: { id: moderator.id, displayName: displayName(moderator) },
            }),
          );
        }
        if (decision === 'publish' && c.onPublish) notifications.push(...(await c.onPublish(trx, row)));
        return { notifications };
      });
    },
  };
}
