/**
 * "Mes données" for large accounts: the archive is built in the background
 * into $DATA_DIR/exports, then its link (valid 7 days, sign-in required) goes
 * out by notification and e-mail. Small accounts download at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Deps } from '../../deps';
import { notFound } from '../../errors';
import type { UserRow } from '../../db/users';
import { personalDataVolume } from '../../db/personal-data';
import { findReadyExport, insertExport, setExportStatus, takeExpiredExports } from '../../db/personal-data-exports';
import { personalDataReadyMail } from '../../mail-templates';
import { inBackground } from '../../background';
import { notify } from '../notifications/notifications';
import { hashToken, newSecretToken } from './passwords';
import { streamPersonalDataZip } from './personal-data-export';

/** How long a background archive's link works. */
export const ARCHIVE_TTL_MS = 7 * 86400_000;

const archiveFile = (dataDir: string, id: number) => path.join(dataDir, 'exports', `${id}.zip`);

/** What asking for "Mes données" gives: a download now, or an archive on its way. */
export type ExportRequest = { status: 'direct'; downloadUrl: string } | { status: 'building'; expiresAt: Date };

/** Decides between a download now and a background archive, and starts the latter. */
export async function requestPersonalDataExport(deps: Deps, user: UserRow): Promise<ExportRequest> {
  const volume = await personalDataVolume(deps.db, user.id);
  if (volume.rows <= deps.config.exportSyncMaxRows && volume.bytes <= deps.config.exportSyncMaxMb * 1024 * 1024) {
    return { status: 'direct', downloadUrl: '/api/me/export' };
  }
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + ARCHIVE_TTL_MS);
  const row = await insertExport(deps.db, { userId: user.id, tokenHash: hash, expiresAt });
  inBackground(deps.log, 'personal data archive', buildArchive(deps, user, row.id, token));
  return { status: 'building', expiresAt };
}

/** Writes the archive, then tells its owner where to get it. */
async function buildArchive(deps: Deps, user: UserRow, id: number, token: string): Promise<void> {
  const file = archiveFile(deps.config.dataDir, id);
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await pipeline(await streamPersonalDataZip(deps, user), fs.createWriteStream(file));
    await setExportStatus(deps.db, id, 'ready');
  } catch (err) {
    await setExportStatus(deps.db, id, 'failed');
    throw err;
  }
  const downloadPath = `/api/me/exports/${token}`;
  await notify(deps.db, user.id, 'personal_data_ready', { downloadPath });
  await deps.mailer.send({ to: user.email, ...personalDataReadyMail(user.first_name, `${deps.config.publicUrl}${downloadPath}`) });
}

/** The file of one of the caller's ready, unexpired archives; anything else is not found. */
export async function personalDataArchive(deps: Deps, user: UserRow, token: string): Promise<string> {
  const row = await findReadyExport(deps.db, user.id, hashToken(token));
  const file = row ? archiveFile(deps.config.dataDir, row.id) : null;
  if (!file || !fs.existsSync(file)) throw notFound('Archive');
  return file;
}

/** Deletes expired archives (rows and files); answers how many went. */
export async function purgeExpiredArchives(deps: Pick<Deps, 'db' | 'config'>, now = new Date()): Promise<number> {
  const ids = await takeExpiredExports(deps.db, now);
  for (const id of ids) await fs.promises.rm(archiveFile(deps.config.dataDir, id), { force: true });
  return ids.length;
}
