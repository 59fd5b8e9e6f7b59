import type { ChannelRow } from '../db/channels';
import type { Channel } from '../protocol/chat';
import type { Person } from '../protocol/common';
import { iso } from './time';

export interface ChannelViewerState {
  joined: boolean;
  favorite: boolean;
  lastReadSeq: number;
  mentions: number;
  /** For direct channels: the other person, so the client can show their name. */
  peer?: Person | null;
  /** What the viewer may do to others' messages here (the server checks again on each action). */
  rights?: { canPin: boolean; canModerate: boolean };
}

/** The contract's channel object, as one viewer sees it (unread = messages after their read marker). */
export function presentChannel(c: ChannelRow, v: ChannelViewerState): Channel {
  const lastSeq = Number(c.last_seq);
  return {
    id: c.id,
    kind: c.kind,
    name: c.kind === 'direct' && v.peer ? v.peer.displayName : c.name,
    slug: c.slug,
    description: c.description,
    departmentCode: c.department_code,
    groupId: c.group_id,
    announce: !!c.announce,
    archived: !!c.archived_at,
    archivedAt: iso(c.archived_at),
    joined: v.joined,
    favorite: v.joined && v.favorite,
    unread: v.joined ? Math.max(0, lastSeq - v.lastReadSeq) : 0,
    mentions: v.joined ? v.mentions : 0,
    lastSeq,
    lastReadSeq: v.joined ? v.lastReadSeq : 0,
    peer: v.peer ?? null,
    canPin: v.joined && !!v.rights?.canPin,
    canModerate: v.joined && !!v.rights?.canModerate,
  };
}

/** The protocol's Channel, under the name the services use. */
export type PresentedChannel = Channel;
