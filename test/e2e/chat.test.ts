import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';

describe('e2e: the chat screen', function () {
  this.timeout(60000);
  const browser = useBrowser();
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  let julie: Awaited<ReturnType<typeof makeUserWithToken>>;
  let thomas: Awaited<ReturnType<typeof makeUserWithToken>>;
  let anim: Awaited<ReturnType<typeof makeUserWithToken>>;
  let depId: number;
  let generalId: number;
  const errors: string[] = [];

  async function open(token: string, path = '/discussions'): Promise<Page> {
    const page = await browser.page(s.url, { token, path });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    await page.locator('mai-chat-sidebar a[data-channel-id]').first().waitFor();
    return page;
  }

  async function say(page: Page, text: string) {
    await page.locator('#mai-composer-input').fill(text);
    await page.keyboard.press('Enter');
  }

  before(async () => {
    julie = await makeUserWithToken(s.db, { departmentCode: '29', username: 'julie.e2e', firstName: 'Julie', lastName: 'Martin' });
    thomas = await makeUserWithToken(s.db, { departmentCode: '29', username: 'thomas.e2e', firstName: 'Thomas', lastName: 'Petit' });
    anim = await makeUserWithToken(s.db, {
      departmentCode: '75',
      role: 'animator',
      username: 'anim.e2e',
      firstName: 'Anne',
      lastName: 'Animatrice',
    });
    depId = (await s.db('channels').where({ slug: 'dep-29' }).first()).id;
    generalId = (await s.db('channels').where({ slug: 'general' }).first()).id;
  });

  /** No script error in the pages, then close them (errors raised while closing do not count). */
  async function done(...pages: Page[]) {
    const seen = errors.splice(0);
    for (const p of pages) await p.context().close();
    expect(seen, seen.join('\n')).to.deep.equal([]);
  }

  it('two members of one département see each other online and exchange messages', async () => {
    const pj = await open(julie.token);
    const pt = await open(thomas.token);
    // `/` opens « Général »; each sees the other among the connected contacts, with an online dot.
    await pj.waitForURL(`**/discussions/${generalId}`);
    await pj.locator('mai-contacts-panel h2', { hasText: '1 contact connecté' }).waitFor();
    await pj.locator('.mai-chat-contact', { hasText: 'Thomas Petit' }).locator('.mai-dot--online').waitFor();
    await pt.locator('.mai-chat-contact', { hasText: 'Julie Martin' }).locator('.mai-dot--online').waitFor();

    await pj.locator(`a[data-channel-id="${depId}"]`).click();
    await pj.waitForURL(`**/discussions/${depId}`);
    await pj.locator('mai-channel-view h1', { hasText: '29' }).waitFor();
    expect(await pj.title()).to.equal('# 29 — Finistère · Maillage');
    await say(pj, 'Bonjour **@thomas.e2e**, tu viens jeudi ?');
    await pj.locator('.mai-msg[data-message-id]', { hasText: 'tu viens jeudi' }).waitFor();

    // Thomas, still in « Général », gets an unread badge, then opens the channel and answers.
    await pt.locator(`a[data-channel-id="${depId}"] .mai-badge`, { hasText: '1' }).first().waitFor();
    await pt.locator(`a[data-channel-id="${depId}"]`).click();
    const received = pt.locator('.mai-msg[data-message-id]', { hasText: 'tu viens jeudi' });
    await received.waitFor();
    expect(await received.locator('strong .mai-mention--me').textContent()).to.equal('@thomas.e2e');
    await pt.locator(`a[data-channel-id="${depId}"] .mai-badge`).waitFor({ state: 'detached' });
    await say(pt, 'Oui, à jeudi !');
    await pj.locator('.mai-msg[data-message-id]', { hasText: 'Oui, à jeudi !' }).waitFor();
    expect(await s.db('messages').where({ channel_id: depId })).to.have.length(2);
    await done(pj, pt);
  });

  it('an animator pins a message and both members see the pinned bar', async () => {
    const pj = await open(julie.token, `/discussions/${generalId}`);
    const pa = await open(anim.token, `/discussions/${generalId}`);
    await say(pj, 'Le **compte rendu** est en ligne');
    const target = pa.locator('.mai-msg[data-message-id]', { hasText: 'Le compte rendu est en ligne' });
    await target.waitFor();
    await target.hover();
    await target.getByRole('button', { name: /^Actions sur le message/ }).click();
    await target.getByRole('menuitem', { name: 'Épingler' }).click();
    await pa.locator('.mai-pinned', { hasText: 'Le compte rendu est en ligne' }).waitFor();
    await pj.locator('.mai-pinned', { hasText: 'Le compte rendu est en ligne' }).waitFor();
    // The pinned bar renders the markdown, never its source.
    expect(await pj.locator('.mai-pinned__excerpt strong').textContent()).to.equal('compte rendu');
    expect(await pj.locator('.mai-pinned__excerpt').textContent()).to.not.contain('**');
    // A member has no pin button; the server would refuse anyway.
    const mine = pj.locator('.mai-msg[data-message-id]', { hasText: 'Le compte rendu' });
    await mine.hover();
    await mine.getByRole('button', { name: /^Actions sur le message/ }).click();
    await mine.getByRole('menuitem', { name: 'Répondre' }).waitFor();
    expect(await mine.getByRole('menuitem', { name: 'Épingler' }).count()).to.equal(0);
    await done(pj, pa);
  });

  it('an announce channel tells members who posts there instead of offering a composer', async () => {
    const annonces = (await s.db('channels').where({ slug: 'annonces' }).first()).id;
    const pj = await open(julie.token, `/discussions/${annonces}`);
    await pj.locator('mai-channel-view h1', { hasText: 'Annonces' }).waitFor();
    await pj.getByText('Seuls les animateurs publient ici.').waitFor();
    expect(await pj.locator('#mai-composer-input').count()).to.equal(0);
    const pa = await open(anim.token, `/discussions/${annonces}`);
    await pa.locator('#mai-composer-input').waitFor();
    await done(pj, pa);
  });

  it('reply, edit and delete my own message; "Ne pas déranger" reaches my contact', async () => {
    const pj = await open(julie.token, `/discussions/${depId}`);
    const pt = await open(thomas.token, `/discussions/${depId}`);
    await say(pt, 'Qui anime la réunion ?');
    const question = pj.locator('.mai-msg[data-message-id]', { hasText: 'Qui anime la réunion ?' });
    await question.waitFor();
    await question.hover();
    await question.getByRole('button', { name: /^Actions sur le message/ }).click();
    await question.getByRole('menuitem', { name: 'Répondre' }).click();
    await pj.locator('.mai-chat-composer__reply', { hasText: 'Qui anime la réunion ?' }).waitFor();
    await say(pj, 'Moi, avec *plaisir*');
    const answer = pt.locator('.mai-msg[data-message-id]', { hasText: 'Moi, avec plaisir' });
    await answer.locator('.mai-msg__quote', { hasText: 'Qui anime la réunion ?' }).waitFor();
    expect(await answer.locator('em').textContent()).to.equal('plaisir');

    const found = pj.locator('.mai-msg[data-message-id]', { hasText: 'Moi, avec plaisir' });
    const mine = pj.locator(`.mai-msg[data-message-id="${await found.getAttribute('data-message-id')}"]`);
    await mine.hover();
    await mine.getByRole('button', { name: /^Actions sur le message/ }).click();
    await mine.getByRole('menuitem', { name: 'Modifier' }).click();
    // The editor has the focus: Enter saves.
    await mine.locator('textarea:focus').fill('Moi, avec grand plaisir');
    await pj.keyboard.press('Enter');
    await pt.locator('.mai-msg[data-message-id]', { hasText: 'Moi, avec grand plaisir' }).locator('.mai-msg__edited').waitFor();

    const edited = pj.locator('.mai-msg[data-message-id]', { hasText: 'Moi, avec grand plaisir' });
    const id = await edited.getAttribute('data-message-id');
    await edited.hover();
    await edited.getByRole('button', { name: /^Actions sur le message/ }).click();
    await edited.getByRole('menuitem', { name: 'Supprimer' }).click();
    // The DSFR modal asks first (the browser's own confirm box is gone).
    await pj.getByRole('dialog', { name: 'Supprimer ce message ?' }).getByRole('button', { name: 'Supprimer' }).click();
    await pt.locator(`.mai-msg[data-message-id="${id}"] .mai-msg__deleted`, { hasText: 'Message supprimé' }).waitFor();
    expect(
      (
        await s
          .db('messages')
          .where({ id: Number(id) })
          .first()
      ).deleted_at,
    ).to.not.equal(null);

    await pj.locator('#mai-my-status').selectOption('dnd');
    await pt.locator('.mai-chat-contact', { hasText: 'Julie Martin' }).locator('.mai-dot--dnd').waitFor();
    await pj.locator('#mai-my-status').selectOption('online');
    await pt.locator('.mai-chat-contact', { hasText: 'Julie Martin' }).locator('.mai-dot--online').waitFor();
    await done(pj, pt);
  });

  it('a message typed while the server is unreachable shows "envoi…" and is delivered after the reconnection', async function () {
    // It drops the connection from inside the server: with TEST_WORKERS the app runs in other processes.
    if (Number(process.env.TEST_WORKERS ?? 1) > 1) this.skip();
    const pj = await open(julie.token, `/discussions/${depId}`);
    await pj.locator('mai-channel-view h1').waitFor();
    await pj.context().setOffline(true);
    // Drop the connection from the server side: the page cannot come back while offline.
    for (const socket of s.app.io.of('/').sockets.values()) if (socket.data.userId === julie.user.id) socket.conn.close();
    // No network at all: the banner says so (the hub's own « Reconnexion en cours » is for a lost server).
    await pj.locator('mai-reconnect-banner [role="status"]', { hasText: 'Hors ligne' }).waitFor();
    await say(pj, 'Écrit hors connexion');
    const pending = pj.locator('.mai-msg--pending', { hasText: 'Écrit hors connexion' });
    await pending.locator('.mai-msg__status', { hasText: 'envoi…' }).waitFor();
    await pj.context().setOffline(false);
    await pj.locator('.mai-msg[data-message-id]', { hasText: 'Écrit hors connexion' }).waitFor({ timeout: 20000 });
    await pending.waitFor({ state: 'detached' });
    await pj.locator('mai-reconnect-banner .fr-notice').waitFor({ state: 'detached' });
    const rows = await s.db('messages').where({ author_id: julie.user.id, body: 'Écrit hors connexion' });
    expect(rows).to.have.length(1);
    await done(pj);
  });
});
