import { expect } from 'chai';
import { useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';
import { api } from '../helpers/http';

describe('e2e: the help centre (/aide): guides, FAQ search, admin editing, "?" links, hotline suggestions', function () {
  this.timeout(60000);
  const browser = useBrowser();
  const s = useServer();
  const faq = [
    {
      category: 'Mon compte',
      question: 'Je n’ai pas reçu le lien de confirmation',
      answer: 'Regardez dans vos **courriers indésirables**.',
    },
    { category: 'Mon compte', question: 'J’ai oublié mon mot de passe', answer: 'Choisissez « Mot de passe oublié ? ».' },
    { category: 'Agenda', question: 'Puis-je m’inscrire à un événement complet ?', answer: 'Oui, sur la liste d’attente.' },
  ];

  before(async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    for (const e of faq) expect((await api(s.url, { token: admin.token }).post('/api/help/faq', e)).status).to.equal(201);
  });

  it('signed out: the guides of every role and the FAQ, searched as one types', async () => {
    const page = await browser.page(s.url, { path: '/aide' });
    await page.getByRole('heading', { name: 'Centre d’aide', level: 1 }).waitFor();
    for (const role of ['Membre', 'Animateur', 'Agent de hotline', 'Administrateur d’organisation', 'Administrateur'])
      await page.getByRole('heading', { name: `Guide : ${role}`, exact: true, level: 3 }).waitFor();
    await page.getByText('J’ai oublié mon mot de passe').waitFor();
    // No editing for visitors.
    expect(await page.getByRole('button', { name: 'Ajouter une question' }).count()).to.equal(0);

    await page.getByLabel('Rechercher dans la foire aux questions').pressSequentially('mot de PASSE', { delay: 20 });
    await page.locator('#mai-live-region', { hasText: '1 question trouvée.' }).waitFor({ state: 'attached' });
    const questions = await page.locator('.mai-faq-entry summary').allTextContents();
    expect(questions).to.deep.equal(['J’ai oublié mon mot de passe']);
    await page.getByLabel('Rechercher dans la foire aux questions').fill('evenement complet');
    expect(await page.locator('.mai-faq-entry summary').allTextContents()).to.deep.equal(['Puis-je m’inscrire à un événement complet ?']);
    await page.getByLabel('Rechercher dans la foire aux questions').fill('introuvable xyz');
    await page.getByText('Aucune question ne correspond à votre recherche.').waitFor();

    // An answer opens in place, its markdown rendered as text formatting (never raw HTML).
    await page.getByLabel('Rechercher dans la foire aux questions').fill('');
    await page.locator('summary', { hasText: 'Je n’ai pas reçu le lien' }).click();
    expect(await page.locator('.mai-faq-answer strong', { hasText: 'courriers indésirables' }).count()).to.equal(1);
  });

  it('the "?" of a screen leads to its section of the help centre, focused', async () => {
    const member = await makeUserWithToken(s.db);
    const page = await browser.page(s.url, { token: member.token, path: '/documents' });
    await page.getByRole('link', { name: 'Aide : les documents' }).click();
    await page.waitForURL('**/aide#aide-documents');
    await page.waitForFunction(() => document.activeElement?.id === 'aide-documents');
    expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal('Documents');
    // A FAQ entry's own address (the hotline's suggestions link there) opens it, its question focused.
    const id = (await s.db('faq_entries').where({ question: 'J’ai oublié mon mot de passe' }).first()).id as number;
    await page.goto(`${s.url}/aide#faq-${id}`);
    await page.waitForFunction((i) => document.activeElement?.closest(`#faq-${i}`) !== null, id);
    expect(await page.locator(`#faq-${id}`).getAttribute('open')).to.equal('');
    await page.goto(`${s.url}/hotline`);
    await page.getByRole('link', { name: 'Aide : la hotline' }).waitFor();
    expect(await page.getByRole('link', { name: 'Aide : la hotline' }).getAttribute('href')).to.equal('/aide#aide-hotline');
  });

  it('an admin adds, changes and removes a question in place (confirmation asked, focus kept)', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const page = await browser.page(s.url, { token: admin.token, path: '/aide' });
    await page.getByRole('button', { name: 'Ajouter une question' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'faq-edit-category');
    await page.keyboard.type('Hotline');
    await page.getByLabel('Question', { exact: true }).fill('Ah');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // The form's own check first: the answer is required, focus goes to it.
    await page.getByText('Écrivez la réponse.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'faq-edit-answer');
    await page.getByLabel('Réponse').fill('En général **moins de 4 heures ouvrées**.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // The server's field message, under the field; what was typed is kept.
    await page.getByText('Au moins 5 caractères').waitFor();
    expect(await page.locator('#faq-edit-category').inputValue()).to.equal('Hotline');
    await page.waitForFunction(() => document.activeElement?.id === 'faq-edit-question');
    await page.getByLabel('Question', { exact: true }).fill('Combien de temps pour une réponse de la hotline ?');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const summary = page.locator('summary', { hasText: 'Combien de temps pour une réponse' });
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'SUMMARY');

    await summary.click();
    await page.getByRole('button', { name: 'Modifier la question « Combien de temps pour une réponse de la hotline ? »' }).click();
    await page.getByLabel('Question', { exact: true }).fill('Sous quel délai la hotline répond-elle ?');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('summary', { hasText: 'Sous quel délai la hotline répond-elle ?' }).click();
    await page.getByRole('button', { name: 'Supprimer la question « Sous quel délai la hotline répond-elle ? »' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer la question' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'faq');
    expect(await page.locator('summary', { hasText: 'Sous quel délai' }).count()).to.equal(0);
    expect(await s.db('faq_entries').where({ question: 'Sous quel délai la hotline répond-elle ?' })).to.have.length(0);
  });

  it('the hotline request form suggests matching FAQ entries as the member types the subject', async () => {
    const member = await makeUserWithToken(s.db);
    const page = await browser.page(s.url, { token: member.token, path: '/hotline' });
    await page.getByLabel('Objet').pressSequentially('Pas reçu de lien de confirmation', { delay: 15 });
    const box = page.locator('mai-faq-suggestions');
    await box.getByText('Ces réponses peuvent vous aider').waitFor();
    const suggested = await box.locator('summary').allTextContents();
    expect(suggested[0]).to.equal('Je n’ai pas reçu le lien de confirmation');
    expect(suggested).to.not.include('Puis-je m’inscrire à un événement complet ?');
    expect(await box.getByRole('status').textContent()).to.match(/peu(t|vent) vous aider/);
    await box.locator('summary').first().click();
    await box.getByText('courriers indésirables').waitFor();
    expect(await box.getByRole('link', { name: 'Voir dans le centre d’aide' }).first().getAttribute('href')).to.match(/^\/aide#faq-\d+$/);
    // Nothing left to suggest once the subject is cleared.
    await page.getByLabel('Objet').fill('');
    await box.getByText('Ces réponses peuvent vous aider').waitFor({ state: 'detached' });
  });
});
