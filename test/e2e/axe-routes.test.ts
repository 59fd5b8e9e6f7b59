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
  this.timeout(300000);
  const browser = useBrowser();
  const s = useServer();
  /** Filled by the test: how many pages were checked (the accessibility statement quotes it). */
  let checked = 0;

  it('no serious or critical violation, signed out and signed in, at 1280 px and 390 px', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const group = await createGroup(s.url, admin.token, { name: 'Groupe audité' });
    const params: Record<string, string> = {
      '/groupes': `/groupes/${group.id}/fil`,
      '/evenements': '/agenda',
      '/membres': `/membres/${admin.user.id}`,
      '/documents': '/documents',
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
