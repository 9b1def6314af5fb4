/**
 * Losses, damage and repairs: anyone logged in reports one in seconds (what, where, urgency, an
 * optional photo); shift leads and managers follow it (repair requested → fixed or written off, a
 * note at each step, the cost at the end) and export the list.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { SUPERVISORS } from '../../kernel/roles';
import { Cents, Id, OpId, Reason } from '../../contract/common';
import {
  REPAIR_FILTERS,
  REPAIR_KINDS,
  REPAIR_PHOTO_TYPES,
  REPAIR_URGENCIES,
  type RepairItem,
  type RepairsCsv,
} from './types';

export * from './types';

const ListFilter = z
  .object({ filter: z.enum(REPAIR_FILTERS), urgency: z.enum(REPAIR_URGENCIES).optional() })
  .strict();

export const repairsContract = {
  'repairs.report': command({
    input: z
      .object({
        kind: z.enum(REPAIR_KINDS),
        what: z.string().trim().min(1).max(500),
        place: z.string().trim().min(1).max(100),
        urgency: z.enum(REPAIR_URGENCIES),
        photo: z
          .object({
            mime: z.enum(REPAIR_PHOTO_TYPES),
            contentBase64: z
              .string()
              .min(1)
              .max(7_000_000)
              .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
          })
          .strict()
          .optional(),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<RepairItem>(),
    access: 'staff',
  }),
  'repairs.list': query({ input: ListFilter, output: out<RepairItem[]>(), access: 'staff' }),
  'repairs.photo': query({
    input: z.object({ id: Id }).strict(),
    output: out<{ dataUrl: string }>(),
    access: 'staff',
  }),
  /** The next step: repair requested, fixed or written off (the cost only at the last two). */
  'repairs.step': command({
    input: z.discriminatedUnion('to', [
      z.object({ id: Id, to: z.literal('requested'), note: Reason }).strict(),
      z.object({ id: Id, to: z.literal('fixed'), note: Reason, costCents: Cents.optional() }).strict(),
      z.object({ id: Id, to: z.literal('written_off'), note: Reason, costCents: Cents.optional() }).strict(),
    ]),
    output: out<RepairItem>(),
    access: SUPERVISORS,
  }),
  /** Audited export. */
  'repairs.exportCsv': command({
    input: ListFilter,
    output: out<RepairsCsv>(),
    access: SUPERVISORS,
    announce: false,
  }),
} as const;
