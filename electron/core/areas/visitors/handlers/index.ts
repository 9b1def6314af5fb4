/**
 * The visitors area's rules, by topic: walk-in visitors and their calls (calls.ts), disputes,
 * appointments, phone inquiries and the figures (report.ts); how rows become the contract's types
 * is in views.ts. The SQL is in ../queries.ts, ../leadQueries.ts and ../reportQueries.ts.
 */
import type { HandlersOf } from '../../../kernel/ctx';
import type { visitorsContract } from '../contract';
import { appointmentHandlers } from './appointments';
import { callHandlers } from './calls';
import { disputeHandlers } from './disputes';
import { inquiryHandlers } from './inquiries';
import { reportHandlers } from './report';

export { visitorHandover } from './report';

export const visitorsHandlers: HandlersOf<typeof visitorsContract> = {
  ...callHandlers,
  ...disputeHandlers,
  ...appointmentHandlers,
  ...inquiryHandlers,
  ...reportHandlers,
};
