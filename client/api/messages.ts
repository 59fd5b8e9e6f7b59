/** French text for the error codes the client meets. */
import { ApiError } from './http.js';
import type { ErrorCode } from '../../server/protocol/index.js';

/** Our text for the codes of the contract (a code the server never answers fails to compile), and the client's own. */
const MESSAGES: Partial<Record<ErrorCode | 'network_error', string>> & { internal_error: string } = {
  network_error: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  invalid_credentials: 'Adresse électronique ou mot de passe incorrect.',
  account_not_active:
    "Votre compte n'est pas actif. S'il vient d'être créé, confirmez votre adresse avec le lien reçu par courriel ; sinon, contactez un administrateur.",
  rate_limited: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.',
  invalid_token: "Ce lien n'est pas valide ou a déjà été utilisé.",
  token_expired: 'Ce lien a expiré. Faites une nouvelle demande.',
  terms_not_accepted: "Vous devez d'abord accepter les conditions générales d'utilisation.",
  unauthorized: 'Votre session a expiré. Reconnectez-vous.',
  not_found: "L'élément demandé est introuvable.",
  too_large: 'Le fichier est trop volumineux.',
  internal_error: 'Une erreur inattendue est survenue. Réessayez plus tard.',
};

/** The message to show for an error: ours for known codes, else the server's (French) message. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const wait = err.details.retryAfter ?? err.details.retryAfterSeconds;
    if (err.code === 'rate_limited' && typeof wait === 'number') {
      const minutes = Math.max(1, Math.ceil(wait / 60));
      return `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
    }
    return MESSAGES[err.code as ErrorCode] ?? err.message ?? MESSAGES.internal_error;
  }
  return MESSAGES.internal_error;
}
