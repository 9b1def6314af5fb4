/**
 * Phone numbers, however they are written: "+86 138-1234-5678", "138 1234 5678", full-width
 * "１３８１２３４５６７８", "008613812345678" are one number. Parsed with libphonenumber-js (China as
 * the default country), so that every place that stores, compares or searches phones agrees.
 *
 *   phoneKey(raw)     the canonical form used to store and compare: E.164 ("+8613812345678"), or
 *                     the digits alone when the text is not a phone number libphonenumber knows
 *   phoneDigits(raw)  the national digits a person types to search ("13812345678")
 *   formatPhone(raw)  for display: "138 1234 5678" (national) or "+44 20 7946 0958"
 *   maskPhone(raw)    "138****5678"
 *
 * Shared by the core and the renderer (the renderer checks a field with plausiblePhone before
 * sending; the core decides with isValidPhone and stores phoneKey).
 */
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

const DEFAULT_COUNTRY = 'CN';

/**
 * The characters a phone field takes: digits (also full-width), "+", spaces, dashes, dots, slashes
 * and brackets ("+86 138-1234-5678", "１３８ １２３４ ５６７８", "(010) 6552 1234").
 */
export const PHONE_CHARS =
  /^[0-9\uff10-\uff19+\uff0b\s\u3000\-\u2010-\u2015\u2212\uff0d.\uff0e/\uff0f()\uff08\uff09]*$/;

/** The longest phone text a field takes. */
export const PHONE_MAX = 40;

/**
 * Whether a field's text can be a phone number: the allowed characters and 5 to 20 digits. Only a
 * first check before sending; the core decides (isValidPhone) and a number it refuses comes back
 * as a field error.
 */
export function plausiblePhone(text: string): boolean {
  const s = text.trim();
  const digits = s.replace(/[^0-9\uff10-\uff19]/g, '').length;
  return s.length <= PHONE_MAX && PHONE_CHARS.test(s) && digits >= 5 && digits <= 20;
}

/** A number the core sent masked (138****5678): shown as such, never sent back. */
export function isMaskedPhone(value: string | null | undefined): boolean {
  return !!value && value.includes('*');
}

/** Full-width digits and signs to ASCII, every kind of dash and space removed or unified. */
export function asciiDigits(raw: string): string {
  return raw
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uff0b/g, '+')
    .replace(/[\uff08]/g, '(')
    .replace(/[\uff09]/g, ')');
}

function parse(raw: string): PhoneNumber | undefined {
  const text = asciiDigits(raw).trim();
  if (!/\d/.test(text)) return undefined;
  try {
    return parsePhoneNumberFromString(text, DEFAULT_COUNTRY);
  } catch {
    return undefined;
  }
}

/** Whether the text is a valid phone number (China by default, any country with a + prefix). */
export function isValidPhone(raw: string): boolean {
  return parse(raw)?.isValid() ?? false;
}

/** Whether the text is a Chinese mobile number (11 digits starting 1[3-9]). */
export function isChineseMobile(raw: string): boolean {
  const p = parse(raw);
  return !!p && p.countryCallingCode === '86' && /^1[3-9]\d{9}$/.test(p.nationalNumber);
}

/**
 * The canonical form stored and compared. Two texts are the same phone when their keys are equal.
 * A text libphonenumber cannot read as a valid number keeps its digits (never lost, still
 * comparable with itself). Empty text gives ''.
 */
export function phoneKey(raw: string | null | undefined): string {
  if (!raw) return '';
  const p = parse(raw);
  if (p?.isValid()) return p.number;
  return asciiDigits(raw).replace(/\D/g, '');
}

/** The digits a person at the desk types for this phone (national number for China). */
export function phoneDigits(raw: string | null | undefined): string {
  if (!raw) return '';
  const p = parse(raw);
  if (p?.isValid()) return p.countryCallingCode === '86' ? p.nationalNumber : p.number.slice(1);
  return asciiDigits(raw).replace(/\D/g, '');
}

/** For display: national format for China ("138 1234 5678"), international otherwise. */
export function formatPhone(raw: string | null | undefined): string {
  if (!raw) return '';
  const p = parse(raw);
  if (p?.isValid()) return p.countryCallingCode === '86' ? p.formatNational() : p.formatInternational();
  return raw.trim();
}

/** "138****5678": the first three and the last four digits; shorter numbers keep only the last four. */
export function maskPhone(raw: string | null): string | null {
  if (!raw) return raw;
  const d = phoneDigits(raw);
  if (d.length <= 4) return '****';
  if (d.length <= 7) return `${'*'.repeat(d.length - 4)}${d.slice(-4)}`;
  return `${d.slice(0, 3)}****${d.slice(-4)}`;
}
