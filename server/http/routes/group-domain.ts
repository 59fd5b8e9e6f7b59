import type Router from '@koa/router';
import type { Deps } from '../../deps';
import type { AppState } from '../context';
import type { ChannelEvents } from '../../realtime/channel-events';
import type { Publisher } from '../../realtime/publish';
import { GroupEvents } from '../../realtime/group-events';
import { groupRoutes } from './groups';
import { groupAdminRoutes } from './group-admin';
import { postRoutes } from './posts';
import { attachmentRoutes } from './attachments';
import { notificationRoutes } from './notifications';
import { directoryRoutes } from './directory';

/** Every REST resource of the groups domain: groups, members, posts, files, notifications, directory. */
export function groupDomainRoutes(deps: Deps, channelEvents: ChannelEvents, publisher: Publisher): Router<AppState>[] {
  const live = new GroupEvents(deps.db, publisher, channelEvents);
  return [
    groupRoutes(deps, live, publisher),
    groupAdminRoutes(deps, live),
    postRoutes(deps, live),
    attachmentRoutes(deps),
    notificationRoutes(deps, live),
    directoryRoutes(deps),
  ];
}
