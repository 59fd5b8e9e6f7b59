import { expect } from 'chai';
import { useBrowser, expectFocus } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { PNG } from '../helpers/uploads';

describe('e2e: an article from submission to its public page', function () {
  this.timeout(120000);
  const browser = useBrowser();
  const s = useServer();
  const errors: string[] = [];

  it('the author submits, the moderator sends it back, the author resubmits, the moderator publishes it as public; a visitor reads it, and gets 404 on a pro one', async () => {
    const author = await makeUserWithToken(s.db, { firstName: 'Inès', lastName: 'Auteur' });
    const moderator = await makeUserWithToken(s.db, { role: 'animator' });
    const pro = await api(s.url, { token: moderator.token }).post('/api/articles', {
      title: 'Note interne du réseau',
      summary: 'Réservée aux membres.',
      body: 'Texte interne.',
      access: 'pro',
      submit: true,
    });
    expect(pro.body.status).to.equal('published');

    const page = await browser.page(s.url, { token: author.token, path: '/actualites' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('link', { name: 'Écrire un article' }).click();
    await page.locator('#article-title').fill('Le prêt d’honneur expliqué');
    await page.locator('#article-summary').fill('Ce qu’il finance, et comment le demander.');
    await page.locator('#article-body').fill('Le **prêt d’honneur** est un prêt personnel à taux zéro.');
    await page.getByText('Tout le monde (page publique)').click();
    // The preview renders the Markdown safely, as it will look.
    await page.locator('.mai-moderation-item strong', { hasText: 'prêt d’honneur' }).waitFor();
    // A draft first, then its image (an image needs the article saved), then the submission.
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.locator('#contenu').getByText('Le brouillon est enregistré.').waitFor();
    // The image needs its text alternative first: without it the file is not sent and the field says why.
    await page.locator('#article-image').setInputFiles({ name: 'pret.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('#article-imageAlt-error', { hasText: 'Décrivez l’image' }).waitFor();
    await expectFocus(page, 'article-imageAlt');
    await page.locator('#article-imageAlt').fill('Une porteuse de projet signe son prêt d’honneur');
    await page.locator('#article-image').setInputFiles({ name: 'pret.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('#contenu').getByText('L’image est enregistrée.').waitFor();
    await page.locator('.mai-moderation-item img.mai-article__image[alt="Une porteuse de projet signe son prêt d’honneur"]').waitFor();
    await page.getByRole('button', { name: 'Soumettre à la publication' }).click();
    await page.locator('#contenu').getByText('Votre article est envoyé aux modérateurs.').waitFor();

    const mod = await browser.page(s.url, { token: moderator.token, path: '/moderation' });
    mod.on('pageerror', (e) => errors.push(e.message));
    await mod.getByRole('heading', { name: 'Le prêt d’honneur expliqué' }).waitFor();
    await mod.locator('.mai-moderation-item strong', { hasText: 'prêt d’honneur' }).waitFor();
    await mod.getByRole('button', { name: 'Renvoyer à l’auteur' }).click();
    await mod.getByText('Expliquez à l’auteur ce qui doit changer').waitFor();
    await mod.getByLabel('Commentaire pour l’auteur').fill('Ajoutez le montant maximum.');
    await mod.getByRole('button', { name: 'Renvoyer à l’auteur' }).click();
    await mod.locator('#contenu').getByText('« Le prêt d’honneur expliqué » est renvoyé à son auteur.').waitFor();

    await page.goto(`${s.url}/mes-contenus`);
    await page.getByRole('cell', { name: /Ajoutez le montant maximum/ }).waitFor();
    await page
      .getByRole('link', { name: /Modifier/ })
      .first()
      .click();
    await page.getByText('Commentaire du modérateur').waitFor();
    await page.locator('#article-body').fill('Le **prêt d’honneur** est un prêt personnel à taux zéro, jusqu’à 30 000 €.');
    await page.getByRole('button', { name: 'Soumettre à la publication' }).click();
    await page.locator('#contenu').getByText('Votre article est envoyé aux modérateurs.').waitFor();

    await mod.reload();
    await mod.getByText('jusqu’à 30 000 €').waitFor();
    await mod.getByRole('button', { name: 'Publier' }).click();
    await mod.locator('#contenu').getByText('« Le prêt d’honneur expliqué » est publié.').waitFor();

    const visitor = await browser.page(s.url, { path: '/actualites' });
    visitor.on('pageerror', (e) => errors.push(e.message));
    await visitor.getByRole('link', { name: 'Le prêt d’honneur expliqué' }).click();
    await visitor.getByRole('heading', { name: 'Le prêt d’honneur expliqué', level: 1 }).waitFor();
    await visitor.getByText('jusqu’à 30 000 €').waitFor();
    expect(await visitor.title()).to.equal('Le prêt d’honneur expliqué — Maillage');
    // The image went on line with the text, served to a visitor without an account.
    const image = visitor.locator('img.mai-article__image');
    await image.waitFor();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).to.equal(true);
    expect(await image.getAttribute('alt')).to.equal('Une porteuse de projet signe son prêt d’honneur');
    expect(await visitor.getByText('Note interne du réseau').count()).to.equal(0);
    await visitor.goto(`${s.url}/actualites/${pro.body.id}`);
    await visitor.getByRole('heading', { name: 'Page non trouvée', level: 1 }).waitFor();
    expect(await visitor.getByText('Texte interne.').count()).to.equal(0);
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
