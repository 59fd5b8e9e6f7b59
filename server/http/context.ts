import type Router from '@koa/router';
import type { RouterContext } from '@koa/router';
import type { UserRow } from '../db/users';
import type { SessionRow } from '../db/sessions';

/** What the auth middleware leaves on ctx.state. */
export interface AppState {
  user?: UserRow;
  session?: SessionRow;
  authVia?: 'cookie' | 'bearer';
}

export type AppContext = RouterContext<AppState>;
export type AppRouter = Router<AppState>;

/** The signed-in user; the `requireUser` middleware guarantees it on protected routes. */
export function currentUser(ctx: { state: AppState }): UserRow {
  if (!ctx.state.user) throw new Error('route is missing requireUser');
  return ctx.state.user;
}
