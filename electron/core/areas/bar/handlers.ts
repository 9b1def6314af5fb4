/**
 * The drink bar's rules, by topic: the catalogue and stock (handlers/catalogue.ts), slips,
 * corrections, voids and water (handlers/slips.ts), the reports (handlers/reports.ts) and the CSV
 * export (handlers/csv.ts). The SQL is in queries.ts.
 */
import type { HandlersOf } from '../../kernel/ctx';
import type { barContract } from './contract';
import { catalogueHandlers } from './handlers/catalogue';
import { csvHandlers } from './handlers/csv';
import { reportHandlers } from './handlers/reports';
import { slipHandlers } from './handlers/slips';

export const barHandlers: HandlersOf<typeof barContract> = {
  ...catalogueHandlers,
  ...slipHandlers,
  ...reportHandlers,
  ...csvHandlers,
};
