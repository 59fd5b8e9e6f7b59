/** Retention of the mail outbox: .eml copies older than MAIL_OUTBOX_RETENTION_DAYS are deleted (they hold personal data). */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';

/** Deletes the outbox's .eml files last written before the retention window; answers how many went. */
export async function purgeOldOutboxMail(
  config: Pick<Config, 'mailOutboxDir' | 'mailOutboxRetentionDays'>,
  now = new Date(),
): Promise<number> {
  if (!(config.mailOutboxRetentionDays > 0)) return 0;
  const limit = now.getTime() - config.mailOutboxRetentionDays * 86400_000;
  const names = await fs.readdir(config.mailOutboxDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.eml')) continue;
    const file = path.join(config.mailOutboxDir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && stat.mtimeMs < limit) {
      await fs.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
