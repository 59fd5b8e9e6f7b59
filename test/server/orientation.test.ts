import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { makeUserWithToken } from '../helpers/factories';
import { createGroup } from '../helpers/groups';
import { workshopBody } from '../helpers/workshops';
import { because, rank, type Candidate, type Criteria } from '../../server/services/orientation/matcher';

const now = new Date('2026-12-05T10:00:00Z');
const cand = (o: Partial<Candidate> & { id: number }): Candidate => ({
  kind: 'event',
  title: `#${o.id}`,
  summary: '',
  href: `/x/${o.id}`,
  startsAt: new Date('2026-12-20T09:00:00Z'),
  departmentCodes: [],
  sectorIds: [],
  stages: [],
  sizes: [],
  needs: [],
  ...o,
});
const criteria: Criteria = {
  stage: { key: 'idee', label: 'Idée' },
  sector: { id: 7, name: 'Commerce' },
  department: { code: '33', name: 'Gironde' },
  size: null,
  needs: [{ key: 'financement', label: 'Financement' }],
};

describe('orientation: ranking and explaining what fits a creator', () => {
  it('leaves out what aims elsewhere and the past, keeps national content, ranks by matching criteria then date', () => {
    const ranked = rank(
      [
        cand({ id: 1, departmentCodes: ['69'] }), // another département
        cand({ id: 2, departmentCodes: ['33'], sectorIds: [7] }),
        cand({ id: 3 }), // for everyone
        cand({ id: 4, departmentCodes: ['33'], startsAt: new Date('2026-12-01T09:00:00Z') }), // past
        cand({ id: 5, sectorIds: [8] }), // another sector
        cand({ id: 6, departmentCodes: ['33'], sectorIds: [7], needs: ['financement'], startsAt: new Date('2027-01-10T09:00:00Z') }),
        cand({ id: 7, departmentCodes: ['33'], sectorIds: [7], startsAt: new Date('2026-12-10T09:00:00Z') }),
        cand({ id: 8, stages: ['creation'] }), // another stage
      ],
      criteria,
      now,
    );
    expect(ranked.map((r) => r.candidate.id)).to.deep.equal([6, 7, 2, 3]);
    expect(because(ranked[1]!)).to.equal('Parce que vous êtes en Gironde, secteur commerce.');
    expect(because(ranked[0]!)).to.equal('Parce que vous êtes en Gironde, secteur commerce, besoin : financement.');
    expect(because(ranked[3]!)).to.equal('Ouvert à tous les projets.');
  });

  describe('GET /api/public/orientation (no account)', () => {
    const s = useServer();

    it('answers public content only, matched and explained; bad criteria are refused', async () => {
      const admin = await makeUserWithToken(s.db, { role: 'admin' });
      const animator = await makeUserWithToken(s.db, { role: 'animator' });
      const commerce = (await api(s.url, { token: admin.token }).post('/api/admin/sectors', { name: 'Commerce' })).body;
      const publish = async (title: string, access: 'public' | 'pro', departmentCodes: string[]) => {
        const res = await api(s.url, { token: animator.token }).post('/api/articles', {
          title,
          summary: 'En bref.',
          body: 'Texte.',
          access,
          departmentCodes,
          sectorIds: [commerce.id],
          submit: true,
        });
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
      };
      await publish('Ouvrir un commerce en Gironde', 'public', ['33']);
      await publish('Réservé aux membres', 'pro', ['33']);
      await publish('Ouvrir un commerce dans le Rhône', 'public', ['69']);
      const res = await api(s.url).get(
        `/api/public/orientation?departmentCode=33&sectorId=${commerce.id}&stage=idee&needs=financement,local`,
      );
      expect(res.status).to.equal(200);
      expect(res.body.resources.map((r: { title: string }) => r.title)).to.deep.equal(['Ouvrir un commerce en Gironde']);
      expect(res.body.resources[0]).to.include({ because: 'Parce que vous êtes en Gironde, secteur commerce.', place: 'Gironde' });
      expect(res.body.searched).to.include.members(['event', 'resource', 'article']);

      // Public workshops: the one in Gironde for commerce comes out, explained; another département's or a pro one does not.
      const group = await createGroup(s.url, animator.token, { visibility: 'public' });
      const workshop = async (title: string, o: Record<string, unknown>) => {
        const made = await api(s.url, { token: animator.token }).post(
          '/api/events',
          workshopBody(group.id, { title, sectorIds: [commerce.id], ...o }),
        );
        expect(made.status, JSON.stringify(made.body)).to.equal(201);
        return made.body.id as number;
      };
      const gironde = await workshop('Atelier commerce à Bordeaux', { departmentCodes: ['33'], communeCode: '33063', postalCode: '33000' });
      await workshop('Atelier commerce à Lyon', { departmentCodes: ['69'] });
      await workshop('Réunion réservée aux pros', { departmentCodes: ['33'], communeCode: '33063', postalCode: '33000', access: 'pro' });
      const events = (await api(s.url).get(`/api/public/orientation?departmentCode=33&sectorId=${commerce.id}&size=solo`)).body.events;
      expect(events.map((e: { id: number }) => e.id)).to.deep.equal([gironde]);
      expect(events[0]).to.include({ kind: 'event', href: `/evenements-publics/${gironde}` });
      expect(events[0].because).to.equal('Parce que vous êtes en Gironde, secteur commerce, projet seul(e).');
      expect(events[0].startsAt).to.be.a('string');

      const bad = await api(s.url).get('/api/public/orientation?stage=reve&needs=licorne');
      expect(bad.status).to.equal(400);
      expect(bad.body.error.code).to.equal('invalid_payload');
    });
  });
});
