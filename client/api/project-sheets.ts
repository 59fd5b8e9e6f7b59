/** Project sheets, canvas, shares, comments, files (#22) and the public orientation module. */
import type {
  Canvas,
  CanvasBlock,
  OrientationQuery,
  OrientationResult,
  PostitColor,
  ProjectSheet,
  ProjectSheetList,
  SheetBody,
  SheetComment,
  SheetCommentList,
  SheetFile,
  SheetFileList,
  SheetShare,
  SheetShareList,
} from '../../server/protocol/index.js';
import type { Http } from './http.js';

export type {
  Canvas,
  CanvasBlock,
  Postit,
  ProjectSheet,
  SheetComment,
  SheetShare,
  SheetFile,
  OrientationItem,
} from '../../server/protocol/index.js';

export function projectSheetsApi(http: Http) {
  const base = (id: number) => `/api/project-sheets/${id}`;
  return {
    mine: () => http.get<ProjectSheetList>('/api/project-sheets'),
    accompaniments: () => http.get<ProjectSheetList>('/api/accompaniments'),
    create: (body: SheetBody) => http.post<ProjectSheet>('/api/project-sheets', body),
    get: (id: number) => http.get<ProjectSheet>(base(id)),
    update: (id: number, body: Partial<SheetBody>) => http.patch<ProjectSheet>(base(id), body),
    remove: (id: number) => http.delete<void>(base(id)),
    visit: (id: number) => http.post<{ ok: true }>(`${base(id)}/visit`),
    canvas: (id: number) => http.get<Canvas>(`${base(id)}/canvas`),
    addPostit: (id: number, body: { block: CanvasBlock; text: string; color?: PostitColor }) =>
      http.post<{ id: number; canvas: Canvas }>(`${base(id)}/postits`, body),
    editPostit: (id: number, postitId: number, body: { text?: string; color?: PostitColor }) =>
      http.patch<Canvas>(`${base(id)}/postits/${postitId}`, body),
    movePostit: (id: number, postitId: number, block: CanvasBlock, position: number) =>
      http.post<Canvas>(`${base(id)}/postits/${postitId}/move`, { block, position }),
    removePostit: (id: number, postitId: number) => http.delete<Canvas>(`${base(id)}/postits/${postitId}`),
    comments: (id: number) => http.get<SheetCommentList>(`${base(id)}/comments`),
    comment: (id: number, body: { postitId?: number; subject?: string; body: string }) =>
      http.post<SheetComment>(`${base(id)}/comments`, body),
    shares: (id: number) => http.get<SheetShareList>(`${base(id)}/shares`),
    share: (id: number, email: string) => http.post<SheetShare>(`${base(id)}/shares`, { email }),
    revoke: (id: number, shareId: number) => http.delete<void>(`${base(id)}/shares/${shareId}`),
    files: (id: number) => http.get<SheetFileList>(`${base(id)}/files`),
    upload: (id: number, file: File) => {
      const form = new FormData();
      form.append('file', file);
      return http.post<SheetFile>(`${base(id)}/files`, form);
    },
    removeFile: (id: number, fileId: number) => http.delete<void>(`${base(id)}/files/${fileId}`),
    orientation: (q: OrientationQuery) =>
      http.get<OrientationResult>('/api/public/orientation', {
        query: { ...q, needs: Array.isArray(q.needs) ? q.needs.join(',') : q.needs } as Record<string, string | number | undefined>,
      }),
  };
}
