import type { Knex } from 'knex';
import type { UserRow } from './users';
import { namedBallotsOf } from './polls';

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
    ...(await networkRows(db, user)),
    // Named polls only: an anonymous ballot carries no user id, so it is in nobody's export.
    votes_sondages: await namedBallotsOf(db, id),
    suggestions: await db('suggestions').where({ author_id: id }).orderBy('id'),
    votes_suggestions: await db('suggestion_votes').where({ user_id: id }),
  };
  const files: PersonalFile[] = [];
  if (user.avatar_sha256)
    files.push({ sha256: user.avatar_sha256, name: `photo-de-profil.${(user.avatar_mime ?? 'image/png').split('/')[1]}` });
  for (const d of kinds.documents as { sha256: string; filename: string }[]) files.push({ sha256: d.sha256, name: d.filename });
  for (const a of kinds.articles as {
    id: number;
    image_sha256: string | null;
    image_mime: string | null;
    published_image_sha256: string | null;
    published_image_mime: string | null;
  }[]) {
    const ext = (mime: string | null) => (mime ?? 'image/png').split('/')[1];
    if (a.image_sha256) files.push({ sha256: a.image_sha256, name: `article-${a.id}-image.${ext(a.image_mime)}` });
    if (a.published_image_sha256 && a.published_image_sha256 !== a.image_sha256)
      files.push({ sha256: a.published_image_sha256, name: `article-${a.id}-image-publiee.${ext(a.published_image_mime)}` });
  }
  return { kinds, files };
}

/**
 * The rows of the organisations, publishing, account types, booking and
 * favourites domains (#16–#18). Secrets (token hashes, push keys) are left out.
 */
async function networkRows(db: Knex, user: UserRow): Promise<Record<string, unknown[]>> {
  const id = user.id;
  const typeLabels = new Map(
    (await db('account_types').select('key', 'label')).map((t: { key: string; label: string }) => [t.key, t.label]),
  );
  return {
    organisation: await db('organisation_members as m')
      .join('organisations as o', 'o.id', 'm.organisation_id')
      .where('m.user_id', id)
      .select('o.id as organisation_id', 'o.name', 'o.type', 'o.commune_code', 'm.manages_members', 'm.created_at'),
    demandes_organisation: await db('organisation_requests').where({ requester_email: user.email }).orderBy('id'),
    type_de_compte: [
      {
        type: user.account_type ?? 'membre',
        libelle: typeLabels.get(user.account_type ?? 'membre') ?? null,
        type_demande: user.requested_account_type ?? null,
        libelle_demande: user.requested_account_type ? (typeLabels.get(user.requested_account_type) ?? null) : null,
        demande_le: user.account_type_requested_at ?? null,
      },
    ],
    articles: await db('articles').where({ author_id: id }).orderBy('id'),
    recommandations: await db('recommendations').where({ sender_id: id }).orderBy('id'),
    page_rendez_vous: await db('booking_pages').where({ user_id: id }),
    rendez_vous: await db('appointments')
      .where({ host_id: id })
      .orderBy('starts_at')
      .select(
        'id',
        'starts_at',
        'ends_at',
        'place_label',
        'canal',
        'commune_code',
        'theme',
        'name',
        'email',
        'phone',
        'message',
        'cancelled_at',
        'created_at',
      ),
    favoris: await db('favorites').where({ user_id: id }).orderBy('created_at'),
    changements_adresse: await db('email_changes')
      .where({ user_id: id })
      .orderBy('id')
      .select('new_email', 'created_at', 'expires_at', 'used_at'),
    reactions_messages: await db('message_reactions').where({ user_id: id }).select('message_id', 'emoji', 'created_at'),
    fils_suivis: await db('thread_follows').where({ user_id: id }).select('root_id', 'following', 'updated_at'),
    appareils_notifies: await db('push_subscriptions').where({ user_id: id }).select('endpoint', 'created_at'),
  };
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
