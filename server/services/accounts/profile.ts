import fs from 'node:fs/promises';
import type { Deps } from '../../deps';
import type { ProfileChanges as ParsedProfileChanges } from '../../protocol/accounts';
import { AppError } from '../../errors';
import { updateUser, type UserRow } from '../../db/users';
import { sniffType, storeFile } from '../../files';
import type { ReceivedFile } from '../../files';
import { assertDepartment } from './accounts';
import { normalizePhone } from './phone';

/** The changes a member makes to their own profile (PATCH /api/me). */
export type ProfileChanges = ParsedProfileChanges;

/** Applies the changes a member makes to their own profile. */
export async function updateProfile(deps: Deps, user: UserRow, changes: ProfileChanges): Promise<UserRow> {
  if (changes.departmentCode !== undefined) await assertDepartment(deps, changes.departmentCode);
  const row: Partial<UserRow> = {};
  if (changes.civility !== undefined) row.civility = changes.civility;
  if (changes.firstName !== undefined) row.first_name = changes.firstName;
  if (changes.lastName !== undefined) row.last_name = changes.lastName;
  if (changes.departmentCode !== undefined) row.department_code = changes.departmentCode;
  if (changes.phone !== undefined) row.phone = normalizePhone(changes.phone);
  if (changes.employer !== undefined) row.employer = changes.employer;
  if (changes.jobTitle !== undefined) row.job_title = changes.jobTitle;
  if (changes.city !== undefined) row.city = changes.city;
  if (changes.bio !== undefined) row.bio = changes.bio;
  if (Object.keys(row).length === 0) return user;
  return updateUser(deps.db, user.id, row);
}

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
const AVATAR_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Sets the profile photo after checking its type from its bytes (PNG, JPEG or WebP). */
export async function setAvatar(deps: Deps, user: UserRow, file: ReceivedFile): Promise<UserRow> {
  const type = await sniffType(file.tmpPath);
  if (!type || !AVATAR_TYPES.has(type.mime)) {
    await fs.rm(file.tmpPath, { force: true });
    throw new AppError('unsupported_type', 415, 'La photo doit être une image PNG, JPEG ou WebP.');
  }
  await storeFile(deps.config.dataDir, file.tmpPath, file.sha256);
  return updateUser(deps.db, user.id, { avatar_sha256: file.sha256, avatar_mime: type.mime });
}

export async function removeAvatar(deps: Deps, user: UserRow): Promise<UserRow> {
  return updateUser(deps.db, user.id, { avatar_sha256: null, avatar_mime: null });
}
