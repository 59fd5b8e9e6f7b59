/** Posts in groups, the feed, comments and reactions; files attached to posts. */
import { z } from 'zod';
import { fields, type Person, type PersonWithAvatar } from './common';
import { newPollSchema } from './polls';

/** Kinds of post. */
export type PostKind = 'article' | 'question' | 'document' | 'photo' | 'video' | 'link' | 'poll' | 'experience';
/** Kinds of reaction (each toggles). */
export type ReactionKind = 'like' | 'recommend';

/** A file posted in a group; `url` serves the bytes to who may see the post. */
export interface Attachment {
  id: number;
  groupId: number;
  postId: number | null;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  isImage: boolean;
  url: string;
  createdAt: string;
}

/** The post object of REST answers and of `post:new` / `post:updated`. */
export interface Post {
  id: number;
  groupId: number;
  group: { id: number; name: string };
  kind: PostKind;
  title: string;
  body: string;
  linkUrl: string | null;
  author: PersonWithAvatar;
  image: Attachment | null;
  attachments: Attachment[];
  reactions: Record<ReactionKind, number>;
  commentCount: number;
  /** Absent in live events (they differ per viewer). */
  myReactions?: ReactionKind[];
  createdAt: string;
  editedAt: string | null;
}

/** A comment: REST answers and `comment:new` / `comment:updated`. */
export interface Comment {
  id: number;
  postId: number;
  author: PersonWithAvatar;
  body: string;
  createdAt: string;
  editedAt: string | null;
}

/** GET /api/posts/:id: one post with its comments and the viewer's rights. */
export interface PostDetail extends Post {
  comments: Comment[];
  canEdit: boolean;
  canDelete: boolean;
  canModerate: boolean;
}

/** POST /api/posts/:id/reactions answer. */
export interface ReactionAnswer {
  active: boolean;
  kind: ReactionKind;
  reactions: Record<ReactionKind, number>;
  myReactions: ReactionKind[];
}

/** GET /api/posts/:id/reactions item. */
export interface Reactor {
  kind: ReactionKind;
  createdAt: string;
  user: Person;
}

/** `sondage` (the French name of the issue) is taken as `poll`. */
const kind = z
  .enum(['article', 'question', 'document', 'photo', 'video', 'link', 'poll', 'experience', 'sondage'])
  .transform((k): PostKind => (k === 'sondage' ? 'poll' : k));
const title = z.string().trim().min(1).max(200);
const body = z
  .string()
  .max(20_000)
  .transform((s) => s.trim());
/** An http(s) address; an empty string clears it. */
const linkUrl = z
  .union([
    z.literal('').transform(() => null),
    z
      .string()
      .trim()
      .max(2000)
      .regex(/^https?:\/\/\S+$/i, 'Adresse web (http ou https) attendue.'),
  ])
  .nullish()
  .transform((v) => v ?? null);
/** GET /api/groups/:id/posts and /api/feed query. */
export const postPageQuerySchema = z.object({
  cursor: z.coerce.number<number>().int().min(1).optional(),
  limit: z.coerce.number<number>().int().min(1).max(50).default(20),
  /** Only posts of this kind (a community's « Partage d'expériences », its forum). */
  kind: kind.optional(),
});
/** POST /api/groups/:id/posts. */
export const createPostSchema = z
  .object({
    kind,
    title,
    body: body.default(''),
    linkUrl: linkUrl.optional(),
    audience: z
      .object({ groupIds: z.array(fields.id).max(20).optional(), userIds: z.array(fields.id).max(200).optional() })
      .strict()
      .optional(),
    attachmentIds: z.array(fields.id).max(20).optional(),
    imageId: fields.id.nullish(),
    /** Required with `kind: "poll"`, refused otherwise. */
    poll: newPollSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'poll' && !p.poll) ctx.addIssue({ code: 'custom', path: ['poll'], message: 'Un sondage a besoin de ses options.' });
    if (p.kind !== 'poll' && p.poll) ctx.addIssue({ code: 'custom', path: ['poll'], message: 'Seul un sondage a des options.' });
  });
/** PATCH /api/posts/:id. */
export const editPostSchema = z
  .object({ kind: kind.optional(), title: title.optional(), body: body.optional(), linkUrl: linkUrl.optional() })
  .strict();
/** POST /api/posts/:id/comments, PATCH /api/comments/:id. */
export const commentSchema = z.object({ body: z.string().trim().min(1).max(5000) }).strict();
/** POST /api/posts/:id/reactions (toggles). */
export const reactionSchema = z.object({ kind: z.enum(['like', 'recommend']) }).strict();

/** Body of POST /api/groups/:id/posts. */
export type NewPost = z.input<typeof createPostSchema>;
/** Body of PATCH /api/posts/:id. */
export type EditPostBody = z.input<typeof editPostSchema>;

/** Server → client events of posts, to the post's audience. */
export interface PostServerEvents {
  'post:new': Post;
  'post:updated': Post;
  'post:deleted': { id: number; groupId: number };
  'comment:new': Comment;
  'comment:updated': Comment;
  'comment:deleted': { id: number; postId: number };
}

/** Error codes of posts. */
export const POST_ERROR_CODES = ['invalid_attachment', 'invalid_audience', 'not_a_member'] as const;
/** One of the post error codes. */
export type PostErrorCode = (typeof POST_ERROR_CODES)[number];
