/**
 * The contract of editorial publishing: articles with their moderation status
 * and access level, the moderators' queue (kinds plug in through a registry:
 * resources and events may join), sectors, "Recommander". The status and
 * access vocabulary is shared with the resource library.
 */
import { z } from 'zod';
import { fields, type PersonWithAvatar } from './common';

export const CONTENT_STATUSES = ['draft', 'submitted', 'published', 'returned', 'rejected'] as const;
/** Where a content stands in moderation. */
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const CONTENT_ACCESSES = ['public', 'pro'] as const;
/** Who may read a published content: anyone (`public`) or members (`pro`). */
export type ContentAccess = (typeof CONTENT_ACCESSES)[number];

const idList = z.array(fields.id).max(20).default([]);

/** What an article's image shows, for who does not see it (its `alt`). */
export const imageAlt = z.string().trim().min(3, 'Décrivez l’image en quelques mots (au moins 3 caractères).').max(300);

/** Body of POST /api/articles and PUT /api/articles/:id; `submit: false` keeps a draft. */
export const articleBody = z
  .object({
    title: z.string().trim().min(3).max(200),
    summary: z.string().trim().min(3).max(500),
    body: z.string().trim().min(1).max(50_000),
    access: z.enum(CONTENT_ACCESSES, { message: 'Choisissez public ou réservé aux membres.' }),
    groupId: fields.id.nullish().transform((v) => v ?? null),
    departmentCodes: z.array(fields.departmentCode).max(20).default([]),
    sectorIds: idList,
    /** The image's text alternative; left out: unchanged. Required (not empty) while the article has an image. */
    imageAlt: imageAlt.or(z.literal('')).optional(),
    submit: z.boolean().default(false),
  })
  .strict();
export type ArticleBody = z.input<typeof articleBody>;
export type ArticleInput = z.infer<typeof articleBody>;

/** Filters of the lists (published articles, public ones, mine). */
export const articleListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  department: fields.departmentCode.optional().or(z.literal('').transform(() => undefined)),
  sector: fields.id.optional().or(z.literal('').transform(() => undefined)),
  status: z
    .enum(CONTENT_STATUSES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  cursor: z.coerce.number<number>().int().min(0).optional(),
  limit: z.coerce.number<number>().int().min(1).max(50).default(20),
});

/** Body of POST /api/moderation/:kind/:id: a decision, with a comment when sending back or rejecting. */
export const moderationBody = z
  .object({
    decision: z.enum(['publish', 'return', 'reject']),
    comment: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((v) => v.decision === 'publish' || v.comment.length >= 3, {
    path: ['comment'],
    message: 'Expliquez à l’auteur ce qui doit changer.',
  });
export type ModerationBody = z.input<typeof moderationBody>;

/** Body of POST /api/articles/:id/recommend. */
export const recommendBody = z.object({ email: fields.email, message: z.string().trim().max(1000).default('') }).strict();

/** Body of POST /api/admin/sectors and PATCH /api/admin/sectors/:id. */
export const sectorBody = z.object({ name: z.string().trim().min(2).max(80) }).strict();

/** A sector. */
export interface Sector {
  id: number;
  name: string;
}

/** A version of an article's text. */
export interface ArticleText {
  title: string;
  summary: string;
  body: string;
  access: ContentAccess;
}

/** A line of a list of published articles (the published version). */
export interface ArticleSummary {
  id: number;
  kind: 'article';
  title: string;
  summary: string;
  access: ContentAccess;
  author: PersonWithAvatar;
  departmentCodes: string[];
  sectors: Sector[];
  publishedAt: string;
  /** The published image, if any, and its text alternative. */
  imageUrl: string | null;
  imageAlt: string | null;
}

/** An article read by a member or a visitor: the published version. */
export interface PublishedArticle extends ArticleSummary {
  body: string;
}

/**
 * An article as its author and its moderators see it: the working copy with
 * its status, and the published version if there is one.
 */
export interface ArticleDraft extends ArticleText {
  id: number;
  kind: 'article';
  status: ContentStatus;
  author: PersonWithAvatar;
  groupId: number | null;
  departmentCodes: string[];
  sectors: Sector[];
  moderationComment: string | null;
  submittedAt: string | null;
  updatedAt: string;
  /** The working copy's image and its text alternative. */
  imageUrl: string | null;
  imageAlt: string | null;
  published: (ArticleText & { publishedAt: string; imageUrl: string | null; imageAlt: string | null }) | null;
  /** Whether the caller may decide on it (moderators, while it is submitted). */
  canModerate: boolean;
}

/** An item of the moderators' queue, whatever its kind, shown as it will look. */
export interface ModerationItem {
  kind: string;
  kindLabel: string;
  id: number;
  title: string;
  summary: string;
  body: string;
  access: ContentAccess;
  author: PersonWithAvatar;
  submittedAt: string | null;
  /** An edit of something already on line (the published version stays until approval). */
  republication: boolean;
  imageUrl: string | null;
  imageAlt: string | null;
  /** Its categories, when the kind has them (the queue's filters match on them). */
  departmentCodes?: string[];
  sectors?: Sector[];
}

/** Filters of GET /api/moderation. */
export const moderationQuery = z.object({
  kind: z
    .string()
    .trim()
    .max(32)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  department: fields.departmentCode.optional().or(z.literal('').transform(() => undefined)),
  sector: fields.id.optional().or(z.literal('').transform(() => undefined)),
});
export type ModerationFilters = z.input<typeof moderationQuery>;

/** Error codes of the publishing routes. */
export const PUBLISHING_ERROR_CODES = ['not_submitted', 'content_rejected', 'already_recommended'] as const;
export type PublishingErrorCode = (typeof PUBLISHING_ERROR_CODES)[number];
