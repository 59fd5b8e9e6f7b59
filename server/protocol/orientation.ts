/** The public orientation module (#22): a creator's criteria in, matching public events and resources out, ranked and explained. */
import { z } from 'zod';
import { fields } from './common';
import { needSchema, sizeSchema, stageSchema } from './project-sheets';

/** `needs` as repeated or comma-separated query values. */
const needsList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',')).map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(needSchema).max(10));

const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

/** GET /api/public/orientation query: every criterion optional. */
export const orientationQuerySchema = z.object({
  stage: optional(stageSchema),
  sectorId: optional(fields.id),
  departmentCode: optional(fields.departmentCode),
  size: optional(sizeSchema),
  needs: needsList,
});
export type OrientationQuery = z.input<typeof orientationQuerySchema>;

/** One suggestion, with why it was chosen. */
export interface OrientationItem {
  kind: 'event' | 'resource' | 'article';
  id: number;
  title: string;
  summary: string;
  /** The client path that opens it. */
  href: string;
  /** Events: when it starts. */
  startsAt: string | null;
  /** Where it takes place or who it is for, in words (« Gironde », « Partout en France »). */
  place: string;
  score: number;
  /** « parce que vous êtes en Gironde, secteur commerce ». */
  because: string;
}

/** GET /api/public/orientation. */
export interface OrientationResult {
  events: OrientationItem[];
  resources: OrientationItem[];
  /** Which kinds of content the module searched (events appear once the organisers qualify them). */
  searched: Array<'event' | 'resource' | 'article'>;
}
