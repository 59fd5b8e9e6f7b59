import { expect } from 'chai';
import { makeUserWithToken } from '../helpers/factories';
import { screenshots, useBrowser } from '../helpers/browser';
import { api } from '../helpers/http';
import { PNG } from '../helpers/uploads';
import { useServer } from '../helpers/suite';

const shot = screenshots('groups');

describe('groups in the browser: request, approval, post, comment', function () {
  const browser = useBrowser();
  const s = useServer();

  it('a member asks to join a moderated group, its admin approves, the member posts, the admin comments', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'animator', firstName: 'Annie', lastName: 'Mateur', departmentCode: '69' });
    const member = await makeUserWithToken(s.db, { firstName: 'Julie', lastName: 'Petit', departmentCode: '33' });
    const created = await api(s.url, { token: admin.token }).post('/api/groups', {
      name: 'Conseillers numériques du Rhône',
      description: 'Échanges entre conseillers numériques.',
      visibility: 'moderated',
    });
    const groupId = created.body.id as number;

    // The member finds the group in the directory and asks to join, with a motive.
    const page = await browser.page(s.url, { token: member.token, path: '/groupes/annuaire' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('heading', { name: 'Groupes', level: 1 }).waitFor();
    const card = page.locator('mai-group-card', { hasText: 'Conseillers numériques du Rhône' });
    await card.getByText('Modéré').waitFor();
    await shot(page, 'directory');
    await card.getByRole('button', { name: 'Demander à rejoindre' }).click();
    await card.getByLabel('Motif de votre demande (facultatif)').fill('J’anime des ateliers à Villeurbanne.');
    await card.getByRole('button', { name: 'Envoyer la demande' }).click();
    await card.getByText('Demande en attente').waitFor();
    await page.getByText('Votre demande pour « Conseillers numériques du Rhône » est envoyée à ses responsables.').waitFor();
    await shot(page, 'requested');

    // The admin, in another context, sees the request with its motive and approves it.
    const desk = await browser.page(s.url, { token: admin.token, path: `/groupes/${groupId}/demandes` });
    desk.setDefaultTimeout(10_000);
    await desk.getByRole('heading', { name: 'Demandes d’adhésion' }).waitFor();
    const request = desk.locator('.mai-request', { hasText: 'Julie Petit' });
    await request.getByText('J’anime des ateliers à Villeurbanne.').waitFor();
    await shot(desk, 'admin-requests');
    await request.getByRole('button', { name: 'Accepter' }).click();
    await desk.getByText('Julie Petit est maintenant membre du groupe.').waitFor();
    const decided = desk.locator('table', { hasText: 'Demandes traitées' }).locator('tr', { hasText: 'Julie Petit' });
    await decided.getByText('Acceptée').waitFor();
    await decided.getByText('Annie Mateur').waitFor();
    await shot(desk, 'admin-decided');

    // The admin watches the group's feed; the member's post must arrive there live.
    await desk.getByRole('link', { name: 'Fil', exact: true }).click();
    await desk.getByRole('heading', { name: 'Publier dans le groupe' }).waitFor();

    // The member opens the group and posts, with a file whose upload progress is shown.
    await page.goto(`${s.url}/groupes/${groupId}`);
    await page.getByRole('heading', { name: 'Conseillers numériques du Rhône', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Discussion', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Discussion', exact: true }).getAttribute('href')).to.equal(
      `/discussions/${created.body.channelId}`,
    );
    await page.getByLabel('Type').selectOption('question');
    await page.getByLabel('Titre').fill('Atelier démarches en ligne');
    await page.getByLabel('Texte').fill('Qui a un **support** pour la CAF ?\n\n- impôts\n- ANTS\n\n<script>alert(1)</script>');
    await page.getByLabel('Fichiers joints').setInputFiles({ name: 'affiche.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.mai-uploads').getByText('Envoyé').waitFor();
    await shot(page, 'composer');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    const mine = page.locator('mai-post-card', { hasText: 'Atelier démarches en ligne' });
    await mine.waitFor();
    expect(await mine.locator('.mai-post-body strong').textContent()).to.equal('support');
    expect(await mine.locator('.mai-post-body li').count()).to.equal(2);
    expect(await mine.locator('script').count()).to.equal(0);
    await mine.getByText('<script>alert(1)</script>').waitFor();
    await mine.getByRole('link', { name: /affiche\.png/ }).waitFor();

    // It reached the admin's open feed without a reload; the admin comments.
    const seen = desk.locator('mai-post-card', { hasText: 'Atelier démarches en ligne' });
    await seen.waitFor();
    await seen.getByRole('button', { name: 'Commentaires (0)' }).click();
    await seen.getByLabel('Votre commentaire').fill('Oui : je vous envoie le mien.');
    await seen.getByRole('button', { name: 'Commenter' }).click();
    await seen.locator('.mai-comment', { hasText: 'Oui : je vous envoie le mien.' }).waitFor();
    await shot(desk, 'admin-comment');

    // The member sees the comment counted live, and reads it.
    await mine.getByRole('button', { name: 'Commentaires (1)' }).click();
    await mine.locator('.mai-comment', { hasText: 'Annie Mateur' }).getByText('Oui : je vous envoie le mien.').waitFor();
    await mine.getByRole('button', { name: /J’aime/ }).click();
    await mine.locator('button[aria-pressed="true"]', { hasText: 'J’aime' }).waitFor();
    await shot(page, 'member-post');

    const rows = await s
      .db('comments')
      .join('posts', 'posts.id', 'comments.post_id')
      .where('posts.group_id', groupId)
      .select('comments.body', 'comments.author_id');
    expect(rows).to.deep.equal([{ body: 'Oui : je vous envoie le mien.', author_id: admin.user.id }]);
  });
});
