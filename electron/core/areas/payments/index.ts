/** What other areas (and the composition in app.ts) may use of the payments area. */
export { paymentsHandlers } from './handlers';
export { memberDebtCents, toTabLine } from './handlers/debts';
export { ledgerEntry, planBarRefund, settle, storedValueOf, writeBarRefund } from './handlers/settlements';
export { LINE_SELECT, type LineRow, visitTabCents } from './queries';
