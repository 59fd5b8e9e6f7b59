/**
 * French phone numbers: accepted as people type them (06 12 34 56 78, +33 6 12 34 56 78, 0033…,
 * overseas numbers such as 0692 12 34 56), stored in E.164 (+33612345678, +262692123456).
 * libphonenumber-js holds the numbering plans, overseas ones included, so we do not keep our own.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { invalidPayload } from '../../errors';

/** Countries of the numbering plans a French number may belong to (metropole and overseas). */
const FRENCH_PLANS: CountryCode[] = ['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'PM', 'BL', 'MF', 'NC', 'PF', 'WF'];

/** The E.164 form of a French number (metropolitan or overseas), or null when it is not one. */
export function frenchPhoneE164(raw: string): string | null {
  const text = raw.trim().replace(/^00/, '+');
  if (!/^[+\d][\d\s.()-]*$/.test(text)) return null;
  // A national number (0…) is tried in each French plan: 0692… is a Réunion mobile, not a metropolitan one.
  for (const country of FRENCH_PLANS) {
    const n = parsePhoneNumberFromString(text, country);
    if (n?.isValid() && FRENCH_PLANS.includes(n.country as CountryCode)) return n.number;
  }
  return null;
}

/** The message of a number that is not French. */
export const PHONE_MESSAGE = 'Numéro de téléphone français invalide (exemple : 06 12 34 56 78 ou +33 6 12 34 56 78).';

/** A phone field as stored: null stays null, a French number becomes E.164, anything else is 400 `invalid_payload` on `phone`. */
export function normalizePhone(raw: string | null): string | null {
  if (raw === null) return null;
  const e164 = frenchPhoneE164(raw);
  if (!e164) throw invalidPayload(`Téléphone : ${PHONE_MESSAGE}`, { fields: { phone: PHONE_MESSAGE } });
  return e164;
}
