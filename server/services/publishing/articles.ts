/**
 * Articles: an author writes a draft, submits it (or publishes it at once
 * where they publish directly), edits it after a return; an edit of a
 * published article by someone who does not publish directly goes back to
 * moderation while the published version stays on line.
 */
import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import type { ArticleDraft, ArticleInput, ArticleSummary, ContentStatus, PublishedArticle } from '../../protocol/publishing';
import { forbidden, invalidPayload, notFound, ruleViolated } from '../../errors';
import type { UserRow } from '../../db/users';
import {
  articlesOf,
  insertArticle,
  publishedArticles,
  updateArticle,
  type ArticleFilter,
  type ArticleRow,
  type ArticleWithAuthor,
} from '../../db/articles';
import { categoriesOf, setCategories } from '../../db/article-categories';
import { countSectors } from '../../db/sectors';
import { departmentExists } from '../../db/departments';
import { findGroupMember } from '../../db/groups';
import { accessArticleDraft, accessPublishedArticle, canWriteContents, moderates, publishesDirectly } from '../../access/publishing';
import { presentArticleDraft, presentArticleSummary, presentPublishedArticle } from '../../presenters/publishing';

async function checkCategories(db: Knex, input: ArticleInput): Promise<void> {
  for (const code of input.departmentCodes) {
    if (!(await departmentExists(db, code)))
      throw invalidPayload('Département inconnu.', { fields: { departmentCodes: `Département inconnu : ${code}.` } });
  }
  if ((await countSectors(db, [...new Set(input.sectorIds)])) !== new Set(input.sectorIds).size) {
    throw invalidPayload('Secteur inconnu.', { fields: { sectorIds: 'Secteur inconnu.' } });
  }
}

/** A group's contents are written by its members; `not_found` for a group the author is not in. */
async function checkGroup(db: Knex, author: UserRow, groupId: number | null): Promise<void> {
  if (groupId === null) return;
  const m = await findGroupMember(db, groupId, author.id);
  if (m?.status !== 'member') throw notFound('Groupe');
}

/** The columns a save writes: the working copy, its status, and the published version when it goes on line now. */
function saveColumns(input: ArticleInput, direct: boolean, now: Date): Partial<ArticleRow> {
  const status: ContentStatus = !input.submit ? 'draft' : direct ? 'published' : 'submitted';
  const row: Partial<ArticleRow> = {
    status,
    access: input.access,
    title: input.title,
    summary: input.summary,
    body: input.body,
    group_id: input.groupId,
    submitted_at: input.submit ? now : null,
  };
  if (status === 'published') {
    Object.assign(row, {
      published_title: input.title,
      published_summary: input.summary,
      published_body: input.body,
      published_access: input.access,
      published_at: now,
      moderation_comment: null,
    });
  }
  return row;
}

/** The published columns of the working copy's image and its text alternative (they go on line with the text). */
export const publishedImage = (a: Pick<ArticleRow, 'image_sha256' | 'image_mime' | 'image_alt'>): Partial<ArticleRow> => ({
  published_image_sha256: a.image_sha256,
  published_image_mime: a.image_mime,
  published_image_alt: a.image_sha256 ? (a.image_alt ?? null) : null,
});

/**
 * The image's text alternative after this save: the one sent, or the stored
 * one. An image needs one: emptying it, or submitting without one, is refused.
 */
function altAfterSave(a: Pick<ArticleRow, 'image_sha256' | 'image_alt'>, input: ArticleInput): string | null {
  const alt = input.imageAlt !== undefined ? input.imageAlt || null : (a.image_alt ?? null);
  if (a.image_sha256 && !alt && (input.imageAlt !== undefined || input.submit)) {
    const message = 'Décrivez l’image pour les personnes qui ne la voient pas (texte alternatif).';
    throw invalidPayload(message, { fields: { imageAlt: message } });
  }
  return alt;
}

async function draftView(db: Knex, user: UserRow, a: ArticleWithAuthor): Promise<ArticleDraft> {
  const cats = (await categoriesOf(db, [a.id])).get(a.id)!;
  return presentArticleDraft(a, cats, await moderates(db, user, a.group_id));
}

