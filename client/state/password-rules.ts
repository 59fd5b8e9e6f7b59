/** The password rules of the contract, checked live as the user types (and the username format). */

/** Username format accepted by the server (checked after lower-casing). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,29}$/;
export const USERNAME_HINT = '3 à 30 caractères : lettres minuscules, chiffres, « . », « _ » ou « - ».';

/** One rule and whether the current password meets it. */
export interface PasswordRule {
  id: string;
  label: string;
  ok: boolean;
}

function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** Checks a password; the name rule is left out when no name is given (reset form). */
export function checkPassword(password: string, names?: { firstName?: string; lastName?: string }): PasswordRule[] {
  const rules: PasswordRule[] = [
    { id: 'length', label: '8 caractères minimum', ok: [...password].length >= 8 },
    { id: 'upper', label: 'au moins 1 majuscule', ok: /\p{Lu}/u.test(password) },
    {
      id: 'digit',
      label: 'au moins 1 chiffre ou caractère spécial',
      ok: /[^\p{L}]/u.test(password),
    },
  ];
  if (names) {
    const pw = normalize(password);
    const parts = [names.firstName ?? '', names.lastName ?? ''].map(normalize).filter((n) => n.length >= 2);
    rules.push({
      id: 'names',
      label: 'ne contient ni votre prénom ni votre nom',
      ok: password.length > 0 && parts.every((n) => !pw.includes(n)),
    });
  }
  return rules;
}

/** True when every rule is met. */
export function passwordIsValid(password: string, names?: { firstName?: string; lastName?: string }): boolean {
  return checkPassword(password, names).every((r) => r.ok);
}
