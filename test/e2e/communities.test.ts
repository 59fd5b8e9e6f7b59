import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { makeUserWithToken } from '../helpers/factories';
import { screenshots, useBrowser } from '../helpers/browser';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';

const shot = screenshots('communities');
const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/** axe-core's serious and critical violations of the page as it is, and whether it is wider than the screen. */
async function audit(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE);
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  )) as { id: string; impact: string; nodes: { target: string[] }[] }[];
  const out = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  // Only the page's own content (the shared header is another page's concern).
  const wide = (await page.evaluate(
    `[...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.tagName + '.' + e.className)`,
  )) as string[];
  if (wide.length) out.push(`wider than the screen: ${wide.slice(0, 3).join(' | ')}`);
  return out;
}

describe('communities in the browser: community home, sub-group, useful link, suggestion, « nouveau », the gear', function () {
  const browser = useBrowser();
  const s = useServer();

  it('an animator makes a community; a member finds it in « On vous propose », joins, sees what is new and sets its rhythm', async () => {
    const anim = await makeUserWithToken(s.db, { role: 'animator', firstName: 'Annie', lastName: 'Mateur', departmentCode: '33' });
    const member = await makeUserWithToken(s.db, { firstName: 'Marc', lastName: 'Lebrun', departmentCode: '33' });
    const created = await api(s.url, { token: anim.token }).post('/api/groups', {
      name: 'Inclusion numérique Gironde',
      description: 'La communauté des aidants numériques de Gironde.',
      visibility: 'public',
    });
    const groupId = created.body.id as number;

    // The animator turns the group into a community from its settings.
    const desk = await browser.page(s.url, { token: anim.token, path: `/groupes/${groupId}/parametres` });
    desk.setDefaultTimeout(10_000);
    await desk.getByRole('heading', { name: 'Paramètres du groupe' }).waitFor();
    // Changing the visibility explains what it means before anything is saved.
    await desk.getByLabel(/^Privé/).check({ force: true });
    await desk.getByText('Le groupe disparaîtra de l’annuaire').waitFor();
    await desk.getByLabel(/^Public/).check({ force: true });
    await desk.getByRole('button', { name: 'Faire de ce groupe une communauté' }).click();
    await desk.getByText('Le groupe est maintenant une communauté.').waitFor();
    const menu = desk.getByRole('navigation', { name: 'Rubriques de la communauté' });
    await menu.waitFor();
    await shot(desk, 'settings');

    // It adds a sub-group from the « Groupes » entry.
    await menu.getByRole('link', { name: 'Groupes', exact: true }).click();
    await desk.getByRole('heading', { name: 'Groupes de la communauté' }).waitFor();
    await desk.getByText('Créer un groupe dans la communauté').click();
    await desk.getByLabel('Nom du groupe').fill('Atelier démarches en ligne');
    await desk.getByRole('button', { name: 'Créer le groupe' }).click();
    await desk.getByRole('heading', { name: 'Atelier démarches en ligne', level: 1 }).waitFor();
    // Breadcrumbs: community → group.
    const crumbs = desk.getByRole('navigation', { name: 'vous êtes ici :' });
    await crumbs.getByRole('link', { name: 'Inclusion numérique Gironde' }).waitFor();
    const sub = await s.db('groups').where({ name: 'Atelier démarches en ligne' }).first();
    expect(sub.parent_id).to.equal(groupId);

    // And a useful link.
    await crumbs.getByRole('link', { name: 'Inclusion numérique Gironde' }).click();
    await menu.getByRole('link', { name: 'Liens utiles' }).click();
    await desk.getByLabel('Intitulé').fill('Les Bases du numérique d’intérêt général');
    await desk.getByLabel('Adresse (https://…)').fill('https://lesbases.anct.gouv.fr');
    await desk.getByRole('button', { name: 'Ajouter le lien' }).click();
    await desk.getByText('Lien « Les Bases du numérique d’intérêt général » ajouté.').waitFor();
    await desk.getByRole('link', { name: 'Les Bases du numérique d’intérêt général' }).waitFor();
    await shot(desk, 'links');

    // The member finds it in « On vous propose » on their personal space and joins in one click.
    const page = await browser.page(s.url, { token: member.token, path: '/' });
    page.setDefaultTimeout(10_000);
    const proposals = page.getByRole('region', { name: 'On vous propose' });
    const card = proposals.locator('article', { hasText: 'Inclusion numérique Gironde' });
    await card.getByText('1 membre').waitFor();
    await card.getByText('des membres de votre département').waitFor();
    // The sub-group of a community the member is not in is not proposed (it could not be joined).
    expect(await proposals.getByText('Atelier démarches en ligne').count()).to.equal(0);
    await shot(page, 'suggestions');
    await card.getByRole('button', { name: /^Adhérer/ }).click();
    await page.getByText('Vous êtes membre de « Inclusion numérique Gironde ».').waitFor();

    // First visit of the community: nothing is « nouveau ».
    await page.goto(`${s.url}/groupes/${groupId}`);
    const memberMenu = page.getByRole('navigation', { name: 'Rubriques de la communauté' });
    await memberMenu.waitFor();
    await page.getByText('Rien de nouveau depuis votre dernière visite.').waitFor();
    await page.getByRole('link', { name: 'Les Bases du numérique d’intérêt général' }).waitFor();

    // The animator publishes after that visit.
    const posted = await api(s.url, { token: anim.token }).post(`/api/groups/${groupId}/posts`, {
      kind: 'article',
      title: 'Rencontre départementale du 12 janvier',
      body: 'Inscriptions ouvertes.',
    });
    expect(posted.status).to.equal(201);

    // Back on the community, the news entry counts it and the post is flagged « Nouveau ».
    await page.reload();
    await memberMenu.getByRole('link', { name: /Actualités\s+1 nouveau/ }).click();
    const post = page.locator('mai-post-card', { hasText: 'Rencontre départementale du 12 janvier' });
    await post.getByText('Nouveau', { exact: true }).waitFor();
    await shot(page, 'nouveau');

    // The gear: the member sets the group's rhythm to a daily digest.
    await page.getByRole('button', { name: 'Mes réglages pour ce groupe' }).click();
    const rhythm = page.getByLabel('Mes notifications pour ce groupe');
    await rhythm.selectOption('daily');
    await page.getByText('Rythme enregistré : Résumé quotidien.').waitFor();
    await shot(page, 'gear');
    expect(await audit(page), 'community page, desktop').to.deep.equal([]);
    // At phone width (loaded at that width, as a phone would).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await memberMenu.waitFor();
    await page.getByRole('button', { name: 'Mes réglages pour ce groupe' }).click();
    await page.getByLabel('Mes notifications pour ce groupe').waitFor();
    expect(await audit(page), 'community page, 390 px').to.deep.equal([]);
    await desk.goto(`${s.url}/groupes/${groupId}/parametres`);
    await desk.getByRole('heading', { name: 'Paramètres du groupe' }).waitFor();
    expect(await audit(desk), 'settings page').to.deep.equal([]);
    const settings = await api(s.url, { token: member.token }).get('/api/me/notification-settings');
    expect(settings.body.groups[String(groupId)]).to.deep.equal({ frequency: 'daily' });
  });
});
