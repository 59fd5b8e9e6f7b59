import { expect } from 'chai';
import { isAdmin, isAnimator, isChatOnly, isHotlineStaff, isOpenToDirectMessages } from '../../server/access/roles';
import type { Role } from '../../server/db/users';

describe('access/roles: every role set named once', () => {
  const roles: Role[] = ['member', 'animator', 'hotline', 'admin'];
  const who = (test: (u: { role: Role }) => boolean) => roles.filter((role) => test({ role }));

  it('hotline staff are hotline agents and admins', () => {
    expect(who(isHotlineStaff)).to.deep.equal(['hotline', 'admin']);
  });

  it('animators are animators and admins (hotline agents do not animate)', () => {
    expect(who(isAnimator)).to.deep.equal(['animator', 'admin']);
  });

  it('anyone may write directly to animators, hotline staff and admins', () => {
    expect(who(isOpenToDirectMessages)).to.deep.equal(['animator', 'hotline', 'admin']);
  });

  it('only admins administer', () => {
    expect(who(isAdmin)).to.deep.equal(['admin']);
  });

  it('chat-only is a flag, whatever the role (SQLite stores 0/1)', () => {
    expect(isChatOnly({ chat_only: 1 })).to.equal(true);
    expect(isChatOnly({ chat_only: false })).to.equal(false);
  });
});
