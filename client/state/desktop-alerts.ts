/**
 * Alerts outside the page: desktop notifications (asked for with a button, never on load) for direct
 * messages, mentions and hotline answers while the tab is hidden, a short sound that can be turned
 * off, and a per-channel mute. They follow the notification settings as Web Push does:
 * `frequency: never` silences everything, mentions follow `types.mention`.
 */
import type { Channel, Message } from '../api/chat.js';
import type { NotificationSettings } from '../api/notifications.js';
import { mentionsUser } from './mentions.js';
import type { StorageLike } from './outbox.js';

/** What alerts read of the chat: who I am and my channels (ChatStores gives it). */
export interface AlertsChat {
  readonly user: { id: number; username: string; role: string } | null;
  readonly channels: { get(id: number): Channel | undefined };
}

/** What alerts need from the browser (a fake in Node tests). */
export interface AlertEnv {
  /** 'unsupported' where the browser has no Notification API. */
  permission(): NotificationPermission | 'unsupported';
  request(): Promise<NotificationPermission>;
  hidden(): boolean;
  notify(title: string, body: string, tag: string, onClick: () => void): void;
  beep(): void;
}

/** Why a message alerts, or null. */
export type AlertKind = 'dm' | 'mention' | 'hotline';

/** Plain store (no Lit): dispatches `change`. */
export class DesktopAlerts extends EventTarget {
  private settings: NotificationSettings | null = null;
  private settingsAt = 0;

  constructor(
    private readonly chat: AlertsChat,
    private readonly env: AlertEnv,
    private readonly storage: StorageLike,
    private readonly loadSettings: () => Promise<NotificationSettings>,
    private readonly openChannel: (channelId: number) => void,
  ) {
    super();
  }

  get permission(): NotificationPermission | 'unsupported' {
    return this.env.permission();
  }

  /** Asks the browser (only from the button: never on load). */
  async enable(): Promise<void> {
    if (this.env.permission() === 'unsupported') return;
    await this.env.request();
    this.emit();
  }

  private key(what: string): string {
    return `maillage.${what}.${this.chat.user?.id ?? 0}`;
  }

  get soundOn(): boolean {
    return this.storage.getItem(this.key('sound')) !== 'off';
  }

  setSound(on: boolean): void {
    this.storage.setItem(this.key('sound'), on ? 'on' : 'off');
    this.emit();
  }

  /** Channels I muted (no notification, no sound; the unread badge stays). */
  muted(): Set<number> {
    try {
      const list = JSON.parse(this.storage.getItem(this.key('muted')) ?? '[]') as unknown;
      return new Set(Array.isArray(list) ? list.filter((x): x is number => typeof x === 'number') : []);
    } catch {
      return new Set();
    }
  }

  isMuted(channelId: number): boolean {
    return this.muted().has(channelId);
  }

  setMuted(channelId: number, muted: boolean): void {
    const set = this.muted();
    if (muted) set.add(channelId);
    else set.delete(channelId);
    this.storage.setItem(this.key('muted'), JSON.stringify([...set]));
    this.emit();
  }

  /** Why this message alerts me, or null (mine, muted, or none of a DM, a mention, a hotline answer). */
  kindOf(m: Message): AlertKind | null {
    const user = this.chat.user;
    const channel = this.chat.channels.get(m.channelId);
    if (!user || !channel || m.author.id === user.id || m.deletedAt || this.isMuted(m.channelId)) return null;
    if (mentionsUser(m.body, user.username)) return 'mention';
    if (channel.kind === 'direct') return 'dm';
    // An answer in my own ticket (staff get the desk's own alerts).
    if (channel.kind === 'hotline' && user.role !== 'hotline' && user.role !== 'admin') return 'hotline';
    return null;
  }

  /** A live message: a desktop notification and the sound when the tab is hidden and my settings allow it. */
  async consider(m: Message): Promise<void> {
    const kind = this.kindOf(m);
    if (!kind || !this.env.hidden()) return;
    const settings = await this.currentSettings();
    if (settings && (settings.frequency === 'never' || (kind === 'mention' && !settings.types.mention))) return;
    if (this.soundOn) this.env.beep();
    if (this.env.permission() !== 'granted') return;
    const channel = this.chat.channels.get(m.channelId)!;
    const title =
      kind === 'dm'
        ? `Message de ${m.author.displayName}`
        : kind === 'hotline'
          ? `Réponse de la hotline : ${channel.name}`
          : `${m.author.displayName} vous mentionne dans # ${channel.name}`;
    const body = m.body ? m.body.slice(0, 160) : m.files?.length ? 'Fichier joint' : '';
    this.env.notify(title, body, `channel-${m.channelId}`, () => this.openChannel(m.channelId));
  }

  /** The settings, read again after 5 minutes (an unreadable answer lets alerts through, as before settings existed). */
  private async currentSettings(): Promise<NotificationSettings | null> {
    if (Date.now() - this.settingsAt > 5 * 60_000) {
      this.settingsAt = Date.now();
      this.settings = await this.loadSettings().catch(() => this.settings);
    }
    return this.settings;
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/** The browser's side: the Notification API, the page's visibility, a short tone made with Web Audio (no sound file). */
export function browserAlertEnv(win: Window & typeof globalThis): AlertEnv {
  let audio: AudioContext | null = null;
  return {
    permission: () => ('Notification' in win ? win.Notification.permission : 'unsupported'),
    request: () => win.Notification.requestPermission(),
    hidden: () => win.document.visibilityState === 'hidden',
    notify(title, body, tag, onClick) {
      const n = new win.Notification(title, { body, tag, lang: 'fr' });
      n.onclick = () => {
        win.focus();
        onClick();
        n.close();
      };
    },
    beep() {
      try {
        audio ??= new win.AudioContext();
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.08, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.18);
        osc.connect(gain).connect(audio.destination);
        osc.start();
        osc.stop(audio.currentTime + 0.2);
      } catch {
        // No audio (policy or device): the notification still goes.
      }
    },
  };
}
