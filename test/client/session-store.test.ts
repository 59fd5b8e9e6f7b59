import { expect } from 'chai';
import { ApiError } from '../../client/api/http.js';
import { createApi } from '../../client/api/index.js';
import { errorMessage } from '../../client/api/messages.js';
import { DepartmentsStore } from '../../client/state/departments-store.js';
import { checkPassword } from '../../client/state/password-rules.js';
import { SessionStore } from '../../client/state/session-store.js';
import { fakeFetch, makeUser } from './fake-fetch.js';

function setup() {
  const f = fakeFetch();
  const api = createApi({ fetch: f.fetch });
  const store = new SessionStore(api);
  let changes = 0;
  store.addEventListener('change', () => changes++);
  return { f, api, store, changes: () => changes };
}

describe('client SessionStore', () => {
  it('start: 200 from GET /api/me gives the user', async () => {
    const { f, store, changes } = setup();
    f.answer(200, { user: makeUser() });
    const started = store.start();
    expect(store.status).to.equal('loading');
    await started;
    expect(store.status).to.equal('ready');
    expect(store.user?.email).to.equal('camille.martin@example.fr');
    expect(store.signedIn).to.equal(true);
    expect(f.calls[0]).to.include({ method: 'GET', url: '/api/me', credentials: 'same-origin' });
    expect(changes()).to.equal(2);
  });

  it('start: 401 means nobody is signed in', async () => {
    const { f, store } = setup();
    f.error(401, 'unauthorized', 'Non connecté.');
    await store.start();
    expect(store.status).to.equal('ready');
    expect(store.user).to.equal(null);
    expect(store.error).to.equal(null);
  });

  it('start: a network failure is an error with a French message', async () => {
    const { f, store } = setup();
    f.fail();
    await store.start();
    expect(store.status).to.equal('error');
    expect(store.error).to.be.instanceOf(ApiError);
    expect(store.error?.code).to.equal('network_error');
    expect(store.error?.message).to.match(/Impossible de joindre le serveur/);
  });

  it('login posts the credentials and keeps the user', async () => {
    const { f, store, changes } = setup();
    f.answer(200, { user: makeUser(), token: 'abc' });
    const user = await store.login('camille.martin@example.fr', 'Secret-123');
    expect(user.id).to.equal(1);
    expect(store.user?.id).to.equal(1);
    expect(f.calls[0]).to.deep.include({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: 'camille.martin@example.fr', password: 'Secret-123' },
    });
    expect(changes()).to.equal(1);
  });

  it('login errors are thrown as ApiError with the contract code', async () => {
    const { f, store } = setup();
    f.error(401, 'invalid_credentials', 'Identifiants incorrects.');
    const err = await store.login('x@example.fr', 'bad').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ApiError);
    expect(err).to.include({ status: 401, code: 'invalid_credentials' });
    expect(store.user).to.equal(null);
    expect(errorMessage(err)).to.equal('Adresse électronique ou mot de passe incorrect.');

    f.error(403, 'account_not_active', 'Compte inactif.');
    const inactive = await store.login('x@example.fr', 'Secret-123').catch((e: unknown) => e);
    expect(inactive).to.include({ status: 403, code: 'account_not_active' });
    expect(errorMessage(inactive)).to.match(/n'est pas actif/);
  });

  it('rate limiting reads Retry-After into the message', async () => {
    const { f, store } = setup();
    f.answer(429, { error: { code: 'rate_limited', message: 'Trop de tentatives.' } }, { 'Retry-After': '120' });
    const err = await store.login('x@example.fr', 'x').catch((e: unknown) => e);
    expect(err).to.include({ status: 429, code: 'rate_limited' });
    expect(errorMessage(err)).to.equal('Trop de tentatives. Réessayez dans 2 minutes.');
  });

  it('a non-JSON error body still gives an ApiError', async () => {
    const { f, store } = setup();
    f.answer(502);
    await store.start();
    expect(store.status).to.equal('error');
    expect(store.error).to.include({ status: 502, code: 'http_error' });
  });

  it('acceptTerms, updateProfile and setUser replace the user and notify', async () => {
    const { f, store, changes } = setup();
    f.answer(200, { user: makeUser({ termsAcceptedAt: null }) });
    await store.start();
    expect(store.needsTerms).to.equal(true);

    f.answer(200, { user: makeUser() });
    await store.acceptTerms();
    expect(f.calls[1]).to.include({ method: 'POST', url: '/api/me/accept-terms' });
    expect(store.needsTerms).to.equal(false);

    f.answer(200, { user: makeUser({ city: 'Lyon', departmentCode: '69' }) });
    await store.updateProfile({ city: 'Lyon', departmentCode: '69' });
    expect(f.calls[2]).to.deep.include({ method: 'PATCH', url: '/api/me', body: { city: 'Lyon', departmentCode: '69' } });
    expect(store.user?.city).to.equal('Lyon');

    store.setUser(makeUser({ avatarUrl: '/api/users/1/avatar?v=2' }));
    expect(store.user?.avatarUrl).to.equal('/api/users/1/avatar?v=2');
    expect(changes()).to.equal(5);
  });

  it('updateProfile exposes the field errors of an invalid_payload answer', async () => {
    const { f, store } = setup();
    f.error(400, 'invalid_payload', 'Champ « firstName » : trop court', { fields: { firstName: 'Trop court.' } });
    const err = (await store.updateProfile({ firstName: '' }).catch((e: unknown) => e)) as ApiError;
    expect(err.code).to.equal('invalid_payload');
    expect(err.fieldErrors).to.deep.equal({ firstName: 'Trop court.' });
  });

  it('logout forgets the user; 401 counts as already signed out', async () => {
    const { f, store } = setup();
    f.answer(200, { user: makeUser() });
    await store.start();
    f.answer(200, { ok: true });
    await store.logout();
    expect(f.calls[1]).to.include({ method: 'POST', url: '/api/auth/logout' });
    expect(store.user).to.equal(null);

    store.setUser(makeUser());
    f.error(401, 'unauthorized');
    await store.logout();
    expect(store.user).to.equal(null);
  });

  it('logout keeps the user when the server cannot be reached', async () => {
    const { f, store } = setup();
    store.setUser(makeUser());
    f.fail();
    const err = await store.logout().catch((e: unknown) => e);
    expect(err).to.include({ code: 'network_error' });
    expect(store.user?.id).to.equal(1);
  });

  it('a 401 on any call while signed in ends the session', async () => {
    const { f, api, store } = setup();
    store.setUser(makeUser());
    f.error(401, 'unauthorized');
    await api.departments.list().catch(() => undefined);
    expect(store.user).to.equal(null);
  });
});

