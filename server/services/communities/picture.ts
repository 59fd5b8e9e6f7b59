/** A group's picture: set or removed by its managers, read by whoever sees the group. Types are read from the bytes. */
import fs from 'node:fs/promises';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { accessGroup, accessGroupAsManager } from '../../access/groups';
import { updateGroup, type GroupRow } from '../../db/groups';
import type { UserRow } from '../../db/users';
import { sniffType, storeFile, type ReceivedFile } from '../../files';

export const GROUP_PICTURE_MAX_BYTES = 3 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Checks the right before a byte is stored. */
export const assertPictureEditor = (deps: Deps, actor: UserRow, groupId: number) => accessGroupAsManager(deps.db, actor, groupId);

export async function setGroupPicture(deps: Deps, actor: UserRow, groupId: number, file: ReceivedFile): Promise<GroupRow> {
  try {
    await assertPictureEditor(deps, actor, groupId);
    const type = await sniffType(file.tmpPath);
    if (!type || !IMAGE_TYPES.has(type.mime)) throw new AppError('unsupported_type', 415, 'L’image doit être au format PNG, JPEG ou WebP.');
    await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
    return await updateGroup(deps.db, groupId, { picture_sha256: file.sha256, picture_mime: type.mime });
  } finally {
    await fs.rm(file.tmpPath, { force: true });
  }
}

export async function removeGroupPicture(deps: Deps, actor: UserRow, groupId: number): Promise<GroupRow> {
  await assertPictureEditor(deps, actor, groupId);
  return updateGroup(deps.db, groupId, { picture_sha256: null, picture_mime: null });
}

/** The stored picture, if the viewer sees the group. */
export async function groupPicture(deps: Deps, viewer: UserRow, groupId: number): Promise<{ sha256: string; mime: string }> {
  const { group } = await accessGroup(deps.db, viewer, groupId);
  if (!group.picture_sha256 || !group.picture_mime) throw notFound('Image');
  return { sha256: group.picture_sha256, mime: group.picture_mime };
}
