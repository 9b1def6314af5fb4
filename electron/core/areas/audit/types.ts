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
}
