/**
 * The shift area's rules, by topic: opening and running a shift (handlers/opening.ts), pay-outs,
 * the blind count and recounts (handlers/cash.ts), the close and corrections (handlers/close.ts), the
 * day close and its reopening (handlers/dayClose.ts), history and charts (handlers/history.ts) and
 * the CSV export (handlers/csv.ts). A shift as the contract shows it is handlers/records.ts, the
 * handover book handlers/book.ts; the SQL is in queries.ts.
 */
import type { HandlersOf } from '../../kernel/ctx';
import type { shiftContract } from './contract';
import { cashHandlers } from './handlers/cash';
import { closeHandlers } from './handlers/close';
import { csvHandlers } from './handlers/csv';
import { dayCloseHandlers } from './handlers/dayClose';
import { dropHandlers } from './handlers/drops';
import { historyHandlers } from './handlers/history';
import { openingHandlers } from './handlers/opening';

export const shiftHandlers: HandlersOf<typeof shiftContract> = {
  ...openingHandlers,
  ...cashHandlers,
  ...dropHandlers,
  ...closeHandlers,
  ...csvHandlers,
  ...historyHandlers,
  ...dayCloseHandlers,
};
