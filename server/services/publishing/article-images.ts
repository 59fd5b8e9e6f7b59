/**
 * An article's optional image: the author sets it on the working copy (it
 * goes on line with the next publication, like the text); readers get the
 * published one, the author and moderators the working copy's. Types are read
 * from the bytes; the file goes to the content-addressed store.
 */
import fs from 'node:fs/promises';
import type { Deps } from '../../deps';
import { AppError, forbidden, notFound } from '../../errors';
import type { UserRow } from '../../db/users';
import { updateArticle } from '../../db/articles';
import { sniffType, storeFile, type ReceivedFile } from '../../files';
import { accessArticleDraft, accessPublishedArticle } from '../../access/publishing';
import { getArticleDraft } from './articles';
import type { ArticleDraft } from '../../protocol/publishing';

export const ARTICLE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** The article, if `author` may change its image (before anything is received). */
export async function ownDraft(deps: Deps, author: UserRow, id: number) {
  const a = await accessArticleDraft(deps.db, author, id);
  if (a.author_id !== author.id) throw forbidden('Seul l’auteur modifie son contenu.');
  if (a.status === 'rejected') throw new AppError('content_rejected', 422, 'Ce contenu a été refusé : il ne peut plus être modifié.');
  return a;
}

/** Sets the working copy's image and its text alternative (`alt`, already checked). */
export async function setArticleImage(deps: Deps, author: UserRow, id: number, file: ReceivedFile, alt: string): Promise<ArticleDraft> {
  try {
    await ownDraft(deps, author, id);
  } catch (err) {
    await fs.rm(file.tmpPath, { force: true });
    throw err;
  }
  const type = await sniffType(file.tmpPath);
  if (!type || !IMAGE_TYPES.has(type.mime)) {
    await fs.rm(file.tmpPath, { force: true });
    throw new AppError('unsupported_type', 415, 'L’image doit être au format PNG, JPEG ou WebP.');
  }
  await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
  await updateArticle(deps.db, id, { image_sha256: file.sha256, image_mime: type.mime, image_alt: alt });
  return getArticleDraft(deps, author, id);
}

export async function removeArticleImage(deps: Deps, author: UserRow, id: number): Promise<ArticleDraft> {
  await ownDraft(deps, author, id);
  await updateArticle(deps.db, id, { image_sha256: null, image_mime: null, image_alt: null });
  return getArticleDraft(deps, author, id);
}

/** The stored image to send: the published one (members, or visitors for a public article) or the working copy's (`draft`). */
export async function articleImage(
  deps: Deps,
  user: UserRow | null,
  id: number,
  draft: boolean,
): Promise<{ sha256: string; mime: string }> {
  const a = draft && user ? await accessArticleDraft(deps.db, user, id) : await accessPublishedArticle(deps.db, user, id);
  const sha256 = draft ? a.image_sha256 : a.published_image_sha256;
  const mime = draft ? a.image_mime : a.published_image_mime;
  if (!sha256 || !mime) throw notFound('Image');
  return { sha256, mime };
}
