/**
 * Patterns of the contract's text fields as plain values, for the schemas (common.ts) and for the
 * renderer's first check of a field. No zod here: the renderer takes these without the schemas.
 */

/** A staff PIN: 4 to 8 digits. */
export const PIN_PATTERN = /^\d{4,8}$/;

/** A membership card number: letters, digits and "-" (what a card scanner types), 1 to 32 of them. */
export const CARD_NO_CHARS = /^[0-9A-Za-z-]+$/;
export const CARD_NO_MAX = 32;
export function isCardNo(s: string): boolean {
  return s.length >= 1 && s.length <= CARD_NO_MAX && CARD_NO_CHARS.test(s);
}
