/**
 * The audit area's result types: an entry of the append-only audit log as the managers' search
 * shows it. No zod here: the renderer imports these (through electron/core/contract) without the
 * schemas. The area throws no codes of its own. (Entries are written by every command through
 * ctx.audit, kernel/ctx.ts.)
 */

/** An audit log entry; before/after are the JSON the command recorded. */
export interface AuditRecord {
  id: number;
  at: string;
  staffId: number | null;
  staffName: string | null;
  op: string;
  entity: string | null;
  entityId: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
  /** Read from before/after when the entry names them (at read time; the log stays as written). */
  member: { id: number; name: string; cardNo: string } | null;
  tag: number | null;
  amountCents: number | null;
  /** The supervisor who authorised it (their PIN), by name. */
  authorizer: string | null;
  /** The preset reason's code of the authorisation, if one was picked. */
  reasonCode: string | null;
  /** An audited read (an export, a report opened): the audit screen hides these unless asked. */
  lookup: boolean;
}
