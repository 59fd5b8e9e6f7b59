import { expect } from 'chai';
import { DesktopAlerts, type AlertEnv } from '../../client/state/desktop-alerts.js';
import type { NotificationSettings } from '../../client/api/notifications.js';
import { chan, msg } from './chat-fixtures.js';

/** A Map-backed storage and a browser whose tab is hidden, which records what it shows and plays. */
function setup(settings: Partial<NotificationSettings> = {}) {
  const data = new Map<string, string>();
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
  const shown: string[] = [];
  let beeps = 0;
  const env: AlertEnv = {
    permission: () => 'granted',
    request: async () => 'granted',
    hidden: () => true,
    notify: (title) => void shown.push(title),
    beep: () => void beeps++,
  };
  const channels = [
    chan(1, { kind: 'direct', name: 'Thomas Petit' }),
    chan(2, { name: 'Réseau' }),
    chan(3, { kind: 'hotline', name: 'Ticket 3' }),
  ];
  const chat = {
    user: { id: 7, username: 'julie', role: 'member' },
    channels: { get: (id: number) => channels.find((c) => c.id === id) },
  } as const;
  const full: NotificationSettings = {
    frequency: 'realtime',
    batchMinutes: 0,
    types: { article: true, comment: true, member: true, event: true, mention: true },
    groups: {},
    ...settings,
  } as NotificationSettings;
  const alerts = new DesktopAlerts(
    chat,
    env,
    storage,
    async () => full,
    () => {},
  );
  return { alerts, shown, beeps: () => beeps };
}

describe('desktop alerts: what raises a notification and a sound', () => {
  it('a DM, a mention and a hotline answer do; an ordinary message, my own and a muted channel do not', async () => {
    const { alerts, shown, beeps } = setup();
    await alerts.consider(msg(1, { channelId: 1, body: 'Salut' }));
    await alerts.consider(msg(2, { channelId: 2, body: 'Pour @julie : merci' }));
    await alerts.consider(msg(3, { channelId: 3, body: 'Voici la réponse' }));
    await alerts.consider(msg(4, { channelId: 2, body: 'Bonjour à tous' }));
    await alerts.consider(msg(5, { channelId: 1, body: 'moi', author: { id: 7, username: 'julie', displayName: 'Julie' } }));
    alerts.setMuted(1, true);
    await alerts.consider(msg(6, { channelId: 1, body: 'encore' }));
    expect(shown).to.deep.equal([
      'Message de Thomas Petit',
      'Thomas Petit vous mentionne dans # Réseau',
      'Réponse de la hotline : Ticket 3',
    ]);
    expect(beeps()).to.equal(3);
    alerts.setSound(false);
    alerts.setMuted(1, false);
    await alerts.consider(msg(7, { channelId: 1, body: 'sans son' }));
    expect([shown.length, beeps()]).to.deep.equal([4, 3]);
  });

  it('follows the notification settings: nothing with "never", no mention alert when mentions are off', async () => {
    const never = setup({ frequency: 'never' });
    await never.alerts.consider(msg(1, { channelId: 1, body: 'Salut' }));
    expect(never.shown).to.deep.equal([]);
    const noMentions = setup({
      types: { article: true, comment: true, member: true, event: true, mention: false },
    } as Partial<NotificationSettings>);
    await noMentions.alerts.consider(msg(2, { channelId: 2, body: '@julie tu viens ?' }));
    await noMentions.alerts.consider(msg(3, { channelId: 1, body: 'DM' }));
    expect(noMentions.shown).to.deep.equal(['Message de Thomas Petit']);
  });
});
