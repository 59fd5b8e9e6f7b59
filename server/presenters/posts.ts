import type { AttachmentRow, CommentWithAuthor, PostWithPeople, ReactionKind } from '../db/posts';
import type { Attachment, Comment, Post } from '../protocol/posts';
import type { PersonWithAvatar } from '../protocol/common';
import { iso } from './time';
import { avatarUrl } from './users';

/** A file posted in a group; `url` serves the bytes to who may see the post. */
export function presentAttachment(a: AttachmentRow): Attachment {
  return {
    id: a.id,
    groupId: a.group_id,
    postId: a.post_id,
    filename: a.filename,
    mimeType: a.mime_type,
    size: Number(a.size),
    sha256: a.sha256,
    isImage: !!a.is_image,
    url: `/api/attachments/${a.id}`,
    createdAt: iso(a.created_at),
  };
}

const author = (r: {
  author_id: number;
  a_username: string;
  a_first_name: string;
  a_last_name: string;
  a_avatar_sha256: string | null;
}): PersonWithAvatar => ({
  id: r.author_id,
  username: r.a_username,
  displayName: `${r.a_first_name} ${r.a_last_name}`,
  avatarUrl: avatarUrl({ id: r.author_id, avatar_sha256: r.a_avatar_sha256 }),
});

export interface PostExtras {
  attachments: AttachmentRow[];
  reactions: Record<ReactionKind, number>;
  commentCount: number;
  /** The viewer's own reactions; left out of broadcasts (they differ per viewer). */
  myReactions?: ReactionKind[];
}

/** The post object of REST answers and of `post:new` / `post:updated`. */
export function presentPost(p: PostWithPeople, x: PostExtras): Post {
  const image = x.attachments.find((a) => a.is_image);
  return {
    id: p.id,
    groupId: p.group_id,
    group: { id: p.group_id, name: p.g_name },
    kind: p.kind,
    title: p.title,
    body: p.body,
    linkUrl: p.link_url,
    author: author(p),
    image: image ? presentAttachment(image) : null,
    attachments: x.attachments.filter((a) => !a.is_image).map(presentAttachment),
    reactions: x.reactions,
    commentCount: x.commentCount,
    ...(x.myReactions ? { myReactions: x.myReactions } : {}),
    createdAt: iso(p.created_at),
    editedAt: iso(p.edited_at),
  };
}

/** The protocol's Post, under the name the services use. */
export type PresentedPost = Post;

/** A comment: REST answers and `comment:new` / `comment:updated`. */
export function presentComment(c: CommentWithAuthor): Comment {
  return { id: c.id, postId: c.post_id, author: author(c), body: c.body, createdAt: iso(c.created_at), editedAt: iso(c.edited_at) };
}
