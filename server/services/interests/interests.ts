/** Centres of interest: the theme list (admins edit it) and each member's interests and newsletter subscriptions. */
import type { Knex } from 'knex';
import { conflict, notFound, ruleViolated } from '../../errors';
import {
  deleteInterestTheme,
  existingThemeIds,
  findInterestTheme,
  findInterestThemeByLabel,
  insertInterestTheme,
  listInterestThemes,
  renameInterestTheme,
  replaceThemeIds,
  themeIdsOf,
} from '../../db/interest-themes';
import type { InterestTheme, MyInterests, MyInterestsInput } from '../../protocol/newsletters';

const present = (r: { id: number; label: string }): InterestTheme => ({ id: Number(r.id), label: r.label });

export async function interestThemes(db: Knex): Promise<InterestTheme[]> {
  return (await listInterestThemes(db)).map(present);
}

const taken = () => conflict('interest_theme_taken', 'Ce thème existe déjà.', { fields: { label: 'Ce thème existe déjà.' } });

export async function addInterestTheme(db: Knex, label: string): Promise<InterestTheme> {
  if (await findInterestThemeByLabel(db, label)) throw taken();
  return present(await insertInterestTheme(db, label));
}

export async function changeInterestTheme(db: Knex, id: number, label: string): Promise<InterestTheme> {
  if (!(await findInterestTheme(db, id))) throw notFound('Thème');
  const same = await findInterestThemeByLabel(db, label);
  if (same && same.id !== id) throw taken();
  await renameInterestTheme(db, id, label);
  return present((await findInterestTheme(db, id))!);
}

export async function removeInterestTheme(db: Knex, id: number): Promise<void> {
  if (!(await deleteInterestTheme(db, id))) throw notFound('Thème');
}

export async function myInterests(db: Knex, userId: number): Promise<MyInterests> {
  const [themes, interests, subscriptions] = await Promise.all([
    interestThemes(db),
    themeIdsOf(db, 'user_interests', userId),
    themeIdsOf(db, 'newsletter_subscriptions', userId),
  ]);
  return { themes, interests, subscriptions };
}

/** Replaces both sets at once; a theme deleted meanwhile is refused with a clear message (nothing is half saved). */
export async function saveMyInterests(db: Knex, userId: number, input: MyInterestsInput): Promise<MyInterests> {
  const interests = [...new Set(input.interests)];
  const subscriptions = [...new Set(input.subscriptions)];
  const all = [...new Set([...interests, ...subscriptions])];
  if ((await existingThemeIds(db, all)).length !== all.length) {
    throw ruleViolated('newsletter_no_theme', 'Un des thèmes choisis n’existe plus : rechargez la page.');
  }
  await db.transaction(async (trx) => {
    await replaceThemeIds(trx, 'user_interests', userId, interests);
    await replaceThemeIds(trx, 'newsletter_subscriptions', userId, subscriptions);
  });
  return myInterests(db, userId);
}
