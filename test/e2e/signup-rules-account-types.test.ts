import { expect } from 'chai';
import { useBrowser, expectFocus, expectFocusWhere } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { lastMailTo } from '../helpers/outbox';
import { useServer } from '../helpers/suite';

describe('e2e: sign-up restricted to allowed domains (#21); a member’s account type change accepted by an admin (#16)', function () {
  this.timeout(120000);
  const browser = useBrowser();
  const s = useServer({ env: { LOGIN_RATE_PER_IP: '100000' } });
  const errors: string[] = [];

  it('an admin allows one domain; a sign-up with another is refused in the form, which keeps what was typed', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const adm = await browser.page(s.url, { token: admin.token, path: '/admin/inscriptions' });
    adm.on('pageerror', (e) => errors.push(e.message));
    await adm.getByRole('heading', { name: 'Règles d’inscription', level: 1 }).waitFor();
    await adm.getByText('inscriptions ouvertes à toutes les adresses').waitFor();
    await adm.locator('#signup-domains').fill('pas un domaine\nmairie-rennes.fr');
    await adm.getByRole('button', { name: 'Enregistrer' }).click();
    await adm.locator('#signup-domains-error', { hasText: 'pas un domaine' }).waitFor();
    await expectFocus(adm, 'signup-domains');
    await adm.locator('#signup-domains').fill('@Mairie-Rennes.fr');
    await adm.getByRole('button', { name: 'Enregistrer' }).click();
    await adm.locator('#contenu').getByText('Les inscriptions sont désormais réservées aux adresses @mairie-rennes.fr.').waitFor();

    const page = await browser.page(s.url, { path: '/inscription' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByText('Inscriptions réservées aux adresses @mairie-rennes.fr').waitFor();
    await page.locator('#register-firstName').fill('Claire');
    await page.locator('#register-lastName').fill('Durand');
    await page.locator('#register-username').fill('claire.durand');
    await page.locator('#register-email').fill('claire.durand@gmail.com');
    await page.locator('#register-departmentCode option[value="35"]').waitFor({ state: 'attached' });
    await page.locator('#register-departmentCode').selectOption('35');
    await page.locator('#register-password').fill('Rennes-Mairie-2026');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.locator('#register-email-error', { hasText: 'Les inscriptions sont réservées aux adresses @mairie-rennes.fr' }).waitFor();
    await expectFocus(page, 'register-email');
    expect(await page.locator('#register-email').getAttribute('aria-invalid')).to.equal('true');
    // Everything typed is still there.
    expect(await page.locator('#register-firstName').inputValue()).to.equal('Claire');
    expect(await page.locator('#register-username').inputValue()).to.equal('claire.durand');
    expect(await page.locator('#register-departmentCode').inputValue()).to.equal('35');
    expect(await page.locator('#register-password').inputValue()).to.equal('Rennes-Mairie-2026');
    expect(await s.db('users').where({ username: 'claire.durand' }).first()).to.equal(undefined);
    // With the professional address, the sign-up goes through.
    await page.locator('#register-email').fill('claire.durand@mairie-rennes.fr');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Ouvrez ce message et cliquez sur le lien').waitFor();
    expect(lastMailTo(s.outboxDir, 'claire.durand@mairie-rennes.fr', '/confirmer')?.link).to.be.a('string');
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });

  it('a member asks to become « Professionnel », keeps their rights meanwhile; the admin is told and accepts', async () => {
    const member = await makeUserWithToken(s.db, { firstName: 'Bruno', lastName: 'Conseil' });
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const page = await browser.page(s.url, { token: member.token, path: '/profil' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('heading', { name: 'Type de compte', level: 2 }).waitFor();
    await page.getByText('Type actuel : Membre').waitFor();
    await page.getByRole('button', { name: 'Demander ce type' }).click();
    // Nothing chosen: the field says so and has the focus.
    await page.locator('#type-change-choice-error', { hasText: 'Choisissez le type de compte demandé.' }).waitFor();
    await expectFocus(page, 'type-change-choice');
    await page.locator('#type-change-choice').selectOption('professionnel');
    await page.getByRole('button', { name: 'Demander ce type' }).click();
    await page
      .locator('#contenu')
      .getByText('Votre demande de compte « Professionnel de l’accompagnement » est envoyée aux administrateurs.')
      .waitFor();
    await expectFocusWhere(
      page,
      () => document.activeElement?.classList.contains('mai-profile-section__done') === true,
      'the section’s message',
    );
    await page.getByText('Demande en attente de validation').waitFor();
    await page.getByText('Type actuel : Membre').waitFor();

    const adm = await browser.page(s.url, { token: admin.token, path: '/notifications' });
    adm.on('pageerror', (e) => errors.push(e.message));
    await adm.getByRole('link', { name: /Bruno Conseil demande le type de compte « Professionnel de l’accompagnement »/ }).click();
    await adm.waitForURL('**/admin/types-de-compte');
    await adm.getByText('type actuel : Membre').waitFor();
    await adm.getByRole('button', { name: 'Valider Bruno Conseil' }).click();
    await adm.locator('#contenu').getByText('Bruno Conseil est désormais « Professionnel de l’accompagnement ».').waitFor();

    await page.reload();
    await page.getByText('Type actuel : Professionnel de l’accompagnement').waitFor();
    expect(await page.getByText('Demande en attente de validation').count()).to.equal(0);
    expect(lastMailTo(s.outboxDir, member.user.email)?.mail.subject).to.match(/est validé/);
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });

  it('an admin creates an account from /admin without a password: the person gets the welcome mail, the link is resent, she activates it', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin', firstName: 'Alice', lastName: 'Admin' });
    const adm = await browser.page(s.url, { token: admin.token, path: '/admin' });
    adm.on('pageerror', (e) => errors.push(e.message));
    await adm.getByRole('button', { name: 'Nouveau compte' }).click();
    expect(await adm.locator('#create-password').count()).to.equal(0);
    await adm.locator('#create-firstName').fill('Odile');
    await adm.locator('#create-lastName').fill('Partenaire');
    await adm.locator('#create-username').fill('odile.partenaire');
    await adm.locator('#create-email').fill('odile@partenaire.org');
    await adm.locator('#create-departmentCode option[value="44"]').waitFor({ state: 'attached' });
    await adm.locator('#create-departmentCode').selectOption('44');
    await adm.getByRole('button', { name: 'Créer le compte' }).click();
    await adm.locator('#contenu').getByText('un courriel de bienvenue lui a été envoyé à odile@partenaire.org').waitFor();
    const first = lastMailTo(s.outboxDir, 'odile@partenaire.org', '/activer')!;
    expect(first.mail.text).to.include('Alice Admin');
    await adm.getByRole('button', { name: 'Renvoyer le lien d’activation à Odile Partenaire' }).click();
    await adm.locator('#contenu').getByText('Un nouveau lien d’activation est envoyé à odile@partenaire.org').waitFor();
    await expectFocus(adm, /^admin-welcome-/);
    const second = lastMailTo(s.outboxDir, 'odile@partenaire.org', '/activer')!;
    expect(second.link).to.not.equal(first.link);

    const person = await browser.page(s.url, { path: new URL(second.link!).pathname + new URL(second.link!).search });
    person.on('pageerror', (e) => errors.push(e.message));
    await person.locator('#invitation-password').fill('Bienvenue-Nantes-2026');
    await person.getByRole('button', { name: 'Activer mon compte' }).click();
    await person.getByText('Mot de passe enregistré').waitFor();
    expect((await s.db('users').where({ email: 'odile@partenaire.org' }).first()).status).to.equal('active');
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
