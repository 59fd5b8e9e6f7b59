/**
 * The contract of the resource library (`/ressources`): files, web links and
 * video links with a type, themes, an application, départements and sectors,
 * public or pro, moderated like articles (the status and access vocabulary of
 * publishing.ts). Imports zod only.
 */
import { z } from 'zod';
import { fields, type PersonWithAvatar } from './common';
import { CONTENT_ACCESSES, CONTENT_STATUSES, type ContentAccess, type ContentStatus, type Sector } from './publishing';

import {
  RESOURCE_SORTS,
  RESOURCE_THEMES,
  RESOURCE_TYPES,
  type ResourceFormat,
  type ResourceTheme,
  type ResourceType,
} from './resource-catalog';

export * from './resource-catalog';

const TYPE_KEYS = RESOURCE_TYPES.map((t) => t.key) as [ResourceType, ...ResourceType[]];
const THEME_KEYS = RESOURCE_THEMES.map((t) => t.key) as [ResourceTheme, ...ResourceTheme[]];

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Donnez une adresse web complète (https://…).');

/**
 * Body of POST /api/resources and PUT /api/resources/:id (JSON, or the `data`
 * field of a multipart request carrying the file). A link or a video needs its
 * `url`; a file resource needs a file on creation (an edit keeps the stored
 * one unless a new one is sent). `submit: false` keeps a draft.
 */
export const resourceBody = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().min(3).max(5000),
    type: z.enum(TYPE_KEYS, { message: 'Choisissez un type de ressource.' }),
    format: z.enum(['file', 'link', 'video'], { message: 'Choisissez fichier, lien web ou vidéo.' }),
    url: z.preprocess(blank, httpUrl.nullish()).transform((v) => v ?? null),
    access: z.enum(CONTENT_ACCESSES, { message: 'Choisissez public ou réservé aux membres.' }),
    applicationId: fields.id.nullish().transform((v) => v ?? null),
    themes: z
      .array(z.enum(THEME_KEYS, { message: 'Thème inconnu.' }))
      .max(17)
      .default([]),
    departmentCodes: z.array(fields.departmentCode).max(20).default([]),
    sectorIds: z.array(fields.id).max(20).default([]),
    groupId: fields.id.nullish().transform((v) => v ?? null),
    submit: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.format === 'file' || v.url !== null, { path: ['url'], message: 'Donnez l’adresse du lien ou de la vidéo.' });
export type ResourceBody = z.input<typeof resourceBody>;
export type ResourceInput = z.infer<typeof resourceBody>;

/** GET /api/resources, /api/public/resources, /api/me/resources: every field filters; `cursor` is an offset. */
export const resourceListQuery = z.object({
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  type: z.preprocess(blank, z.enum(TYPE_KEYS).optional()),
  format: z.preprocess(blank, z.enum(['file', 'link', 'video']).optional()),
  theme: z.preprocess(blank, z.enum(THEME_KEYS).optional()),
  application: z.preprocess(blank, fields.id.optional()),
  department: z.preprocess(blank, fields.departmentCode.optional()),
  sector: z.preprocess(blank, fields.id.optional()),
  access: z.preprocess(blank, z.enum(CONTENT_ACCESSES).optional()),
  status: z.preprocess(blank, z.enum(CONTENT_STATUSES).optional()),
  sort: z.preprocess(blank, z.enum(RESOURCE_SORTS).default('date')),
  cursor: z.preprocess(blank, z.coerce.number<number>().int().min(0).max(100_000).optional()),
  limit: z.preprocess(blank, z.coerce.number<number>().int().min(1).max(50).default(20)),
});
export type ResourceListQuery = z.infer<typeof resourceListQuery>;

/** Body of POST /api/groups/:id/documents/:documentId/promote: the library fields the document does not carry. */
export const promoteBody = z
  .object({
    title: z.string().trim().min(3).max(200).optional(),
    description: z.string().trim().min(3).max(5000).optional(),
    type: z.enum(TYPE_KEYS, { message: 'Choisissez un type de ressource.' }),
    access: z.enum(CONTENT_ACCESSES, { message: 'Choisissez public ou réservé aux membres.' }),
    applicationId: fields.id.nullish().transform((v) => v ?? null),
    themes: z
      .array(z.enum(THEME_KEYS, { message: 'Thème inconnu.' }))
      .max(17)
      .default([]),
    departmentCodes: z.array(fields.departmentCode).max(20).default([]),
    sectorIds: z.array(fields.id).max(20).default([]),
  })
  .strict();
export type PromoteBody = z.input<typeof promoteBody>;

/** Body of POST /api/admin/resource-applications and PATCH …/:id. */
export const applicationBody = z.object({ name: z.string().trim().min(2).max(80) }).strict();

/** An application or product. */
export interface ResourceApplication {
  id: number;
  name: string;
}

/** The file of a file resource. */
export interface ResourceFile {
  name: string;
  mimeType: string;
  size: number;
}

/** The published version's fields, as the library lists it. */
export interface ResourceSummary {
  id: number;
  kind: 'resource';
  title: string;
  description: string;
  type: ResourceType;
  format: ResourceFormat;
  /** A link's or video's address (null for a file). */
  url: string | null;
  file: ResourceFile | null;
  /** Where the file is downloaded or the link opened (counted): the public route for a public resource. */
  openUrl: string;
  access: ContentAccess;
  application: ResourceApplication | null;
  themes: ResourceTheme[];
  departmentCodes: string[];
  sectors: Sector[];
  author: PersonWithAvatar;
  publishedAt: string;
  /** Downloads and link openings. */
  opens: number;
  /** Members who keep it in their favourites. */
  favorites: number;
  /** The group document it was promoted from, if any (members only). */
  sourceDocument: { id: number; groupId: number } | null;
}

/** A resource as its author and its moderators see it: the working copy, and the published version if any. */
export interface ResourceDraft {
  id: number;
  kind: 'resource';
  status: ContentStatus;
  title: string;
  description: string;
  type: ResourceType;
  format: ResourceFormat;
  url: string | null;
  file: ResourceFile | null;
  /** The working copy's file, for its author and moderators. */
  draftFileUrl: string | null;
  access: ContentAccess;
  applicationId: number | null;
  themes: ResourceTheme[];
  departmentCodes: string[];
  sectors: Sector[];
  groupId: number | null;
  author: PersonWithAvatar;
  moderationComment: string | null;
  submittedAt: string | null;
  updatedAt: string;
  published: { title: string; publishedAt: string; access: ContentAccess } | null;
  canModerate: boolean;
}

/** Error codes of the library's routes. */
export const RESOURCE_ERROR_CODES = ['file_required'] as const;
export type ResourceErrorCode = (typeof RESOURCE_ERROR_CODES)[number];
