/** Wire shapes of project sheets, post-its, comments, shares and files. */
import type { PostitRow } from '../db/canvas-postits';
import type { SheetCommentRow } from '../db/sheet-comments';
import type { SheetFileRow } from '../db/sheet-files';
import type { UserRow } from '../db/users';
import type { Postit, PostitColor, CanvasBlock, SheetComment, SheetFile } from '../protocol/project-sheets';
import { presentAuthor } from './users';
import { iso } from './time';

export function presentPostit(p: PostitRow): Postit {
  return {
    id: Number(p.id),
    sheetId: Number(p.sheet_id),
    block: p.block as CanvasBlock,
    position: Number(p.position),
    text: p.text,
    color: p.color as PostitColor,
    commentCount: Number(p.comment_count ?? 0),
    updatedAt: iso(p.updated_at),
  };
}

export function presentSheetComment(c: SheetCommentRow): SheetComment {
  return {
    id: Number(c.id),
    sheetId: Number(c.sheet_id),
    postitId: c.postit_id === null ? null : Number(c.postit_id),
    author:
      c.author_id && c.username
        ? presentAuthor({ id: Number(c.author_id), username: c.username, first_name: c.first_name ?? '', last_name: c.last_name ?? '' })
        : null,
    subject: c.subject,
    body: c.body,
    createdAt: iso(c.created_at),
  };
}

export function presentSheetFile(f: SheetFileRow): SheetFile {
  return {
    id: Number(f.id),
    filename: f.filename,
    mimeType: f.mime_type,
    size: Number(f.size),
    createdAt: iso(f.created_at),
    downloadUrl: `/api/project-sheets/${f.sheet_id}/files/${f.id}`,
  };
}

/** The owner block of a sheet (an erased account still has a row: its name is what it is). */
export const presentOwner = (u: UserRow) => presentAuthor(u);
