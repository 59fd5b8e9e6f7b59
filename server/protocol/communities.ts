/** Communities: a group's home (menu, news since my last visit, links, references, forum), its sub-groups, the gear and « On vous propose ». */
import { z } from 'zod';
import { fields } from './common';
import type { Group } from './groups';

/** One entry of a community's menu: shown when it has content or the viewer may add some. */
export type CommunitySection = 'accueil' | 'actualites' | 'references' | 'experiences' | 'agenda' | 'forum' | 'groupes' | 'liens';

/** A useful link of a community. */
export interface GroupLink {
  id: number;
  groupId: number;
  title: string;
  url: string;
  description: string | null;
  position: number;
}

/** GET /api/groups/:id/community: the home's menu with counts, and what the viewer may do. */
export interface CommunityHome {
  groupId: number;
  isCommunity: boolean;
  /** Entries to show, in menu order, with how many items each holds (`newCount`: news since my last visit). */
  sections: { id: CommunitySection; count: number; newCount?: number }[];
  /** Members see the contents; others see the presentation, sub-groups and links. */
  isMember: boolean;
  canManage: boolean;
  links: GroupLink[];
  subgroups: Group[];
  /** When I last opened the group before now (null the first time). */
  lastVisitAt: string | null;
}

/** A forum question with its answer count and whether an answer was accepted. */
export interface ForumQuestion {
  postId: number;
  title: string;
  author: { id: number; displayName: string };
  createdAt: string;
  commentCount: number;
  acceptedCommentId: number | null;
}

/** One proposal of « On vous propose »: a group, with why it is proposed. */
export interface GroupSuggestion {
  group: Group;
  /** The signals that matched, most telling first. */
  reasons: ('departement' | 'interets' | 'contacts')[];
  /** How many of my contacts are members (the `contacts` signal). */
  contactCount: number;
}

/** POST /api/groups/:id/visit answer: the previous visit (what is « nouveau » is newer than it). */
export interface VisitAnswer {
  previousVisitAt: string | null;
}

const url = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/\S+$/i, 'Adresse web (http ou https) attendue.');
/** POST /api/groups/:id/links. */
export const groupLinkSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    url,
    description: fields.optionalText(500),
  })
  .strict();
/** PATCH /api/groups/:id/links/:linkId. */
export const editGroupLinkSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    url: url.optional(),
    description: fields.optionalText(500).optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
/** PUT /api/groups/:id/community: mark or unmark a group as a community. */
export const communityFlagSchema = z.object({ isCommunity: z.boolean() }).strict();
/** PUT /api/groups/:id/references/:documentId has no body; DELETE unpins. */
/** PUT /api/posts/:id/accepted-answer: a comment of the question, or null to withdraw. */
export const acceptedAnswerSchema = z.object({ commentId: fields.id.nullable() }).strict();
/** PUT /api/me/notification-settings/groups/:id: my rhythm for one group (null: as my general setting). */
export const groupRhythmSchema = z.object({ frequency: z.enum(['realtime', 'daily', 'weekly', 'never']).nullable() }).strict();

/** Body of POST /api/groups/:id/links. */
export type GroupLinkBody = z.input<typeof groupLinkSchema>;
/** Body of PATCH /api/groups/:id/links/:linkId. */
export type EditGroupLinkBody = z.input<typeof editGroupLinkSchema>;

/** Error codes of communities. */
export const COMMUNITY_ERROR_CODES = ['not_a_question'] as const;
/** One of the community error codes. */
export type CommunityErrorCode = (typeof COMMUNITY_ERROR_CODES)[number];