describe('client DepartmentsStore', () => {
  it('loads once and labels codes as "75 — Paris"', async () => {
    const f = fakeFetch();
    const store = new DepartmentsStore(createApi({ fetch: f.fetch }));
    f.answer(200, [
      { code: '75', name: 'Paris', regionCode: '11' },
      { code: '2A', name: 'Corse-du-Sud', regionCode: '94' },
    ]);
    await Promise.all([store.load(), store.load()]);
    await store.load();
    expect(f.calls).to.have.length(1);
    expect(store.status).to.equal('ready');
    expect(store.label('75')).to.equal('75 — Paris');
    expect(store.label('99')).to.equal('99');
  });

  it('can retry after an error', async () => {
    const f = fakeFetch();
    const store = new DepartmentsStore(createApi({ fetch: f.fetch }));
    f.fail();
    await store.load();
    expect(store.status).to.equal('error');
    f.answer(200, []);
    await store.load();
    expect(store.status).to.equal('ready');
  });
});

describe('client password rules', () => {
  const ok = (pw: string, names?: { firstName: string; lastName: string }) =>
    Object.fromEntries(checkPassword(pw, names).map((r) => [r.id, r.ok]));

  it('checks length, upper case, digit or special character', () => {
    expect(ok('')).to.deep.equal({ length: false, upper: false, digit: false });
    expect(ok('abcdefgh')).to.deep.equal({ length: true, upper: false, digit: false });
    expect(ok('Abcdefg1')).to.deep.equal({ length: true, upper: true, digit: true });
    expect(ok('Abcdefg!')).to.deep.equal({ length: true, upper: true, digit: true });
  });

  it('refuses the first or last name, ignoring case and accents', () => {
    const names = { firstName: 'Hélène', lastName: 'Dupont' };
    expect(ok('Xhelene-2026', names).names).to.equal(false);
    expect(ok('MonDUPONT!1', names).names).to.equal(false);
    expect(ok('Correct-Horse-9', names).names).to.equal(true);
  });
});

describe('client ApiError', () => {
  it('maps field-specific codes to their field', () => {
    const err = new ApiError(409, 'username_taken', "Ce nom d'utilisateur est déjà pris.");
    expect(err.fieldErrors).to.deep.equal({ username: "Ce nom d'utilisateur est déjà pris." });
    expect(new ApiError(403, 'forbidden', 'Non.').fieldErrors).to.deep.equal({});
  });
});
