/** Typed calls for groups, posts, notifications, the member directory and profiles; the wire types are the protocol's. */
import type { Http } from './http.js';
import { xhrUpload } from './me.js';
import type { Page, Person as ShortPerson, PersonWithAvatar } from '../../server/protocol/common.js';
import type {
  CreateGroupBody,
  Group,
  GroupMember,
  GroupRole,
  Invitation,
  InviteBody,
  JoinRequest,
  MemberStatus,
  UpdateGroupBody,
} from '../../server/protocol/groups.js';
import type {
  Attachment,
  Comment,
  EditPostBody,
  NewPost,
  Post,
  PostDetail,
  PostKind,
  ReactionAnswer,
  ReactionKind,
  Reactor,
} from '../../server/protocol/posts.js';
import type { NotificationPage, ReadNotificationsAnswer } from '../../server/protocol/notifications.js';
import type { Contact, DirectoryFilters as DirectoryQueryBody, MemberProfile } from '../../server/protocol/directory.js';
import type { Member } from '../../server/protocol/users.js';

export type { Group, GroupMember, GroupRole, Invitation, JoinRequest, MemberStatus, Visibility } from '../../server/protocol/groups.js';
export type { Attachment, Comment, NewPost, Post, PostDetail, PostKind, ReactionKind } from '../../server/protocol/posts.js';
export type { Notification } from '../../server/protocol/notifications.js';
export type { Contact, MemberProfile } from '../../server/protocol/directory.js';
export type { Member } from '../../server/protocol/users.js';

/** The short person block of posts, comments and requests (the photo where the answer has it). */
export type Person = ShortPerson & Partial<Pick<PersonWithAvatar, 'avatarUrl'>>;

/** The directory's filters as the page holds them (`null`: first page). */
export type DirectoryFilters = Omit<DirectoryQueryBody, 'cursor' | 'limit'> & { cursor?: string | null };

type Cursor = string | number | null | undefined;

/** Every call of the groups domain. */
export function groupsApi(http: Http) {
  const g = (id: number) => `/api/groups/${id}`;
  return {
    list: (scope: 'mine' | 'directory', q?: string, cursor?: Cursor) =>
      http.get<Page<Group>>('/api/groups', { query: { scope, q, cursor } }),
    get: (id: number) => http.get<Group>(g(id)),
    create: (input: CreateGroupBody) => http.post<Group>('/api/groups', input),
    update: (id: number, patch: UpdateGroupBody) => http.patch<Group>(g(id), patch),
    remove: (id: number) => http.delete<void>(g(id)),
    join: (id: number, motive?: string | null) => http.post<{ status: 'member' | 'pending' }>(`${g(id)}/join`, { motive: motive || null }),
    leave: (id: number) => http.delete<void>(`${g(id)}/members/me`),
    members: (id: number, status: MemberStatus = 'member', cursor?: Cursor) =>
      http.get<Page<GroupMember>>(`${g(id)}/members`, { query: { status, cursor } }),
    removeMember: (id: number, userId: number) => http.delete<void>(`${g(id)}/members/${userId}`),
    setRole: (id: number, userId: number, role: GroupRole) =>
      http.patch<{ userId: number; role: GroupRole }>(`${g(id)}/members/${userId}`, { role }),
    requests: (id: number, status?: JoinRequest['status']) => http.get<Page<JoinRequest>>(`${g(id)}/requests`, { query: { status } }),
    decide: (id: number, userId: number, approve: boolean) =>
      http.post<JoinRequest>(`${g(id)}/requests/${userId}/${approve ? 'approve' : 'reject'}`),
    invitations: (id: number) => http.get<Page<Invitation>>(`${g(id)}/invitations`),
    invite: (id: number, to: InviteBody) => http.post<{ status: string; invitation: Invitation }>(`${g(id)}/invitations`, to),
    accept: (id: number) => http.post<{ status: 'member' }>(`${g(id)}/invitations/accept`),
    decline: (id: number) => http.post<{ status: null }>(`${g(id)}/invitations/decline`),
    posts: (id: number, cursor?: Cursor, kind?: PostKind) => http.get<Page<Post>>(`${g(id)}/posts`, { query: { cursor, kind } }),
    createPost: (id: number, input: NewPost) => http.post<Post>(`${g(id)}/posts`, input),
    /** Multipart upload with progress (XMLHttpRequest), before the post is published. */
    upload: (id: number, file: Blob, name: string, onProgress?: (fraction: number) => void) => {
      const form = new FormData();
      form.append('file', file, name);
      return xhrUpload<Attachment>(http, 'POST', `${g(id)}/attachments`, form, onProgress);
    },
    feed: (cursor?: Cursor) => http.get<Page<Post>>('/api/feed', { query: { cursor } }),
    post: (postId: number) => http.get<PostDetail>(`/api/posts/${postId}`),
    editPost: (postId: number, patch: EditPostBody) => http.patch<Post>(`/api/posts/${postId}`, patch),
    deletePost: (postId: number) => http.delete<void>(`/api/posts/${postId}`),
    comment: (postId: number, body: string) => http.post<Comment>(`/api/posts/${postId}/comments`, { body }),
    deleteComment: (commentId: number) => http.delete<void>(`/api/comments/${commentId}`),
    editComment: (commentId: number, body: string) => http.patch<Comment>(`/api/comments/${commentId}`, { body }),
    react: (postId: number, kind: ReactionKind) => http.post<ReactionAnswer>(`/api/posts/${postId}/reactions`, { kind }),
    reactors: (postId: number) => http.get<{ items: Reactor[] }>(`/api/posts/${postId}/reactions`),
    notifications: (cursor?: Cursor) => http.get<NotificationPage>('/api/notifications', { query: { cursor } }),
    readNotifications: (ids: number[] | 'all') =>
      http.post<ReadNotificationsAnswer>('/api/notifications/read', ids === 'all' ? { all: true } : { ids }),
    directory: (f: DirectoryFilters) => http.get<Page<Member>>('/api/directory', { query: { ...f } }),
    profile: (userId: number) => http.get<MemberProfile>(`/api/users/${userId}`),
    contacts: (q?: string) => http.get<{ items: Contact[] }>('/api/contacts', { query: { q } }),
  };
}

export type GroupsApi = ReturnType<typeof groupsApi>;
