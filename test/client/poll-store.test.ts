/** PollStore in Node: live updates fold into my view, overlapping reads become one more read, a closing reads my view again. */
import { expect } from 'chai';
import type { Poll, PollUpdate } from '../../client/api/polls.js';
import { PollStore } from '../../client/state/poll-store.js';

const view = (o: Partial<Poll> = {}): Poll => ({
  postId: 7,
  groupId: 1,
  question: 'Quel jour ?',
  multiple: false,
  anonymous: false,
  resultsVisibility: 'after_vote',
  closesAt: null,
  closedAt: null,
  closed: false,
  options: [
    { id: 1, label: 'Lundi', votes: null },
    { id: 2, label: 'Mardi', votes: null },
  ],
  voterCount: 0,
  myChoices: [],
  resultsVisible: false,
  canVote: true,
  canManage: false,
  ...o,
});

/** A fake polls API whose answers are released by hand. */
function fakeApi(answers: Poll[]) {
  let gets = 0;
  const waiting: (() => void)[] = [];
  return {
    get gets() {
      return gets;
    },
    release: () => waiting.shift()?.(),
    polls: {
      get: () => {
        const answer = answers[Math.min(gets++, answers.length - 1)]!;
        return new Promise<Poll>((resolve) => waiting.push(() => resolve(answer)));
      },
      vote: async () => view(),
      withdraw: async () => view(),
      close: async () => view(),
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('client: poll store', () => {
  it('an open poll’s update changes the count only; hidden results stay hidden and are not read again', async () => {
    const api = fakeApi([view()]);
    const store = new PollStore(api, 7);
    const loading = store.load();
    api.release();
    await loading;
    const u: PollUpdate = { postId: 7, groupId: 1, voterCount: 3, closed: false, closedAt: null, results: null };
    store.apply(u);
    expect(store.poll!.voterCount).to.equal(3);
    expect(store.poll!.options.map((o) => o.votes)).to.deep.equal([null, null]);
    expect(api.gets).to.equal(1);
  });

  it('a closing brings the final counts at once, then reads my view again', async () => {
    const api = fakeApi([view(), view({ closed: true, resultsVisible: true, canVote: false })]);
    const store = new PollStore(api, 7);
    const loading = store.load();
    api.release();
    await loading;
    store.apply({
      postId: 7,
      groupId: 1,
      voterCount: 2,
      closed: true,
      closedAt: '2026-12-05T10:00:00.000Z',
      results: [
        { optionId: 1, votes: 0 },
        { optionId: 2, votes: 2 },
      ],
    });
    expect(store.poll!).to.include({ closed: true, canVote: false, resultsVisible: true });
    expect(store.poll!.options.map((o) => o.votes)).to.deep.equal([0, 2]);
    await flush();
    expect(api.gets).to.equal(2);
  });

  it('reads asked while one is under way fold into a single further read', async () => {
    const api = fakeApi([view({ resultsVisible: true, myChoices: [1] })]);
    const store = new PollStore(api, 7);
    const first = store.load();
    void store.load();
    void store.load();
    api.release();
    await flush();
    api.release();
    await first;
    expect(api.gets).to.equal(2);
  });
});
