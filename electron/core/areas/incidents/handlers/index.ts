/**
 * The incidents area's rules, by topic: the record (open, complete, close, addenda), follow-ups,
 * attachments, the review (record, list, report, open items) and the CSV export. Which of the
 * rulebook's steps apply is handlers/steps.ts; the SQL is in ../queries.ts.
 */
import { attachmentHandlers } from './attachments';
import { csvHandlers } from './csv';
import { followUpHandlers } from './followUps';
import { recordHandlers } from './record';
import { reviewHandlers } from './review';
import type { IncidentHandlers } from './shared';

export const incidentHandlers: IncidentHandlers = {
  ...recordHandlers,
  ...followUpHandlers,
  ...attachmentHandlers,
  ...reviewHandlers,
  ...csvHandlers,
};

export { openItems } from './review';
export { readAttachment, storeAttachment } from './attachments';
