import type Router from '@koa/router';
import type { Deps } from '../../deps';
import type { AppState } from '../context';
import type { Broadcasts } from '../../realtime/broadcasts';
import { groupRoutes } from './groups';
import { groupAdminRoutes } from './group-admin';
import { postRoutes } from './posts';
import { attachmentRoutes } from './attachments';
import { notificationRoutes } from './notifications';
import { directoryRoutes } from './directory';
import { pollRoutes } from './polls';
import { communityRoutes } from './communities';

/** Every REST resource of the groups domain: groups, members, posts, files, notifications, directory. */
export function groupDomainRoutes(deps: Deps, broadcasts: Broadcasts): Router<AppState>[] {
  const live = broadcasts.groups;
  return [
    groupRoutes(deps, live),
    groupAdminRoutes(deps, live),
    postRoutes(deps, live),
    attachmentRoutes(deps),
    notificationRoutes(deps),
    directoryRoutes(deps),
    pollRoutes(deps, live),
    communityRoutes(deps),
  ];
}
