/** Typed calls for groups, posts, notifications, the member directory and profiles. */
import type { Http } from './http.js';
import { xhrUpload } from './me.js';
import type { Page, Role } from './types.js';

export type Visibility = 'public' | 'moderated' | 'private';
export type GroupRole = 'owner' | 'admin' | 'member';
export type MemberStatus = 'member' | 'pending' | 'invited';
export type PostKind = 'article' | 'question' | 'document' | 'photo' | 'video' | 'link';
export type ReactionKind = 'like' | 'recommend';

/** The short person block of posts, comments and requests. */
export interface Person {
  id: number;
  username: string;
  displayName: string;
  avatarUrl?: string | null;
}

/** A group as the signed-in user sees it. */
export interface Group {
  id: number;
  name: string;
  slug: string;
  description: string | null;
  visibility: Visibility;
  memberCount: number;
  channelId: number | null;
  myStatus: MemberStatus | null;
  myRole: GroupRole | null;
  parentId: number | null;
  parent: { id: number; name: string } | null;
  createdAt: string;
  /** Only on GET /api/groups/:id. */
  canManage?: boolean;
}

/** What other members see of someone. */
export interface Member {
  id: number;
  username: string;
  firstName: string;
  lastName: string;
  displayName: string;
  departmentCode: string;
  employer: string | null;
  jobTitle: string | null;
  city: string | null;
  role: Role;
  avatarUrl: string | null;
}

export interface GroupMember {
  user: Member;
  role: GroupRole;
  status: MemberStatus;
  joinedAt: string | null;
}

export interface JoinRequest {
  id: number;
  groupId: number;
  user: Person;
  motive: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  createdAt: string;
  decidedBy: Person | null;
  decidedAt: string | null;
}

export interface Invitation {
  id: number;
  groupId: number;
  user: Person | null;
  email: string | null;
  status: string;
  createdAt: string;
}

export interface Attachment {
  id: number;
  groupId: number;
  postId: number | null;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  isImage: boolean;
  url: string;
  createdAt: string;
}

export interface Post {
  id: number;
  groupId: number;
  group: { id: number; name: string };
  kind: PostKind;
  title: string;
  body: string;
  linkUrl: string | null;
  author: Person;
  image: Attachment | null;
  attachments: Attachment[];
  reactions: Record<ReactionKind, number>;
  commentCount: number;
  /** Absent in live events (they differ per viewer): keep the one already known. */
  myReactions?: ReactionKind[];
  createdAt: string;
  editedAt: string | null;
}

export interface Comment {
  id: number;
  postId: number;
  author: Person;
  body: string;
  createdAt: string;
  editedAt: string | null;
}

export interface PostDetail extends Post {
  comments: Comment[];
  canEdit: boolean;
  canDelete: boolean;
  canModerate: boolean;
}

export interface NewPost {
  kind: PostKind;
  title: string;
  body: string;
  linkUrl?: string | null;
  audience?: { groupIds?: number[]; userIds?: number[] };
  attachmentIds?: number[];
  imageId?: number | null;
}

export interface Notification {
  id: number;
  kind: string;
  data: Record<string, any>;
  createdAt: string;
  readAt: string | null;
}

export interface MemberProfile extends Member {
  bio: string | null;
  chatOnly: boolean;
  isContact: boolean;
  groups: { id: number; name: string; visibility: Visibility; role: GroupRole }[];
}

export interface Contact extends Member {
  presence: { status: 'online' | 'away' | 'dnd' | 'offline'; lastSeenAt: string | null };
}

export interface DirectoryFilters {
  q?: string;
  departmentCode?: string;
  regionCode?: string;
  role?: Role | '';
  employer?: string;
  cursor?: string | null;
}

type Cursor = string | number | null | undefined;

