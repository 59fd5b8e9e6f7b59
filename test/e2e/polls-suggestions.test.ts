/**
 * Chromium: a member creates a poll in a group, another votes and the author's
 * results change live, the voter changes their vote, closing shows the final
 * results to both; then « Suggestions »: a member proposes, another supports
 * it, an admin marks it planned with a reason (the author is notified).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { addToGroup, createGroup } from '../helpers/groups';
import { useServer } from '../helpers/suite';

const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/** axe-core's serious and critical WCAG A/AA violations on the page as it is now, and whether it is wider than the screen. */
async function problems(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE);
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  )) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  const found = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  const wide = await page.evaluate(() =>
    document.documentElement.scrollWidth > window.innerWidth + 1
      ? [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
      : null,
  );
  if (wide) found.push(`wider than the screen: ${wide.join(', ')}`);
  return found;
}

/** The text of one result row of the poll on this page. */
const row = (page: Page, label: string) =>
  page.evaluate(
    (l) =>
      [...document.querySelectorAll('mai-poll .mai-poll__rows > li')]
        .find((li) => li.querySelector('.mai-poll__label')?.textContent?.startsWith(l))
        ?.querySelector('.mai-poll__value')?.textContent ?? '',
    label,
  );

async function rowIs(page: Page, label: string, text: string) {
  await page.waitForFunction(
    ([l, t]) =>
      [...document.querySelectorAll('mai-poll .mai-poll__rows > li')]
        .find((li) => li.querySelector('.mai-poll__label')?.textContent?.startsWith(l!))
        ?.querySelector('.mai-poll__value')
        ?.textContent?.includes(t!),
    [label, text],
  );
}

