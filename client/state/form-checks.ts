/** The checks the forms run before they post (the server checks again). */
import { USERNAME_HINT, USERNAME_PATTERN, passwordIsValid } from './password-rules.js';

/** The message of each required field left blank (white space counts as blank). */
export function requiredErrors<K extends string>(v: Record<K, string>, required: [K, string][]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of required) if (!v[field].trim()) errors[field] = message;
  return errors;
}

/** What an account form checks before it posts: its required fields, the username format and the password rules. */
export function accountErrors<K extends string>(
  v: Record<K | 'username' | 'password' | 'firstName' | 'lastName', string>,
  required: [K, string][],
  passwordMessage: string,
): Record<string, string> {
  const errors = requiredErrors(v, required);
  if (v.username.trim() && !USERNAME_PATTERN.test(v.username.trim().toLowerCase())) {
    errors.username = `Nom d'utilisateur invalide : ${USERNAME_HINT}`;
  }
  if (v.password && !passwordIsValid(v.password, v)) errors.password = passwordMessage;
  return errors;
}
