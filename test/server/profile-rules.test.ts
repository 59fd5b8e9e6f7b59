import { expect } from 'chai';
import { api } from '../helpers/http';
import { connect } from '../helpers/sockets';
import { makeUser, makeUserWithToken, TEST_PASSWORD } from '../helpers/factories';
import { createGroup } from '../helpers/groups';
import { useServer } from '../helpers/suite';
import { frenchPhoneE164 } from '../../server/services/accounts/phone';
import { foldName } from '../../server/services/chat/channel-names';

describe('profile rules: password change, French phone numbers, plain-French messages, unique names', () => {
  const s = useServer();

  describe('POST /api/me/password', () => {
    it('changes the password with the current one, keeps this session and revokes the others (their sockets too)', async () => {
      const u = await makeUser(s.db, { email: 'change@exemple.fr', firstName: 'Lucie', lastName: 'Aubrac' });
      const here = await api(s.url).post('/api/auth/login', { email: u.email, password: TEST_PASSWORD });
      const elsewhere = await api(s.url).post('/api/auth/login', { email: u.email, password: TEST_PASSWORD });
      const socket = await connect(s.url, elsewhere.body.token);
      const dropped = new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));
      const res = await api(s.url, { token: here.body.token }).post('/api/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'Nouveau-Secret9',
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.user.id).to.equal(u.id);
      expect(res.body.revokedSessions).to.equal(1);
      await dropped;
      expect((await api(s.url, { token: here.body.token }).get('/api/me')).status).to.equal(200);
      expect((await api(s.url, { token: elsewhere.body.token }).get('/api/me')).status).to.equal(401);
      expect((await api(s.url).post('/api/auth/login', { email: u.email, password: TEST_PASSWORD })).status).to.equal(401);
      expect((await api(s.url).post('/api/auth/login', { email: u.email, password: 'Nouveau-Secret9' })).status).to.equal(200);
    });

    it('answers wrong_password on the currentPassword field, and changes nothing', async () => {
      const u = await makeUserWithToken(s.db, {});
      const res = await api(s.url, { token: u.token }).post('/api/me/password', {
        currentPassword: 'pas-le-bon-1A',
        newPassword: 'Nouveau-Secret9',
      });
      expect(res.status).to.equal(400);
      expect(res.body.error.code).to.equal('wrong_password');
      expect(res.body.error.details.fields.currentPassword).to.equal('Le mot de passe actuel est incorrect.');
      expect((await api(s.url).post('/api/auth/login', { email: u.user.email, password: TEST_PASSWORD })).status).to.equal(200);
    });

    it('refuses a weak or unchanged new password and bad bodies with invalid_payload', async () => {
      const u = await makeUserWithToken(s.db, { firstName: 'Marie', lastName: 'Curie' });
      const as = api(s.url, { token: u.token });
      const weak = await as.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'marie-curie1' });
      expect(weak.status).to.equal(400);
      expect(weak.body.error.code).to.equal('invalid_payload');
      expect(weak.body.error.details.fields.newPassword).to.be.a('string');
      const same = await as.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
      expect(same.body.error.details.fields.newPassword).to.contain('différent');
      const missing = await as.post('/api/me/password', { newPassword: 'Nouveau-Secret9' });
      expect(missing.status).to.equal(400);
      expect(missing.body.error).to.deep.include({ code: 'invalid_payload', message: 'Mot de passe actuel : Ce champ est obligatoire.' });
      expect(
        (await as.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Nouveau-Secret9', extra: 1 })).body.error.code,
      ).to.equal('invalid_payload');
    });

    it('answers 401 without a session', async () => {
      const res = await api(s.url).post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Nouveau-Secret9' });
      expect(res.status).to.equal(401);
      expect(res.body.error.code).to.equal('unauthorized');
    });
  });

  describe('phone numbers', () => {
    it('reads French formats (overseas included) into E.164 and refuses the rest', () => {
      expect(frenchPhoneE164('06 12 34 56 78')).to.equal('+33612345678');
      expect(frenchPhoneE164('+33 6 12 34 56 78')).to.equal('+33612345678');
      expect(frenchPhoneE164('0033 1.23.45.67.89')).to.equal('+33123456789');
      expect(frenchPhoneE164('0692 12 34 56')).to.equal('+262692123456');
      for (const bad of ['12ab', '0612', '+1 202 555 0143', '06 12 34 56 78 9']) expect(frenchPhoneE164(bad), bad).to.equal(null);
    });

    it('PATCH /api/me stores the E.164 form; "12ab" answers invalid_payload in plain French; empty clears it', async () => {
      const u = await makeUserWithToken(s.db, {});
      const as = api(s.url, { token: u.token });
      const ok = await as.patch('/api/me', { phone: '06 12 34 56 78' });
      expect(ok.status).to.equal(200);
      expect(ok.body.user.phone).to.equal('+33612345678');
      expect((await s.db('users').where({ id: u.user.id }).first()).phone).to.equal('+33612345678');
      const bad = await as.patch('/api/me', { phone: '12ab' });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.code).to.equal('invalid_payload');
      expect(bad.body.error.details.fields.phone).to.match(/^Numéro de téléphone français invalide/);
      expect(bad.body.error.message).to.match(/^Téléphone : Numéro de téléphone français invalide/);
      expect((await s.db('users').where({ id: u.user.id }).first()).phone).to.equal('+33612345678');
      expect((await as.patch('/api/me', { phone: '' })).body.user.phone).to.equal(null);
    });
  });

  describe('validation messages', () => {
    it('never shows zod’s own wording: a too short name says how long it must be', async () => {
      const anim = await makeUserWithToken(s.db, { role: 'animator' });
      const res = await api(s.url, { token: anim.token }).post('/api/groups', { name: 'X', visibility: 'public' });
      expect(res.status).to.equal(400);
      expect(res.body.error.details.fields.name).to.equal('Au moins 2 caractères.');
      expect(res.body.error.message).to.equal('Nom : Au moins 2 caractères.');
      const wrongType = await api(s.url, { token: anim.token }).post('/api/groups', { name: 12, visibility: 'secret' });
      expect(wrongType.body.error.details.fields).to.deep.equal({ name: 'Un texte est attendu.', visibility: 'Choix non reconnu.' });
    });
  });

  describe('unique channel and group names', () => {
    it('folds case, accents and spacing', () => {
      expect(foldName('  Accessibilité   RGAA ')).to.equal(foldName('accessibilite rgaa'));
      expect(foldName('Santé-numérique')).to.equal(foldName('SANTE NUMERIQUE'));
    });

    it('a second group or thematic channel with the same name answers 409 name_taken on the name field; renaming oneself is fine', async () => {
      const anim = await makeUserWithToken(s.db, { role: 'animator' });
      const as = api(s.url, { token: anim.token });
      const g = await createGroup(s.url, anim.token, { name: 'Accessibilité RGAA' });
      for (const [path, name] of [
        ['/api/groups', 'accessibilite  rgaa'],
        ['/api/channels', 'ACCESSIBILITÉ RGAA'],
      ] as const) {
        const res = await as.post(path, { name, visibility: 'public' as const, description: null });
        expect(res.status, path).to.equal(409);
        expect(res.body.error.code).to.equal('name_taken');
        expect(res.body.error.details.fields.name).to.contain('porte déjà ce nom');
      }
      expect(await s.db('groups').whereRaw('lower(name) like ?', ['%rgaa%'])).to.have.length(1);
      const theme = await as.post('/api/channels', { name: 'Tiers-lieux ruraux', description: null });
      expect(theme.status).to.equal(201);
      const rename = await as.patch(`/api/groups/${g.id}`, { name: 'tiers lieux RURAUX' });
      expect(rename.status).to.equal(409);
      expect(rename.body.error.code).to.equal('name_taken');
      expect((await as.patch(`/api/groups/${g.id}`, { name: 'Accessibilité  RGAA' })).status).to.equal(200);
      expect((await as.patch(`/api/channels/${theme.body.id}`, { name: 'accessibilité rgaa' })).body.error.code).to.equal('name_taken');
      expect((await as.patch(`/api/channels/${theme.body.id}`, { name: 'Tiers-lieux des campagnes' })).status).to.equal(200);
    });
  });
});