export async function createArticle(deps: Deps, author: UserRow, input: ArticleInput): Promise<ArticleDraft> {
  if (!canWriteContents(author)) throw forbidden('Votre type de compte ne permet pas d’écrire des contenus.');
  await checkCategories(deps.db, input);
  await checkGroup(deps.db, author, input.groupId);
  const direct = await publishesDirectly(deps.db, author, input.groupId);
  const id = await deps.db.transaction(async (trx) => {
    const base = saveColumns(input, direct, new Date());
    const row = await insertArticle(trx, {
      author_id: author.id,
      moderation_comment: null,
      moderated_by: null,
      moderated_at: null,
      published_title: null,
      published_summary: null,
      published_body: null,
      published_access: null,
      published_at: null,
      image_sha256: null,
      image_mime: null,
      published_image_sha256: null,
      published_image_mime: null,
      ...(base as Required<Pick<ArticleRow, 'status' | 'access' | 'title' | 'summary' | 'body' | 'group_id' | 'submitted_at'>>),
    });
    await setCategories(trx, row.id, input.departmentCodes, input.sectorIds);
    return row.id;
  });
  return draftView(deps.db, author, (await accessArticleDraft(deps.db, author, id))!);
}

/** The author saves a new working copy (a rejected article stays rejected: 422 `content_rejected`). */
export async function editArticle(deps: Deps, author: UserRow, id: number, input: ArticleInput): Promise<ArticleDraft> {
  const a = await accessArticleDraft(deps.db, author, id);
  if (a.author_id !== author.id) throw forbidden('Seul l’auteur modifie son contenu.');
  if (a.status === 'rejected') throw ruleViolated('content_rejected', 'Ce contenu a été refusé : il ne peut plus être modifié.');
  await checkCategories(deps.db, input);
  await checkGroup(deps.db, author, input.groupId);
  const direct = await publishesDirectly(deps.db, author, input.groupId);
  const imageAlt = altAfterSave(a, input);
  await deps.db.transaction(async (trx) => {
    const row = { ...saveColumns(input, direct, new Date()), image_alt: a.image_sha256 ? imageAlt : null };
    await updateArticle(trx, id, row.status === 'published' ? { ...row, ...publishedImage({ ...a, image_alt: imageAlt }) } : row);
    await setCategories(trx, id, input.departmentCodes, input.sectorIds);
  });
  return draftView(deps.db, author, await accessArticleDraft(deps.db, author, id));
}

/** The working copy, for its author and its moderators. */
export async function getArticleDraft(deps: Deps, user: UserRow, id: number): Promise<ArticleDraft> {
  return draftView(deps.db, user, await accessArticleDraft(deps.db, user, id));
}

/** The published version (members: public and pro; visitors: public only). */
export async function readArticle(deps: Deps, user: UserRow | null, id: number): Promise<PublishedArticle> {
  const a = await accessPublishedArticle(deps.db, user, id);
  return presentPublishedArticle(a, (await categoriesOf(deps.db, [a.id])).get(a.id));
}

type PageOf<T> = { items: T[]; nextCursor: number | null };

async function page<T>(
  db: Knex,
  rows: ArticleWithAuthor[],
  f: ArticleFilter,
  present: (a: ArticleWithAuthor, c: Awaited<ReturnType<typeof categoriesOf>>) => T,
): Promise<PageOf<T>> {
  const shown = rows.slice(0, f.limit);
  const cats = await categoriesOf(
    db,
    shown.map((a) => a.id),
  );
  return { items: shown.map((a) => present(a, cats)), nextCursor: rows.length > f.limit ? f.offset + f.limit : null };
}

/** Published articles, newest first (visitors: public ones only). */
export async function listPublished(deps: Deps, f: ArticleFilter, publicOnly: boolean): Promise<PageOf<ArticleSummary>> {
  const rows = await publishedArticles(deps.db, { ...f, limit: f.limit + 1 }, publicOnly);
  return page(deps.db, rows, f, (a, c) => presentArticleSummary(a, c.get(a.id)));
}

/** "Mes contenus": everything I wrote, any status. */
export async function listMine(deps: Deps, author: UserRow, f: ArticleFilter & { status?: ContentStatus }): Promise<PageOf<ArticleDraft>> {
  const rows = await articlesOf(deps.db, author.id, { ...f, limit: f.limit + 1 });
  return page(deps.db, rows, f, (a, c) => presentArticleDraft(a, c.get(a.id)!, false));
}
