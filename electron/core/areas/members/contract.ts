/**
 * The members area's contract: search as you type, a member's page, personal details, the photo,
 * and the entitlement, which changes only through explicit operations: a card is sold or renewed at
 * the desk (money in the shift's drawer), a manager registers a card sold before or corrects one,
 * a freeze stops it for a while. Every operation is declared here once: its input, its result, its
 * kind and who may call it. The renderer imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK, MANAGERS, SUPERVISORS } from '../../kernel/roles';
import {
  Authorization,
  CardNo,
  Cents,
  DateStr,
  Gender,
  Id,
  LongText,
  Name,
  OpId,
  PaymentParts,
  Phone,
  Reason,
} from '../../contract/common';
import type { CardSaleResult, MemberDetail, MemberSummary } from './types';

export * from './types';

// ---- operations -----------------------------------------------------------------------------

const MemberFields = z
  .object({
    cardNo: CardNo,
    name: Name,
    gender: Gender,
    phone: Phone.nullable(),
    birthDate: DateStr.nullable(),
    cardTypeId: Id,
    startDate: DateStr,
    /** Time-based cards: defaults to start + duration. Visit cards: optional expiry. */
    expiryDate: DateStr.nullable(),
    /** Visit-based cards: defaults to the card type's count. */
    visitsLeft: z.number().int().min(0).max(100_000).nullable(),
    consultantId: Id.nullable(),
    notes: LongText,
  })
  .strict();

/** What stays editable at the desk: the member's personal details (entitlements have their own operations). */
const PersonalFields = z
  .object({
    cardNo: CardNo,
    name: Name,
    gender: Gender,
    phone: Phone.nullable(),
    birthDate: DateStr.nullable(),
    notes: LongText,
  })
  .strict();

/**
 * A card sold at the desk: the amount actually paid, typed from the consultant's sales slip (the
 * desk never sees catalogue prices), paid in up to four parts that add up to it. A card given
 * without payment (amount 0) needs a shift lead's or manager's authorisation with a reason.
 */
const CardSaleFields = {
  cardTypeId: Id,
  /** How many periods (time cards) or visit packs (visit cards) of the card type. */
  quantity: z.number().int().min(1).max(10),
  amountCents: Cents,
  /** Required when the amount is not 0. */
  parts: PaymentParts.optional(),
  /** The consultant who sold the card (optional). */
  soldById: Id.nullable().optional(),
  authorization: Authorization.optional(),
  opId: OpId.optional(),
};

export const membersContract = {
  'members.search': query({
    input: z.object({ q: z.string().max(100), limit: z.number().int().min(1).max(100).optional() }).strict(),
    output: out<MemberSummary[]>(),
    access: [...DESK, 'bar', 'consultant'],
  }),
  'members.get': query({
    input: z.object({ id: Id }).strict(),
    output: out<MemberDetail>(),
    access: [...DESK, 'consultant'],
  }),
  // Entitlements change only through explicit operations: a card is sold or renewed at the desk
  // (money in the shift's drawer), a manager registers a card sold before or corrects one.
  /** A manager registers a member whose card was sold before (no sale, no payment): recorded as 'registered'. */
  'members.create': command({ input: MemberFields, output: out<MemberDetail>(), access: MANAGERS }),
  /**
   * The member's personal details (the desk). The entitlement (card type, dates, visits, active)
   * changes only through members.sell / renew / freeze / unfreeze / correct; the consultant only by a manager.
   */
  'members.update': command({
    input: PersonalFields.partial().extend({ id: Id, consultantId: Id.nullable().optional() }).strict(),
    output: out<MemberDetail>(),
    access: [...DESK, 'consultant'],
  }),
  /** A new member with a card sold at the desk; `visitorId`: the registered visitor who joined. */
  'members.sell': command({
    input: PersonalFields.extend({
      ...CardSaleFields,
      /** The first day of the card: today (default) or a later day within 90 days. */
      startDate: DateStr.optional(),
      visitorId: Id.optional(),
    }).strict(),
    output: out<CardSaleResult>(),
    access: DESK,
  }),
  /**
   * Renewal (the member's own card type: the period continues after the current one, visits are
   * added) or upgrade (another card type: the new card replaces the current one from today).
   */
  'members.renew': command({
    input: z.object({ id: Id, ...CardSaleFields }).strict(),
    output: out<CardSaleResult>(),
    access: DESK,
  }),
  /** A manager's correction of the entitlement, with a reason (recorded before and after). */
  'members.correct': command({
    input: z
      .object({
        id: Id,
        cardTypeId: Id.optional(),
        startDate: DateStr.optional(),
        expiryDate: DateStr.nullable().optional(),
        visitsLeft: z.number().int().min(0).max(100_000).nullable().optional(),
        active: z.boolean().optional(),
        reason: Reason,
      })
      .strict(),
    output: out<MemberDetail>(),
    access: MANAGERS,
  }),
  'members.freeze': command({
    input: z.object({ id: Id, fromDate: DateStr, toDate: DateStr, reason: Reason }).strict(),
    output: out<MemberDetail>(),
    access: [...SUPERVISORS, 'consultant'],
  }),
  'members.unfreeze': command({
    input: z.object({ id: Id }).strict(),
    output: out<MemberDetail>(),
    access: [...SUPERVISORS, 'consultant'],
  }),
  'members.setPhoto': command({
    input: z
      .object({
        id: Id,
        /** data:image/jpeg;base64,… at most ~1.5 MB; null removes the photo */
        dataUrl: z
          .string()
          .max(2_000_000)
          .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/, 'photo')
          .nullable(),
      })
      .strict(),
    output: out<{ ok: true }>(),
    access: [...DESK, 'consultant'],
    maxBytes: 2_100_000,
  }),
  'members.photo': query({
    input: z.object({ id: Id }).strict(),
    output: out<{ dataUrl: string | null }>(),
    access: [...DESK, 'consultant'],
  }),
} as const;
