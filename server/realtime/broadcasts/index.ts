import type { Deps } from '../../deps';
import type { Publisher } from '../publish';
import { AgendaBroadcasts } from './agenda';
import { ChannelBroadcasts } from './channels';
import { GroupBroadcasts } from './groups';
import { HotlineBroadcasts } from './hotline';
import { PresenceBroadcasts } from './presence';

/**
 * Every domain's broadcasts: services return what happened, and these turn
 * it into socket events after the commit. The only users of publish.ts.
 */
export function createBroadcasts(deps: Deps, publisher: Publisher) {
  const channels = new ChannelBroadcasts(deps.db, publisher, deps.log);
  return {
    channels,
    groups: new GroupBroadcasts(deps.db, publisher, channels),
    agenda: new AgendaBroadcasts(deps, publisher),
    hotline: new HotlineBroadcasts(deps.db, publisher),
    presence: new PresenceBroadcasts(publisher),
  };
}

/** The broadcasts of every domain, built once per app. */
export type Broadcasts = ReturnType<typeof createBroadcasts>;
