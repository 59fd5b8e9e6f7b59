import type { MessageFileRow } from '../db/message-files';
import type { ReactionWithName } from '../db/message-reactions';
import type { MessageFile, ReactionSummary, ThreadSummary } from '../protocol/message-extras';

/** Reactors shown per emoji (the count says how many there are in all). */
const SHOWN_REACTORS = 20;

/** A message's file as the client shows it: the URLs check access on every request. */
export function presentMessageFile(f: MessageFileRow): MessageFile {
  const url = `/api/message-files/${f.id}`;
  return {
    id: f.id,
    filename: f.filename,
    mimeType: f.mime_type,
    size: Number(f.size),
    width: f.width,
    height: f.height,
    url,
    downloadUrl: `${url}?download=1`,
    thumbnailUrl: f.thumb_sha256 ? `${url}/thumbnail` : null,
  };
}

/** One message's reactions grouped by emoji: most used first, then the first used. */
export function summarizeReactions(rows: ReactionWithName[]): ReactionSummary[] {
  const byEmoji = new Map<string, ReactionSummary>();
  for (const r of rows) {
    let s = byEmoji.get(r.emoji);
    if (!s) byEmoji.set(r.emoji, (s = { emoji: r.emoji, count: 0, users: [] }));
    s.count++;
    if (s.users.length < SHOWN_REACTORS) s.users.push({ id: r.user_id, displayName: `${r.first_name} ${r.last_name}` });
  }
  // A stable sort keeps first-used order among equal counts.
  return [...byEmoji.values()].sort((a, b) => b.count - a.count);
}

/** What a message carries beside its text (presentMessage's second argument). */
export interface MessageExtras {
  files?: MessageFileRow[];
  reactions?: ReactionSummary[];
  thread?: ThreadSummary | null;
}
