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
