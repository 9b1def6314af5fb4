/** The payments area's handlers, one per operation of its contract (by topic in this folder). */
import type { HandlersOf } from '../../../kernel/ctx';
import type { paymentsContract } from '../contract';
import { debtHandlers } from './debts';
import { storedValueHandlers } from './storedValue';

export const paymentsHandlers: HandlersOf<typeof paymentsContract> = {
  ...debtHandlers,
  ...storedValueHandlers,
};
