/**
 * What each kind of notification says in French, where it leads and its icon
 * (pure: no Lit, tested in Node). The server's e-mails say the same in
 * server/services/notifications/texts.ts. Data is read defensively.
 */
import type { AppNotification } from '../../api/notifications.js';
import { markdownText } from '../chat/markdown-text.js';

/** One notification, ready to show. */
export interface NotificationView {
  text: string;
  href: string;
  /** A DSFR icon class. */
  icon: string;
}

type Data = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const id = (v: unknown): number | null => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : null);
const who = (v: unknown, fallback: string): string => str((v as { displayName?: unknown } | null)?.displayName) || fallback;
const quoted = (v: unknown, fallback = ''): string => (str(v) ? `« ${str(v)} »` : fallback);

const eventDate = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
const when = (v: unknown): string => {
  const d = new Date(str(v));
  return Number.isNaN(d.getTime()) ? '' : ` (${eventDate.format(d)})`;
};

function mention(d: Data): NotificationView {
  const place =
    d.channelKind === 'direct'
      ? 'une conversation privée'
      : d.channelKind === 'hotline'
        ? 'une demande à la hotline'
        : str(d.channelName)
          ? `le salon « ${str(d.channelName)} »`
          : 'un salon';
  const excerpt = str(d.excerpt) ? ` : « ${markdownText(str(d.excerpt)!)} »` : '';
  const href = id(d.ticketId) ? `/hotline/${id(d.ticketId)}` : id(d.channelId) ? `/discussions/${id(d.channelId)}` : '/discussions';
  return { text: `${who(d.author, 'Quelqu’un')} vous a mentionné(e) dans ${place}${excerpt}`, href, icon: 'fr-icon-chat-3-line' };
}

