/**
 * Receipts (小票): a receipt for a check-out's tab, paid debts, a stored-value top-up or a card sold,
 * assembled in the core from the settlement's records. The first print reads it; a reprint from
 * the history is a command, audited, so every copy after the first is counted and marked.
 * Who may read one: the desk (reception and supervisors), as for the payments themselves — the bar
 * and the consultants never see another member's payments.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK } from '../../kernel/roles';
import { Id } from '../../contract/common';
import type { PrintedReceipt } from './types';

export * from './types';

const BySettlement = z.object({ settlementId: Id }).strict();

export const receiptsContract = {
  'receipts.get': query({ input: BySettlement, output: out<PrintedReceipt>(), access: DESK }),
  /** Another copy: marked "重打/REPRINT" with its number, counted in the audit log. */
  'receipts.reprint': command({
    input: BySettlement,
    output: out<PrintedReceipt>(),
    access: DESK,
    announce: false,
  }),
} as const;
