/** Communities: the home, links, references, forum, sub-groups, picture, the gear and « On vous propose ». */
import type { Http } from './http.js';
import { xhrUpload } from './me.js';
import type { Page } from '../../server/protocol/common.js';
import type { Group } from '../../server/protocol/groups.js';
import type { BankDocument } from '../../server/protocol/documents.js';
import type { NotificationSettings } from '../../server/protocol/notifications.js';
import type {
  CommunityHome,
  EditGroupLinkBody,
  ForumQuestion,
  GroupLink,
  GroupLinkBody,
  GroupSuggestion,
  VisitAnswer,
} from '../../server/protocol/communities.js';

export type { CommunityHome, CommunitySection, ForumQuestion, GroupLink, GroupSuggestion } from '../../server/protocol/communities.js';
/** A group's rhythm: the notification settings page's values. */
export type Rhythm = NotificationSettings['frequency'];

export function communitiesApi(http: Http) {
  const g = (id: number) => `/api/groups/${id}`;
  return {
    home: (id: number) => http.get<CommunityHome>(`${g(id)}/community`),
    setCommunity: (id: number, isCommunity: boolean) => http.put<Group>(`${g(id)}/community`, { isCommunity }),
    visit: (id: number) => http.post<VisitAnswer>(`${g(id)}/visit`),
    subgroups: (id: number) => http.get<Page<Group>>(`${g(id)}/subgroups`),
    links: (id: number) => http.get<Page<GroupLink>>(`${g(id)}/links`),
    addLink: (id: number, body: GroupLinkBody) => http.post<GroupLink>(`${g(id)}/links`, body),
    editLink: (id: number, linkId: number, body: EditGroupLinkBody) => http.patch<GroupLink>(`${g(id)}/links/${linkId}`, body),
    removeLink: (id: number, linkId: number) => http.delete<void>(`${g(id)}/links/${linkId}`),
    references: (id: number) => http.get<{ items: BankDocument[] }>(`${g(id)}/references`),
    pin: (id: number, documentId: number) => http.put<void>(`${g(id)}/references/${documentId}`),
    unpin: (id: number, documentId: number) => http.delete<void>(`${g(id)}/references/${documentId}`),
    forum: (id: number) => http.get<{ items: ForumQuestion[] }>(`${g(id)}/forum`),
    acceptAnswer: (postId: number, commentId: number | null) =>
      http.put<{ postId: number; acceptedCommentId: number | null }>(`/api/posts/${postId}/accepted-answer`, { commentId }),
    setPicture: (id: number, file: Blob, name: string) => {
      const form = new FormData();
      form.append('file', file, name);
      return xhrUpload<Group>(http, 'PUT', `${g(id)}/picture`, form);
    },
    removePicture: (id: number) => http.delete<Group>(`${g(id)}/picture`),
    settings: () => http.get<NotificationSettings>('/api/me/notification-settings'),
    setRhythm: (id: number, frequency: Rhythm | null) =>
      http.put<NotificationSettings>(`/api/me/notification-settings/groups/${id}`, { frequency }),
    suggestions: () => http.get<{ items: GroupSuggestion[] }>('/api/group-suggestions'),
    dismiss: (id: number) => http.delete<void>(`/api/group-suggestions/${id}`),
  };
}
