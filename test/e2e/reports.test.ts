import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { useBrowser, expectFocus, expectFocusWhere } from '../helpers/browser';
import { useServer } from '../helpers/suite';
import { reportBody, workshopBody } from '../helpers/reports';

const require = createRequire(import.meta.url);

describe('browser: activity reports (CRA), from the form to the territorial dashboard', function () {
  const b = useBrowser();
  const s = useServer();
  let cn: { user: any; token: string };
  let animator: { user: any; token: string };
  let others: { user: any; token: string }[];
  const errors: string[] = [];

  before(async () => {
    cn = await makeUserWithToken(s.db, { departmentCode: '69', firstName: 'Inès', lastName: 'Martin' });
    animator = await makeUserWithToken(s.db, { role: 'animator', departmentCode: '69' });
    others = [await makeUserWithToken(s.db, { departmentCode: '69' }), await makeUserWithToken(s.db, { departmentCode: '69' })];
  });

  const open = async (token: string, path: string): Promise<Page> => {
    const page = await b.page(s.url, { token, path });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    return page;
  };
  const key = async (page: Page, selector: string, ...keys: string[]) => {
    await page.locator(selector).focus();
    for (const k of keys) await page.keyboard.press(k);
  };
  /** axe-core's serious and critical violations on the page (ids and their first targets). */
  const axeProblems = async (page: Page) => {
    // Evaluated through the debugging protocol: the page's CSP (script-src 'self') refuses injected script tags.
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const found = await page.evaluate(async () => (await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations);
    return found
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v: any) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n: any) => n.target.join(' '))
            .join(', ')}`,
      );
  };
  /** On a 390 px wide phone, nothing makes the page scroll sideways. */
  const fitsPhone = async (page: Page) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= 390);
    await page.setViewportSize({ width: 1280, height: 900 });
    return fits;
  };

  it('a conseiller fills a report with the keyboard only (commune by postal code); the draft survives a reload; a mismatch keeps the form', async () => {
    const page = await open(cn.token, '/');
    await page.getByRole('heading', { name: 'Bonjour Inès', level: 1 }).waitFor();
    await key(page, '.mai-home__main a[href="/comptes-rendus/nouveau"]', 'Enter');
    await page.getByRole('heading', { name: 'Enregistrer un accompagnement', level: 1 }).waitFor();

    await page.locator('#mai-commune-input').focus();
    await page.keyboard.type('69100');
    await page.locator('#mai-commune-opt-0', { hasText: 'Villeurbanne' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await page.locator('#mai-commune-input').inputValue()).to.equal('Villeurbanne (69100)');
    await key(page, '#report-canal-home_base', 'Space');
    await key(page, '#report-activity-individual', 'Space');
    expect(await page.locator('#report-participants').isDisabled()).to.equal(true);
    await key(page, '#report-ages-35_60', 'Control+A', '1');
    await page.locator('#report-ages-rest', { hasText: 'Le compte est bon.' }).waitFor();
    expect(await axeProblems(page)).to.deep.equal([]);
    expect(await fitsPhone(page)).to.equal(true);

    // A reload keeps everything typed so far.
    await page.reload();
    await page.locator('#report-ages-rest', { hasText: 'Le compte est bon.' }).waitFor();
    expect(await page.locator('#mai-commune-input').inputValue()).to.equal('Villeurbanne (69100)');
    expect(await page.locator('#report-canal-home_base').isChecked()).to.equal(true);

    await key(page, '#report-theme-email', 'Space');
    await key(page, '#report-theme-online_procedure', 'Space');
    await key(page, '#report-duration-30_60', 'Space');
    // No status yet: the server refuses with a field error; the form keeps its values and focus goes to the field.
    await key(page, 'form.mai-report-form button[type="submit"]', 'Enter');
    await page.locator('#report-statuses .fr-message--error', { hasText: '0 personne(s) pour 1 participant(s)' }).waitFor();
    await expectFocus(page, 'report-statuses-student');
    expect(await page.locator('#report-theme-email').isChecked()).to.equal(true);
    // The helper counts the rest as "Non renseigné".
    await key(page, '#report-statuses button', 'Enter');
    await page.locator('#report-statuses-rest', { hasText: 'Le compte est bon.' }).waitFor();
    await key(page, 'form.mai-report-form button[type="submit"]', 'Enter');
    await page.locator('#report-saved', { hasText: 'Accompagnement enregistré' }).waitFor();
    await expectFocus(page, 'report-saved');

    const row = await s.db('reports').where({ author_id: cn.user.id }).first();
    expect(row).to.include({
      commune_code: '69266',
      canal: 'home_base',
      activity: 'individual',
      participants: 1,
      st_unknown: 1,
      age_35_60: 1,
      duration_band: '30_60',
    });

    // "Mes statistiques": the report is counted, the table beside the chart says so.
    await key(page, 'a[href="/statistiques"].fr-btn', 'Enter');
    await page.getByRole('heading', { name: 'Mes statistiques', level: 1 }).waitFor();
    await page.locator('.mai-stats-figure__value').first().filter({ hasText: '1' }).waitFor();
    const activity = page.locator('table', { has: page.locator('caption', { hasText: /^Activité$/ }) });
    expect(await activity.locator('tr', { hasText: 'Accompagnement individuel' }).locator('td').innerText()).to.equal('1');
    const themes = page.locator('table', { has: page.locator('caption', { hasText: 'Thèmes les plus fréquents' }) });
    expect(await themes.locator('tbody th').allInnerTexts()).to.deep.equal([
      'Envoyer, recevoir, gérer ses courriels',
      'Réaliser une démarche en ligne',
    ]);
    expect(await axeProblems(page)).to.deep.equal([]);
    expect(await fitsPhone(page)).to.equal(true);

    // Exports: CSV and XLSX, downloaded and opened.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), key(page, 'a:has-text("Exporter en CSV")', 'Enter')]);
    const csv = fs.readFileSync((await csvDownload.path())!);
    expect([...csv.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).to.have.length(2);
    expect(lines[1]).to.contain(';Villeurbanne;69266;69;Lieu de rattachement;Accompagnement individuel;1;');
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), key(page, 'a:has-text("Exporter en tableur")', 'Enter')]);
    expect(xlsxDownload.suggestedFilename()).to.match(/^comptes-rendus-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsxDownload.path())!);
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['Accompagnements', 'Synthèse']);
    expect(wb.getWorksheet('Accompagnements')!.getRow(2).getCell(2).value).to.equal('Villeurbanne');

    expect(errors).to.deep.equal([]);
  });

  it('an animator sees the département aggregate, with "< 5" for small cells', async () => {
    // 5 more individual reports in the Rhône by two colleagues, and one workshop.
    for (let i = 0; i < 5; i++)
      expect((await api(s.url, { token: others[i % 2]!.token }).post('/api/reports', reportBody())).status).to.equal(201);
    expect((await api(s.url, { token: others[0]!.token }).post('/api/reports', workshopBody(6))).status).to.equal(201);
    const page = await open(animator.token, '/statistiques');
    await page.getByRole('heading', { name: 'Statistiques', level: 1 }).waitFor();
    await page.locator('#stats-scope').selectOption('department');
    await page.locator('#stats-code').selectOption('69');
    await page.getByRole('heading', { name: /^Rhône \(69\)/ }).waitFor();
    const activity = page.locator('table', { has: page.locator('caption', { hasText: /^Activité$/ }) });
    expect(await activity.locator('tr', { hasText: 'Accompagnement individuel' }).locator('td').innerText()).to.equal('6');
    expect(await activity.locator('tr', { hasText: 'Atelier collectif' }).locator('td').innerText()).to.equal('< 5');
    expect(await page.locator('.mai-stats-figure__value').first().innerText()).to.equal('7');
    // No export of rows and no one's name in a territorial view.
    expect(await page.locator('a:has-text("Exporter en CSV")').count()).to.equal(0);
    expect(await page.locator('.mai-stats-grid').innerText())
      .to.not.contain('Inès')
      .and.not.contain('Martin');
    expect(errors).to.deep.equal([]);
  });

  it('deleting a report asks first (the DSFR modal; Annuler has the focus, so Entrée keeps it)', async () => {
    const created = await api(s.url, { token: cn.token }).post('/api/reports', reportBody());
    expect(created.status).to.equal(201);
    const page = await open(cn.token, '/comptes-rendus');
    const remove = page.locator(`.mai-report-item:has(a[href="/comptes-rendus/${created.body.id}"]) button`, { hasText: 'Supprimer' });
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Supprimer cet accompagnement ?' });
    await expectFocusWhere(page, () => document.activeElement?.classList.contains('mai-confirm-dialog__no') === true, 'Annuler');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await s.db('reports').where({ id: created.body.id })).to.have.length(1);
    await remove.click();
    await dialog.getByRole('button', { name: 'Supprimer l’accompagnement' }).click();
    await remove.waitFor({ state: 'detached' });
    expect(await s.db('reports').where({ id: created.body.id })).to.have.length(0);
    expect(errors).to.deep.equal([]);
  });

  it('a member cannot read another’s report (404)', async () => {
    const theirs = (await s.db('reports').where({ author_id: others[0]!.user.id }).first()).id as number;
    const page = await open(cn.token, `/comptes-rendus/${theirs}`);
    await page.locator('.fr-alert--error', { hasText: 'Compte rendu introuvable.' }).waitFor();
    const status = await page.evaluate(async (id) => (await fetch(`/api/reports/${id}`)).status, theirs);
    expect(status).to.equal(404);
  });
});
