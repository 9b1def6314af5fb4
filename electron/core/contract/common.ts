import { z } from 'zod';
import { isValidPhone, PHONE_CHARS, PHONE_MAX, phoneKey } from '../../shared/phone';
import { CARD_NO_CHARS, CARD_NO_MAX, PIN_PATTERN } from './patterns';
import { ROLES, type Role as RoleName } from '../kernel/roles';
import { GENDERS, LANGUAGES, PAYMENT_METHODS } from './types';
import { isValidDate, isValidTimeZone, TIME_PATTERN } from '../../shared/dates';
import { AUTH_REASON_CODES } from '../areas/staff/types';

/** Shared argument schemas. Every string has a maximum length; every number a range. */
export const Id = z.number().int().positive().max(2_147_483_647);
export const Pin = z.string().regex(PIN_PATTERN, 'pin');
export const Name = z.string().trim().min(1).max(100);
export const ShortText = z.string().trim().max(500);
export const LongText = z.string().max(5000);
export const Reason = z.string().trim().min(1).max(500);
/** A narrative (what happened, findings, a note): required, up to 5,000 characters. */
export const Narrative = z.string().trim().min(1).max(5000);
/** A list's search text, its page size and offset. */
export const Search = z.string().max(100);
export const Limit = z.number().int().min(1).max(500);
export const Offset = z.number().int().min(0).max(10_000_000);
/**
 * What a person types for a phone number: digits (also full-width), "+", spaces, dashes, dots,
 * slashes and brackets ("+86 138-1234-5678", "１３８ １２３４ ５６７８", "(010) 6552 1234"). Text that
 * is not a valid phone number (letters, too few or too many digits) is refused with the message
 * 'phone'. The handler receives one consistent form, the key of shared/phone.ts ("+8613812345678");
 * '' (no number) stays ''.
 */
export const Phone = z
  .string()
  .trim()
  .max(PHONE_MAX)
  .regex(PHONE_CHARS, { message: 'phone', abort: true })
  .refine((s) => s === '' || isValidPhone(s), 'phone')
  .transform((s) => (s === '' ? '' : phoneKey(s)));
/** A phone number that must be given. */
export const RequiredPhone = Phone.refine((s) => s !== '', 'phone');
export const CardNo = z.string().trim().min(1).max(CARD_NO_MAX).regex(CARD_NO_CHARS, 'cardNo');
export const DateStr = z.string().max(10).refine(isValidDate, 'date');
export const TimeStr = z.string().regex(TIME_PATTERN, 'time');
export const TimeZone = z.string().max(64).refine(isValidTimeZone, 'timeZone');
export const Cents = z.number().int().min(0).max(100_000_000);
export const TagNumber = z.number().int().positive().max(100_000);
export const Gender = z.enum(GENDERS);
export const Language = z.enum(LANGUAGES);
export const OpId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'opId');

export { ROLES };
export const Role = z.enum(ROLES);
export type Role = RoleName;

/**
 * A supervisor's authorisation given on the spot: their PIN alone (it identifies them among those
 * allowed), why in words, and the preset reason's code when a chip was picked.
 */
export const Authorization = z
  .object({ pin: Pin, reasonCode: z.enum(AUTH_REASON_CODES).optional(), reason: Reason })
  .strict();
export type Authorization = z.infer<typeof Authorization>;

export const Empty = z.object({}).strict();

/** A payment split across up to four methods (the payments area's; check-in settles a tab with it). */
export const PaymentPart = z
  .object({
    method: z.enum(PAYMENT_METHODS),
    amountCents: Cents.refine((n) => n > 0, 'positive'),
    /** Cash only: what the member handed over (the change is computed). */
    tenderedCents: Cents.optional(),
    /** Card or mobile payment reference. */
    reference: ShortText.optional(),
  })
  .strict();
export const PaymentParts = z.array(PaymentPart).min(1).max(4);
