/** Resources as a moderated kind (the author is notified; a group's members on a first publication). */
import { decideResource, findResource, publishedColumns, submittedResources, type ResourceWithAuthor } from '../../db/resources';
import { presentResourceForModeration } from '../../presenters/resources';
import { moderatedKindOf } from '../publishing/moderated-content';
import { announceResource } from './announce';

export const resourceKind = moderatedKindOf<ResourceWithAuthor>({
  kind: 'resource',
  find: findResource,
  authorOf: (r) => r.author_id,
  publishedColumns: (r, now) => ({ ...publishedColumns(r), published_at: now }),
  write: decideResource,
  onPublish: (trx, r) =>
    announceResource(
      trx,
      r,
      { id: r.author_id, username: r.a_username, first_name: r.a_first_name, last_name: r.a_last_name },
      !r.published_at,
    ),
  submitted: async (db, groups) => (await submittedResources(db, groups)).map(presentResourceForModeration),
});