/** Every call of the groups domain. */
export function groupsApi(http: Http) {
  const g = (id: number) => `/api/groups/${id}`;
  return {
    list: (scope: 'mine' | 'directory', q?: string, cursor?: Cursor) => http.get<Page<Group>>('/api/groups', { query: { scope, q, cursor } }),
    get: (id: number) => http.get<Group>(g(id)),
    create: (input: { name: string; description: string | null; visibility: Visibility; parentId?: number | null }) => http.post<Group>('/api/groups', input),
    update: (id: number, patch: { name?: string; description?: string | null; visibility?: Visibility }) => http.patch<Group>(g(id), patch),
    remove: (id: number) => http.delete<void>(g(id)),
    join: (id: number, motive?: string | null) => http.post<{ status: 'member' | 'pending' }>(`${g(id)}/join`, { motive: motive || null }),
    leave: (id: number) => http.delete<void>(`${g(id)}/members/me`),
    members: (id: number, status: MemberStatus = 'member', cursor?: Cursor) => http.get<Page<GroupMember>>(`${g(id)}/members`, { query: { status, cursor } }),
    removeMember: (id: number, userId: number) => http.delete<void>(`${g(id)}/members/${userId}`),
    setRole: (id: number, userId: number, role: GroupRole) => http.patch<{ userId: number; role: GroupRole }>(`${g(id)}/members/${userId}`, { role }),
    requests: (id: number, status?: JoinRequest['status']) => http.get<Page<JoinRequest>>(`${g(id)}/requests`, { query: { status } }),
    decide: (id: number, userId: number, approve: boolean) => http.post<JoinRequest>(`${g(id)}/requests/${userId}/${approve ? 'approve' : 'reject'}`),
    invitations: (id: number) => http.get<Page<Invitation>>(`${g(id)}/invitations`),
    invite: (id: number, to: { userId: number } | { email: string }) => http.post<{ status: string; invitation: Invitation }>(`${g(id)}/invitations`, to),
    accept: (id: number) => http.post<{ status: 'member' }>(`${g(id)}/invitations/accept`),
    decline: (id: number) => http.post<{ status: null }>(`${g(id)}/invitations/decline`),
    posts: (id: number, cursor?: Cursor) => http.get<Page<Post>>(`${g(id)}/posts`, { query: { cursor } }),
    createPost: (id: number, input: NewPost) => http.post<Post>(`${g(id)}/posts`, input),
    /** Multipart upload with progress (XMLHttpRequest), before the post is published. */
    upload: (id: number, file: Blob, name: string, onProgress?: (fraction: number) => void) => {
      const form = new FormData();
      form.append('file', file, name);
      return xhrUpload<Attachment>(http, 'POST', `${g(id)}/attachments`, form, onProgress);
    },
    feed: (cursor?: Cursor) => http.get<Page<Post>>('/api/feed', { query: { cursor } }),
    post: (postId: number) => http.get<PostDetail>(`/api/posts/${postId}`),
    editPost: (postId: number, patch: Partial<Pick<NewPost, 'kind' | 'title' | 'body' | 'linkUrl'>>) => http.patch<Post>(`/api/posts/${postId}`, patch),
    deletePost: (postId: number) => http.delete<void>(`/api/posts/${postId}`),
    comment: (postId: number, body: string) => http.post<Comment>(`/api/posts/${postId}/comments`, { body }),
    deleteComment: (commentId: number) => http.delete<void>(`/api/comments/${commentId}`),
    react: (postId: number, kind: ReactionKind) =>
      http.post<{ active: boolean; kind: ReactionKind; reactions: Record<ReactionKind, number>; myReactions: ReactionKind[] }>(`/api/posts/${postId}/reactions`, { kind }),
    reactors: (postId: number) => http.get<{ items: { kind: ReactionKind; createdAt: string; user: Person }[] }>(`/api/posts/${postId}/reactions`),
    notifications: (cursor?: Cursor) => http.get<Page<Notification> & { unreadCount: number }>('/api/notifications', { query: { cursor } }),
    readNotifications: (ids: number[] | 'all') => http.post<{ updated: number; unreadCount: number }>('/api/notifications/read', ids === 'all' ? { all: true } : { ids }),
    directory: (f: DirectoryFilters) => http.get<Page<Member>>('/api/directory', { query: { ...f } }),
    profile: (userId: number) => http.get<MemberProfile>(`/api/users/${userId}`),
    contacts: (q?: string) => http.get<{ items: Contact[] }>('/api/contacts', { query: { q } }),
  };
}

export type GroupsApi = ReturnType<typeof groupsApi>;
