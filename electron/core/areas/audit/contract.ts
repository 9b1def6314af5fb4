/**
 * The audit area's contract: the managers' search of the audit log (text, club-local dates, staff
 * member; newest first, a page at a time). Declared here once: its input, its result, its kind and
 * who may call it.
 */
import { z } from 'zod';
import { out, query } from '../../kernel/op';
import { MANAGERS } from '../../kernel/roles';
import { DateStr, Id } from '../../contract/common';
import type { Page } from '../../contract/types';
import type { AuditRecord } from './types';

export * from './types';

export const auditContract = {
  'audit.search': query({
    input: z
      .object({
        q: z.string().max(100).optional(),
        from: DateStr.optional(),
        to: DateStr.optional(),
        staffId: Id.optional(),
        /** Leave out the audited reads (exports, reports opened): the audit screen does by default. */
        hideLookups: z.boolean().optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
    output: out<Page<AuditRecord>>(),
    access: MANAGERS,
  }),
} as const;