/** The sentence, link and icon of a notification. */
export function describeNotification(n: Pick<AppNotification, 'kind' | 'data'>): NotificationView {
  const d: Data = n.data && typeof n.data === 'object' ? n.data : {};
  const group = quoted(d.groupName, 'un groupe');
  const groupHref = id(d.groupId) ? `/groupes/${id(d.groupId)}` : '/groupes';
  const eventHref = id(d.eventId) ? `/evenements/${id(d.eventId)}` : '/agenda';
  const event = `${quoted(d.title, 'un événement')}${when(d.startsAt)}`;
  const groupIcon = 'fr-icon-team-line';
  const eventIcon = 'fr-icon-calendar-event-line';
  switch (n.kind) {
    case 'sheet_contribution':
      return {
        text: `${who(d.author, 'Un professionnel')} a commenté ${str(d.postitText) ? `le post-it ${quoted(d.postitText)}` : 'la fiche'} de votre projet ${quoted(d.title)}.`,
        href: id(d.sheetId) ? `/projets/${id(d.sheetId)}${str(d.postitText) ? '/canevas' : ''}` : '/projets',
        icon: 'fr-icon-discuss-line',
      };
    case 'sheet_shared':
      return {
        text: `${who(d.creator, 'Un créateur')} vous partage son projet ${quoted(d.title)}.`,
        href: id(d.sheetId) ? `/projets/${id(d.sheetId)}` : '/accompagnements',
        icon: 'fr-icon-lightbulb-line',
      };
    case 'join_request':
      return {
        text: `${who(d.user, 'Quelqu’un')} demande à rejoindre le groupe ${group}.`,
        href: id(d.groupId) ? `${groupHref}/demandes` : groupHref,
        icon: 'fr-icon-user-add-line',
      };
    case 'organisation_requested':
      return {
        text: `${who(d.requester, 'Quelqu’un')} demande l’accès de l’organisation ${quoted(d.name)} : la demande attend votre décision.`,
        href: '/admin/organisations',
        icon: 'fr-icon-building-line',
      };
    case 'account_type_requested':
      return {
        text: `${who(d.user, 'Un membre')} demande le type de compte ${quoted(d.requestedLabel)} : la demande attend votre validation.`,
        href: '/admin/types-de-compte',
        icon: 'fr-icon-user-star-line',
      };
    case 'content_moderated': {
      const title = quoted(d.title, 'votre contenu');
      const said = str(d.comment) ? ` : « ${str(d.comment)} »` : '.';
      const text =
        d.decision === 'publish'
          ? `${title} est publié.`
          : d.decision === 'return'
            ? `${title} vous est renvoyé pour modification${said}`
            : `${title} n’a pas été retenu${said}`;
      // An event's notice opens the event (where its organiser edits it and reads the moderator's comment).
      if (d.contentKind === 'event' && id(d.contentId))
        return { text, href: `/evenements/${id(d.contentId)}`, icon: 'fr-icon-calendar-line' };
      const href = !id(d.contentId)
        ? '/mes-contenus'
        : d.contentKind === 'resource'
          ? `/ressources/${id(d.contentId)}/modifier`
          : `/mes-contenus/${id(d.contentId)}`;
      return { text, href, icon: 'fr-icon-article-line' };
    }
    case 'join_approved':
      return { text: `Votre demande pour rejoindre le groupe ${group} est acceptée.`, href: groupHref, icon: groupIcon };
    case 'join_rejected':
      return { text: `Votre demande pour rejoindre le groupe ${group} n’a pas été retenue.`, href: groupHref, icon: groupIcon };
    case 'group_invitation':
      return {
        text: `${who(d.invitedBy, 'Un responsable')} vous invite à rejoindre le groupe ${group}.`,
        href: groupHref,
        icon: 'fr-icon-mail-line',
      };
    case 'post_addressed':
      return {
        text: `${who(d.author, 'Quelqu’un')} vous adresse la publication ${quoted(d.title)} (groupe ${group}).`,
        href: '/groupes/fil',
        icon: 'fr-icon-article-line',
      };
    case 'post_new':
      return {
        text: `${who(d.author, 'Quelqu’un')} a publié ${quoted(d.title)} dans le groupe ${group}.`,
        href: id(d.groupId) ? `${groupHref}/fil` : '/groupes/fil',
        icon: 'fr-icon-article-line',
      };
    case 'document_new':
      return {
        text: `${who(d.author, 'Quelqu’un')} a ajouté le document ${quoted(d.title)} dans le groupe ${group}.`,
        href: id(d.documentId) ? `/documents/${id(d.documentId)}` : groupHref,
        icon: 'fr-icon-file-line',
      };
    case 'resource_new':
      return {
        text: `${who(d.author, 'Quelqu’un')} a publié la ressource ${quoted(d.title)} (groupe ${group}).`,
        href: id(d.resourceId) ? `/ressources/${id(d.resourceId)}` : '/ressources',
        icon: 'fr-icon-book-2-line',
      };
    case 'event_new':
      return { text: `Nouvel événement dans le groupe ${group} : ${event}.`, href: eventHref, icon: eventIcon };
    case 'comment':
      return {
        text: `${who(d.author, 'Quelqu’un')} a commenté votre publication ${quoted(d.title)}.`,
        href: groupHref,
        icon: 'fr-icon-discuss-line',
      };
    case 'event_invitation':
      return { text: `${who(d.invitedBy, 'Un organisateur')} vous invite à l’événement ${event}.`, href: eventHref, icon: eventIcon };
    case 'event_promoted':
      return str(d.name)
        ? { text: `Une place s’est libérée : ${str(d.name)} est maintenant inscrit(e) à ${event}.`, href: eventHref, icon: eventIcon }
        : { text: `Une place s’est libérée : vous êtes maintenant inscrit(e) à ${event}.`, href: eventHref, icon: eventIcon };
    case 'event_changed':
      return { text: `L’événement ${event} a changé (date, horaire, lieu ou lien).`, href: eventHref, icon: eventIcon };
    case 'event_cancelled':
      return {
        text: `L’événement ${event} est annulé.${str(d.reason) ? ` Motif : ${str(d.reason)}` : ''}`,
        href: eventHref,
        icon: eventIcon,
      };
    case 'mention':
      return mention(d);
    case 'suggestion_status': {
      const verdict =
        d.status === 'planned'
          ? 'est prévue'
          : d.status === 'done'
            ? 'est réalisée'
            : d.status === 'declined'
              ? 'n’est pas retenue'
              : 'est rouverte';
      return {
        text: `Votre suggestion ${quoted(d.title)} ${verdict}.${str(d.reason) ? ` Motif : ${str(d.reason)}` : ''}`,
        href: id(d.suggestionId) ? `/suggestions?id=${id(d.suggestionId)}` : '/suggestions',
        icon: 'fr-icon-lightbulb-line',
      };
    }
    case 'personal_data_ready':
      return {
        text: 'L’archive de vos données est prête : téléchargez-la (lien valable 7 jours).',
        href: /^\/api\/me\/exports\/[\w-]+$/.test(str(d.downloadPath)) ? str(d.downloadPath) : '/profil',
        icon: 'fr-icon-download-line',
      };
    default:
      if (id(d.ticketId))
        return {
          text: `Du nouveau sur votre demande n° ${id(d.ticketId)} à la hotline.`,
          href: `/hotline/${id(d.ticketId)}`,
          icon: 'fr-icon-question-line',
        };
      return { text: 'Vous avez une nouvelle notification.', href: '/notifications', icon: 'fr-icon-notification-3-line' };
  }
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** « à l’instant », « il y a 5 min », « il y a 3 h », else « 23 novembre 2026 à 14:05 ». */
export function whenLabel(iso: string, now = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const minutes = Math.floor((now - t) / 60_000);
  if (minutes < 1) return 'à l’instant';
  if (minutes < 60) return `il y a ${minutes} min`;
  if (minutes < 24 * 60) return `il y a ${Math.floor(minutes / 60)} h`;
  return dateTime.format(new Date(t));
}

/** « 3 notifications non lues », « 1 notification non lue », « Aucune notification non lue ». */
export function unreadLabel(count: number): string {
  if (count <= 0) return 'Aucune notification non lue';
  return count === 1 ? '1 notification non lue' : `${count} notifications non lues`;
}
