import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { makeUserWithToken } from '../helpers/factories';
import { useBrowser, expectFocus } from '../helpers/browser';
import { useServer } from '../helpers/suite';
import { waitForOutbox, readOutbox } from '../helpers/outbox';
import { manageLinkSentTo, parseIcs, waitForIcs } from '../helpers/booking';

describe('browser: online booking, from the conseiller’s hours to the prefilled activity report', function () {
  this.timeout(120_000);
  const b = useBrowser();
  const s = useServer({ env: { BOOKING_RATE_PER_IP: '1000' } });
  const errors: string[] = [];
  let cn: { user: any; token: string };

  before(async () => {
    cn = await makeUserWithToken(s.db, {
      departmentCode: '69',
      firstName: 'Inès',
      lastName: 'Martin',
      username: 'ines.martin',
      email: 'ines@example.org',
    });
  });

  const open = async (token: string | undefined, path: string): Promise<Page> => {
    const page = await b.page(s.url, { token, path });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    return page;
  };

  it('the conseiller opens her page; a visitor books with the anti-robot check; both mails carry a valid .ics; the conseiller opens the prefilled report', async () => {
    // 1. The conseiller sets her hours: every day 08:00–18:00, no notice, holidays open (so a slot always exists), a commune.
    const page = await open(cn.token, '/agenda/disponibilites');
    await page.getByRole('heading', { name: 'Mes disponibilités', level: 1 }).waitFor();
    await page.locator('#booking-enabled').check({ force: true });
    for (let day = 0; day < 7; day++) {
      await page.locator(`#grid-${day}-0-start`).fill('08:00');
      await page.locator(`#grid-${day}-0-end`).fill('18:00');
    }
    await page.locator('#booking-notice').fill('0');
    await page.locator('#booking-holidays').uncheck({ force: true });
    await page.locator('#place-0').fill('Médiathèque Jean Macé');
    await page.locator('#mai-commune-input').focus();
    await page.keyboard.type('Lyon 7e');
    await page.locator('#mai-commune-opt-0', { hasText: 'Lyon 7e' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Enregistrer mes disponibilités' }).click();
    const publicLink = page.locator('#booking-settings-saved a');
    await publicLink.waitFor();
    const publicUrl = await publicLink.getAttribute('href');
    expect(publicUrl).to.match(/\/rendez-vous\/ines-martin$/);
    await expectFocus(page, 'booking-settings-saved');

    // 2. A visitor (no account) picks the first free slot and books it.
    const visitor = await open(undefined, new URL(publicUrl!).pathname);
    await visitor.getByRole('heading', { name: 'Prendre rendez-vous avec Inès Martin', level: 1 }).waitFor();
    await visitor.locator('label[for="booking-slot-0"]').click();
    const startsAt = await visitor.locator('#booking-slot-0').getAttribute('value');
    await visitor.locator('#booking-name').fill('Camille Durand');
    await visitor.locator('#booking-email').fill('camille.visiteuse@example.org');
    await visitor.locator('#booking-phone').fill('06 12 34 56 78');
    await visitor.locator('#booking-theme').selectOption('online_procedure');
    await visitor.locator('mai-anti-robot').getByText('Vérification réussie').waitFor();
    await visitor.getByRole('button', { name: 'Réserver ce rendez-vous' }).click();
    await visitor.locator('#booking-done').waitFor();
    expect(await visitor.locator('#booking-done').innerText()).to.contain('Rendez-vous confirmé');
    await expectFocus(visitor, 'booking-done');

    // 3. Both mails are in the outbox, each with a valid iCalendar of the slot.
    await waitForOutbox(s.outboxDir, 2);
    expect(
      readOutbox(s.outboxDir)
        .map((m) => m.to)
        .join(' '),
    )
      .to.contain('camille.visiteuse@example.org')
      .and.to.contain('ines@example.org');
    for (const to of ['camille.visiteuse@example.org', 'ines@example.org']) {
      const [ics] = await waitForIcs(s.outboxDir, to, 1);
      const event = parseIcs(ics!);
      expect(event.start).to.equal(new Date(startsAt!).toISOString());
      expect(event.summary).to.contain('Inès Martin');
    }
    // The visitor's link opens their appointment.
    const { link } = manageLinkSentTo(s.outboxDir, 'camille.visiteuse@example.org');
    const manage = await open(undefined, new URL(link).pathname + new URL(link).hash);
    await manage.getByText('Rendez-vous confirmé').waitFor();
    expect(await manage.getByRole('button', { name: 'Annuler le rendez-vous' }).isVisible()).to.equal(true);
    // …and moves it to the next free slot: focus on the new list, then on the confirmation; both get the updated .ics.
    await manage.getByRole('button', { name: 'Déplacer le rendez-vous' }).click();
    await manage.locator('#move-title').waitFor();
    await expectFocus(manage, 'move-title');
    const movedTo = await manage.locator('#move-slot-0').getAttribute('value');
    expect(movedTo).not.to.equal(startsAt);
    await manage.locator('label[for="move-slot-0"]').click();
    await manage.getByRole('button', { name: 'Déplacer à ce créneau' }).click();
    await manage.locator('#appointment-notice').waitFor();
    await expectFocus(manage, 'appointment-notice');
    await waitForOutbox(s.outboxDir, 4);
    const moved = (await waitForIcs(s.outboxDir, 'camille.visiteuse@example.org', 2)).map(parseIcs);
    expect(moved.map((e) => e.start)).to.deep.equal([new Date(startsAt!).toISOString(), new Date(movedTo!).toISOString()]);
    expect(moved[1]!.uid).to.equal(moved[0]!.uid);

    // 4. The appointment has taken place (moved to yesterday in the database): the conseiller writes its report.
    const yesterday = Date.now() - 86_400_000;
    await s
      .db('appointments')
      .where({ email: 'camille.visiteuse@example.org' })
      .update({ starts_at: new Date(yesterday), ends_at: new Date(yesterday + 1_800_000) });
    const agenda = await open(cn.token, '/agenda');
    await agenda.getByRole('heading', { name: 'Mes rendez-vous', level: 2 }).waitFor();
    await agenda.getByRole('link', { name: /Rédiger le compte rendu/ }).click();
    await agenda.getByRole('heading', { name: 'Enregistrer un accompagnement', level: 1 }).waitFor();
    const parisYesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(yesterday));
    await agenda.waitForFunction(() =>
      (document.querySelector('#mai-commune-input') as HTMLInputElement | null)?.value.includes('Lyon 7e'),
    );
    expect(await agenda.locator('#report-date').inputValue()).to.equal(parisYesterday);
    expect(await agenda.locator('#report-canal-home_base').isChecked()).to.equal(true);
    expect(await agenda.locator('#report-activity-individual').isChecked()).to.equal(true);
    expect(await agenda.locator('#report-theme-online_procedure').isChecked()).to.equal(true);
    expect(errors).to.deep.equal([]);
  });
});
