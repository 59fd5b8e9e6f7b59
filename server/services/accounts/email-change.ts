/**
 * A member changes their e-mail address: the password confirms it is them,
 * the new address gets a confirmation link (48 h, single use), the old one a
 * notice. The answer is the same whether the new address already has an
 * account or not (that address is told by mail instead): nothing to enumerate.
 */
import type { Deps } from '../../deps';
import { AppError, conflict } from '../../errors';
import { findUserByEmail, findUserById, updateUser, type UserRow } from '../../db/users';
import { findEmailChange, insertEmailChange, useEmailChange } from '../../db/email-changes';
import { emailChangeConfirmMail, emailChangeNoticeMail, emailTakenMail } from '../../mail-templates';
import { ms } from '../../presenters/time';
import { hashToken, newSecretToken, NO_PASSWORD_HASH, verifyPassword } from './passwords';

const TTL_MS = 48 * 3600 * 1000;

export async function requestEmailChange(deps: Deps, user: UserRow, newEmail: string, password: string | undefined): Promise<void> {
  // An account made through ProConnect has no password: its open session is the proof.
  if (user.password_hash !== NO_PASSWORD_HASH && !(await verifyPassword(password ?? '', user.password_hash))) {
    throw new AppError('wrong_password', 400, 'Mot de passe incorrect.', { fields: { password: 'Mot de passe incorrect.' } });
  }
  if (newEmail === user.email)
    throw new AppError('invalid_payload', 400, 'C’est déjà votre adresse.', { fields: { email: 'C’est déjà votre adresse.' } });
  if (await findUserByEmail(deps.db, newEmail)) {
    await deps.mailer.send({ to: newEmail, ...emailTakenMail() });
    return;
  }
  const { token, hash } = newSecretToken();
  await deps.db.transaction((trx) =>
    insertEmailChange(trx, { userId: user.id, newEmail, tokenHash: hash, expiresAt: new Date(Date.now() + TTL_MS) }),
  );
  await deps.mailer.send({
    to: newEmail,
    ...emailChangeConfirmMail(user.first_name, `${deps.config.publicUrl}/confirmer-adresse?token=${token}`),
  });
  await deps.mailer.send({ to: user.email, ...emailChangeNoticeMail(user.first_name, newEmail) });
}

/** Opens the link: the account takes the new address (still free: else 409 `email_taken`). */
export async function confirmEmailChange(deps: Deps, token: string): Promise<UserRow> {
  const row = await findEmailChange(deps.db, hashToken(token));
  if (!row || row.used_at) throw new AppError('invalid_token', 400, 'Ce lien est invalide ou a déjà été utilisé.');
  if ((ms(row.expires_at) ?? 0) < Date.now())
    throw new AppError('token_expired', 400, 'Ce lien a expiré. Faites une nouvelle demande depuis votre profil.');
  const user = await findUserById(deps.db, row.user_id);
  if (!user || user.status === 'disabled') throw new AppError('invalid_token', 400, 'Ce lien est invalide.');
  if (await findUserByEmail(deps.db, row.new_email)) throw conflict('email_taken', 'Cette adresse a déjà un compte.');
  try {
    return await deps.db.transaction(async (trx) => {
      if (!(await useEmailChange(trx, row.id))) throw new AppError('invalid_token', 400, 'Ce lien a déjà été utilisé.');
      return updateUser(trx, user.id, { email: row.new_email });
    });
  } catch (err) {
    if (/unique|duplicate/i.test(String(err))) throw conflict('email_taken', 'Cette adresse a déjà un compte.');
    throw err;
  }
}
