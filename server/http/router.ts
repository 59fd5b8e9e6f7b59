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
import { messageFileRoutes } from './routes/message-files';
import { threadRoutes } from './routes/threads';
import { channelMemberRoutes } from './routes/channel-members';
import { documentRoutes } from './routes/documents';
import { eventRoutes } from './routes/agenda-events';
import { calendarFeedRoutes } from './routes/calendar-feed';
import { groupDomainRoutes } from './routes/group-domain';
import { hotlineRoutes } from './routes/hotline';
import { hotlineFigureRoutes } from './routes/hotline-figures';
import { pushRoutes } from './routes/push';
import { reportRoutes } from './routes/reports';
import { healthRoutes } from './routes/health';
import { organisationRequestRoutes } from './routes/organisation-requests';
import { organisationRoutes } from './routes/organisations';
import { articleRoutes } from './routes/articles';
import { articleImageRoutes } from './routes/article-images';
import { resourceRoutes } from './routes/resources';
import { accountTypeRoutes } from './routes/account-types';
import { emailChangeRoutes } from './routes/email-change';
import { searchRoutes } from './routes/search';
import { favoriteRoutes } from './routes/favorites';
import { antiRobotRoutes } from './routes/anti-robot';
import { bookingRoutes } from './routes/booking';
import { agendaWorkshopRoutes } from './routes/agenda-workshops';
import { agendaPublicRoutes } from './routes/agenda-public';
import { helpRoutes } from './routes/help';
import { projectSheetRoutes } from './routes/project-sheets';
import { projectCanvasRoutes } from './routes/project-canvas';
import { orientationRoutes } from './routes/orientation';
import { signupRuleRoutes } from './routes/signup-rules';
import { suggestionRoutes } from './routes/suggestions';
import { interestRoutes } from './routes/interests';
import { newsletterRoutes } from './routes/newsletters';
import { newsletterUnsubscribeRoutes } from './routes/newsletter-unsubscribe';

/** Mounts every REST resource (one file each under routes/). */
export function mountRoutes(koa: Koa<AppState>, deps: Deps, realtime: Realtime, domains: RealtimeDomains): void {
  const routers: Router<AppState>[] = [
    healthRoutes(domains.health),
    antiRobotRoutes(deps),
    helpRoutes(deps),
    authRoutes(deps, realtime, domains.broadcasts.notifications),
    oidcRoutes(deps),
    personalDataRoutes(deps, realtime),
    meRoutes(deps, domains.profileHooks, realtime),
    adminUserRoutes(deps, realtime),
    departmentRoutes(deps),
    userRoutes(deps),
    channelRoutes(deps, domains.broadcasts),
    messageFileRoutes(deps),
    threadRoutes(deps),
    channelMemberRoutes(deps, domains.presence, domains.broadcasts),
    contactRoutes(deps, domains.presence),
    documentRoutes(deps, domains.channels.context),
    agendaWorkshopRoutes(deps, domains.broadcasts.agenda),
    agendaPublicRoutes(deps, domains.broadcasts.agenda),
    eventRoutes(deps, domains.broadcasts.agenda),
    calendarFeedRoutes(deps),
    hotlineRoutes(deps, domains.hotline, domains.presence),
    hotlineFigureRoutes(deps),
    pushRoutes(deps, domains.push.sender.publicKey),
    reportRoutes(deps),
    bookingRoutes(deps),
    organisationRequestRoutes(deps, domains.broadcasts.notifications),
    organisationRoutes(deps, realtime),
    articleRoutes(deps, domains.broadcasts),
    articleImageRoutes(deps),
    accountTypeRoutes(deps, realtime, domains.broadcasts.notifications),
    emailChangeRoutes(deps),
    searchRoutes(deps),
    favoriteRoutes(deps),
    ...groupDomainRoutes(deps, domains.broadcasts),
    projectSheetRoutes(deps, domains.broadcasts),
    projectCanvasRoutes(deps, domains.broadcasts),
    orientationRoutes(deps),
    resourceRoutes(deps, domains.broadcasts),
    signupRuleRoutes(deps),
    suggestionRoutes(deps, domains.broadcasts),
    interestRoutes(deps),
    newsletterRoutes(deps),
    newsletterUnsubscribeRoutes(deps),
  ];
  for (const r of routers) koa.use(r.routes()).use(r.allowedMethods());
}
