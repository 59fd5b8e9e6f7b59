import { expect } from 'chai';
import { ReportFormStore, ReportStatsStore, bodyOf, emptyDraft, periodOf, type DraftStorage } from '../../client/state/reports-store';
import { ApiError } from '../../client/api/http';
import type { ReportsApi } from '../../client/api/reports';

class MemoryStorage implements DraftStorage {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('client: reports stores', () => {
  const commune = { code: '69266', name: 'Villeurbanne', postalCodes: ['69100'], departmentCode: '69' };

  it('keeps the draft in storage: a new store on the same key finds it (a reload)', () => {
    const storage = new MemoryStorage();
    const a = new ReportFormStore({ reports: {} as ReportsApi }, storage, 'k');
    a.update({ commune, canal: 'remote', activity: 'workshop' });
    expect(a.draft.participants).to.equal(2);
    a.setCount('ages', 'over_60', 1);
    a.fillRest('ages', '18_35');
    const b = new ReportFormStore({ reports: {} as ReportsApi }, storage, 'k');
    expect(b.draft).to.deep.include({ commune, canal: 'remote', activity: 'workshop', participants: 2 });
    expect(b.draft.ages).to.include({ over_60: 1, '18_35': 1 });
    b.update({ activity: 'individual' });
    expect(b.draft.participants).to.equal(1);
  });

  it('turns the draft into the body: minutes win over the band, no structure without a redirection', () => {
    const body = bodyOf({
      ...emptyDraft(),
      commune,
      durationBand: 'under_30',
      durationMinutes: '45',
      redirected: false,
      redirectedTo: 'Mairie',
    });
    expect(body).to.include({ communeCode: '69266', durationBand: null, durationMinutes: 45, redirectedTo: null });
  });

  it('on a server refusal the draft stays and the field errors are shown; on success it is forgotten', async () => {
    const storage = new MemoryStorage();
    let fail = true;
    const api = {
      create: async () => {
        if (fail)
          throw new ApiError(400, 'invalid_payload', 'Champ « statuses » : …', {
            fields: { statuses: 'Les statuts totalisent 0 personne(s) pour 1 participant(s).' },
          });
        return { id: 7 } as any;
      },
    } as unknown as ReportsApi;
    const store = new ReportFormStore({ reports: api }, storage, 'k');
    store.update({ commune });
    expect(await store.save()).to.equal(null);
    expect(store.errors.statuses).to.match(/0 personne/);
    expect(store.draft.commune).to.deep.equal(commune);
    expect(storage.getItem('k')).to.not.equal(null);
    fail = false;
    expect((await store.save())!.id).to.equal(7);
    expect(storage.getItem('k')).to.equal(null);
    expect(store.draft.commune).to.equal(null);
  });

  it('period presets and the dashboard filters', async () => {
    expect(periodOf('month', '2026-03-15')).to.deep.equal({ from: '2026-03-01', to: '2026-03-15' });
    expect(periodOf('last_month', '2026-03-15')).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('quarter', '2026-03-15')).to.deep.equal({ from: '2026-01-01', to: '2026-03-15' });
    expect(periodOf('year', '2026-03-15')).to.deep.equal({ from: '2025-03-16', to: '2026-03-15' });
    const asked: unknown[] = [];
    const store = new ReportStatsStore({
      reports: { stats: async (f: unknown) => (asked.push(f), { reports: 3 }) } as unknown as ReportsApi,
    });
    await store.setFilter({ scope: 'department', code: '69' });
    expect(asked[0]).to.include({ scope: 'department', code: '69' });
    expect(store.stats).to.deep.equal({ reports: 3 });
    await store.setFilter({ from: '2026-01-01' });
    expect(store.preset).to.equal('custom');
  });
});
