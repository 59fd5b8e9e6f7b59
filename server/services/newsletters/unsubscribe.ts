/**
 * The one-click unsubscribe of a newsletter mail: the signed token names the
 * issue and the person; unsubscribing drops their subscriptions to that
 * issue's themes (the "list" the mail came from). No sign-in needed; a bad
 * or forged token answers `not_found`. Doing it twice is harmless.
 */
import type { Config } from '../../config';
import type { Knex } from 'knex';
import { notFound } from '../../errors';
import { findIssue, themesOfIssues } from '../../db/newsletters';
import { dropSubscriptions, themeIdsOf } from '../../db/interest-themes';
import { findActiveUser } from '../../db/users';
import { readUnsubscribeToken } from '../../security/newsletter-tokens';
import type { NewsletterUnsubscribed, NewsletterUnsubscribeInfo } from '../../protocol/newsletters';

async function resolve(db: Knex, config: Config, token: string) {
  const t = await readUnsubscribeToken(config, token);
  const issue = t ? await findIssue(db, t.issueId) : undefined;
  const user = t ? await findActiveUser(db, t.userId) : undefined;
  if (!t || !issue || !user) throw notFound('Lien de désabonnement');
  const themes = (await themesOfIssues(db, [issue.id])).get(issue.id) ?? [];
  return { issue, user, themes };
}

/** What the link would do: the themes of that issue the person still receives. */
export async function unsubscribeInfo(db: Knex, config: Config, token: string): Promise<NewsletterUnsubscribeInfo> {
  const { issue, user, themes } = await resolve(db, config, token);
  const held = new Set(await themeIdsOf(db, 'newsletter_subscriptions', user.id));
  return { issueTitle: issue.title, themes: themes.filter((th) => held.has(th.id)) };
}

export async function unsubscribeByToken(db: Knex, config: Config, token: string): Promise<NewsletterUnsubscribed> {
  const { user, themes } = await resolve(db, config, token);
  const dropped = new Set(
    await dropSubscriptions(
      db,
      user.id,
      themes.map((th) => th.id),
    ),
  );
  return { unsubscribed: themes.filter((th) => dropped.has(th.id)) };
}
