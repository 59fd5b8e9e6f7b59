/** « Suggestions »: a network-wide box where members propose improvements, vote them up, and admins decide. */
import { z } from 'zod';
import { fields, type Person } from './common';

/** Where a suggestion stands. */
export type SuggestionStatus = 'open' | 'planned' | 'done' | 'declined';

/** One suggestion as a viewer sees it. */
export interface Suggestion {
  id: number;
  title: string;
  body: string;
  author: Person;
  status: SuggestionStatus;
  /** Why it was planned, done or declined (said by the admin who decided). */
  statusReason: string | null;
  statusAt: string | null;
  statusBy: Person | null;
  voteCount: number;
  myVote: boolean;
  /** Open or planned: votes still count. */
  votable: boolean;
  canDelete: boolean;
  createdAt: string;
}

/** GET /api/suggestions. */
export interface SuggestionPage {
  items: Suggestion[];
  nextCursor: number | null;
  /** Counts per status (whatever the filter), for the filter's labels. */
  counts: Record<SuggestionStatus, number>;
  /** Admins set statuses. */
  canDecide: boolean;
}

/** PUT / DELETE /api/suggestions/:id/vote answer. */
export interface SuggestionVoteAnswer {
  id: number;
  voteCount: number;
  myVote: boolean;
}

const statuses = ['open', 'planned', 'done', 'declined'] as const;

/** GET /api/suggestions query. */
export const suggestionListQuerySchema = z.object({
  sort: z.enum(['votes', 'date']).default('votes'),
  status: z.enum([...statuses, 'all']).default('all'),
  q: z.string().trim().max(100).optional(),
  cursor: z.coerce.number<number>().int().min(0).optional(),
  limit: z.coerce.number<number>().int().min(1).max(50).default(20),
});

/** POST /api/suggestions. */
export const newSuggestionSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(5000),
  })
  .strict();

/** POST /api/suggestions/:id/status: a reason is required except to reopen. */
export const suggestionStatusSchema = z
  .object({ status: z.enum(statuses), reason: fields.optionalText(2000) })
  .strict()
  .superRefine((b, ctx) => {
    if (b.status !== 'open' && !b.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Expliquez votre décision en quelques mots.' });
  });

/** Body of POST /api/suggestions. */
export type NewSuggestion = z.input<typeof newSuggestionSchema>;
/** Body of POST /api/suggestions/:id/status. */
export type SuggestionStatusBody = z.input<typeof suggestionStatusSchema>;
/** Query of GET /api/suggestions. */
export type SuggestionListQuery = z.input<typeof suggestionListQuerySchema>;

/** Error codes of suggestions. */
export const SUGGESTION_ERROR_CODES = ['suggestion_closed'] as const;
/** One of the suggestion error codes. */
export type SuggestionErrorCode = (typeof SUGGESTION_ERROR_CODES)[number];
