/**
 * The contract of centres of interest and newsletters: the theme list (admins
 * edit it), each member's interests and subscriptions, newsletter issues
 * (animators compose and send them), their archive, and the one-click
 * unsubscribe. Imports zod only.
 */
import { z } from 'zod';
import { fields } from './common';

/** A centre of interest (also a newsletter's audience). */
export interface InterestTheme {
  id: number;
  label: string;
}

/** GET /api/interest-themes. */
export interface InterestThemeList {
  items: InterestTheme[];
}

/** POST /api/admin/interest-themes and PATCH …/:id. */
export const interestThemeBody = z.object({ label: z.string().trim().min(2).max(80) });

const themeIds = z.array(fields.id).max(200);

/** GET and PUT /api/me/interests: my centres of interest and the themes whose newsletter I receive. */
export const myInterestsBody = z.object({ interests: themeIds, subscriptions: themeIds });
export type MyInterestsInput = z.infer<typeof myInterestsBody>;
export interface MyInterests extends MyInterestsInput {
  themes: InterestTheme[];
}

/** Kinds of content a newsletter may carry (server/services/newsletters/contents.ts registers each). */
export const newsletterItemRef = z.object({ kind: z.string().trim().min(1).max(24), id: fields.id });
export type NewsletterItemRef = z.infer<typeof newsletterItemRef>;

/** POST /api/newsletters and PUT /api/newsletters/:id (drafts only). */
export const newsletterBody = z.object({
  title: z.string().trim().min(3).max(200),
  intro: z.string().trim().max(5000),
  themeIds: themeIds,
  items: z.array(newsletterItemRef).max(30),
});
export type NewsletterInput = z.infer<typeof newsletterBody>;

/** GET /api/newsletter-contents?q=…: what an animator may put in a newsletter. */
export const newsletterContentQuery = z.object({ q: z.string().trim().max(100).optional() });

/** One content of an issue, resolved for reading (title, summary, absolute-free link). */
export interface NewsletterItem {
  kind: string;
  /** « Article », « Événement »… */
  kindLabel: string;
  id: number;
  title: string;
  summary: string;
  /** « Mardi 3 mars 2027 à 14 h » for events; the publication date for articles. */
  when: string | null;
  /** The client path that opens it. */
  href: string;
}

/** GET /api/newsletter-contents. */
export interface NewsletterContentList {
  items: NewsletterItem[];
}

export type NewsletterStatus = 'draft' | 'sending' | 'sent';

/** How far a send has gone (animators and admins only). */
export interface NewsletterFigures {
  recipients: number;
  sent: number;
  failed: number;
  pending: number;
}

/** An issue as lists show it. */
export interface NewsletterSummary {
  id: number;
  title: string;
  status: NewsletterStatus;
  themes: InterestTheme[];
  sentAt: string | null;
  updatedAt: string;
  /** Animators and admins only. */
  figures: NewsletterFigures | null;
}

/** GET /api/newsletters: members see sent issues; animators and admins see drafts too. */
export interface NewsletterList {
  items: NewsletterSummary[];
  canCompose: boolean;
}

/** GET /api/newsletters/:id. */
export interface NewsletterIssue extends NewsletterSummary {
  intro: string;
  items: NewsletterItem[];
  /** The references as saved (the editor keeps those whose target disappeared out). */
  canEdit: boolean;
}

/** GET /api/newsletters/:id/preview: the mail as a subscriber will receive it. */
export interface NewsletterPreview {
  subject: string;
  text: string;
  html: string;
  /** Subscribers who would receive it if sent now. */
  recipients: number;
}

/** GET /api/newsletter-unsubscribe/:token: what the one-click link would do. */
export interface NewsletterUnsubscribeInfo {
  issueTitle: string;
  /** The themes of that issue the person is still subscribed to. */
  themes: InterestTheme[];
}

/** POST /api/newsletter-unsubscribe/:token. */
export interface NewsletterUnsubscribed {
  unsubscribed: InterestTheme[];
}

/** Error codes of this domain. */
export const NEWSLETTER_ERROR_CODES = [
  'interest_theme_taken',
  'newsletter_not_draft',
  'newsletter_no_theme',
  'newsletter_unknown_content',
  'newsletter_no_recipient',
  'newsletter_nothing_failed',
] as const;
export type NewsletterErrorCode = (typeof NEWSLETTER_ERROR_CODES)[number];
