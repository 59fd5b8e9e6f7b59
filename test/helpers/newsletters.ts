/** Newsletter test helpers: subscribers, a published article, an issue ready to send. */
import { expect } from 'chai';
import { api } from './http';
import { makeUser } from './factories';
import type { TestServer } from './server';

/** The first `n` theme ids of the seeded list. */
export async function themeIds(s: TestServer, n = 2): Promise<number[]> {
  const rows = await s.db('interest_themes').orderBy('position').limit(n).select('id');
  return rows.map((r: { id: number }) => Number(r.id));
}

/** `n` active members subscribed to `themeId` (straight into the database: the API is tested elsewhere). */
export async function subscribers(s: TestServer, themeId: number, n: number, prefix = 'abonne'): Promise<{ id: number; email: string }[]> {
  const out: { id: number; email: string }[] = [];
  for (let i = 0; i < n; i++) {
    const tag = `${prefix}${i}-${Math.random().toString(36).slice(2, 7)}`;
    const u = await makeUser(s.db, {
      email: `${tag}@exemple.fr`,
      username: tag.replace(/[^a-z0-9]/g, '.').slice(0, 28),
      firstName: 'Abonné',
    });
    await s.db('newsletter_subscriptions').insert({ user_id: u.id, theme_id: themeId, created_at: new Date() });
    out.push({ id: u.id, email: u.email });
  }
  return out;
}

/** An article the animator publishes at once; answers its id. */
export async function publishArticle(s: TestServer, token: string, title: string, access: 'public' | 'pro' = 'public'): Promise<number> {
  const res = await api(s.url, { token }).post('/api/articles', {
    title,
    summary: `Résumé de ${title}.`,
    body: 'Le texte.',
    access,
    submit: true,
  });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  const row = await s.db('articles').where({ id: res.body.id }).first();
  expect(row.published_at, 'published at once').to.not.equal(null);
  return Number(res.body.id);
}

/** A draft issue to these themes with these contents; answers its id. */
export async function draftIssue(
  s: TestServer,
  token: string,
  themes: number[],
  items: { kind: string; id: number }[],
  title = 'Lettre de décembre',
) {
  const res = await api(s.url, { token }).post('/api/newsletters', {
    title,
    intro: 'Bonjour à toutes et à tous.\n\nVoici les nouvelles.',
    themeIds: themes,
    items,
  });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return Number(res.body.id);
}
