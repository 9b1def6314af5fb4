/**
 * Phone fields accept what people type: digits (also full-width), "+", spaces, dashes, dots,
 * slashes and brackets ("+86 138-1234-5678", "１３８ １２３４ ５６７８"). This is only a first check
 * before sending; the core decides whether it is a valid number (libphonenumber) and stores it in
 * one form — a number it refuses comes back as a field error.
 */
const PHONE_CHARS =
  /^[0-9\uff10-\uff19+\uff0b\s\u3000\-\u2010-\u2015\u2212\uff0d.\uff0e/\uff0f()\uff08\uff09]*$/;

/** The longest phone text a field takes (as the core: 40 characters). */
export const PHONE_MAX = 40;

/** Whether the text can be a phone number: the allowed characters and 5 to 20 digits. */
export function plausiblePhone(text: string): boolean {
  const s = text.trim();
  const digits = s.replace(/[^0-9\uff10-\uff19]/g, '').length;
  return s.length <= PHONE_MAX && PHONE_CHARS.test(s) && digits >= 5 && digits <= 20;
}

/** A number the core sent masked (138****5678): shown as such, never sent back. */
export function isMaskedPhone(value: string | null | undefined): boolean {
  return !!value && value.includes('*');
}
