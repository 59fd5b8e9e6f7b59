import type { Knex } from 'knex';
import type { UserRow } from './users';

/** A file of the person's to put in their export. */
export interface PersonalFile {
  sha256: string;
  name: string;
}

/** Every row about a user, per kind (the export's JSON files), and the files they uploaded. */
export async function personalDataRows(db: Knex, user: UserRow): Promise<{ kinds: Record<string, unknown[]>; files: PersonalFile[] }> {
  const id = user.id;
  const { password_hash: _hash, ...profile } = user;
  const kinds: Record<string, unknown[]> = {
    profil: [profile],
    sessions: await db('sessions')
      .where({ user_id: id })
      .orderBy('id')
      .select('id', 'created_at', 'expires_at', 'revoked_at', 'ip', 'user_agent', 'acr', 'amr'),
    identites: await db('user_identities').where({ user_id: id }).orderBy('id').select('issuer', 'subject', 'created_at', 'last_login_at'),
    messages: await db('messages')
      .where({ author_id: id })
      .orderBy('id')
      .select('id', 'channel_id', 'seq', 'body', 'created_at', 'edited_at', 'deleted_at', 'reply_to_id'),
    publications: await db('posts').where({ author_id: id }).orderBy('id'),
    commentaires: await db('comments').where({ author_id: id }).orderBy('id'),
    reactions: await db('reactions').where({ user_id: id }),
    salons: await db('channel_members').where({ user_id: id }),
    groupes: await db('group_members').where({ user_id: id }),
    demandes_adhesion: await db('join_requests').where({ user_id: id }).orderBy('id'),
    notifications: await db('notifications').where({ user_id: id }).orderBy('id'),
    reglages_notifications: await db('notification_settings').where({ user_id: id }),
    hotline_demandes: await db('hotline_tickets').where({ requester_id: id }).orderBy('id'),
    hotline_notes: await db('hotline_notes').where({ author_id: id }).orderBy('id'),
    inscriptions_evenements: await db('event_registrations').where({ user_id: id }),
    documents: await db('documents').where({ uploader_id: id }).orderBy('id'),
  };
  const files: PersonalFile[] = [];
  if (user.avatar_sha256)
    files.push({ sha256: user.avatar_sha256, name: `photo-de-profil.${(user.avatar_mime ?? 'image/png').split('/')[1]}` });
  for (const d of kinds.documents as { sha256: string; filename: string }[]) files.push({ sha256: d.sha256, name: d.filename });
  return { kinds, files };
}

/** How big an export would be: rows written by the person and bytes of their files (decides building it in the background). */
export async function personalDataVolume(db: Knex, userId: number): Promise<{ rows: number; bytes: number }> {
  const count = async (table: string, column: string) => Number((await db(table).where(column, userId).count({ n: '*' }).first())?.n ?? 0);
  const rows =
    (await count('messages', 'author_id')) +
    (await count('posts', 'author_id')) +
    (await count('comments', 'author_id')) +
    (await count('notifications', 'user_id'));
  const bytes = Number((await db('documents').where({ uploader_id: userId }).sum({ s: 'size' }).first())?.s ?? 0);
  return { rows, bytes };
}
