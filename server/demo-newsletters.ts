/** Demo: a few members with centres of interest and newsletter subscriptions, and a draft newsletter of the animator's. */
import type { Deps } from './deps';
import { findUserByUsername } from './db/users';
import { findInterestThemeByLabel, replaceThemeIds } from './db/interest-themes';
import { createNewsletter } from './services/newsletters/issues';

export async function seedDemoNewsletters(deps: Deps): Promise<void> {
  const db = deps.db;
  const inclusion = await findInterestThemeByLabel(db, 'Inclusion numérique');
  const usagers = await findInterestThemeByLabel(db, 'Accompagnement des usagers');
  const claire = await findUserByUsername(db, 'claire.martin');
  if (!inclusion || !usagers || !claire) return;
  for (const username of ['julie.petit', 'thomas.moreau', 'sophie.lefebvre']) {
    const user = await findUserByUsername(db, username);
    if (!user) continue;
    await replaceThemeIds(db, 'user_interests', user.id, [inclusion.id, usagers.id]);
    await replaceThemeIds(db, 'newsletter_subscriptions', user.id, [inclusion.id]);
  }
  await createNewsletter(db, claire, {
    title: 'Lettre de l’inclusion numérique — janvier',
    intro: 'Bonjour à toutes et à tous,\n\nvoici les rendez-vous et les nouveautés du réseau pour ce début d’année.',
    themeIds: [inclusion.id],
    items: [],
  });
}
