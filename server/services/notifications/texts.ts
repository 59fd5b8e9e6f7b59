/**
 * The French sentence and the page of each kind of notification, for e-mails
 * (the web client has its own copy in client/components/notifications/texts.ts).
 * Data comes from the database: every field is read defensively.
 */
import { whenText } from '../agenda/notices';

type Data = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const id = (v: unknown): number | null => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : null);
const who = (v: unknown, fallback: string): string => str((v as { displayName?: unknown } | null)?.displayName) || fallback;
const quoted = (v: unknown, fallback: string): string => (str(v) ? `« ${str(v)} »` : fallback);
const when = (v: unknown): string => {
  const d = new Date(str(v));
  return Number.isNaN(d.getTime()) ? '' : ` (${whenText(d)})`;
};

/** What a notification says and where it leads (a path of the web app). */
export interface NotificationText {
  text: string;
  path: string;
}

/** The page of a chat mention: the hotline ticket, or the channel. */
function mentionPath(d: Data): string {
  const ticket = id(d.ticketId);
  if (ticket) return `/hotline/${ticket}`;
  const channel = id(d.channelId);
  return channel ? `/discussions/${channel}` : '/discussions';
}

/** Where a mention happened, in words. */
function mentionPlace(d: Data): string {
  if (d.channelKind === 'direct') return 'une conversation privée';
  if (d.channelKind === 'hotline') return 'une demande à la hotline';
  return str(d.channelName) ? `le salon « ${str(d.channelName)} »` : 'un salon';
}

