/**
 * The card-types area's contract (卡种): time-based (a duration) or visit-based (a count), with a
 * price only the roles that sell cards see. Every operation is declared here once: its input, its
 * result, its kind and who may call it.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { MANAGERS } from '../../kernel/roles';
import { Cents, Id, Name } from '../../contract/common';
import { CARD_KINDS } from '../../contract/types';
import type { CardTypeInfo } from './types';

export * from './types';

export const cardTypesContract = {
  'cardTypes.list': query({
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: out<CardTypeInfo[]>(),
    access: 'staff',
  }),
  'cardTypes.create': command({
    input: z
      .object({
        name: Name,
        kind: z.enum(CARD_KINDS),
        durationDays: z.number().int().min(1).max(36_600).nullable(),
        visitCount: z.number().int().min(1).max(100_000).nullable(),
        priceCents: Cents,
      })
      .strict(),
    output: out<CardTypeInfo>(),
    access: MANAGERS,
  }),
  'cardTypes.update': command({
    input: z
      .object({
        id: Id,
        name: Name.optional(),
        durationDays: z.number().int().min(1).max(36_600).nullable().optional(),
        visitCount: z.number().int().min(1).max(100_000).nullable().optional(),
        priceCents: Cents.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: out<CardTypeInfo>(),
    access: MANAGERS,
  }),
} as const;
