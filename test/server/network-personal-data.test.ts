import { expect } from 'chai';
import crypto from 'node:crypto';
import { api } from '../helpers/http';
import { makeUserWithToken, TEST_PASSWORD } from '../helpers/factories';
import { useServerOn } from '../helpers/suite';
import { readZip } from '../helpers/zip';
import { PNG, fileForm } from '../helpers/uploads';
import { openBookingPage } from '../helpers/booking';
import type { TestServer } from '../helpers/server';

/**
 * A member active in the newer domains: an organisation, an account-type
 * request, a published article with its image and a draft, a recommendation,
 * a booking page with an appointment, a favourite, a pending e-mail change.
 */
async function busyMember(s: TestServer) {
  const t = crypto.randomBytes(3).toString('hex');
  const m = await makeUserWithToken(s.db, { email: `active-${t}@exemple.fr` });
  const me = api(s.url, { token: m.token });
  const now = new Date();
  const [org] = await s
    .db('organisations')
    .insert({ type: 'mairie', name: `Mairie ${t}`, commune_code: '69266', department_code: '69', created_at: now, updated_at: now })
    .returning('id');
  const organisationId = Number((org as { id: number }).id ?? org);
  await s
    .db('organisation_members')
    .insert({ organisation_id: organisationId, user_id: m.user.id, manages_members: true, created_at: now });
  await s.db('organisation_requests').insert({
    type: 'mairie',
    name: `Mairie ${t}`,
    commune_code: '69266',
    requester_first_name: m.user.first_name,
    requester_last_name: m.user.last_name,
    requester_function: 'Maire',
    requester_email: m.user.email,
    status: 'accepted',
    created_at: now,
  });
  expect((await me.post('/api/me/account-type', { accountType: 'professionnel' })).status).to.equal(202);
  const article = { title: 'Mon article publié', summary: 'Un résumé.', body: 'Le texte.', access: 'pro' };
  const published = (await me.post('/api/articles', article)).body.id as number;
  expect((await me.put(`/api/articles/${published}/image`, fileForm(PNG, 'a.png', 'image/png', { alt: 'Une carte' }))).status).to.equal(
    200,
  );
  // Published by a moderator-free path: an admin approves it.
  const admin = await makeUserWithToken(s.db, { role: 'admin' });
  await me.put(`/api/articles/${published}`, { ...article, submit: true });
  expect((await api(s.url, { token: admin.token }).post(`/api/moderation/article/${published}`, { decision: 'publish' })).status).to.equal(
    200,
  );
  const draft = (await me.post('/api/articles', { ...article, title: 'Mon brouillon' })).body.id as number;
  expect((await me.post(`/api/articles/${published}/recommend`, { email: `ami-${t}@exemple.org`, message: 'À lire' })).status).to.equal(
    202,
  );
  await openBookingPage(s.url, m.token);
  await s.db('appointments').insert({
    host_id: m.user.id,
    starts_at: new Date(Date.now() + 86400_000),
    ends_at: new Date(Date.now() + 86400_000 + 1800_000),
    place_label: 'Médiathèque',
    canal: 'home_base',
    theme: 'autre',
    name: 'Visiteur Dupont',
    email: `visiteur-${t}@exemple.org`,
    token_hash: crypto.randomBytes(32).toString('hex'),
    created_at: now,
  });
  await s.db('favorites').insert({ user_id: m.user.id, kind: 'post', target_id: 424242, created_at: now });
  expect((await me.post('/api/me/email', { email: `nouvelle-${t}@exemple.fr`, password: TEST_PASSWORD })).status).to.equal(202);
  return { m, me, organisationId, published, draft, t };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`"Mes données" and erasure cover organisations, publishing, booking, favourites (#16) on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, function () {
    this.timeout(60_000);
    const s = useServerOn(kind);

    it('the export holds each newer kind, without secrets, with the article images', async () => {
      const { m, organisationId, published, draft, t } = await busyMember(s);
      const res = await fetch(`${s.url}/api/me/export`, { headers: { authorization: `Bearer ${m.token}` } });
      expect(res.status).to.equal(200);
      const zip = readZip(Buffer.from(await res.arrayBuffer()));
      const json = (name: string) => JSON.parse(zip.get(`${name}.json`)!.toString('utf8'));
      expect(json('organisation')[0]).to.include({ organisation_id: organisationId, name: `Mairie ${t}` });
      expect(json('demandes_organisation')[0]).to.include({ requester_email: m.user.email });
      expect(json('type_de_compte')[0]).to.include({
        type: 'membre',
        type_demande: 'professionnel',
        libelle_demande: 'Professionnel de l’accompagnement',
      });
      expect(json('type_de_compte')[0].demande_le).to.not.equal(null);
      expect(json('articles').map((a: any) => a.id)).to.deep.equal([published, draft]);
      expect(json('articles')[0]).to.include({ image_alt: 'Une carte', published_image_alt: 'Une carte' });
      expect(json('recommandations')[0]).to.include({ email: `ami-${t}@exemple.org` });
      expect(json('page_rendez_vous')[0]).to.have.property('slug');
      expect(json('rendez_vous')[0]).to.include({ name: 'Visiteur Dupont' });
      expect(json('favoris')[0]).to.include({ kind: 'post', target_id: 424242 });
      expect(json('changements_adresse')[0]).to.include({ new_email: `nouvelle-${t}@exemple.fr` });
      for (const name of ['rendez_vous', 'changements_adresse', 'appareils_notifies']) {
        expect(zip.get(`${name}.json`)!.toString('utf8'), name).to.not.match(/token_hash|p256dh|"auth"/);
      }
      expect(zip.get(`fichiers/article-${published}-image.png`)!.equals(PNG)).to.equal(true);
      expect(zip.get('LISEZ-MOI.txt')!.toString('utf8')).to.match(/articles, recommandations envoyées/);
    });

    it('an admin deletion erases them too; the published article stays, signed "Compte supprimé"', async () => {
      const { m, published, draft, t } = await busyMember(s);
      const admin = await makeUserWithToken(s.db, { role: 'admin' });
      expect((await api(s.url, { token: admin.token }).delete(`/api/admin/users/${m.user.id}`)).status).to.equal(204);
      for (const [table, column] of [
        ['organisation_members', 'user_id'],
        ['appointments', 'host_id'],
        ['booking_pages', 'user_id'],
        ['recommendations', 'sender_id'],
        ['favorites', 'user_id'],
        ['email_changes', 'user_id'],
      ] as const) {
        expect(await s.db(table).where(column, m.user.id).first(), table).to.equal(undefined);
      }
      expect(await s.db('organisation_requests').where({ requester_email: m.user.email }).first()).to.equal(undefined);
      const row = await s.db('users').where({ id: m.user.id }).first();
      expect(row).to.include({ requested_account_type: null, account_type_requested_at: null });
      expect(await s.db('articles').where({ id: draft }).first()).to.equal(undefined);
      const reader = await makeUserWithToken(s.db);
      const kept = await api(s.url, { token: reader.token }).get(`/api/articles/${published}`);
      expect(kept.status).to.equal(200);
      expect(kept.body.author.displayName).to.equal('Compte supprimé');
      expect(JSON.stringify(await s.db('organisation_requests').where('name', `Mairie ${t}`))).to.not.include(m.user.email);
    });
  });
}
