import type { Knex } from 'knex';
import type { UserRow } from '../db/users';
import type { FavoriteKind } from '../protocol/favorites';
import { accessPost } from './posts';
import { accessDocument } from './documents';
import { accessPublishedResource } from './resources';

/** A favourite's target if the member may see it: the post, document or published resource's own rule (`not_found` otherwise). */
export async function accessFavoriteTarget(db: Knex, actor: UserRow, kind: FavoriteKind, id: number): Promise<void> {
  if (kind === 'post') await accessPost(db, actor, id);
  else if (kind === 'resource') await accessPublishedResource(db, actor, id);
  else await accessDocument(db, actor, id);
}