describe('e2e: polls in a group and the « Suggestions » box', function () {
  this.timeout(90_000);
  const browser = useBrowser();
  const s = useServer();

  it('a poll: created, voted, results live for the author, vote changed, closed with final results', async () => {
    const anim = await makeUserWithToken(s.db, { role: 'animator' });
    const alice = await makeUserWithToken(s.db, { firstName: 'Alice', lastName: 'Sondeuse' });
    const bob = await makeUserWithToken(s.db, { firstName: 'Bob', lastName: 'Votant' });
    const group = await createGroup(s.url, anim.token, { name: 'Conseillers du Rhône', visibility: 'public' });
    for (const p of [alice, bob]) await addToGroup(s.url, anim.token, group.id, p);
    const errors: string[] = [];
    const a = await browser.page(s.url, { token: alice.token, path: `/groupes/${group.id}/fil` });
    const b = await browser.page(s.url, { token: bob.token, path: `/groupes/${group.id}/fil` });
    for (const p of [a, b]) p.on('pageerror', (e) => errors.push(e.message));
    await b.locator('mai-post-feed').waitFor();

    await a.locator('#post-kind').selectOption('poll');
    await a.locator('#post-title').fill('Quel jour pour la rencontre ?');
    // Publishing with one option is refused with a clear message, and what was typed stays.
    await a.locator('#poll-option-0').fill('Lundi');
    await a.getByRole('button', { name: 'Publier' }).click();
    await a.locator('#poll-fields-error', { hasText: 'au moins deux options' }).waitFor();
    expect(await a.locator('#post-title').inputValue()).to.equal('Quel jour pour la rencontre ?');
    await a.locator('#poll-option-1').fill('Mardi');
    await a.getByRole('button', { name: 'Ajouter une option' }).click();
    await a.locator('#poll-option-2').fill('Jeudi');
    await a.getByRole('button', { name: 'Publier' }).click();
    // The author sees the (empty) results at once.
    await a.locator('mai-poll', { hasText: 'Résultats provisoires' }).waitFor();
    expect(await row(a, 'Mardi')).to.contain('0 voix');

    // Bob gets the poll live, sees no results before voting, votes for Mardi.
    const poll = b.locator('mai-poll');
    await poll.locator('text=Les résultats s’affichent une fois que vous avez voté.').waitFor();
    await b.setViewportSize({ width: 390, height: 844 });
    expect(await problems(b)).to.deep.equal([]);
    await poll.locator('label', { hasText: 'Mardi' }).click();
    await poll.getByRole('button', { name: 'Voter' }).click();
    await rowIs(b, 'Mardi', '1 voix · 100 %');
    // The focus lands on the results just shown.
    await b.waitForFunction(() => document.activeElement?.id.endsWith('-results'));
    // Alice's results change without a reload.
    await rowIs(a, 'Mardi', '1 voix · 100 %');
    await a.locator('mai-poll', { hasText: '1 participant' }).waitFor();
    // Named poll: Alice sees who chose what.
    expect(await a.locator('mai-poll details', { hasText: 'Mardi' }).textContent()).to.contain('Bob Votant');
    expect(await problems(a)).to.deep.equal([]);

    // Bob changes his vote: Jeudi.
    // With the keyboard alone: Jeudi, then Tab to « Modifier mon vote ».
    await poll.getByLabel('Jeudi').focus();
    await b.keyboard.press('Space');
    await b.keyboard.press('Tab');
    expect(await b.evaluate(() => document.activeElement?.textContent?.trim())).to.equal('Modifier mon vote');
    await b.keyboard.press('Enter');
    await rowIs(a, 'Jeudi', '1 voix · 100 %');
    await rowIs(a, 'Mardi', '0 voix');

    // Alice closes it: both see the final results, Bob can vote no more.
    await a.locator('mai-poll').getByRole('button', { name: 'Clore le sondage' }).click();
    await a.locator('.mai-confirm-dialog__yes').click();
    await a.locator('mai-poll', { hasText: 'Résultats définitifs' }).waitFor();
    await b.locator('mai-poll', { hasText: 'Résultats définitifs' }).waitFor();
    await rowIs(b, 'Jeudi', '1 voix · 100 %');
    expect(await poll.getByRole('button', { name: 'Modifier mon vote' }).count()).to.equal(0);
    expect(await poll.locator('.fr-badge', { hasText: 'Clos' }).count()).to.equal(1);
    // The export link is offered to whoever sees the results.
    const href = await poll.getByRole('link', { name: 'Exporter les résultats (CSV)' }).getAttribute('href');
    const csv = await b.evaluate(async (h) => (await fetch(h!)).text(), href);
    expect(csv).to.contain('Jeudi;1;100 %');
    expect(errors).to.deep.equal([]);
  });

  it('a suggestion: proposed, supported by another member, marked planned with a reason by an admin', async () => {
    const carla = await makeUserWithToken(s.db, { firstName: 'Carla', lastName: 'Idée' });
    const dan = await makeUserWithToken(s.db, { firstName: 'Dan', lastName: 'Soutien' });
    const admin = await makeUserWithToken(s.db, { role: 'admin', firstName: 'Ada', lastName: 'Admin' });
    const errors: string[] = [];
    const c = await browser.page(s.url, { token: carla.token, path: '/' });
    c.on('pageerror', (e) => errors.push(e.message));
    await c.locator('#navigation').getByRole('button', { name: 'Réseau' }).click();
    await c.locator('#navigation').getByRole('link', { name: 'Suggestions' }).click();
    await c.waitForURL(/\/suggestions$/);
    await c.locator('#sug-new-title').fill('Un agenda commun aux départements');
    await c.getByRole('button', { name: 'Proposer' }).click();
    // Missing text: a clear message, focus on the field, the title kept.
    await c.locator('#sug-form-error', { hasText: 'Décrivez votre suggestion.' }).waitFor();
    await c.waitForFunction(() => document.activeElement?.id === 'sug-new-body');
    await c.locator('#sug-new-body').fill('Pour voir les réunions de tout le réseau.');
    await c.getByRole('button', { name: 'Proposer' }).click();
    await c.locator('mai-suggestion-item h2', { hasText: 'Un agenda commun aux départements' }).waitFor();
    await c.waitForFunction(() => document.activeElement?.tagName === 'H2');

    const d = await browser.page(s.url, { token: dan.token, path: '/suggestions' });
    d.on('pageerror', (e) => errors.push(e.message));
    const support = d.getByRole('button', { name: /Soutenir « Un agenda commun aux départements »/ });
    await support.click();
    await d.waitForFunction(
      () => document.querySelector('mai-suggestion-item button[aria-pressed]')?.getAttribute('aria-pressed') === 'true',
    );
    expect(await d.locator('mai-suggestion-item').textContent()).to.contain('1 soutien');

    const ad = await browser.page(s.url, { token: admin.token, path: '/suggestions' });
    ad.on('pageerror', (e) => errors.push(e.message));
    await ad.getByRole('button', { name: 'Changer le statut' }).click();
    await ad.locator('select[name="status"]').selectOption('planned');
    await ad.setViewportSize({ width: 390, height: 844 });
    expect(await problems(ad)).to.deep.equal([]);
    await ad.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await ad.locator('mai-suggestion-item .fr-error-text', { hasText: 'Expliquez votre décision' }).waitFor();
    await ad.locator('textarea[name="reason"]').fill('Prévu pour le premier trimestre.');
    await ad.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await ad.locator('mai-suggestion-item .fr-badge', { hasText: 'Prévue' }).waitFor();
    await ad.locator('mai-suggestion-item', { hasText: 'Prévu pour le premier trimestre.' }).waitFor();

    // The author is told in the app, and the list shows the status to everyone.
    await c.goto(`${s.url}/notifications`);
    await c
      .getByRole('link', {
        name: 'Votre suggestion « Un agenda commun aux départements » est prévue. Motif : Prévu pour le premier trimestre.',
      })
      .waitFor();
    await d.reload();
    await d.locator('#sug-filter').selectOption('planned');
    await d.locator('mai-suggestion-item', { hasText: 'Un agenda commun aux départements' }).waitFor();
    expect(await d.locator('mai-suggestion-item .fr-badge').first().textContent()).to.contain('Prévue');
    // Searching: words that match nothing empty the list, the title's words find it again.
    await d.locator('#sug-q').fill('introuvable');
    await d.locator('#sug-q').press('Enter');
    await d.locator('text=Aucune suggestion ici pour l’instant.').waitFor();
    await d.locator('#sug-q').fill('agenda commun');
    await d.locator('#sug-q').press('Enter');
    await d.locator('mai-suggestion-item', { hasText: 'Un agenda commun aux départements' }).waitFor();
    expect(errors).to.deep.equal([]);
  });
});
