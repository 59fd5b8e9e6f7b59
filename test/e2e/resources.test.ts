import { expect } from 'chai';
import { useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { PNG } from '../helpers/uploads';

describe('e2e: the resource library, from a member’s proposal to « Mes favoris » and a visitor', function () {
  this.timeout(180000);
  const browser = useBrowser();
  const s = useServer();
  const errors: string[] = [];

  it('a member proposes a link and a file, a moderator publishes them, the member filters, sorts, stars one; a visitor reads a public one and gets 404 on a pro one', async () => {
    const member = await makeUserWithToken(s.db, { firstName: 'Lina', lastName: 'Conseillère' });
    const moderator = await makeUserWithToken(s.db, { role: 'animator' });
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const app = (await api(s.url, { token: admin.token }).post('/api/admin/resource-applications', { name: 'Logiciel Urbanisme' })).body;
    const pro = await api(s.url, { token: moderator.token }).post('/api/resources', {
      title: 'Procédure interne du réseau',
      description: 'Réservée aux membres.',
      type: 'guide',
      format: 'link',
      url: 'https://exemple.fr/interne',
      access: 'pro',
      submit: true,
    });
    expect(pro.body.status).to.equal('published');

    // A web link, public, about an application.
    const page = await browser.page(s.url, { token: member.token, path: '/ressources' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('link', { name: 'Proposer une ressource' }).first().click();
    await page.getByRole('heading', { name: 'Proposer une ressource', level: 1 }).waitFor();
    await page.locator('#resource-title').fill('Tutoriel permis de construire');
    await page.locator('#resource-description').fill('Déposer une demande en ligne, pas à pas.');
    await page.locator('#resource-type').selectOption('tutoriel');
    await page.getByText('Lien web', { exact: true }).click();
    // Submitting without the address: the field says so and keeps what was typed.
    await page.getByRole('button', { name: 'Soumettre à la publication' }).click();
    await page.getByText('Donnez une adresse web complète').first().waitFor();
    expect(await page.locator('#resource-title').inputValue()).to.equal('Tutoriel permis de construire');
    await page.locator('#resource-url').fill('https://exemple.fr/permis');
    await page.getByText('Tout le monde (page publique)').click();
    await page.locator('#resource-application').selectOption(String(app.id));
    await page.getByText('Réaliser une démarche en ligne', { exact: true }).click();
    await page.getByRole('button', { name: 'Soumettre à la publication' }).click();
    await page.locator('#contenu').getByText('Votre ressource est envoyée aux modérateurs.').waitFor();

    // A file, for members.
    await page.goto(`${s.url}/ressources/nouvelle`);
    await page.locator('#resource-title').fill('Fiche atelier tablette');
    await page.locator('#resource-description').fill('Déroulé d’un atelier de prise en main.');
    await page.locator('#resource-type').selectOption('fiche_atelier');
    await page.locator('#resource-file').setInputFiles({ name: 'atelier.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Soumettre à la publication' }).click();
    await page.locator('#contenu').getByText('Votre ressource est envoyée aux modérateurs.').waitFor();
    await page.goto(`${s.url}/mes-contenus`);
    await page.getByRole('cell', { name: 'Fiche atelier tablette', exact: true }).waitFor();

    const mod = await browser.page(s.url, { token: moderator.token, path: '/moderation' });
    mod.on('pageerror', (e) => errors.push(e.message));
    for (const title of ['Tutoriel permis de construire', 'Fiche atelier tablette']) {
      await mod.getByRole('heading', { name: title }).waitFor();
      await mod
        .getByRole('form', { name: `Décision sur « ${title} »` })
        .getByRole('button', { name: 'Publier' })
        .click();
      await mod.locator('#contenu').getByText(`« ${title} » est publié.`).waitFor();
    }

    // The library: filter by application, then by type; sort by title.
    await page.goto(`${s.url}/ressources`);
    await page.getByRole('link', { name: 'Fiche atelier tablette' }).waitFor();
    await page.locator('#resources-application').selectOption(String(app.id));
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('link', { name: 'Tutoriel permis de construire' }).waitFor();
    await page.getByRole('link', { name: 'Fiche atelier tablette' }).waitFor({ state: 'detached' });
    await page.locator('#resources-application').selectOption('');
    await page.locator('#resources-type').selectOption('fiche_atelier');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('link', { name: 'Tutoriel permis de construire' }).waitFor({ state: 'detached' });
    await page.locator('#resources-type').selectOption('');
    await page.locator('#resources-sort').selectOption('title');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('link', { name: 'Tutoriel permis de construire' }).waitFor();
    const titles = await page.locator('.fr-card__title').allTextContents();
    expect(titles.map((t) => t.trim())).to.deep.equal([
      'Fiche atelier tablette',
      'Procédure interne du réseau',
      'Tutoriel permis de construire',
    ]);

    // Its page: the download, the star, then « Mes favoris ».
    await page.getByRole('link', { name: 'Fiche atelier tablette' }).click();
    await page.getByRole('heading', { name: 'Fiche atelier tablette', level: 1 }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Télécharger \(atelier\.png/ }).click();
    expect((await download).suggestedFilename()).to.equal('atelier.png');
    await page.getByRole('button', { name: 'Favori' }).click();
    await page.locator('[aria-pressed="true"]').waitFor();
    await page.goto(`${s.url}/favoris`);
    await page.getByRole('link', { name: 'Fiche atelier tablette' }).waitFor();
    const opens = await s.db('resources').where({ title: 'Fiche atelier tablette' }).first();
    expect(Number(opens.opens_count)).to.equal(1);

    // A visitor: the public link reads, the pro one is 404 (and absent from the list).
    const visitor = await browser.page(s.url, { path: '/ressources' });
    visitor.on('pageerror', (e) => errors.push(e.message));
    await visitor.getByRole('link', { name: 'Tutoriel permis de construire' }).click();
    await visitor.getByRole('heading', { name: 'Tutoriel permis de construire', level: 1 }).waitFor();
    expect(await visitor.title()).to.equal('Tutoriel permis de construire — Maillage');
    expect(await visitor.getByText('Fiche atelier tablette').count()).to.equal(0);
    await visitor.goto(`${s.url}/ressources/${pro.body.id}`);
    await visitor.getByRole('heading', { name: 'Page non trouvée', level: 1 }).waitFor();
    expect(await visitor.getByText('Réservée aux membres.').count()).to.equal(0);
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
