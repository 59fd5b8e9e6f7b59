import fs from 'node:fs';
import { expect } from 'chai';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { uniqueDepartment } from '../helpers/contacts';
import { useBrowser } from '../helpers/browser';
import { addToGroup, createGroup } from '../helpers/groups';
import { samples } from '../helpers/zip';
import { useServer } from '../helpers/suite';

describe('browser: document bank and agenda', function () {
  const b = useBrowser();
  const s = useServer();
  let owner: { user: any; token: string };
  let member: { user: any; token: string };
  let group: { id: number; channelId: number };

  before(async () => {
    owner = await makeUserWithToken(s.db, {
      role: 'animator',
      departmentCode: uniqueDepartment(),
      firstName: 'Claire',
      lastName: 'Martin',
    });
    member = await makeUserWithToken(s.db, { departmentCode: uniqueDepartment(), firstName: 'Julie', lastName: 'Petit' });
    group = await createGroup(s.url, owner.token, { name: 'Inclusion numérique du Rhône', visibility: 'private' });
    await addToGroup(s.url, owner.token, group.id, member);
  });

  it('uploads a file with a progress bar, lists it, and downloads the same bytes', async () => {
    const bytes = Buffer.concat([samples.pdf(), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const page = await b.page(s.url, { token: member.token, path: `/groupes/${group.id}/documents` });
    await page.getByRole('heading', { name: 'Déposer un document' }).waitFor();
    // Slow the upload down so the bar has something to show, and record every value it shows.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    await page.evaluate(() => {
      const seen: number[] = ((window as any).__progress = []);
      new MutationObserver(() => {
        for (const p of document.querySelectorAll('mai-document-upload progress')) seen.push(Number((p as HTMLProgressElement).value));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    });
    await page.setInputFiles('#doc-file', { name: 'Rapport annuel <2026>.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.fill('#doc-title', 'Rapport annuel');
    await page.getByRole('button', { name: 'Déposer', exact: true }).click();
    await page.getByRole('progressbar').first().waitFor();
    const row = page.locator('mai-document-table tr', { hasText: 'Rapport annuel' });
    await row.waitFor({ timeout: 20_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const seen = (await page.evaluate(() => (window as any).__progress)) as number[];
    expect(seen.length).to.be.greaterThan(0);
    expect(
      seen.some((v) => v > 0 && v < 100),
      `progress values: ${seen.join(',')}`,
    ).to.equal(true);
    // The hostile-looking name is shown as text, not markup.
    expect(await row.locator('.mai-filename').textContent()).to.equal('Rapport annuel <2026>.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Télécharger' }).click()]);
    // The browser makes its own safe name from the header's (Chromium turns < and > into _).
    expect(download.suggestedFilename()).to.match(/^Rapport annuel .2026.\.pdf$/);
    const saved = await download.path();
    expect(fs.readFileSync(saved!).equals(bytes)).to.equal(true);
    const stored = await s.db('documents').where({ group_id: group.id, title: 'Rapport annuel' }).first();
    expect(Number(stored.size)).to.equal(bytes.length);
  }).timeout(60_000);

  it('a file dropped on the drop zone is uploaded; a refused type says why', async () => {
    const page = await b.page(s.url, { token: member.token, path: `/groupes/${group.id}/documents` });
    await page.getByRole('heading', { name: 'Déposer un document' }).waitFor();
    const drop = async (name: string, text: string) =>
      page.evaluate(
        ([n, t]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([t!], n!, { type: 'text/plain' }));
          const zone = document.querySelector('.mai-dropzone')!;
          zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
          zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        [name, text],
      );
    await drop('compte-rendu.txt', 'Présents : 12 personnes.');
    await page.getByText('compte-rendu.txt (', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Déposer', exact: true }).click();
    await page.locator('mai-document-table tr', { hasText: 'compte-rendu' }).waitFor();
    await drop('page.html', '<script>alert(1)</script>');
    await page.getByRole('button', { name: 'Déposer', exact: true }).click();
    await page.locator('mai-document-upload [role="alert"]', { hasText: 'Type de fichier non accepté' }).waitFor();
  }).timeout(60_000);

  it('registering in one window changes the live count in another', async () => {
    const starts = new Date(Date.now() + 5 * 86_400_000);
    const created = await api(s.url, { token: owner.token }).post(`/api/groups/${group.id}/events`, {
      title: 'Atelier démarches en ligne',
      description: 'Pratique',
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 7_200_000).toISOString(),
      location: 'Médiathèque',
      capacity: 50,
    });
    expect(created.status).to.equal(201);
    const watcher = await b.page(s.url, { token: owner.token, path: `/evenements/${created.body.id}` });
    const count = watcher.getByTestId('event-count');
    await count.waitFor();
    expect(await count.textContent()).to.equal('0/50 inscrit');
    const visitor = await b.page(s.url, { token: member.token, path: `/evenements/${created.body.id}` });
    await visitor.getByRole('button', { name: 'M’inscrire' }).click();
    await visitor.getByText('Vous êtes inscrit(e).', { exact: true }).first().waitFor();
    await watcher.waitForFunction(() => document.querySelector('[data-testid="event-count"]')?.textContent === '1/50 inscrit');
    // The registrant's own count follows the ack or the broadcast, whichever comes first: wait for it, never sample it.
    await visitor.waitForFunction(() => document.querySelector('[data-testid="event-count"]')?.textContent === '1/50 inscrit');
    await visitor.getByRole('button', { name: 'Me désinscrire' }).click();
    await watcher.waitForFunction(() => document.querySelector('[data-testid="event-count"]')?.textContent === '0/50 inscrit');
  }).timeout(60_000);
});
