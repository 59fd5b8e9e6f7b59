import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { makeUserWithToken } from '../helpers/factories';
import { useBrowser } from '../helpers/browser';
import { useServer } from '../helpers/suite';
import { createGroup } from '../helpers/groups';
import { api } from '../helpers/http';
import { withAntiRobot } from '../helpers/anti-robot';
import { PNG } from '../helpers/uploads';
import { visitor, workshopBody } from '../helpers/workshops';
import { readOutbox } from '../helpers/outbox';

/** `datetime-local` value `days` from now at `hour`:00 (local time of the browser). */
function localInput(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hour)}:00`;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** Waits until the focus is on `#id` (focus moves once the page has rendered; a wrong target times out). */
const focused = (page: Page, id: string) => page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5000 });

describe('browser: the organiser edits an event after its creation (content, dates, image, files)', function () {
  this.timeout(240_000);
  const b = useBrowser();
  const s = useServer({ env: { EVENT_REGISTRATION_RATE_PER_IP: '1000' } });
  const errors: string[] = [];
  let organiser: { user: any; token: string };
  let eventId: number;
  let groupId: number;

  before(async () => {
    organiser = await makeUserWithToken(s.db, { role: 'animator', departmentCode: '69' });
    const group = await createGroup(s.url, organiser.token, { name: 'Réseau création Rhône', visibility: 'public' });
    groupId = group.id;
    const ev = (await api(s.url, { token: organiser.token }).post('/api/events', workshopBody(group.id))).body;
    eventId = ev.id;
    // A visitor on the second date: cancelling it must mail them.
    const reg = await api(s.url).post(
      `/api/public/events/${eventId}/registrations`,
      await withAntiRobot(s.url, visitor(ev.sessions[1].id, 7)),
    );
    expect(reg.status).to.equal(201);
  });

  it('edits the title, adds a date, cancels a date, sets an image with its alt text, adds and removes a programme', async () => {
    const page = await b.page(s.url, { token: organiser.token, path: '/mes-evenements' });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    await page
      .locator(`#evenement-${eventId}`)
      .getByRole('link', { name: /^Modifier/ })
      .click();
    await page.getByRole('heading', { name: 'Modifier « Atelier « Créer son entreprise » »', level: 1 }).waitFor();

    // Content: an empty title is refused, focus on it, the rest kept; then the new title is saved.
    await page.locator('#workshop-description').fill('Nouvelle présentation.');
    await page.locator('#workshop-title').fill('');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.locator('#workshop-title-error').waitFor();
    await focused(page, 'workshop-title');
    expect(await page.locator('#workshop-description').inputValue()).to.equal('Nouvelle présentation.');
    await page.locator('#workshop-title').fill('Atelier « Financer son projet »');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.locator('#workshop-saved').getByText('Modifications enregistrées.').waitFor();
    const row = await s.db('events').where({ id: eventId }).first();
    expect([row.title, row.description]).to.deep.equal(['Atelier « Financer son projet »', 'Nouvelle présentation.']);
    await page.getByRole('heading', { name: 'Modifier « Atelier « Financer son projet » »', level: 1 }).waitFor();

    // Dates: a third one is added.
    await page.locator('#new-session-startsAt').fill(localInput(24, 9));
    await page.locator('#new-session-endsAt').fill(localInput(24, 12));
    await page.locator('#new-session-capacity').fill('12');
    await page.getByRole('button', { name: 'Ajouter la date' }).click();
    await page.locator('#sessions-message').getByText('Date ajoutée.').waitFor();
    await focused(page, 'sessions-message');
    expect(
      Number(((await s.db('event_sessions').where({ event_id: eventId }).count({ n: '*' }).first()) as { n: number | string }).n),
    ).to.equal(3);

    // The second date is cancelled after the confirmation; its registered visitor is mailed.
    const cancels = page.getByRole('button', { name: /^Annuler la date — / });
    expect(await cancels.count()).to.equal(3);
    await page.locator('#session-cancel-reason').fill('Intervenante malade');
    await cancels.nth(1).click();
    await page.locator('.mai-confirm-dialog__yes').click();
    await page
      .locator('#sessions-message')
      .getByText(/^Date annulée/)
      .waitFor();
    expect(await cancels.count()).to.equal(2);
    const mail = readOutbox(s.outboxDir).filter((m) => m.to.includes('visiteur7@example.org') && m.subject.startsWith('Annulation'));
    expect(mail).to.have.length(1);
    expect(mail[0]!.text).to.include('Intervenante malade');

    // The added date: its places and end change (the form opens on its fields, keeps what was typed on a
    // refusal), then it is deleted, since nobody is on it.
    const added = (await s.db('event_sessions').where({ event_id: eventId }).orderBy('id', 'desc').first()) as { id: number };
    await page.locator(`#session-edit-${added.id}`).click();
    await focused(page, 'edit-session-startsAt');
    await page.locator('#edit-session-endsAt').fill(localInput(24, 8));
    await page.locator('#edit-session-capacity').fill('15');
    await page.getByRole('button', { name: 'Enregistrer la date' }).click();
    await focused(page, 'edit-session-endsAt');
    expect(await page.locator('#edit-session-endsAt-error').textContent()).to.include('La fin doit suivre le début');
    expect(await page.locator('#edit-session-capacity').inputValue()).to.equal('15');
    await page.locator('#edit-session-endsAt').fill(localInput(24, 13));
    await page.getByRole('button', { name: 'Enregistrer la date' }).click();
    await page.locator('#sessions-message').getByText('Date modifiée.').waitFor();
    await focused(page, 'sessions-message');
    const edited = (await s.db('event_sessions').where({ id: added.id }).first()) as { capacity: number; ends_at: unknown };
    expect(Number(edited.capacity)).to.equal(15);
    await page.locator(`#session-delete-${added.id}`).click();
    await page.locator('.mai-confirm-dialog__yes').click();
    await page
      .locator('#sessions-message')
      .getByText(/^Date supprimée/)
      .waitFor();
    expect(await s.db('event_sessions').where({ id: added.id })).to.have.length(0);

    // Image with its alt text.
    await page.getByRole('button', { name: 'Enregistrer l’image' }).click();
    await focused(page, 'event-image-file');
    await page.locator('#event-image-file').setInputFiles({ name: 'affiche.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('#event-image-alt').fill('Deux créatrices devant leur atelier');
    await page.getByRole('button', { name: 'Enregistrer l’image' }).click();
    await page.locator('#media-image-message').getByText('Image enregistrée.').waitFor();
    const img = page.locator('img[alt="Deux créatrices devant leur atelier"]');
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector('.mai-event-edit__image') as HTMLImageElement | null)?.naturalWidth === 1);

    // A programme PDF, then removed.
    await page.locator('#event-file-kind').selectOption('programme');
    await page.locator('#event-file-title').fill('Programme de la journée');
    await page.locator('#event-file-file').setInputFiles({ name: 'programme.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Ajouter le fichier' }).click();
    await page.locator('#media-files-message').getByText('Fichier « Programme de la journée » ajouté.').waitFor();
    await page.getByRole('link', { name: 'Programme : Programme de la journée' }).waitFor();
    expect(
      Number(((await s.db('event_files').where({ event_id: eventId }).count({ n: '*' }).first()) as { n: number | string }).n),
    ).to.equal(1);
    await page.getByRole('button', { name: 'Retirer le fichier « Programme de la journée »' }).click();
    await page.locator('.mai-confirm-dialog__yes').click();
    await page.locator('#media-files-message').getByText('Fichier « Programme de la journée » retiré.').waitFor();
    await page.getByText('Aucun fichier joint.').waitFor();
    expect(
      Number(((await s.db('event_files').where({ event_id: eventId }).count({ n: '*' }).first()) as { n: number | string }).n),
    ).to.equal(0);

    // On a 390 px phone nothing of the edit page is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 390);
    if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });

    // The event's own page leads the organiser back here.
    await page.goto(`${s.url}/evenements/${eventId}`);
    await page.getByRole('link', { name: 'Modifier', exact: true }).click();
    await page.getByRole('heading', { name: 'Modifier « Atelier « Financer son projet » »', level: 1 }).waitFor();

    // The public page shows the new title and the image with its alt text.
    await page.goto(`${s.url}/evenements-publics/${eventId}`);
    await page.getByRole('heading', { name: 'Atelier « Financer son projet »', level: 1 }).waitFor();
    await page.locator('img[alt="Deux créatrices devant leur atelier"]').waitFor();
    expect(errors).to.deep.equal([]);
  });

  it('visitors filter the public events by type, price and département; the filters stay in the address', async () => {
    const paid = workshopBody(groupId, {
      title: 'Formation comptable à Paris',
      eventType: 'formation',
      price: 'payant',
      communeCode: '75056',
      postalCode: '75001',
      departmentCodes: ['75'],
    });
    expect((await api(s.url, { token: organiser.token }).post('/api/events', paid)).status).to.equal(201);
    const page = await b.page(s.url, { path: '/evenements-publics' });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    const titles = () => page.locator('main h2 a').allInnerTexts();
    /** Waits until the list shows exactly `expected` (each filter change reloads it). */
    const shows = (expected: string[]) =>
      page.waitForFunction(
        (want) => JSON.stringify([...document.querySelectorAll('main h2 a')].map((a) => a.textContent?.trim())) === want,
        JSON.stringify(expected),
      );
    await page.getByRole('link', { name: 'Formation comptable à Paris' }).waitFor();
    expect(await titles()).to.have.length(2);
    // A keyboard user changes a filter: the list follows and the focus stays on the filter.
    await page.locator('#public-events-eventType').focus();
    await page.locator('#public-events-eventType').selectOption('formation');
    await shows(['Formation comptable à Paris']);
    await page.getByRole('status').getByText('1 événement correspondant aux filtres.').waitFor();
    await focused(page, 'public-events-eventType');
    await page.locator('#public-events-eventType').selectOption('');
    await page.locator('#public-events-price').selectOption('gratuit');
    await shows(['Atelier « Financer son projet »']);
    await page.locator('#public-events-price').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('main h2 a').length === 2);
    await page.locator('#public-events-departmentCode option[value="75"]').waitFor({ state: 'attached' });
    await page.locator('#public-events-departmentCode').selectOption('75');
    await shows(['Formation comptable à Paris']);
    expect(new URL(page.url()).search).to.equal('?departement=75');
    await page.reload();
    await shows(['Formation comptable à Paris']);
    expect(await page.locator('#public-events-departmentCode').inputValue()).to.equal('75');
    await page.locator('#public-events-eventType').selectOption('webinaire');
    await page.getByText('Aucun événement à venir ne correspond à ces filtres.').waitFor();
    expect(errors).to.deep.equal([]);
  });

  it('another member sees neither the « Modifier » button nor the edit forms', async () => {
    const member = await makeUserWithToken(s.db, { departmentCode: '69' });
    const page = await b.page(s.url, { token: member.token, path: `/evenements/${eventId}` });
    await page.getByRole('heading', { name: 'Atelier « Financer son projet »', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Modifier', exact: true }).count()).to.equal(0);
    await page.goto(`${s.url}/evenements/${eventId}/modifier`);
    await page.getByText('Seuls les organisateurs de cet événement et les modérateurs peuvent le modifier.').waitFor();
    expect(
      await page
        .locator('form')
        .filter({ has: page.locator('#workshop-title') })
        .count(),
    ).to.equal(0);
  });
});
