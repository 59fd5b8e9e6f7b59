import type { Knex } from 'knex';
import { notFound } from '../errors';
import { findPoll, type PollRow } from '../db/polls';
import type { PostWithPeople } from '../db/posts';
import type { UserRow } from '../db/users';
import { accessPost, canModeratePost } from './posts';

/** A poll as one viewer may use it. */
export interface PollAccess {
  post: PostWithPeople;
  poll: PollRow;
  /** Its author and the group's managers (and global admins): close early, see results at any time. */
  canManage: boolean;
}

/** The poll of a post the viewer may see; `not_found` for a missing or invisible post and for a post that is no poll. */
export async function accessPoll(db: Knex, actor: UserRow, postId: number): Promise<PollAccess> {
  const post = await accessPost(db, actor, postId).catch(() => {
    throw notFound('Sondage');
  });
  const poll = await findPoll(db, postId);
  if (!poll) throw notFound('Sondage');
  return { post, poll, canManage: post.author_id === actor.id || (await canModeratePost(db, actor, post)) };
}
