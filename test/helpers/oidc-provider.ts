/**
 * A real OpenID provider (`oidc-provider`) on loopback, standing in for
 * ProConnect: one confidential client, PKCE required, a sign-in form where the
 * login names the person, `acr`/`amr` set as ProConnect does, and RP-initiated logout.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { OidcConfig } from '../../server/config';

/** What the provider knows of a person (by login). */
export interface ProviderPerson {
  email: string;
  email_verified?: boolean;
  given_name: string;
  usual_name: string;
}

export interface TestOidcProvider {
  issuer: string;
  /** The Maillage configuration pointing at this provider. */
  config(): OidcConfig;
  /** How many sessions the provider has ended (RP-initiated logouts). */
  logouts: number;
  close(): Promise<void>;
}

const CLIENT_ID = 'maillage-test';
const CLIENT_SECRET = 'un-secret-de-test-assez-long-pour-hs256-0123456789';

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Starts the provider; `appUrl()` is read on the first request (the app may start after it). */
export async function startOidcProvider(people: Record<string, ProviderPerson>, appUrl: () => string): Promise<TestOidcProvider> {
  let provider: Provider | null = null;
  const state = { logouts: 0 };
  const server = http.createServer((req, res) => {
    provider ??= makeProvider();
    void handle(provider, req, res).catch((err) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function makeProvider(): Provider {
    return new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${appUrl()}/api/auth/oidc/callback`],
          post_logout_redirect_uris: [`${appUrl()}/connexion`],
          response_types: ['code'],
          grant_types: ['authorization_code'],
        },
      ],
      pkce: { required: () => true },
      claims: {
        amr: null,
        acr: null,
        auth_time: null,
        openid: ['sub'],
        email: ['email', 'email_verified'],
        given_name: ['given_name'],
        usual_name: ['usual_name'],
        family_name: ['family_name'],
      },
      cookies: { keys: ['cle-de-test-des-cookies'] },
      features: {
        devInteractions: { enabled: false },
        claimsParameter: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: async (ctx: { body: string }, form: string) => {
            ctx.body = `<!doctype html><html lang="fr"><body><h1>Déconnexion</h1>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Oui, me déconnecter</button></body></html>`;
          },
        },
      },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      // A first-party client: no consent screen (ProConnect asks none either).
      loadExistingGrant: async (ctx: { oidc: { client: { clientId: string }; session: { accountId: string }; provider: Provider } }) => {
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
        grant.addOIDCScope('openid email given_name usual_name family_name');
        grant.addOIDCClaims(['acr', 'amr']);
        await grant.save();
        return grant;
      },
      findAccount: async (_ctx: unknown, sub: string) => {
        const person = people[sub];
        if (!person) return undefined;
        return { accountId: sub, claims: async () => ({ sub, email_verified: true, ...person }) };
      },
      acrValues: ['eidas1'],
      ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    });
  }

  async function handle(p: Provider, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuer);
    const m = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      await p.interactionDetails(req, res);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="fr"><head><title>Fournisseur de test</title></head><body><main>
        <h1>Fournisseur d'identité de test</h1>
        <form method="post" action="/interaction/${escapeHtml(m[1]!)}">
          <label for="login">Identifiant</label><input id="login" name="login" autocomplete="username">
          <button type="submit">Continuer</button>
        </form></main></body></html>`);
      return;
    }
    if (m && req.method === 'POST') {
      await p.interactionDetails(req, res);
      const login = (await readForm(req)).get('login') ?? '';
      if (!people[login]) {
        await p.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown login' });
        return;
      }
      // As ProConnect: the level of assurance and the methods used.
      await p.interactionFinished(
        req,
        res,
        { login: { accountId: login, acr: 'eidas1', amr: ['pwd', 'mfa'] } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (url.pathname === '/session/end/confirm' && req.method === 'POST') state.logouts++;
    p.callback()(req, res);
  }

  return {
    issuer,
    config: () => ({
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      scope: 'openid email given_name usual_name family_name',
      acrValues: null,
    }),
    get logouts() {
      return state.logouts;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
