import type { Deps } from '../../deps';
import type { Publisher } from '../publish';
import { AgendaBroadcasts } from './agenda';
import { ChannelBroadcasts } from './channels';
import { GroupBroadcasts } from './groups';
import { HotlineBroadcasts } from './hotline';
import { NotificationBroadcasts } from './notifications';
import { PresenceBroadcasts } from './presence';
import { SheetBroadcasts } from './sheets';

/**
 * Every domain's broadcasts: services return what happened, and these turn
 * it into socket events after the commit. The only users of publish.ts.
 */
export function createBroadcasts(deps: Deps, publisher: Publisher) {
  const channels = new ChannelBroadcasts(deps.db, publisher, deps.log);
  const notifications = new NotificationBroadcasts(publisher);
  return {
    channels,
    notifications,
    groups: new GroupBroadcasts(deps.db, publisher, channels, notifications),
    agenda: new AgendaBroadcasts(deps, publisher, notifications),
    hotline: new HotlineBroadcasts(deps.db, publisher),
    presence: new PresenceBroadcasts(publisher),
    sheets: new SheetBroadcasts(deps.db, publisher, notifications),
  };
}

/** The broadcasts of every domain, built once per app. */
export type Broadcasts = ReturnType<typeof createBroadcasts>;
