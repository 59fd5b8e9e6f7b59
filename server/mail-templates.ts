/** The French texts of the mails the server sends. Links are absolute, built from PUBLIC_URL. */

const signature =
  '\n\n—\nMaillage, le réseau des professionnels du service public.\nCe message est automatique, merci de ne pas y répondre.';

export const confirmAccountMail = (firstName: string, link: string) => ({
  subject: 'Confirmez votre inscription à Maillage',
  text: `Bonjour ${firstName},\n\nPour activer votre compte Maillage, ouvrez ce lien (valable 48 heures) :\n${link}\n\nSi vous n'êtes pas à l'origine de cette inscription, ignorez ce message.${signature}`,
});

export const alreadyRegisteredMail = (firstName: string, loginLink: string, resetLink: string) => ({
  subject: 'Vous avez déjà un compte Maillage',
  text: `Bonjour ${firstName},\n\nQuelqu'un a demandé à créer un compte Maillage avec votre adresse, mais vous en avez déjà un.\nPour vous connecter : ${loginLink}\nMot de passe oublié : ${resetLink}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.${signature}`,
});

export const resetPasswordMail = (firstName: string, link: string) => ({
  subject: 'Réinitialisation de votre mot de passe Maillage',
  text: `Bonjour ${firstName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, une seule fois) :\n${link}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.${signature}`,
});

export const groupInvitationSignupMail = (inviterName: string, groupName: string, link: string) => ({
  subject: `${inviterName} vous invite dans le groupe « ${groupName} » sur Maillage`,
  text: `Bonjour,\n\n${inviterName} vous invite à rejoindre le groupe « ${groupName} » sur Maillage, le réseau des professionnels du service public.\n\nPour accepter, créez votre compte avec cette adresse e-mail en ouvrant ce lien :\n${link}\n\nUne fois votre adresse confirmée, l'invitation vous attendra dans Maillage (rubrique Groupes).\n\nSi vous ne connaissez pas cette personne, ignorez ce message.${signature}`,
});

export const groupInvitationMemberMail = (firstName: string, inviterName: string, groupName: string, link: string) => ({
  subject: `Invitation dans le groupe « ${groupName} »`,
  text: `Bonjour ${firstName},\n\n${inviterName} vous invite à rejoindre le groupe « ${groupName} » sur Maillage.\nPour répondre à l'invitation : ${link}${signature}`,
});

export const deletionScheduledMail = (firstName: string, erasesOn: string, loginLink: string) => ({
  subject: 'Suppression de votre compte Maillage programmée',
  text: `Bonjour ${firstName},\n\nVous avez demandé la suppression de votre compte Maillage. Il sera supprimé le ${erasesOn} : vos données personnelles seront alors effacées ; vos messages et publications resteront visibles, signés « Compte supprimé ».\n\nVous avez changé d'avis ? Il suffit de vous reconnecter avant cette date pour annuler la suppression :\n${loginLink}${signature}`,
});

export const deletionCancelledMail = (firstName: string) => ({
  subject: 'Suppression de votre compte Maillage annulée',
  text: `Bonjour ${firstName},\n\nVous vous êtes reconnecté(e) : la suppression de votre compte Maillage est annulée et votre compte reste actif.\n\nSi ce n'est pas vous, changez votre mot de passe sans attendre.${signature}`,
});

export const personalDataReadyMail = (firstName: string, link: string) => ({
  subject: 'Vos données Maillage sont prêtes',
  text: `Bonjour ${firstName},\n\nL'archive de vos données que vous avez demandée est prête. Téléchargez-la (connexion requise) avec ce lien, valable 7 jours :\n${link}\n\nSi vous n'avez rien demandé, changez votre mot de passe sans attendre.${signature}`,
});

export const organisationRequestReceivedMail = (firstName: string, organisationName: string) => ({
  subject: `Demande d'accès reçue pour « ${organisationName} »`,
  text: `Bonjour ${firstName},\n\nNous avons bien reçu la demande d'accès à Maillage pour « ${organisationName} ». Un administrateur l'étudie ; vous recevrez sa décision par courriel.${signature}`,
});

export const organisationAcceptedMail = (firstName: string, organisationName: string, link: string) => ({
  subject: `Votre organisation « ${organisationName} » a rejoint Maillage`,
  text: `Bonjour ${firstName},\n\nLa demande d'accès de « ${organisationName} » est acceptée. Votre compte d'administrateur de l'organisation est prêt : vous pourrez y créer les comptes de vos collègues.\n\nPour choisir votre mot de passe, ouvrez ce lien (valable 7 jours, une seule fois) :\n${link}${signature}`,
});

