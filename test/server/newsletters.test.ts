/** Interests and newsletters on SQLite and PostgreSQL: themes, subscriptions, composing rules, headers, one-click unsubscribe. */
import { expect } from 'chai';
import { useCast, useServerOn } from '../helpers/suite';
import { peopleOn } from '../helpers/people';
import { createGroup } from '../helpers/groups';
import { createEvent } from '../helpers/events';
import { readOutbox } from '../helpers/outbox';
import { draftIssue, publishArticle, subscribers, themeIds } from '../helpers/newsletters';
import { newsletterRunner } from '../../server/services/newsletters/runner';
import type { Mailer } from '../../server/mail';

/** The raw headers of the last .eml to `to`. */
function rawMailTo(dir: string, to: string) {
  const mail = readOutbox(dir)
    .filter((m) => m.to.includes(to))
    .pop();
  return mail;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`interests and newsletters (${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`, function () {
    this.timeout(60_000);
    const s = useServerOn(kind);
    const { person, as } = peopleOn(s);
    const cast = useCast(async () => {
      const anim = await person({ role: 'animator' });
      const admin = await person({ role: 'admin' });
      const alice = await person({ firstName: 'Alice' });
      const bob = await person({ firstName: 'Bob' });
      const [t1, t2] = await themeIds(s, 2);
      const article = await publishArticle(s, anim.token, 'Nouveau guide de l’accueil', 'pro');
      const group = await createGroup(s.url, anim.token, { name: 'Réseau ouvert', visibility: 'public' });
      const secret = await createGroup(s.url, anim.token, { name: 'Cellule privée', visibility: 'private' });
      const event = await createEvent(s, anim, group.id, { title: 'Atelier lettres' });
      const hidden = await createEvent(s, anim, secret.id, { title: 'Réunion secrète' });
      return {
        anim,
        admin,
        alice,
        bob,
        themes: { t1: { id: t1! }, t2: { id: t2! } },
        article: { id: article },
        event: { id: event.id as number },
        hidden: { id: hidden.id as number },
      };
    });

    it('a member chooses interests and subscriptions; unknown themes and bad input are refused, nothing half saved', async () => {
      const { t1, t2 } = cast.themes;
      const res = await as(cast.alice).put('/api/me/interests', { interests: [t1.id, t2.id], subscriptions: [t1.id] });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include.keys('themes');
      expect(res.body.interests).to.deep.equal([t1.id, t2.id].sort((a, b) => a - b));
      expect(res.body.subscriptions).to.deep.equal([t1.id]);
      const bad = await as(cast.alice).put('/api/me/interests', { interests: [999999], subscriptions: [] });
      expect(bad.status).to.equal(422);
      expect((await as(cast.alice).put('/api/me/interests', { interests: 'x' })).body.error.code).to.equal('invalid_payload');
      expect((await as(cast.alice).get('/api/me/interests')).body.subscriptions).to.deep.equal([t1.id]);
      expect((await as({ token: '' }).get('/api/me/interests')).status).to.equal(401);
      expect(await s.db('user_interests').where({ user_id: cast.alice.user.id }).count({ n: '*' }).first()).to.satisfy(
        (r: { n: unknown }) => Number(r.n) === 2,
      );
    });

    it('admins edit the theme list; members cannot', async () => {
      expect((await as(cast.alice).post('/api/admin/interest-themes', { label: 'Ma liste' })).status).to.equal(403);
      const added = await as(cast.admin).post('/api/admin/interest-themes', { label: 'Numérique responsable' });
      expect(added.status).to.equal(201);
      expect((await as(cast.admin).post('/api/admin/interest-themes', { label: 'numérique responsable' })).body.error.code).to.equal(
        'interest_theme_taken',
      );
      expect(
        (await as(cast.admin).patch(`/api/admin/interest-themes/${added.body.id}`, { label: 'Sobriété numérique' })).body.label,
      ).to.equal('Sobriété numérique');
      expect((await as(cast.admin).post('/api/admin/interest-themes', { label: '' })).body.error.code).to.equal('invalid_payload');
      expect((await as(cast.admin).delete(`/api/admin/interest-themes/${added.body.id}`)).status).to.equal(204);
      expect((await as(cast.admin).delete(`/api/admin/interest-themes/${added.body.id}`)).status).to.equal(404);
      expect((await as(cast.alice).get('/api/interest-themes')).body.items.map((t: { label: string }) => t.label)).to.not.include(
        'Sobriété numérique',
      );
    });

    it('members cannot compose, and a draft is not found for them; composers see only publishable contents', async () => {
      const { t1 } = cast.themes;
      const items = [
        { kind: 'article', id: cast.article.id },
        { kind: 'event', id: cast.event.id },
      ];
      expect((await as(cast.alice).post('/api/newsletters', { title: 'Essai', intro: '', themeIds: [t1.id], items })).status).to.equal(403);
      expect((await as(cast.alice).get('/api/newsletter-contents')).status).to.equal(403);
      const id = await draftIssue(s, cast.anim.token, [t1.id], items);
      for (const [method, path] of [
        ['get', `/api/newsletters/${id}`],
        ['get', `/api/newsletters/${id}/preview`],
        ['post', `/api/newsletters/${id}/test`],
        ['post', `/api/newsletters/${id}/send`],
        ['delete', `/api/newsletters/${id}`],
      ] as const) {
        expect((await as(cast.alice)[method](path)).status, `${method} ${path}`).to.equal(404);
        expect((await as(cast.anim)[method === 'delete' ? 'get' : method](path.replace(String(id), '999999'))).status).to.equal(404);
      }
      expect((await as(cast.alice).get('/api/newsletters')).body.items.map((i: { id: number }) => i.id)).to.not.include(id);
      const candidates = (await as(cast.anim).get('/api/newsletter-contents')).body.items as { kind: string; id: number }[];
      expect(candidates).to.deep.include.members([{ ...candidates.find((c) => c.kind === 'event' && c.id === cast.event.id)! }]);
      expect(
        candidates.some((c) => c.kind === 'event' && c.id === cast.hidden.id),
        'a private group’s event',
      ).to.equal(false);
      // Resources of the library: the published one is offered, a draft is not.
      const resource = (title: string, submit: boolean) => ({
        title,
        description: 'Pas à pas pour se connecter avec FranceConnect.',
        type: 'tutoriel',
        format: 'link',
        url: 'https://franceconnect.gouv.fr/aide',
        access: 'pro',
        themes: ['online_procedure'],
        departmentCodes: [],
        submit,
      });
      const published = (await as(cast.anim).post('/api/resources', resource('Tutoriel lettre publié', true))).body.id as number;
      const draft = (await as(cast.anim).post('/api/resources', resource('Tutoriel lettre brouillon', false))).body.id as number;
      const withResources = (await as(cast.anim).get('/api/newsletter-contents')).body.items as {
        kind: string;
        id: number;
        href: string;
      }[];
      expect(withResources.find((c) => c.kind === 'resource' && c.id === published)?.href).to.equal(`/ressources/${published}`);
      expect(
        withResources.some((c) => c.kind === 'resource' && c.id === draft),
        'a draft resource',
      ).to.equal(false);
      const refused = await as(cast.anim).post('/api/newsletters', {
        title: 'Essai',
        intro: '',
        themeIds: [t1.id],
        items: [{ kind: 'event', id: cast.hidden.id }],
      });
      expect(refused.body.error.code).to.equal('newsletter_unknown_content');
      expect(
        (await as(cast.anim).post('/api/newsletters', { title: 'Essai', intro: '', themeIds: [t1.id], items: [{ kind: 'potion', id: 1 }] }))
          .status,
      ).to.equal(422);
    });

    it('preview, test to myself with the unsubscribe headers, send to subscribers only, archive and figures', async () => {
      const { t2 } = cast.themes;
      await as(cast.bob).put('/api/me/interests', { interests: [], subscriptions: [t2.id] });
      const id = await draftIssue(
        s,
        cast.anim.token,
        [t2.id],
        [
          { kind: 'article', id: cast.article.id },
          { kind: 'event', id: cast.event.id },
        ],
        'Lettre des ateliers',
      );
      const preview = (await as(cast.anim).get(`/api/newsletters/${id}/preview`)).body;
      expect(preview.subject).to.include('Lettre des ateliers');
      expect(preview.text).to.include('Nouveau guide de l’accueil').and.include('Atelier lettres').and.include('/lettres/desabonnement/');
      expect(preview.html).to.include('<h1');
      expect(preview.recipients).to.equal(1);
      const test = await as(cast.anim).post(`/api/newsletters/${id}/test`);
      expect(test.body.to).to.equal(cast.anim.user.email);
      const testMail = rawMailTo(s.outboxDir, cast.anim.user.email)!;
      expect(testMail.subject).to.match(/^\[Test\] /);
      const before = readOutbox(s.outboxDir).length;
      const sent = await as(cast.anim).post(`/api/newsletters/${id}/send`);
      expect(sent.status, JSON.stringify(sent.body)).to.equal(202);
      await newsletterRunner(s.app.deps).runNow();
      const mails = readOutbox(s.outboxDir).slice(before);
      expect(mails.map((m) => m.to)).to.deep.equal([cast.bob.user.email]);
      const { headers, html, text } = mails[0]!;
      const link = /https?:\/\/\S+\/lettres\/desabonnement\/[\w-]+/.exec(text)![0];
      expect(headers).to.match(/^List-Unsubscribe: <(\S+)>$/m);
      expect(/^List-Unsubscribe: <(\S+)>$/m.exec(headers)![1]).to.equal(link);
      expect(headers).to.match(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(headers).to.match(new RegExp(`^Message-ID: <newsletter-${id}-${cast.bob.user.id}@127\\.0\\.0\\.1>$`, 'mi'));
      expect(html).to.include('Nouveau guide de l’accueil').and.include(link);
      expect(text).to.match(/^Bonjour Bob,/);
      expect(
        (await as(cast.anim).put(`/api/newsletters/${id}`, { title: 'Changé', intro: '', themeIds: [t2.id], items: [] })).body.error.code,
      ).to.equal('newsletter_not_draft');
      const list = (await as(cast.anim).get('/api/newsletters')).body.items as { id: number; status: string; figures: unknown }[];
      expect(list.find((i) => i.id === id)).to.deep.include({ status: 'sent', figures: { recipients: 1, sent: 1, failed: 0, pending: 0 } });
      const archive = (await as(cast.alice).get(`/api/newsletters/${id}`)).body;
      expect(archive).to.include({ title: 'Lettre des ateliers', figures: null, canEdit: false });
      expect(archive.items.map((i: { kind: string }) => i.kind)).to.deep.equal(['article', 'event']);
    });

    it('the one-click link: GET tells, POST (RFC 8058, no session) unsubscribes, forged tokens are not found', async () => {
      const { t2 } = cast.themes;
      const mail = rawMailTo(s.outboxDir, cast.bob.user.email)!;
      const link = /https?:\/\/\S+\/lettres\/desabonnement\/([\w-]+)/.exec(mail.text)!;
      const token = link[1]!;
      const info = await as({ token: '' }).get(`/api/newsletter-unsubscribe/${token}`);
      expect(info.body.themes.map((t: { id: number }) => t.id)).to.deep.equal([t2.id]);
      const res = await fetch(link[0], {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(res.status).to.equal(200);
      expect((await res.json()).unsubscribed.map((t: { id: number }) => t.id)).to.deep.equal([t2.id]);
      expect(await s.db('newsletter_subscriptions').where({ user_id: cast.bob.user.id })).to.deep.equal([]);
      // Twice is harmless.
      expect((await as({ token: '' }).post(`/api/newsletter-unsubscribe/${token}`)).body.unsubscribed).to.deep.equal([]);
      const forged = token.replace(/-(\d+)-/, (_, u: string) => `-${Number(u) + 1}-`);
      expect((await as({ token: '' }).post(`/api/newsletter-unsubscribe/${forged}`)).status).to.equal(404);
      expect((await fetch(link[0].replace(token, forged), { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).to.equal(404);
      expect((await as({ token: '' }).get('/api/newsletter-unsubscribe/abc')).status).to.equal(400);
    });

    it('failed deliveries go out again on request: each person mailed once, the first date kept', async () => {
      const t3 = (await themeIds(s, 3))[2]!;
      const subs = await subscribers(s, t3, 3, 'relance');
      const id = await draftIssue(s, cast.anim.token, [t3], [], 'Lettre relancée');
      expect((await as(cast.anim).post(`/api/newsletters/${id}/retry`)).body.error.code, 'a draft').to.equal('newsletter_nothing_failed');
      // The transport refuses the first subscriber's mail during the first round.
      const real = s.app.deps.mailer;
      s.app.deps.mailer = { send: async (m) => (m.to === subs[0]!.email ? false : real.send(m)) } satisfies Mailer;
      const before = readOutbox(s.outboxDir).length;
      try {
        expect((await as(cast.anim).post(`/api/newsletters/${id}/send`)).status).to.equal(202);
        await newsletterRunner(s.app.deps).runNow();
      } finally {
        s.app.deps.mailer = real;
      }
      const first = (await as(cast.anim).get(`/api/newsletters/${id}`)).body;
      expect(first).to.deep.include({ status: 'sent', figures: { recipients: 3, sent: 2, failed: 1, pending: 0 } });
      expect((await as(cast.alice).post(`/api/newsletters/${id}/retry`)).status, 'not a composer: no such issue to act on').to.equal(404);

      const again = await as(cast.anim).post(`/api/newsletters/${id}/retry`);
      expect(again.status, JSON.stringify(again.body)).to.equal(202);
      expect(again.body.status).to.equal('sending');
      await newsletterRunner(s.app.deps).runNow();
      const done = (await as(cast.anim).get(`/api/newsletters/${id}`)).body;
      expect(done).to.deep.include({ status: 'sent', sentAt: first.sentAt, figures: { recipients: 3, sent: 3, failed: 0, pending: 0 } });
      const mails = readOutbox(s.outboxDir)
        .slice(before)
        .map((m) => m.to);
      expect(mails.sort()).to.deep.equal(subs.map((x) => x.email).sort());
      expect((await as(cast.anim).post(`/api/newsletters/${id}/retry`)).body.error.code, 'nothing left').to.equal(
        'newsletter_nothing_failed',
      );
    });
  });
}
