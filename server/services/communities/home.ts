/**
 * A community's home: which menu entries to show (those with content, or
 * where the viewer may add some), the news since my last visit, the useful
 * links and the sub-groups. Marking a group as a community is for its
 * managers and the network's animators.
 */
import type { Knex } from 'knex';
import { accessGroup, canManageGroup, isGroupMember } from '../../access/groups';
import { accessCommunityEditor, canEditCommunity } from '../../access/communities';
import {
  countGroupPosts,
  countReferenceDocuments,
  countUpcomingEvents,
  lastVisitOf,
  listGroupLinks,
  recordVisit,
  type GroupLinkRow,
} from '../../db/communities';
import { searchSubgroups } from '../../db/subgroups';
import { updateGroup, type GroupRow } from '../../db/groups';
import type { UserRow } from '../../db/users';
import type { CommunityHome, CommunitySection, GroupLink } from '../../protocol/communities';
import { presentGroup } from '../../presenters/groups';
import { iso } from '../../presenters/time';

/** The contract's useful link. */
export const presentLink = (l: GroupLinkRow): GroupLink => ({
  id: l.id,
  groupId: l.group_id,
  title: l.title,
  url: l.url,
  description: l.description,
  position: l.position,
});

/** The sub-groups of a group the viewer may see, with member counts and the viewer's status. */
export async function subgroupsOf(db: Knex, viewer: UserRow, parent: GroupRow) {
  const rows = await searchSubgroups(db, parent.id, viewer.id);
  return rows.map((r) =>
    presentGroup(r, {
      memberCount: Number(r.member_count),
      myStatus: r.my_status,
      myRole: r.my_role,
      parent: { id: parent.id, name: parent.name },
    }),
  );
}

/** GET /api/groups/:id/community. Members see every entry; others the presentation, sub-groups and links. */
export async function communityHome(db: Knex, viewer: UserRow, groupId: number): Promise<CommunityHome> {
  const { group, membership } = await accessGroup(db, viewer, groupId);
  const member = isGroupMember(membership);
  const manage = canManageGroup(viewer, membership);
  const editor = canEditCommunity(viewer, membership);
  const [links, subgroups] = await Promise.all([listGroupLinks(db, group.id), subgroupsOf(db, viewer, group)]);
  const sections: CommunityHome['sections'] = [{ id: 'accueil', count: 0 }];
  let lastVisit: Date | number | null = null;
  if (member) {
    lastVisit = await lastVisitOf(db, group.id, viewer.id);
    const since = lastVisit === null ? null : new Date(lastVisit);
    const news = await countGroupPosts(db, group.id, { since });
    const [refs, experiences, events, questions] = await Promise.all([
      countReferenceDocuments(db, group.id),
      countGroupPosts(db, group.id, { kind: 'experience' }),
      countUpcomingEvents(db, group.id, new Date()),
      countGroupPosts(db, group.id, { kind: 'question' }),
    ]);
    // Members may post news, experiences and questions; references and the agenda are added by managers.
    const add = (id: CommunitySection, count: number, canAdd: boolean, newCount?: number) => {
      if (count > 0 || canAdd) sections.push({ id, count, ...(newCount !== undefined ? { newCount } : {}) });
    };
    add('actualites', news.total, true, since ? news.recent : 0);
    add('references', refs, manage);
    add('experiences', experiences.total, true);
    add('agenda', events, manage);
    add('forum', questions.total, true);
  }
  if (subgroups.length || manage) sections.push({ id: 'groupes', count: subgroups.length });
  if (links.length || editor) sections.push({ id: 'liens', count: links.length });
  return {
    groupId: group.id,
    isCommunity: !!group.is_community,
    sections,
    isMember: member,
    canManage: editor,
    links: links.map(presentLink),
    subgroups,
    lastVisitAt: iso(lastVisit),
  };
}

/** PUT /api/groups/:id/community: managers and animators turn a group into a community, or back. */
export async function setCommunityFlag(db: Knex, actor: UserRow, groupId: number, isCommunity: boolean): Promise<GroupRow> {
  const { group } = await accessCommunityEditor(db, actor, groupId);
  return updateGroup(db, group.id, { is_community: isCommunity });
}

/** POST /api/groups/:id/visit: a member opens the group; answers the previous visit (« nouveau » is what came after). */
export async function visitGroup(db: Knex, actor: UserRow, groupId: number): Promise<{ previousVisitAt: string | null }> {
  const { group, membership } = await accessGroup(db, actor, groupId);
  if (!isGroupMember(membership)) return { previousVisitAt: null };
  return { previousVisitAt: iso(await recordVisit(db, group.id, actor.id, new Date())) };
}