/** The sentence and link of one notification. */
export function describeNotification(kind: string, d: Data): NotificationText {
  const group = quoted(d.groupName, 'un groupe');
  const groupPath = id(d.groupId) ? `/groupes/${id(d.groupId)}` : '/groupes';
  const eventPath = id(d.eventId) ? `/evenements/${id(d.eventId)}` : '/agenda';
  const event = `${quoted(d.title, 'un événement')}${when(d.startsAt)}`;
  switch (kind) {
    case 'join_request':
      return {
        text: `${who(d.user, 'Quelqu’un')} demande à rejoindre le groupe ${group}.`,
        path: id(d.groupId) ? `${groupPath}/demandes` : groupPath,
      };
    case 'join_approved':
      return { text: `Votre demande pour rejoindre le groupe ${group} est acceptée.`, path: groupPath };
    case 'join_rejected':
      return { text: `Votre demande pour rejoindre le groupe ${group} n’a pas été retenue.`, path: groupPath };
    case 'group_invitation':
      return { text: `${who(d.invitedBy, 'Un responsable')} vous invite à rejoindre le groupe ${group}.`, path: groupPath };
    case 'post_addressed':
      return {
        text: `${who(d.author, 'Quelqu’un')} vous adresse la publication ${quoted(d.title, '')} (groupe ${group}).`,
        path: '/groupes/fil',
      };
    case 'post_new':
      return {
        text: `${who(d.author, 'Quelqu’un')} a publié ${quoted(d.title, 'une publication')} dans le groupe ${group}.`,
        path: id(d.groupId) ? `${groupPath}/fil` : '/groupes/fil',
      };
    case 'document_new':
      return {
        text: `${who(d.author, 'Quelqu’un')} a ajouté le document ${quoted(d.title, '')} dans le groupe ${group}.`,
        path: id(d.documentId) ? `/documents/${id(d.documentId)}` : groupPath,
      };
    case 'resource_new':
      return {
        text: `${who(d.author, 'Quelqu’un')} a publié la ressource ${quoted(d.title, '')} (groupe ${group}).`,
        path: id(d.resourceId) ? `/ressources/${id(d.resourceId)}` : '/ressources',
      };
    case 'event_new':
      return { text: `Nouvel événement dans le groupe ${group} : ${event}.`, path: eventPath };
    case 'comment':
      return { text: `${who(d.author, 'Quelqu’un')} a commenté votre publication ${quoted(d.title, '')}.`, path: groupPath };
    case 'event_invitation':
      return { text: `${who(d.invitedBy, 'Un organisateur')} vous invite à l’événement ${event}.`, path: eventPath };
    case 'event_promoted':
      return str(d.name)
        ? { text: `Une place s’est libérée : ${str(d.name)} est maintenant inscrit(e) à ${event}.`, path: eventPath }
        : { text: `Une place s’est libérée : vous êtes maintenant inscrit(e) à ${event}.`, path: eventPath };
    case 'event_changed':
      return { text: `L’événement ${event} a changé (date, horaire, lieu ou lien).`, path: eventPath };
    case 'event_cancelled':
      return { text: `L’événement ${event} est annulé.${str(d.reason) ? ` Motif : ${str(d.reason)}` : ''}`, path: eventPath };
    case 'mention': {
      const excerpt = str(d.excerpt) ? ` : « ${str(d.excerpt)} »` : '.';
      return { text: `${who(d.author, 'Quelqu’un')} vous a mentionné(e) dans ${mentionPlace(d)}${excerpt}`, path: mentionPath(d) };
    }
    case 'sheet_contribution':
      return {
        text: `${who(d.author, 'Un professionnel')} a commenté ${str(d.postitText) ? `le post-it ${quoted(d.postitText, '')}` : 'la fiche'} de votre projet ${quoted(d.title, '')}.`,
        path: id(d.sheetId) ? `/projets/${id(d.sheetId)}${str(d.postitText) ? '/canevas' : ''}` : '/projets',
      };
    case 'sheet_shared':
      return {
        text: `${who(d.creator, 'Un créateur')} vous partage son projet ${quoted(d.title, '')}.`,
        path: id(d.sheetId) ? `/projets/${id(d.sheetId)}` : '/accompagnements',
      };
    case 'organisation_requested':
      return {
        text: `${who(d.requester, 'Quelqu’un')} demande l’accès de l’organisation ${quoted(d.name, '')} : la demande attend votre décision.`,
        path: '/admin/organisations',
      };
    case 'account_type_requested':
      return {
        text: `${who(d.user, 'Un membre')} demande le type de compte ${quoted(d.requestedLabel, '')} : la demande attend votre validation.`,
        path: '/admin/types-de-compte',
      };
    case 'content_moderated': {
      const title = quoted(d.title, 'Votre contenu');
      const said = str(d.comment) ? ` : « ${str(d.comment)} »` : '.';
      const text =
        d.decision === 'publish'
          ? `${title} est publié.`
          : d.decision === 'return'
            ? `${title} vous est renvoyé pour modification${said}`
            : `${title} n’a pas été retenu${said}`;
      return { text, path: id(d.contentId) ? `/mes-contenus/${id(d.contentId)}` : '/mes-contenus' };
    }
    case 'suggestion_status':
      return { text: suggestionStatusText(d), path: id(d.suggestionId) ? `/suggestions?id=${id(d.suggestionId)}` : '/suggestions' };
    case 'personal_data_ready':
      return {
        text: 'L’archive de vos données est prête : téléchargez-la (lien valable 7 jours).',
        path: str(d.downloadPath) || '/profil',
      };
    default:
      if (id(d.ticketId))
        return { text: `Du nouveau sur votre demande n° ${id(d.ticketId)} à la hotline.`, path: `/hotline/${id(d.ticketId)}` };
      return { text: 'Vous avez une nouvelle notification.', path: '/notifications' };
  }
}

/**
 * Kinds whose service already sent their own e-mail at once (an event
 * cancelled, a place obtained): a `realtime` mail would repeat it minutes later.
 */
export function mailedByTheirService(kind: string, d: Data): boolean {
  return kind === 'event_cancelled' || kind === 'personal_data_ready' || (kind === 'event_promoted' && !str(d.name));
}

/** « Votre suggestion « … » est prévue : motif » (the admin's reason, as given). */
function suggestionStatusText(d: Data): string {
  const title = quoted(d.title, 'Votre suggestion');
  const verdict =
    d.status === 'planned'
      ? 'est prévue'
      : d.status === 'done'
        ? 'est réalisée'
        : d.status === 'declined'
          ? 'n’est pas retenue'
          : 'est rouverte';
  return `Votre suggestion ${title} ${verdict}.${str(d.reason) ? ` Motif : ${str(d.reason)}` : ''}`;
}
