/**
 * Chromium, on two nodes (one database, one Redis): a créateur fills a sheet and three post-its and
 * shares it with a professional; the professional (on the other node) comments on a post-it; the
 * creator sees it live and the mail is in the outbox; a third member gets 404; after revocation the
 * professional gets 404 on both nodes and their open canvas closes.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser, expectFocus, expectFocusWhere } from '../helpers/browser';
import { useCluster } from '../helpers/cluster';
import { api } from '../helpers/http';
import { readOutbox } from '../helpers/outbox';
import { createGroup } from '../helpers/groups';
import { workshopBody } from '../helpers/workshops';

describe('e2e: project sheet, canvas and sharing with a professional', function () {
  this.timeout(120_000);
  const browser = useBrowser();
  const cluster = useCluster();

  async function typed(type: 'createur' | 'professionnel', firstName: string) {
    const p = await cluster.person({ firstName, lastName: type === 'createur' ? 'Créatrice' : 'Conseiller' });
    await cluster.db('users').where({ id: p.user.id }).update({ account_type: type });
    return p;
  }

  const watchErrors = (page: Page, errors: string[]) => page.on('pageerror', (e) => errors.push(e.message));

  it('sheet, three post-its, share, live comment from another node, 404 for others, revocation everywhere', async () => {
    const creator = await typed('createur', 'Inès');
    const pro = await typed('professionnel', 'Marc');
    const third = await cluster.person();
    const errors: string[] = [];

    // The créateur fills a new sheet (node A).
    const page = await browser.page(cluster.A.url, { token: creator.token, path: '/projets' });
    watchErrors(page, errors);
    await page.locator('a', { hasText: 'Nouvelle fiche projet' }).click();
    await page.locator('#sheet-title').fill('Épicerie vrac à Bordeaux');
    await page.locator('#sheet-summary').fill('Une épicerie sans emballage en centre-ville.');
    await page.locator('label', { hasText: 'Étude' }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('#sheet-department option').length > 50);
    await page.locator('#sheet-department').selectOption('33');
    await page.locator('label[for="sheet-need-financement"]').click();
    await page.locator('#sheet-description').fill('Ouverture prévue au printemps.');
    await page.locator('button', { hasText: 'Créer la fiche' }).click();
    await page.waitForURL(/\/projets\/\d+$/);
    const sheetId = Number(new URL(page.url()).pathname.split('/')[2]);
    await page.locator('h1', { hasText: 'Épicerie vrac à Bordeaux' }).waitFor();

    // Three post-its on the canvas.
    await page.locator('a', { hasText: 'Ouvrir le canevas' }).click();
    await page.waitForURL(/\/canevas$/);
    for (const [block, text] of [
      ['segments', 'Familles du quartier'],
      ['proposition', 'Produits locaux sans emballage'],
      ['canaux', 'Marché du dimanche'],
    ]) {
      await page.locator(`#add-${block}`).fill(text!);
      await page.locator(`section.mai-canvas__block--${block} button`, { hasText: 'Ajouter' }).click();
      await page.locator('mai-postit', { hasText: text! }).waitFor();
    }
    expect(await page.locator('mai-postit').count()).to.equal(3);

    // Shared with the professional: access at once.
    await page.locator('a.fr-breadcrumb__link', { hasText: 'Épicerie vrac à Bordeaux' }).click();
    await page.locator('#share-email').fill(pro.user.email);
    await page.locator('button', { hasText: 'Partager' }).click();
    await page.locator('mai-sheet-shares .fr-alert--success', { hasText: 'a maintenant accès' }).waitFor();

    // The creator keeps the canvas open (node A); the professional opens it on node B and comments a post-it.
    await page.locator('a', { hasText: 'Ouvrir le canevas' }).click();
    await page.locator('mai-postit', { hasText: 'Familles du quartier' }).waitFor();
    const proPage = await browser.page(cluster.B.url, { token: pro.token, path: '/projets' });
    watchErrors(proPage, errors);
    await proPage.locator('a', { hasText: 'Épicerie vrac à Bordeaux' }).click();
    await proPage.locator('.fr-alert', { hasText: 'Première visite' }).waitFor();
    await proPage.locator('a', { hasText: 'Ouvrir le canevas' }).click();
    const postit = proPage.locator('mai-postit', { hasText: 'Familles du quartier' });
    await postit.locator('button[data-action="thread"]').click();
    expect(await postit.locator('button[data-action="edit"]').count()).to.equal(0);
    await postit.locator('textarea').fill('Avez-vous chiffré ce segment ?');
    await postit.locator('button', { hasText: 'Commenter' }).click();
    await postit.locator('.mai-comment', { hasText: 'Avez-vous chiffré ce segment ?' }).waitFor();

    // Live on the creator's canvas (node A), and mailed to the creator.
    const creatorPostit = page.locator('mai-postit', { hasText: 'Familles du quartier' });
    await creatorPostit.locator('button[data-action="thread"]', { hasText: 'Commentaires (1)' }).waitFor();
    await creatorPostit.locator('button[data-action="thread"]').click();
    await creatorPostit.locator('.mai-comment', { hasText: 'Avez-vous chiffré ce segment ?' }).waitFor();
    const mail = readOutbox(cluster.B.outboxDir).find((m) => m.to.includes(creator.user.email));
    expect(mail?.subject).to.include('Épicerie vrac à Bordeaux');
    expect(mail?.text).to.include('Avez-vous chiffré ce segment ?');

    // A third member: 404 on the sheet and its canvas, through the API and in the browser.
    for (const path of [`/api/project-sheets/${sheetId}`, `/api/project-sheets/${sheetId}/canvas`])
      expect((await api(cluster.A.url, { token: third.token }).get(path)).status).to.equal(404);
    const thirdPage = await browser.page(cluster.A.url, { token: third.token, path: `/projets/${sheetId}/canevas` });
    await thirdPage.locator('h1', { hasText: 'Canevas introuvable' }).waitFor();
    await thirdPage.context().close();

    // Revocation on node A: the professional's open canvas on node B closes, and every read answers 404 on both nodes.
    await page.locator('a.fr-breadcrumb__link', { hasText: 'Épicerie vrac à Bordeaux' }).click();
    await page.locator('button', { hasText: 'Retirer l’accès' }).click();
    await page.getByRole('dialog', { name: 'Retirer l’accès ?' }).getByRole('button', { name: 'Retirer l’accès' }).click();
    await page.locator('mai-sheet-shares .fr-alert--success', { hasText: 'n’a plus accès' }).waitFor();
    await proPage.locator('h1', { hasText: 'Canevas introuvable' }).waitFor();
    for (const node of [cluster.A, cluster.B])
      for (const path of [
        `/api/project-sheets/${sheetId}`,
        `/api/project-sheets/${sheetId}/canvas`,
        `/api/project-sheets/${sheetId}/comments`,
      ])
        expect((await api(node.url, { token: pro.token }).get(path)).status, `${node.url}${path}`).to.equal(404);
    expect(errors).to.deep.equal([]);
    await page.context().close();
    await proPage.context().close();
  });

  it('the canvas works with the keyboard alone: add, move to another block, reorder', async () => {
    const creator = await typed('createur', 'Léa');
    const sheet = (await api(cluster.A.url, { token: creator.token }).post('/api/project-sheets', { title: 'Atelier vélo', stage: 'idee' }))
      .body;
    const page = await browser.page(cluster.A.url, { token: creator.token, path: `/projets/${sheet.id}/canevas` });
    const focused = () =>
      page.evaluate(() => ({
        id: document.activeElement?.id,
        action: document.activeElement?.getAttribute('data-action'),
        text: document.activeElement?.textContent?.trim(),
        tag: document.activeElement?.tagName,
      }));
    await page.locator('h1', { hasText: 'Atelier vélo' }).waitFor();

    // Add two post-its in « Canaux »: type, Tab to « Ajouter », Enter; the focus comes back to the field.
    await page.locator('#add-canaux').focus();
    for (const text of ['Bouche à oreille', 'Réseaux sociaux']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
      expect((await focused()).text).to.include('Ajouter');
      await page.keyboard.press('Enter');
      await page.locator('mai-postit', { hasText: text }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'add-canaux');
    }

    // « Monter » on the second: it becomes first. Its answer is held back here (the server has done the move, so its
    // live echo re-orders the canvas first), as a slow network would: the person goes on meanwhile.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const movePath = '**/api/project-sheets/*/postits/*/move';
    await page.route(movePath, async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    const second = page.locator('mai-postit', { hasText: 'Réseaux sociaux' });
    await second.locator('button[data-action="thread"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab'); // Descendre (disabled: skipped), Monter
    expect((await focused()).action).to.equal('up');
    await page.keyboard.press('Enter');
    const reordered = (timeout: number) =>
      page.waitForFunction(
        () =>
          [...document.querySelectorAll('.mai-canvas__block--canaux mai-postit .mai-postit__text')].map((p) => p.textContent).join('|') ===
          'Réseaux sociaux|Bouche à oreille',
        undefined,
        { timeout },
      );
    // Without the live echo within 5 s (a reconnection), the answer itself re-orders the canvas.
    const echoed = await reordered(5000).then(
      () => true,
      () => false,
    );
    if (!echoed) release();
    await reordered(30_000);

    // « Déplacer… » with the keyboard: Enter opens the form with the focus on the list of blocks, a letter picks one, Tab, Enter.
    const moving = page.locator('mai-postit', { hasText: 'Bouche à oreille' });
    await moving.locator('button[data-action="move"]').focus();
    await page.keyboard.press('Enter');
    await expectFocusWhere(page, () => document.activeElement?.tagName === 'SELECT', 'the list of blocks of the move form');
    // The late answer to « Monter » is announced, and leaves the focus where the person is now.
    release();
    await page.waitForFunction(() =>
      document.getElementById('mai-live-region')?.textContent?.startsWith('Post-it déplacé : Canaux, position 1'),
    );
    expect(await page.evaluate(() => document.activeElement?.tagName), 'the late answer took the focus').to.equal('SELECT');
    await page.unroute(movePath);
    await page.locator(`mai-postit:has-text("Bouche à oreille") select`).selectOption('revenus');
    await page.keyboard.press('Tab');
    expect((await focused()).text).to.equal('Déplacer');
    await page.keyboard.press('Enter');
    await page.locator('.mai-canvas__block--revenus mai-postit', { hasText: 'Bouche à oreille' }).waitFor();
    await page.waitForFunction(
      () => document.activeElement?.classList.contains('mai-postit__text') && document.activeElement.textContent === 'Bouche à oreille',
      undefined,
      { polling: 50 },
    );
    expect(await page.locator('.mai-canvas__block--canaux mai-postit').count()).to.equal(1);

    // A change made elsewhere (another tab, the REST API) moves the post-it that holds the focus in the DOM: the
    // focus stays on its button instead of falling back to the page.
    const revenus = page.locator('.mai-canvas__block--revenus mai-postit');
    const owner = api(cluster.A.url, { token: creator.token });
    expect((await owner.post(`/api/project-sheets/${sheet.id}/postits`, { block: 'revenus', text: 'Abonnements' })).status).to.equal(201);
    await revenus.nth(1).filter({ hasText: 'Abonnements' }).waitFor();
    const bouche = revenus.filter({ hasText: 'Bouche à oreille' });
    const boucheId = Number(await bouche.getAttribute('data-postit-id'));
    await bouche.locator('button[data-action="thread"]').focus();
    expect(
      (await owner.post(`/api/project-sheets/${sheet.id}/postits/${boucheId}/move`, { block: 'revenus', position: 1 })).status,
    ).to.equal(200);
    await revenus.nth(1).filter({ hasText: 'Bouche à oreille' }).waitFor();
    await expectFocusWhere(
      page,
      () =>
        document.activeElement?.getAttribute('data-action') === 'thread' &&
        document.activeElement.closest('mai-postit')?.textContent?.includes('Bouche à oreille') === true,
      'the « Commentaires » button of « Bouche à oreille »',
    );

    // Deleting a post-it asks first (the DSFR modal), then the focus goes to the block's new post-it field.
    await revenus.filter({ hasText: 'Abonnements' }).locator('button[data-action="delete"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Supprimer ce post-it ?' }).getByRole('button', { name: 'Supprimer le post-it' }).click();
    await revenus.filter({ hasText: 'Abonnements' }).waitFor({ state: 'detached' });
    await expectFocus(page, 'add-revenus');
    expect(await revenus.count()).to.equal(1);
    await page.context().close();
  });

  it('an anonymous visitor answers the orientation questions and gets the workshop of their département and sector, explained', async () => {
    const animator = await cluster.person({ role: 'animator' });
    const admin = await cluster.person({ role: 'admin' });
    const as = (t: string) => api(cluster.A.url, { token: t });
    const commerce = (await as(admin.token).post('/api/admin/sectors', { name: 'Commerce' })).body;
    const group = await createGroup(cluster.A.url, animator.token, { visibility: 'public' });
    for (const [title, dept, commune, postal] of [
      ['Atelier : ouvrir un commerce en Gironde', '33', '33063', '33000'],
      ['Atelier : ouvrir un commerce dans le Rhône', '69', '69381', '69001'],
    ]) {
      const made = await as(animator.token).post(
        '/api/events',
        workshopBody(group.id, { title, departmentCodes: [dept], communeCode: commune, postalCode: postal, sectorIds: [commerce.id] }),
      );
      expect(made.status, JSON.stringify(made.body)).to.equal(201);
    }
    const page = await browser.page(cluster.A.url, { path: '/orientation' });
    await page.locator('h1', { hasText: 'Orientation' }).waitFor();
    await page.locator('label', { hasText: 'Idée' }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('#orientation-department option').length > 50);
    await page.locator('#orientation-department').selectOption('33');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#orientation-sector option')].some((o) => o.textContent === 'Commerce'),
    );
    await page.locator('#orientation-sector').selectOption({ label: 'Commerce' });
    await page.locator('button', { hasText: 'Voir les suggestions' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'orientation-results');
    const events = page.locator('ul[aria-label="Événements suggérés"] > li');
    expect(await events.count()).to.equal(1);
    expect(await events.first().locator('h3').textContent()).to.equal('Atelier : ouvrir un commerce en Gironde');
    expect(await events.first().locator('.mai-because').textContent()).to.include('Parce que vous êtes en Gironde, secteur commerce.');
    await page.context().close();
  });
});
