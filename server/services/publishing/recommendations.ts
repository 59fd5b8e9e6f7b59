/**
 * "Recommander": a member sends a published content to an e-mail address
 * with a short message. At most RECOMMENDATIONS_PER_DAY a day per member,
 * never the same content twice to one address.
 */
import type { Deps } from '../../deps';
import { conflict, forbidden, rateLimited } from '../../errors';
import type { UserRow } from '../../db/users';
import { insertRecommendation, oldestRecommendationSince, recommendationsSince } from '../../db/recommendations';
import { accessPublishedArticle, canRecommend } from '../../access/publishing';
import { recommendationMail } from '../../mail-templates';
import { displayName } from '../../presenters/users';

export const RECOMMENDATIONS_PER_DAY = 20;
const DAY_MS = 86_400_000;

/** What a recommendation mail says of a published content, and where it links. */
export interface RecommendedContent {
  kind: string;
  id: number;
  title: string;
  summary: string;
  public: boolean;
  /** The client path of its page (`/actualites/<id>`, `/ressources/<id>`). */
  path: string;
}

/** Sends a published content the sender may read (checked by the caller) to an address, within the daily budget. */
export async function recommendContent(deps: Deps, sender: UserRow, c: RecommendedContent, email: string, message: string): Promise<void> {
  if (!canRecommend(sender)) throw forbidden('Votre type de compte ne permet pas de recommander des contenus.');
  const since = new Date(Date.now() - DAY_MS);
  if ((await recommendationsSince(deps.db, sender.id, since)) >= RECOMMENDATIONS_PER_DAY) {
    const oldest = await oldestRecommendationSince(deps.db, sender.id, since);
    throw rateLimited(Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + DAY_MS - Date.now()) / 1000)));
  }
  if (!(await insertRecommendation(deps.db, { kind: c.kind, contentId: c.id, senderId: sender.id, email }))) {
    throw conflict('already_recommended', 'Ce contenu a déjà été recommandé à cette adresse.', {
      fields: { email: 'Ce contenu a déjà été recommandé à cette adresse.' },
    });
  }
  const base = deps.config.publicUrl;
  await deps.mailer.send({
    to: email,
    ...recommendationMail(displayName(sender), c.title, c.summary, message, `${base}${c.path}`, c.public ? null : `${base}/inscription`),
  });
}

export async function recommendArticle(deps: Deps, sender: UserRow, id: number, email: string, message: string): Promise<void> {
  const a = await accessPublishedArticle(deps.db, sender, id);
  await recommendContent(
    deps,
    sender,
    {
      kind: 'article',
      id: a.id,
      title: a.published_title ?? a.title,
      summary: a.published_summary ?? a.summary,
      public: a.published_access === 'public',
      path: `/actualites/${a.id}`,
    },
    email,
    message,
  );
}
