/**
 * A group's moderator promotes a document of its bank to the library: a copy
 * (the same stored bytes, the document's title and description unless new
 * ones are given) that keeps a link to its source. The resource belongs to
 * the group, so it goes on line at once for its moderators (they publish
 * directly in their group) and the group's members are told.
 */
import type { Deps } from '../../deps';
import type { UserRow } from '../../db/users';
import type { PromoteBody } from '../../protocol/resources';
import { promoteBody } from '../../protocol/resources';
import { accessDocumentToPromote } from '../../access/resources';
import { accessResourceDraft } from '../../access/resources';
import { moderates, publishesDirectly } from '../../access/publishing';
import { parseInput } from '../../validation';
import { categoriesFor, checkReferences } from './categories';
import { saveResource, type SavedResource } from './resources';
import { presentResourceDraft } from '../../presenters/resources';

export async function promoteDocument(deps: Deps, actor: UserRow, documentId: number, body: PromoteBody): Promise<SavedResource> {
  const { document: d, group } = await accessDocumentToPromote(deps.db, actor, documentId);
  const input = parseInput(promoteBody, body);
  await checkReferences(deps.db, input);
  const direct = await publishesDirectly(deps.db, actor, group.id);
  const description = input.description ?? d.description ?? `Document du groupe ${group.name}.`;
  const { id, notifications } = await deps.db.transaction((trx) =>
    saveResource(
      trx,
      actor,
      null,
      {
        title: input.title ?? d.title,
        description: description.length >= 3 ? description : `Document du groupe ${group.name}.`,
        resource_type: input.type,
        format: 'file',
        url: null,
        file_sha256: d.sha256,
        file_name: d.filename,
        file_mime: d.mime_type,
        file_size: Number(d.size),
        access: input.access,
        application_id: input.applicationId,
        group_id: group.id,
        source_document_id: d.id,
      },
      input,
      true,
      direct,
    ),
  );
  const r = await accessResourceDraft(deps.db, actor, id);
  const cats = (await categoriesFor(deps.db, [id])).get(id)!;
  return { resource: presentResourceDraft(r, cats, await moderates(deps.db, actor, r.group_id)), notifications };
}
