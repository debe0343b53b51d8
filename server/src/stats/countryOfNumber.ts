import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * The country of a WhatsApp id (an E.164 number without the "+"): ISO 3166 code, or null when the
 * number does not resolve to one, with its calling code (e.g. `{ country: 'RU', callingCode: '7' }`).
 */
export function countryOfNumber(waId: string): { country: string | null; callingCode: string | null } {
  const digits = waId.replace(/\D/g, '');
  if (digits === '') return { country: null, callingCode: null };
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return { country: parsed?.country ?? null, callingCode: parsed?.countryCallingCode ?? null };
}
