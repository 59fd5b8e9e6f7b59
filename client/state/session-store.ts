/** The signed-in user: loaded from GET /api/me, changed by login, logout, terms and profile edits. */
import { ApiError, asApiError } from '../api/http.js';
import type { Api } from '../api/index.js';
import type { ProfilePatch } from '../api/me.js';
import type { User } from '../../server/protocol/index.js';
import { OfflineSnapshot } from './offline-snapshot.js';

/** `loading` until the first GET /api/me answers; `error` if it could not be read. */
export type SessionStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Plain store (no Lit): dispatches `change` whenever its state changes. */
export class SessionStore extends EventTarget {
  user: User | null = null;
  status: SessionStatus = 'idle';
  error: ApiError | null = null;
  /** True when the user comes from this browser's snapshot because the server could not be reached. */
  offline = false;
  private readonly api: Pick<Api, 'auth' | 'me' | 'http'>;

  constructor(
    api: Pick<Api, 'auth' | 'me' | 'http'>,
    private readonly snapshot = new OfflineSnapshot(),
  ) {
    super();
    this.api = api;
    // A 401 on any call while signed in means the session ended elsewhere.
    api.http.addEventListener('unauthorized', () => {
      if (this.user) this.setUser(null);
    });
  }

  get signedIn(): boolean {
    return this.user !== null;
  }

  /** Signed in but the terms of use are not yet accepted. */
  get needsTerms(): boolean {
    return this.user !== null && this.user.termsAcceptedAt === null;
  }

  get isAdmin(): boolean {
    return this.user?.role === 'admin';
  }

  /** Reads the current session: 200 → user, 401 → nobody, anything else → status `error`. */
  async start(): Promise<void> {
    this.status = 'loading';
    this.error = null;
    this.emit();
    try {
      const { user } = await this.api.me.get();
      this.user = user;
      this.status = 'ready';
      this.offline = false;
      this.snapshot.setUser(user);
    } catch (e) {
      const known = this.snapshot.user<User>();
      if (e instanceof ApiError && e.status === 401) {
        this.user = null;
        this.status = 'ready';
        this.snapshot.setUser(null);
      } else if (e instanceof ApiError && e.code === 'network_error' && known) {
        // No network: open as the last signed-in user (the outbox keeps what they write).
        this.user = known;
        this.status = 'ready';
        this.offline = true;
      } else {
        this.error = asApiError(e);
        this.status = 'error';
      }
    }
    this.emit();
  }

  /** Signs in; throws ApiError (`invalid_credentials`, `account_not_active`, `rate_limited`…). */
  async login(email: string, password: string, altcha?: string): Promise<User> {
    const { user } = await this.api.auth.login(email, password, altcha);
    this.status = 'ready';
    this.error = null;
    this.setUser(user);
    return user;
  }

  /**
   * Signs out; a 401 (already signed out) counts as success. Answers the
   * provider's logout URL when the session came from ProConnect (the caller goes there).
   */
  async logout(): Promise<string | null> {
    let logoutUrl: string | null = null;
    try {
      logoutUrl = (await this.api.auth.logout())?.logoutUrl ?? null;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    this.setUser(null);
    return logoutUrl;
  }

  /** Creates the account of a first ProConnect sign-in with its département; answers where to go next. */
  async completeOidcSignup(signup: string, departmentCode: string): Promise<string | null> {
    const { user, next } = await this.api.auth.oidcSignup({ signup, departmentCode });
    this.status = 'ready';
    this.error = null;
    this.setUser(user);
    return next;
  }

  /** Accepts the terms of use. */
  async acceptTerms(): Promise<User> {
    const { user } = await this.api.me.acceptTerms();
    this.setUser(user);
    return user;
  }

  /** PATCH /api/me with the changed fields. */
  async updateProfile(patch: ProfilePatch): Promise<User> {
    const { user } = await this.api.me.update(patch);
    this.setUser(user);
    return user;
  }

  /** Replaces the user (e.g. after an avatar upload) and notifies. */
  setUser(user: User | null): void {
    this.user = user;
    this.snapshot.setUser(user);
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
