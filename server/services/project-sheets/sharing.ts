/**
 * Sharing a sheet by address. An address with a validated professional
 * account gets access at once (notified and mailed); any other address is
 * mailed an invitation, and the share gives access only once an account with
 * that address is a validated professional (access/project-sheets.ts checks
 * the type at every request). Revoking deletes the share: the caller moves
 * the person's sockets out of the sheet's room on every node.
 */
import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import { AppError, conflict, notFound } from '../../errors';
import {
  deleteShare,
  findShare,
  findShareByEmail,
  insertShare,
  sharesOfSheet,
  sheetsSharedWith,
  type SheetShareRow,
} from '../../db/sheet-shares';
import { findUserByEmail, findUserById, type UserRow } from '../../db/users';
import type { ProjectSheetRow } from '../../db/project-sheets';
import type { NotificationRow } from '../../db/notifications';
import { accompaniesCreators } from '../../access/project-sheets';
import { displayName, presentAuthor } from '../../presenters/users';
import { iso } from '../../presenters/time';
import { notify } from '../notifications/notifications';
import { sheetInvitationMail, sheetSharedMail } from './mails';
import type { SheetShare, SheetShareList } from '../../protocol/project-sheets';

/** The account a share names: by id when it was known at share time, else by address. */
async function personOf(db: Knex, s: SheetShareRow): Promise<UserRow | undefined> {
  return s.user_id ? findUserById(db, s.user_id) : findUserByEmail(db, s.email);
}

async function present(db: Knex, s: SheetShareRow): Promise<SheetShare> {
  const user = await personOf(db, s);
  return {
    id: Number(s.id),
    email: s.email,
    person: user ? presentAuthor(user) : null,
    status: user && accompaniesCreators(user) ? 'active' : 'invited',
    createdAt: iso(s.created_at),
  };
}

export async function listShares(db: Knex, sheet: ProjectSheetRow): Promise<SheetShareList> {
  const items: SheetShare[] = [];
  for (const s of await sharesOfSheet(db, sheet.id)) items.push(await present(db, s));
  return { items };
}

/** What a share did: the share, and the notification to push when access was given at once. */
export interface ShareResult {
  share: SheetShare;
  notifications: NotificationRow[];
}

export async function shareSheet(deps: Deps, actor: UserRow, sheet: ProjectSheetRow, email: string): Promise<ShareResult> {
  const { db, config } = deps;
  if (email === actor.email.toLowerCase())
    throw new AppError('cannot_share_with_self', 422, 'C’est votre propre adresse : partagez avec un professionnel.', {
      fields: { email: 'Indiquez l’adresse d’un professionnel.' },
    });
  if (await findShareByEmail(db, sheet.id, email))
    throw conflict('already_shared', 'Ce projet est déjà partagé avec cette adresse.', {
      fields: { email: 'Déjà partagé avec cette adresse.' },
    });
  const user = await findUserByEmail(db, email);
  const row = await insertShare(db, sheet.id, email, user?.id ?? null);
  const creator = displayName(actor);
  const notifications: NotificationRow[] = [];
  if (user && accompaniesCreators(user)) {
    const link = `${config.publicUrl}/projets/${sheet.id}`;
    notifications.push(
      await notify(db, user.id, 'sheet_shared', { sheetId: sheet.id, title: sheet.title, creator: { displayName: creator } }),
    );
    await deps.mailer.send({ to: user.email, ...sheetSharedMail(user.first_name, creator, sheet.title, link) });
  } else {
    const link = user ? `${config.publicUrl}/profil` : `${config.publicUrl}/inscription?email=${encodeURIComponent(email)}`;
    await deps.mailer.send({ to: email, ...sheetInvitationMail(creator, sheet.title, link, !!user) });
  }
  return { share: await present(db, row), notifications };
}

/** Deletes a share; answers the account it named (to take out of the sheet's room), if any. */
export async function revokeShare(db: Knex, sheet: ProjectSheetRow, shareId: number): Promise<{ userId: number | null }> {
  const share = await findShare(db, sheet.id, shareId);
  if (!share) throw notFound('Partage');
  const user = await personOf(db, share);
  await deleteShare(db, share.id);
  return { userId: user?.id ?? null };
}

/**
 * Once an account becomes a validated professional, the sheets shared with
 * its address while it was not one open to it: it is told which (the
 * accepted-type mail says the account is validated; this says what waits).
 */
export async function notifyWaitingShares(db: Knex, user: UserRow): Promise<NotificationRow[]> {
  if (!accompaniesCreators(user)) return [];
  const out: NotificationRow[] = [];
  for (const sheet of await sheetsSharedWith(db, user)) {
    const creator = await findUserById(db, sheet.owner_id);
    out.push(
      await notify(db, user.id, 'sheet_shared', {
        sheetId: sheet.id,
        title: sheet.title,
        creator: { displayName: creator ? displayName(creator) : '' },
      }),
    );
  }
  return out;
}
