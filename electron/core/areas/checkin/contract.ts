/**
 * The check-in area's contract: member check-in by card (with the red/amber/green rules), trial
 * guests and coaches, the "inside now" list, check-out (the tab settled, the tag back or lost), and
 * today's counts. Every operation is declared here once: its input, its result, its kind and who
 * may call it. The renderer imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK } from '../../kernel/roles';
import {
  Authorization,
  CardNo,
  Empty,
  Gender,
  Id,
  Name,
  OpId,
  PaymentParts,
  Phone,
  TagNumber,
} from '../../contract/common';
import {
  GUEST_KINDS,
  VISIT_KINDS,
  type CheckinResult,
  type CheckoutPreview,
  type CheckoutResult,
  type InsideVisit,
  type TodayCounts,
  type VisitInfo,
} from './types';

export * from './types';

// ---- operations -----------------------------------------------------------------------------

/** Where the desk finds an open visit: the visit, the tag handed back, or the member's card. */
const OpenVisitRef = z.union([
  z.object({ visitId: Id }).strict(),
  z.object({ tagNumber: TagNumber }).strict(),
  z.object({ cardNo: CardNo }).strict(),
]);

export const checkinContract = {
  'checkin.scan': command({
    input: z
      .object({
        ref: z.union([z.object({ memberId: Id }).strict(), z.object({ cardNo: CardNo }).strict()]),
        /** A tag the receptionist typed; otherwise the lowest free number. */
        tagNumber: TagNumber.optional(),
        /** Record the visit without a tag (all tags out): needs a shift lead's authorisation. */
        noTag: z.boolean().optional(),
        /** A shift lead's on-the-spot authorisation to let a blocked member in. */
        authorization: Authorization.optional(),
        /** Set by a scan; a manual search pick leaves it out (no duplicate-scan window). */
        scanned: z.boolean().optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<CheckinResult>(),
    access: DESK,
  }),
  'checkin.guest': command({
    input: z
      .object({
        kind: z.enum(GUEST_KINDS),
        name: Name,
        phone: Phone.nullable(),
        gender: Gender,
        tagNumber: TagNumber.optional(),
        withTag: z.boolean(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<VisitInfo>(),
    access: DESK,
  }),
  'checkin.changeTag': command({
    input: z.object({ visitId: Id, tagNumber: TagNumber }).strict(),
    output: out<VisitInfo>(),
    access: DESK,
  }),
  'checkin.inside': query({
    input: z
      .object({
        filter: z.string().max(100).optional(),
        kind: z.enum(VISIT_KINDS).optional(),
      })
      .strict(),
    output: out<InsideVisit[]>(),
    access: [...DESK, 'bar'],
  }),
  'checkin.checkoutPreview': query({
    input: OpenVisitRef,
    output: out<CheckoutPreview>(),
    access: DESK,
  }),
  /**
   * Checks a visit out. An unpaid bar tab must be settled in the same call (`payment`, split
   * across methods, adding up to the tab to the cent) or a shift lead lets the member leave with it
   * unpaid (`leaveUnpaid`: it becomes the member's debt). The tag is freed only then.
   */
  'checkin.checkout': command({
    input: z
      .object({
        visitId: Id,
        tagReturned: z.boolean(),
        payment: z.object({ parts: PaymentParts }).strict().optional(),
        leaveUnpaid: Authorization.optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<CheckoutResult>(),
    access: DESK,
  }),
  'checkin.today': query({
    input: Empty,
    output: out<TodayCounts>(),
    access: [...DESK, 'bar', 'consultant'],
  }),
  /** Today's check-ins and check-outs, latest event first. */
  'checkin.recent': query({
    input: z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: out<VisitInfo[]>(),
    access: DESK,
  }),
} as const;
