/** Polls: a post of kind `poll` in a group, its options, ballots and results. */
import { z } from 'zod';
import { fields, type Person } from './common';

/** When members other than the author and the group's managers see the results. */
export type PollResultsVisibility = 'after_vote' | 'after_close';

/** One option with its tally (`votes`, `voters`) when the viewer may see the results. */
export interface PollOption {
  id: number;
  label: string;
  /** Null while the results are hidden from the viewer. */
  votes: number | null;
  /** Who chose it: only for a named (non-anonymous) poll whose results the viewer sees; never for an anonymous one. */
  voters?: Person[];
}

/** GET /api/polls/:id: the poll as one viewer sees it. */
export interface Poll {
  postId: number;
  groupId: number;
  question: string;
  multiple: boolean;
  anonymous: boolean;
  resultsVisibility: PollResultsVisibility;
  closesAt: string | null;
  closedAt: string | null;
  /** Closed by hand or past its end date: no more votes. */
  closed: boolean;
  options: PollOption[];
  /** How many members have voted (never who, for an anonymous poll). */
  voterCount: number;
  /** The options I chose (empty if I have not voted). */
  myChoices: number[];
  resultsVisible: boolean;
  canVote: boolean;
  /** The author and the group's managers close early and export. */
  canManage: boolean;
}

/** `poll:updated`, to the post's audience after each vote or closing; `results` only once the poll is closed (then everyone sees them). */
export interface PollUpdate {
  postId: number;
  groupId: number;
  voterCount: number;
  closed: boolean;
  closedAt: string | null;
  results: { optionId: number; votes: number }[] | null;
}

const label = z.string().trim().min(1, 'Une option ne peut pas être vide.').max(200);

/** The `poll` block of POST /api/groups/:id/posts when `kind` is `poll`. */
export const newPollSchema = z
  .object({
    // Blank lines of the form are left out rather than refused.
    options: z
      .array(z.string())
      .max(40)
      .transform((xs) => xs.map((x) => x.trim()).filter(Boolean))
      .pipe(
        z
          .array(label)
          .min(2, 'Proposez au moins deux options.')
          .max(20, 'Vingt options au plus.')
          .refine((xs) => new Set(xs.map((x) => x.toLowerCase())).size === xs.length, 'Deux options sont identiques.'),
      ),
    multiple: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    resultsVisibility: z.enum(['after_vote', 'after_close']).default('after_vote'),
    closesAt: z.iso
      .datetime({ offset: true })
      .nullish()
      .transform((v) => (v ? new Date(v) : null)),
  })
  .strict();

/** PUT /api/polls/:id/vote. */
export const voteSchema = z.object({ optionIds: z.array(fields.id).min(1, 'Choisissez au moins une option.').max(20) }).strict();

/** Body of the `poll` block. */
export type NewPoll = z.input<typeof newPollSchema>;
/** Body of PUT /api/polls/:id/vote. */
export type VoteBody = z.input<typeof voteSchema>;

/** Server → client events of polls. */
export interface PollServerEvents {
  'poll:updated': PollUpdate;
}

/** Error codes of polls. */
export const POLL_ERROR_CODES = ['poll_closed', 'invalid_choice', 'poll_locked'] as const;
/** One of the poll error codes. */
export type PollErrorCode = (typeof POLL_ERROR_CODES)[number];
