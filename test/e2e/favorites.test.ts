/** Chromium: a member keeps a post and a document in « Mes favoris », finds them there, and drops one. */
import { expect } from 'chai';
import { useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { addToGroup, createGroup } from '../helpers/groups';
import { uploadDocument } from '../helpers/documents';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';

describe('e2e: « Mes favoris »', function () {
  this.timeout(60_000);
  const browser = useBrowser();
  const s = useServer();

  it('Favori on a post and on a document, then /favoris lists them and Retirer drops one', async () => {
    const anim = await makeUserWithToken(s.db, { role: 'animator' });
    const julie = await makeUserWithToken(s.db, { firstName: 'Julie', lastName: 'Favori' });
    const group = await createGroup(s.url, anim.token, { name: 'Médiation numérique', visibility: 'public' });
    await addToGroup(s.url, anim.token, group.id, julie);
    const post = await api(s.url, { token: anim.token }).post(`/api/groups/${group.id}/posts`, {
      kind: 'article',
      title: 'Guide des démarches',
      body: 'À lire.',
    });
    expect(post.status).to.equal(201);
    const doc = await uploadDocument(s, anim, group.id, Buffer.from('tutoriel\n'), 'tutoriel.txt', { title: 'Tutoriel ANTS' });
    expect(doc.status).to.equal(201);
    const errors: string[] = [];
    const page = await browser.page(s.url, { token: julie.token, path: `/groupes/${group.id}/fil` });
    page.on('pageerror', (e) => errors.push(e.message));
    const star = page.locator('mai-post-card mai-favorite-button button');
    await star.waitFor();
    await page.waitForFunction(() => !document.querySelector('mai-post-card mai-favorite-button button')?.hasAttribute('disabled'));
    expect(await star.getAttribute('aria-pressed')).to.equal('false');
    await star.click();
    await page.waitForFunction(
      () => document.querySelector('mai-post-card mai-favorite-button button')?.getAttribute('aria-pressed') === 'true',
    );
    await page.goto(`${s.url}/documents/${doc.body.id}`);
    const docStar = page.locator('mai-document-detail mai-favorite-button button');
    await docStar.waitFor();
    await page.waitForFunction(() => !document.querySelector('mai-document-detail mai-favorite-button button')?.hasAttribute('disabled'));
    await docStar.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('mai-document-detail mai-favorite-button button')?.getAttribute('aria-pressed') === 'true',
    );
    await page.locator('#navigation').getByRole('button', { name: 'Mon espace' }).click();
    await page.locator('#navigation').getByRole('link', { name: 'Mes favoris' }).click();
    await page.waitForURL(/\/favoris$/);
    const rows = page.locator('mai-favorites-page .mai-hit__title a');
    await page.waitForFunction(() => document.querySelectorAll('mai-favorites-page .mai-hit__title a').length === 2);
    expect(await rows.allTextContents()).to.deep.equal(['Tutoriel ANTS', 'Guide des démarches']);
    await page.locator('button[aria-label="Retirer « Tutoriel ANTS » de mes favoris"]').click();
    await page.waitForFunction(() => document.querySelectorAll('mai-favorites-page .mai-hit__title a').length === 1);
    expect(await rows.allTextContents()).to.deep.equal(['Guide des démarches']);
    // Focus moves to the heading one frame after the list re-renders (the pressed button is gone).
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });
});
