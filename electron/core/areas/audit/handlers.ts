/** The audit log's search (managers). The SQL is in queries.ts. */
import type { HandlersOf } from '../../kernel/ctx';
import { dayBoundsUtc } from '../../../shared/dates';
import type { auditContract, AuditRecord } from './contract';
import * as q from './queries';
import type { AuditLogRow } from './queries';

function toAuditRecord(r: AuditLogRow): AuditRecord {
  return {
    id: r.id,
    at: r.at,
    staffId: r.staff_id,
    staffName: r.staff_name,
    op: r.op,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json,
    after: r.after_json,
    detail: r.detail,
  };
}

export const auditHandlers: HandlersOf<typeof auditContract> = {
  'audit.search': (ctx, { q: text, from, to, staffId, limit = 100, offset = 0 }) => {
    const tz = ctx.settings.timeZone;
    const filter: q.AuditFilter = {
      fromIso: from ? dayBoundsUtc(from, tz).from : undefined,
      toIso: to ? dayBoundsUtc(to, tz).to : undefined,
      staffId,
      text: text?.trim() || undefined,
    };
    return {
      rows: q.auditEntries(ctx.db, filter, limit, offset).map(toAuditRecord),
      total: q.countAuditEntries(ctx.db, filter),
    };
  },
};
