/**
 * The help centre (/aide): the FAQ admins edit in the app. Guides per role are
 * client pages; the FAQ is data: GET /api/help/faq (anyone), writes for admins.
 */
import { z } from 'zod';
import { fields } from './common';

const category = z.string().trim().min(2).max(80);
const question = z.string().trim().min(5).max(200);
/** Markdown, rendered as text by the client's safe renderer (never raw HTML). */
const answer = z.string().trim().min(1).max(10000);
const position = z.number().int().min(0).max(1000);

/** POST /api/help/faq. */
export const faqEntrySchema = z.object({ category, question, answer, position: position.optional() }).strict();
/** PATCH /api/help/faq/:id: any of the fields, at least one. */
export const faqChangeSchema = z
  .object({ category: category.optional(), question: question.optional(), answer: answer.optional(), position: position.optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Rien à modifier.');
/** GET /api/help/faq query: `q` ranks the entries sharing words with it (the hotline's suggestions), `limit` keeps the first. */
export const faqQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).optional(),
});
export const faqIdSchema = fields.id;

export type FaqEntryBody = z.input<typeof faqEntrySchema>;
export type FaqChangeBody = z.input<typeof faqChangeSchema>;
export type FaqEntryInput = z.infer<typeof faqEntrySchema>;
export type FaqChanges = z.infer<typeof faqChangeSchema>;

/** One question of the FAQ. */
export interface FaqEntry {
  id: number;
  category: string;
  question: string;
  /** Markdown. */
  answer: string;
  position: number;
  updatedAt: string;
}

/** Answer of GET /api/help/faq: by category then position (or by relevance with `q`). */
export interface FaqList {
  items: FaqEntry[];
}
