/** The moderated kinds this server knows, registered once (the resource library adds its own line here). */
import { registerModeratedKind } from './registry';
import { articleKind } from './article-moderation';
import { eventKind } from '../agenda/event-moderation';
import { resourceKind } from '../resources/moderation';

registerModeratedKind(articleKind);
registerModeratedKind(eventKind);
registerModeratedKind(resourceKind);

export { moderatedKind, moderationQueue } from './registry';