export const organisationRefusedMail = (firstName: string, organisationName: string, reason: string) => ({
  subject: `Demande d'accès pour « ${organisationName} »`,
  text: `Bonjour ${firstName},\n\nLa demande d'accès à Maillage pour « ${organisationName} » n'a pas été acceptée, pour le motif suivant :\n\n${reason}\n\nVous pouvez faire une nouvelle demande si la situation change.${signature}`,
});

export const organisationInvitationMail = (firstName: string, inviterName: string, organisationName: string, fn: string, link: string) => ({
  subject: `Votre compte Maillage pour « ${organisationName} »`,
  text: `Bonjour ${firstName},\n\n${inviterName} vous a créé un compte Maillage au titre de « ${organisationName} » (fonction : ${fn}).\n\nPour choisir votre mot de passe et vous connecter, ouvrez ce lien (valable 7 jours, une seule fois) :\n${link}\n\nSi vous n'êtes pas concerné(e), ignorez ce message.${signature}`,
});

export const welcomeMail = (firstName: string, adminName: string, link: string) => ({
  subject: 'Votre compte Maillage a été créé',
  text: `Bonjour ${firstName},\n\n${adminName}, administrateur de Maillage, vous a créé un compte.\n\nPour choisir votre mot de passe et vous connecter, ouvrez ce lien (valable 7 jours, une seule fois) :\n${link}\n\nPassé ce délai, utilisez « Mot de passe oublié » sur la page de connexion avec cette adresse.\n\nSi vous n'êtes pas concerné(e), ignorez ce message.${signature}`,
});

export const recommendationMail = (
  senderName: string,
  title: string,
  summary: string,
  message: string,
  link: string,
  signupLink: string | null,
) => ({
  subject: `${senderName} vous recommande « ${title} »`,
  text: `Bonjour,\n\n${senderName} vous recommande ce contenu publié sur Maillage, le réseau des professionnels du service public :\n\n« ${title} »\n${summary}\n${message ? `\nSon message : ${message}\n` : ''}\nPour le lire : ${link}\n${signupLink ? `\nCe contenu est réservé aux membres du réseau. Pour le lire, créez votre compte : ${signupLink}\n` : ''}\nVous recevez ce message parce qu'un membre a saisi votre adresse ; elle n'est conservée que pour ne pas vous recommander deux fois le même contenu.${signature}`,
});

export const accountTypeAcceptedMail = (firstName: string, typeLabel: string, link: string) => ({
  subject: `Votre compte « ${typeLabel} » est validé`,
  text: `Bonjour ${firstName},\n\nUn administrateur a validé votre type de compte : « ${typeLabel} ». Les droits qui vont avec sont actifs dès maintenant.\n\n${link}${signature}`,
});

export const accountTypeRefusedMail = (firstName: string, typeLabel: string, reason: string, currentLabel = 'membre') => ({
  subject: `Votre demande de compte « ${typeLabel} »`,
  text: `Bonjour ${firstName},\n\nVotre demande de compte « ${typeLabel} » n'a pas été validée, pour le motif suivant :\n\n${reason}\n\nVotre compte reste actif avec son type actuel : « ${currentLabel} ».${signature}`,
});

export const emailChangeConfirmMail = (firstName: string, link: string) => ({
  subject: 'Confirmez votre nouvelle adresse Maillage',
  text: `Bonjour ${firstName},\n\nVous avez demandé à utiliser cette adresse pour votre compte Maillage. Pour confirmer, ouvrez ce lien (valable 48 heures, une seule fois) :\n${link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.${signature}`,
});

export const emailChangeNoticeMail = (firstName: string, newEmail: string) => ({
  subject: 'Changement d’adresse de votre compte Maillage',
  text: `Bonjour ${firstName},\n\nUn changement d'adresse a été demandé pour votre compte Maillage, vers ${newEmail}. Il ne prendra effet qu'une fois le lien envoyé à cette adresse ouvert.\n\nSi vous n'êtes pas à l'origine de cette demande, changez votre mot de passe sans attendre.${signature}`,
});

export const emailTakenMail = () => ({
  subject: 'Cette adresse a déjà un compte Maillage',
  text: `Bonjour,\n\nQuelqu'un a demandé à utiliser cette adresse pour un compte Maillage, mais elle en a déjà un : l'adresse n'a pas été changée.\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.${signature}`,
});
