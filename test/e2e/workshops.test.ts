import fs from 'node:fs';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { makeUserWithToken } from '../helpers/factories';
import { useBrowser, expectFocus } from '../helpers/browser';
import { useServer } from '../helpers/suite';
import { createGroup } from '../helpers/groups';
import { readZip } from '../helpers/zip';
import { cancelLinkSentTo } from '../helpers/workshops';
import { waitForOutbox, readOutbox } from '../helpers/outbox';

/** `datetime-local` value `days` from now at `hour`:00 (local time of the browser: Paris). */
function localInput(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hour)}:00`;
}

describe('browser: a public workshop on two dates, visitors without an account, the organiser’s lists', function () {
  this.timeout(240_000);
  const b = useBrowser();
  const s = useServer({ env: { EVENT_REGISTRATION_RATE_PER_IP: '1000' } });
  const errors: string[] = [];
  let organiser: { user: any; token: string };

  before(async () => {
    organiser = await makeUserWithToken(s.db, { role: 'animator', departmentCode: '69', firstName: 'Claire', lastName: 'Martin' });
    await createGroup(s.url, organiser.token, { name: 'Réseau création Rhône', visibility: 'public' });
  });

  const open = async (token: string | undefined, path: string): Promise<Page> => {
    const page = await b.page(s.url, { token, path });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    return page;
  };

  /** A visitor registers to the date at `index` of the event's page; answers the confirmation's text. */
  async function visit(eventId: number, index: number, name: string, email: string): Promise<string> {
    const v = await open(undefined, `/evenements-publics/${eventId}`);
    await v.getByRole('heading', { name: 'Atelier « Créer son entreprise »', level: 1 }).waitFor();
    await v.locator(`label[for="visitor-sessionId-${index}"]`).click();
    await v.locator('#visitor-name').fill(name);
    await v.locator('#visitor-email').fill(email);
    await v.locator('label[for="visitor-consent"]').click();
    await v.locator('mai-anti-robot').getByText('Vérification réussie').waitFor();
    await v.getByRole('button', { name: 'M’inscrire' }).click();
    await v.locator('#registration-done').waitFor();
    await expectFocus(v, 'registration-done');
    const text = await v.locator('#registration-done').innerText();
    await v.close();
    return text;
  }

  it('the organiser creates it, a visitor registers and cancels from the mail, four fill the second date (one waits), the organiser exports the lists', async () => {
    // 1. The organiser proposes a public workshop with two dates of 3 places.
    const page = await open(organiser.token, '/evenements/nouveau');
    await page.getByRole('heading', { name: 'Proposer un événement', level: 1 }).waitFor();
    await page.locator('#workshop-groupId').selectOption({ label: 'Réseau création Rhône' });
    await page.locator('#workshop-title').fill('Atelier « Créer son entreprise »');
    await page.locator('#workshop-description').fill('Du statut au financement, en deux heures.');
    await page.locator('#session-0-start').fill(localInput(10, 14));
    await page.locator('#session-0-end').fill(localInput(10, 16));
    await page.locator('#session-0-capacity').fill('3');
    await page.getByRole('button', { name: 'Ajouter une date' }).click();
    await expectFocus(page, 'session-1-start');
    await page.locator('#session-1-start').fill(localInput(17, 14));
    await page.locator('#session-1-end').fill(localInput(17, 16));
    await page.locator('#session-1-capacity').fill('3');
    await page.locator('#workshop-placeName').fill('Maison de l’entreprise');
    await page.locator('#mai-commune-input').focus();
    await page.keyboard.type('Lyon 1er');
    await page.locator('#mai-commune-opt-0', { hasText: 'Lyon 1er' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#workshop-contactEmail').fill('contact@example.org');
    await page.getByRole('button', { name: 'Enregistrer l’événement' }).click();
    await page.getByRole('heading', { name: 'Mes événements — inscriptions', level: 1 }).waitFor();
    const row = await s.db('events').where({ title: 'Atelier « Créer son entreprise »' }).first();
    expect(row.status).to.equal('published');
    expect(row.access).to.equal('public');
    const eventId = Number(row.id);

    // 2. A visitor registers to the first date, then cancels from the link in the mail.
    expect(await visit(eventId, 0, 'Alice Visiteuse', 'alice@example.org')).to.contain('Inscription confirmée');
    await waitForOutbox(s.outboxDir, 1);
    const { link } = cancelLinkSentTo(s.outboxDir, 'alice@example.org');
    const mine = await open(undefined, new URL(link).pathname + new URL(link).hash);
    await mine.getByRole('button', { name: 'Annuler mon inscription' }).click();
    await mine.locator('#cancel-done').waitFor();
    await expectFocus(mine, 'cancel-done');
    expect(readOutbox(s.outboxDir).some((m) => m.to.includes('alice@') && m.subject.startsWith('Inscription annulée'))).to.equal(true);

    // 3. Four visitors fill the second date: the fourth is on the waiting list.
    const answers = [];
    for (let i = 1; i <= 4; i++) answers.push(await visit(eventId, 1, `Visiteur ${i}`, `visiteur${i}@example.org`));
    expect(answers.slice(0, 3).every((a) => a.includes('Inscription confirmée'))).to.equal(true);
    expect(answers[3]).to.contain('liste d’attente (rang 1)');

    // 4. The organiser sees the counts, opens the second date's list, downloads CSV and XLSX.
    await page.reload();
    await page.getByRole('heading', { name: 'Mes événements — inscriptions', level: 1 }).waitFor();
    const section = page.locator(`#evenement-${eventId}`);
    await section.getByText('0/3 inscrit(s), 0 en attente').waitFor();
    await section.getByText('3/3 inscrit(s), 1 en attente').waitFor();
    await section.locator('button', { hasText: 'Afficher la liste' }).nth(1).click();
    const table = section.locator('table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).to.equal(4);
    expect(await table.innerText())
      .to.contain('visiteur4@example.org')
      .and.contain('Liste d’attente (n° 1)');
    const [csv] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Exporter en CSV' }).click()]);
    const csvText = fs.readFileSync((await csv.path())!, 'utf8');
    expect(csv.suggestedFilename()).to.match(/^inscrits-.*\.csv$/);
    for (let i = 1; i <= 4; i++) expect(csvText).to.contain(`visiteur${i}@example.org`);
    expect(csvText).not.to.contain('alice@example.org');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Exporter en XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).to.match(/\.xlsx$/);
    const sheet = readZip(fs.readFileSync((await xlsx.path())!))
      .get('xl/worksheets/sheet1.xml')!
      .toString('utf8');
    expect(sheet).to.contain('visiteur4@example.org').and.contain('Liste d&apos;attente'.replace('&apos;', "'"));
    expect(errors).to.deep.equal([]);
  });
});
