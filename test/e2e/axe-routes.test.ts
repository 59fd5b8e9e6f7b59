/**
 * RGAA, measured: axe-core (WCAG 2.x A/AA rules) on every page of the client's route table, signed out and
 * signed in as an admin (who may see every page), at desktop width and on a 390 px phone. Fails on any
 * serious or critical violation, naming the page, the rule and the elements.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { SESSION_COOKIE, useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { createGroup } from '../helpers/groups';
import { useServer } from '../helpers/suite';
import { firstFreeSlot, manageLinkSentTo, openBookingPage, visitorBody, waitForIcs } from '../helpers/booking';
import { api } from '../helpers/http';
import { waitForOutbox } from '../helpers/outbox';

const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/** The paths of the route table, read from its source (so a new page is checked without editing this test). */
function routeTable(): string[] {
  const src = readFileSync(new URL('../../client/components/app/routes.ts', import.meta.url), 'utf8');
  return [...src.matchAll(/^\s+'(\/[^']*)': \{/gm)].map((m) => m[1]!);
}

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE);
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  )) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

describe('e2e: axe-core on every page of the route table (RGAA)', function () {
  // ~40 routes × 4 passes on a shared 2-core machine: minutes, not seconds.
  this.timeout(600000);
  const browser = useBrowser();
  const s = useServer();
  /** Filled by the test: how many pages were checked (the accessibility statement quotes it). */
  let checked = 0;

  it('no serious or critical violation, signed out and signed in, at 1280 px and 390 px', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const group = await createGroup(s.url, admin.token, { name: 'Groupe audité' });
    // A booking page and an appointment booked on it, to audit the public page and the visitor's link.
    const booking = await openBookingPage(s.url, admin.token);
    await api(s.url).post(
      `/api/public/booking/${booking.slug}/appointments`,
      await visitorBody(s.url, await firstFreeSlot(s.url, booking.slug)),
    );
    await waitForOutbox(s.outboxDir, 2);
    await waitForIcs(s.outboxDir, 'camille@example.org', 1);
    const now = new Date();
    const [org] = await s
      .db('organisations')
      .insert({
        type: 'mairie',
        name: 'Mairie auditée',
        commune_code: '69266',
        department_code: '69',
        services: 'Accueil',
        created_at: now,
        updated_at: now,
      })
      .returning('id');
    const orgId = Number((org as { id: number }).id ?? org);
    await s.db('organisation_members').insert({ organisation_id: orgId, user_id: admin.user.id, manages_members: true, created_at: now });
    // The help centre with questions in it (and, signed in as admin, their edit buttons).
    for (const [category, question] of [
      ['Mon compte', 'J’ai oublié mon mot de passe'],
      ['Agenda', 'Puis-je m’inscrire à un événement complet ?'],
    ])
      await api(s.url, { token: admin.token }).post('/api/help/faq', { category, question, answer: 'Une réponse **en gras**.' });
    const params: Record<string, string> = {
      '/rendez-vous': `/rendez-vous/${booking.slug}`,
      '/mon-rendez-vous': `/mon-rendez-vous#${manageLinkSentTo(s.outboxDir, 'camille@example.org').token}`,
      '/groupes': `/groupes/${group.id}/fil`,
      '/evenements': '/agenda',
      '/membres': `/membres/${admin.user.id}`,
      '/documents': '/documents',
      // The members' page: a table of people with their actions and the account creation form.
      '/organisations': `/organisations/${orgId}/membres`,
      '/recherche': '/recherche?q=groupe',
    };
    const problems: string[] = [];
    for (const width of [1280, 390]) {
      for (const signedIn of [false, true]) {
        const context = await browser.browser.newContext({ locale: 'fr-FR', viewport: { width, height: 900 } });
        if (signedIn)
          await context.addCookies([
            { name: SESSION_COOKIE, value: admin.token, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' },
          ]);
        const page = await context.newPage();
        for (const route of routeTable()) {
          const path = params[route] ?? route;
          await page.goto(`${s.url}${path}`);
          await page.locator('#contenu h1').first().waitFor();
          await page.waitForLoadState('networkidle').catch(() => {});
          problems.push(...(await seriousViolations(page, `${width}px ${signedIn ? 'connecté' : 'anonyme'} ${path}`)));
          checked++;
        }
        await context.close();
      }
    }
    console.log(`      axe-core: ${checked} pages checked (${routeTable().length} routes × 2 widths × signed out/in)`);
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
