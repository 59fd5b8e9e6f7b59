import { expect } from 'chai';
import { makeUserWithToken } from '../helpers/factories';
import { screenshots, useBrowser } from '../helpers/browser';
import { useServer } from '../helpers/suite';

const shot = screenshots('hotline');

describe('hotline in the browser: a member asks, an agent claims and answers', function () {
  const browser = useBrowser();
  const s = useServer();

  it('the member sees the answer and the status change live, then rates it', async () => {
    const member = await makeUserWithToken(s.db, { firstName: 'Julie', lastName: 'Petit', departmentCode: '69' });
    const agent = await makeUserWithToken(s.db, { role: 'hotline', firstName: 'Karim', lastName: 'Benali' });

    // The agent's desk is open first: the new request must appear on it without a reload.
    const desk = await browser.page(s.url, { token: agent.token, path: '/hotline' });
    desk.setDefaultTimeout(10_000);
    await desk.getByRole('heading', { name: 'Bureau de la hotline' }).waitFor();
    await desk.getByText('Hotline disponible').waitFor();

    const page = await browser.page(s.url, { token: member.token, path: '/hotline' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('heading', { name: 'Contacter la hotline' }).waitFor();
    await page.getByText('Hotline disponible').waitFor();
    await shot(page, 'member-home');
    await page.getByLabel('Objet').fill('Je ne reçois pas le lien de confirmation');
    await page.getByLabel('Catégorie').selectOption({ label: 'Compte et connexion' });
    await page.getByLabel('Votre message').fill('Bonjour,\nune personne que j’accompagne ne reçoit pas le courriel.');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.waitForURL(/\/hotline\/\d+$/);
    const ticketId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { name: `Demande n° ${ticketId} : Je ne reçois pas le lien de confirmation` }).waitFor();
    await page.getByText('Première dans la file d’attente').waitFor();
    await page.getByText('Réponse visée avant le').first().waitFor();
    await page.locator('.mai-hotline-msg', { hasText: 'ne reçoit pas le courriel' }).waitFor();
    await shot(page, 'member-ticket-waiting');

    const row = desk.locator(`tr[data-ticket="${ticketId}"]`);
    await row.getByText('Première dans la file d’attente').waitFor();
    await shot(desk, 'desk');
    await row.getByRole('link', { name: 'Je ne reçois pas le lien de confirmation' }).click();
    await desk.waitForURL(`${s.url}/hotline/${ticketId}`);
    await desk.getByRole('button', { name: 'Prendre en charge' }).click();
    await desk.getByText('Vous traitez cette demande.').waitFor();
    await page.getByText('Prise en charge par Karim Benali').waitFor();
    expect(await page.locator('[data-status]').getAttribute('data-status')).to.equal('assigned');

    await desk.getByLabel('Nouvelle note').fill('Vérifier les indésirables de sa messagerie.');
    await desk.getByRole('button', { name: 'Ajouter la note' }).click();
    await desk.locator('.mai-hotline-notes', { hasText: 'indésirables' }).waitFor();
    await desk.getByLabel(/Votre message/).fill('Bonjour Julie, pouvez-vous regarder dans les courriers indésirables ?');
    await desk.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.locator('.mai-hotline-msg.is-staff', { hasText: 'courriers indésirables' }).waitFor();
    await page.getByText(/Première réponse le .*dans le délai/).waitFor();
    expect(await page.getByText('Vérifier les indésirables').count(), 'internal note hidden from the member').to.equal(0);
    await shot(desk, 'agent-ticket');

    await desk.getByLabel(/Note de résolution/).fill('Le courriel était dans les indésirables.');
    await desk.getByRole('button', { name: 'Résoudre' }).click();
    await desk.getByRole('dialog', { name: 'Résoudre cette demande ?' }).getByRole('button', { name: 'Résoudre la demande' }).click();
    await page.locator('[data-status="resolved"]').waitFor();
    await page.getByText('Le courriel était dans les indésirables.').waitFor();
    await page.getByLabel(/^5 sur 5/).check({ force: true });
    await page.getByLabel('Commentaire (facultatif)').fill('Merci, très rapide.');
    await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
    await page.getByText('Vous avez donné la note').waitFor();
    await shot(page, 'member-resolved');

    const row2 = await s.db('hotline_tickets').where({ id: ticketId }).first();
    expect(row2).to.include({ status: 'resolved', assignee_id: agent.user.id, rating_score: 5, rating_comment: 'Merci, très rapide.' });
  }).timeout(120_000);
});
