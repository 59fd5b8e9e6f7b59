/** The mails of project sheets: a share to a professional, an invitation to sign up, a contribution to the creator. */
const signature =
  '\n\n—\nMaillage, le réseau des professionnels du service public.\nCe message est automatique, merci de ne pas y répondre.';

export const sheetSharedMail = (firstName: string, creatorName: string, title: string, link: string) => ({
  subject: `${creatorName} vous partage son projet « ${title} »`,
  text: `Bonjour ${firstName},\n\n${creatorName} vous a ouvert sa fiche projet « ${title} » et son canevas sur Maillage, pour que vous l'accompagniez.\nVous pouvez les lire et les commenter ici :\n${link}\n\nVous retrouverez ce projet dans « Mes accompagnements ».${signature}`,
});

/** To an address without a professional account: sign up (or ask for the professional type), access comes once validated. */
export const sheetInvitationMail = (creatorName: string, title: string, link: string, hasAccount: boolean) => ({
  subject: `${creatorName} souhaite être accompagné(e) par vous sur Maillage`,
  text: `Bonjour,\n\n${creatorName} souhaite vous partager son projet de création d'entreprise « ${title} » sur Maillage, le réseau des professionnels de l'accompagnement.\n\n${
    hasAccount
      ? `Votre compte Maillage n'est pas encore un compte professionnel : demandez ce type de compte depuis votre profil :\n${link}`
      : `Pour y accéder, créez votre compte professionnel avec cette adresse e-mail :\n${link}`
  }\n\nLe projet vous sera ouvert dès que votre compte aura été validé comme professionnel par l'équipe de Maillage.\n\nSi vous ne connaissez pas cette personne, ignorez ce message.${signature}`,
});

export const sheetContributionMail = (
  firstName: string,
  authorName: string,
  title: string,
  where: string,
  excerpt: string,
  link: string,
  settingsLink: string,
) => ({
  subject: `Nouvelle contribution sur votre projet « ${title} »`,
  text: `Bonjour ${firstName},\n\n${authorName} a commenté ${where} de votre projet « ${title} » :\n\n« ${excerpt} »\n\nPour lire et répondre :\n${link}\n\nChoisir ce que vous recevez par courriel : ${settingsLink}${signature}`,
});
