import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { profileSchema } from '../../protocol/accounts';
import { acceptTerms } from '../../services/accounts/sessions';
import { AVATAR_MAX_BYTES, removeAvatar, setAvatar, updateProfile } from '../../services/accounts/profile';
import { presentUser } from '../../presenters/users';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { receiveUpload } from '../upload';
import { discardUpload } from '../../files';
import { invalidPayload } from '../../errors';
import type { ProfileHooks } from '../../realtime/domains';
import { passwordChangeSchema } from '../../protocol/accounts';
import { changePassword } from '../../services/accounts/password-change';
import type { Realtime } from '../../realtime/types';

/** My own account: profile, photo, terms of use. */
export function meRoutes(deps: Deps, hooks: ProfileHooks = {}, realtime?: Realtime): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/me' });

  router.get('/', requireUser({ allowBeforeTerms: true }), (ctx) => {
    ctx.body = { user: presentUser(currentUser(ctx)) };
  });

  router.post('/accept-terms', requireUser({ allowBeforeTerms: true }), async (ctx) => {
    ctx.body = { user: presentUser(await acceptTerms(deps, currentUser(ctx))) };
  });

  router.patch('/', requireUser(), async (ctx) => {
    const changes = parseInput(profileSchema, ctx.request.body ?? {});
    const before = currentUser(ctx);
    const user = await updateProfile(deps, before, changes);
    if (user.department_code !== before.department_code) {
      await hooks.departmentChanged?.(user.id);
    }
    ctx.body = { user: presentUser(user) };
  });

  router.post('/password', requireUser(), async (ctx) => {
    const input = parseInput(passwordChangeSchema, ctx.request.body ?? {});
    const { user, revokedSessionIds } = await changePassword(deps, currentUser(ctx), ctx.state.session!.id, input);
    // The other sessions are revoked: their open sockets go too, on every node.
    for (const id of revokedSessionIds) realtime?.disconnectSession(id);
    ctx.body = { user: presentUser(user), revokedSessions: revokedSessionIds.length };
  });

  router.put('/avatar', requireUser(), async (ctx) => {
    const { file } = await receiveUpload(ctx, { maxBytes: AVATAR_MAX_BYTES });
    if (!file || file.size === 0) {
      await discardUpload(file);
      throw invalidPayload('Aucune image reçue (champ « file »).');
    }
    ctx.body = { user: presentUser(await setAvatar(deps, currentUser(ctx), file)) };
  });

  router.delete('/avatar', requireUser(), async (ctx) => {
    ctx.body = { user: presentUser(await removeAvatar(deps, currentUser(ctx))) };
  });

  return router;
}
