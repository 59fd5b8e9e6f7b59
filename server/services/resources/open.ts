/** Opening a resource: its file or its link, counted once per opening (popularity). */
import type { Deps } from '../../deps';
import type { UserRow } from '../../db/users';
import { countOpen, type ResourceWithAuthor } from '../../db/resources';
import { accessPublishedResource, accessResourceDraft } from '../../access/resources';
import { notFound } from '../../errors';

/** What the route sends: a stored file, or a redirection to the link. */
export type Opened = { file: { sha256: string; mimeType: string; filename: string } } | { url: string };

const opened = (sha: string | null, mime: string | null, name: string | null, url: string | null): Opened => {
  if (sha && mime) return { file: { sha256: sha, mimeType: mime, filename: name ?? 'ressource' } };
  if (url) return { url };
  throw notFound('Fichier');
};

/** The published version's file or link for a reader (visitors: public resources only), counted. */
export async function openResource(deps: Deps, user: UserRow | null, id: number): Promise<Opened> {
  const r: ResourceWithAuthor = await accessPublishedResource(deps.db, user, id);
  const out = opened(r.published_file_sha256, r.published_file_mime, r.published_file_name, r.published_url);
  await countOpen(deps.db, r.id);
  return out;
}

/** The working copy's file, for its author and moderators (not counted). */
export async function openDraftFile(deps: Deps, user: UserRow, id: number): Promise<Opened & { file: unknown }> {
  const r = await accessResourceDraft(deps.db, user, id);
  const out = opened(r.file_sha256, r.file_mime, r.file_name, null);
  if (!('file' in out)) throw notFound('Fichier');
  return out;
}
