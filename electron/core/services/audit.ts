import type { AuditRow } from '../contract';
import { handlers } from '../context';
import { dayBoundsUtc } from '../../shared/dates';
import { stmt } from '../kernel/statements';

export const auditHandlers = handlers({
  'audit.search': (ctx, { q, from, to, staffId, limit = 100, offset = 0 }) => {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (from) {
      where.push('at >= ?');
      params.push(dayBoundsUtc(from, ctx.settings.timeZone).from);
    }
    if (to) {
      where.push('at < ?');
      params.push(dayBoundsUtc(to, ctx.settings.timeZone).to);
    }
    if (staffId) {
      where.push('staff_id = ?');
      params.push(staffId);
    }
    if (q && q.trim()) {
      const like = `%${q.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      where.push(
        `(op LIKE ? ESCAPE '\\' OR staff_name LIKE ? ESCAPE '\\' OR entity_id = ? OR before_json LIKE ? ESCAPE '\\' OR after_json LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')`,
      );
      params.push(like, like, q.trim(), like, like, like);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM audit_log ${w}`).get(...params) as { n: number })
      .n;
    const rows = stmt(
      ctx.db,
      `SELECT id, at, staff_id AS staffId, staff_name AS staffName, op, entity, entity_id AS entityId,
                before_json AS before, after_json AS after, detail
         FROM audit_log ${w} ORDER BY id DESC LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as AuditRow[];
    return { rows, total };
  },
});
