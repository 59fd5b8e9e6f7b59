import type Koa from 'koa';
import type Router from '@koa/router';
import type { Deps } from '../deps';
import type { Realtime } from '../realtime/types';
import type { RealtimeDomains } from '../realtime/domains';
import type { AppState } from './context';
import { authRoutes } from './routes/auth';
import { oidcRoutes } from './routes/oidc';
import { personalDataRoutes } from './routes/personal-data';
import { meRoutes } from './routes/me';
import { adminUserRoutes } from './routes/admin-users';
import { departmentRoutes } from './routes/departments';
import { userRoutes } from './routes/users';
import { channelRoutes } from './routes/channels';
import { contactRoutes } from './routes/contacts';
import { documentRoutes } from './routes/documents';
import { eventRoutes } from './routes/agenda-events';
import { calendarFeedRoutes } from './routes/calendar-feed';
import { groupDomainRoutes } from './routes/group-domain';
import { hotlineRoutes } from './routes/hotline';
import { hotlineFigureRoutes } from './routes/hotline-figures';
import { pushRoutes } from './routes/push';
import { reportRoutes } from './routes/reports';
import { healthRoutes } from './routes/health';

/** Mounts every REST resource (one file each under routes/). */
export function mountRoutes(koa: Koa<AppState>, deps: Deps, realtime: Realtime, domains: RealtimeDomains): void {
  const routers: Router<AppState>[] = [
    healthRoutes(domains.health),
    authRoutes(deps, realtime),
    oidcRoutes(deps),
    personalDataRoutes(deps, realtime),
    meRoutes(deps, domains.profileHooks, realtime),
    adminUserRoutes(deps, realtime),
    departmentRoutes(deps),
    userRoutes(deps),
    channelRoutes(deps, domains.broadcasts),
    contactRoutes(deps, domains.presence),
    documentRoutes(deps, domains.channels.context),
    eventRoutes(deps, domains.broadcasts.agenda),
    calendarFeedRoutes(deps),
    hotlineRoutes(deps, domains.hotline, domains.presence),
    hotlineFigureRoutes(deps),
    pushRoutes(deps, domains.push.sender.publicKey),
    reportRoutes(deps),
    ...groupDomainRoutes(deps, domains.broadcasts),
  ];
  for (const r of routers) koa.use(r.routes()).use(r.allowedMethods());
}
