/**
 * The payments area's contract: what a member owes from earlier visits and paying it, and the
 * stored-value account (top-up, refund, a manager's adjustment, the weekly check). Every operation
 * is declared here once: its input, its result, its kind and who may call it. The renderer imports
 * these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK, MANAGERS, SUPERVISORS } from '../../kernel/roles';
import { Cents, DateStr, Id, OpId, PaymentParts, Reason, ShortText } from '../../contract/common';
import { DESK_PAYMENT_METHODS } from '../../contract/types';
import type { Debts, Receipt, StoredValueAccount, StoredValueCheck } from './types';

export * from './types';

// ---- operations -----------------------------------------------------------------------------

export const paymentsContract = {
  /** What a member still owes: unpaid bar lines of earlier visits and unpaid charges (lost tags). */
  'payments.debts': query({
    input: z.object({ memberId: Id }).strict(),
    output: out<Debts>(),
    access: DESK,
  }),
  'payments.payDebts': command({
    input: z.object({ memberId: Id, parts: PaymentParts, opId: OpId.optional() }).strict(),
    output: out<Receipt>(),
    access: DESK,
  }),
  'storedValue.account': query({
    input: z
      .object({
        memberId: Id,
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
    output: out<StoredValueAccount>(),
    access: [...DESK, 'consultant'],
  }),
  'storedValue.topup': command({
    input: z
      .object({
        memberId: Id,
        amountCents: Cents.refine((n) => n > 0, 'positive'),
        method: z.enum(DESK_PAYMENT_METHODS),
        tenderedCents: Cents.optional(),
        reference: ShortText.optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<Receipt>(),
    access: DESK,
  }),
  /** Pays part of a balance back to the member (cash or card). */
  'storedValue.refund': command({
    input: z
      .object({
        memberId: Id,
        amountCents: Cents.refine((n) => n > 0, 'positive'),
        method: z.enum(DESK_PAYMENT_METHODS),
        reason: Reason,
        opId: OpId.optional(),
      })
      .strict(),
    output: out<Receipt>(),
    access: MANAGERS,
  }),
  /** A manager's correction of a balance, with a reason (never below zero). */
  'storedValue.adjust': command({
    input: z
      .object({
        memberId: Id,
        amountCents: z
          .number()
          .int()
          .min(-100_000_000)
          .max(100_000_000)
          .refine((n) => n !== 0, 'nonzero'),
        reason: Reason,
      })
      .strict(),
    output: out<StoredValueAccount>(),
    access: MANAGERS,
  }),
  /** The weekly check: the week's movements and anything that does not add up. */
  'storedValue.check': query({
    input: z.object({ from: DateStr, to: DateStr }).strict(),
    output: out<StoredValueCheck>(),
    access: SUPERVISORS,
  }),
} as const;
