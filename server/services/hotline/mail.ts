/** The French text of the hotline's mails. Links are absolute, built from PUBLIC_URL. */

const signature =
  '\n\n—\nMaillage, le réseau des professionnels du service public.\nCe message est automatique, merci de ne pas y répondre : répondez depuis Maillage.';

/** Sent to a requester who was offline when the hotline answered. */
export const hotlineReplyMail = (firstName: string, ticketId: number, subject: string, agentName: string, link: string) => ({
  subject: `Hotline : réponse à votre demande n° ${ticketId}`,
  text: `Bonjour ${firstName},\n\n${agentName}, de la hotline, a répondu à votre demande « ${subject} ».\n\nPour lire la réponse et continuer l'échange :\n${link}${signature}`,
});
