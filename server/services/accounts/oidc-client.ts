/**
 * The OpenID Connect relying party (ProConnect), through the certified
 * `openid-client`: discovery, PKCE + state + nonce, the code exchange with ID
 * token checks, userinfo, and the provider's logout URL.
 */
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config';
import { AppError } from '../../errors';

/** What a sign-in attempt keeps (in an HttpOnly cookie) between the redirect and the callback. */
export interface OidcAttempt {
  state: string;
  nonce: string;
  verifier: string;
  next: string | null;
}

/** The person as the provider vouches for them after a successful callback. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  firstName: string;
  lastName: string;
  acr: string | null;
  amr: string | null;
  idToken: string | null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** One relying party per configured provider; discovery is done once, and retried after a failure. */
export class OidcClient {
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(private readonly settings: OidcConfig) {}

  private configuration(): Promise<oidc.Configuration> {
    const issuer = new URL(this.settings.issuer);
    // Plain http only for a provider on this machine (the tests' provider); ProConnect is https.
    const execute = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname) ? [oidc.allowInsecureRequests] : [];
    this.discovered ??= oidc
      .discovery(
        issuer,
        this.settings.clientId,
        { client_secret: this.settings.clientSecret, id_token_signed_response_alg: 'RS256' },
        oidc.ClientSecretBasic(this.settings.clientSecret),
        { execute },
      )
      .catch((err) => {
        this.discovered = null;
        throw new AppError('oidc_unavailable', 503, "Le service d'identification ne répond pas. Réessayez plus tard.", {
          cause: String(err),
        });
      });
    return this.discovered;
  }

  /** The provider's authorization URL for a new attempt, and the attempt to keep until the callback. */
  async start(redirectUri: string, next: string | null): Promise<{ url: string; attempt: OidcAttempt }> {
    const config = await this.configuration();
    const attempt: OidcAttempt = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), next };
    const params: Record<string, string> = {
      redirect_uri: redirectUri,
      scope: this.settings.scope,
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      // As ProConnect documents it: acr and amr come in the ID token only when asked for.
      claims: JSON.stringify({ id_token: { acr: { essential: true }, amr: { essential: true } } }),
    };
    if (this.settings.acrValues) params.acr_values = this.settings.acrValues;
    return { url: oidc.buildAuthorizationUrl(config, params).href, attempt };
  }

  /**
   * Exchanges the callback's code (state, PKCE verifier and nonce checked by
   * openid-client) and reads the person's claims from the ID token and userinfo.
   */
  async finish(callbackUrl: URL, attempt: OidcAttempt): Promise<OidcIdentity> {
    const config = await this.configuration();
    let tokens;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw new AppError('oidc_failed', 400, "L'identification auprès du fournisseur a échoué.", { cause: String(err) });
    }
    const claims = tokens.claims()!;
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => ({}) as oidc.UserInfoResponse);
    const all = { ...info, ...claims } as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    const amr = Array.isArray(all.amr) ? all.amr.filter((x) => typeof x === 'string').join(' ') : text(all.amr);
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: text(all.email)?.toLowerCase() ?? null,
      emailVerified: all.email_verified === true || all.email_verified === 'true',
      firstName: (text(all.given_name) ?? '').slice(0, 80),
      lastName: (text(all.usual_name) ?? text(all.family_name) ?? '').slice(0, 80),
      acr: text(all.acr)?.slice(0, 120) ?? null,
      amr: amr?.slice(0, 200) ?? null,
      idToken: tokens.id_token ?? null,
    };
  }

  /** The provider's end-session URL (null if it has none), to end its session too on logout. */
  async endSessionUrl(idToken: string, postLogoutRedirectUri: string): Promise<string | null> {
    const config = await this.configuration().catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri }).href;
  }
}

const clients = new WeakMap<OidcConfig, OidcClient>();

/** The relying party of a configuration (one per process, so discovery is shared by every request). */
export function oidcClientFor(settings: OidcConfig): OidcClient {
  let client = clients.get(settings);
  if (!client) clients.set(settings, (client = new OidcClient(settings)));
  return client;
}
