/**
 * Reading incidents: the record (audited), the review list with its filters, follow-ups due, totals
 * and per-month chart, the printable written report (audited), and the open items (incidents,
 * complaints, follow-ups due) shown at shift opening and on the manager's review.
 */
import type { Ctx } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { dayBoundsUtc, localDate } from '../../../../shared/dates';
import { openComplaints } from '../../complaints';
import * as q from '../queries';
import type { IncidentRow } from '../queries';
import {
  INCIDENT_KINDS,
  type DueFollowUp,
  type IncidentKind,
  type IncidentList,
  type IncidentMonth,
  type OpenItems,
} from '../types';
import { type ArgsOf, getIncident, type IncidentHandlers, isManager, visibleIncident } from './shared';
import { fullView, incidentView, pendingByIncident, toFollowUp, toSummary } from './views';

/** The review's filters (those of the list and of the CSV export). */
export type IncidentFilters = ArgsOf<'incidents.exportCsv'>;

/** Every incident matching the filters that the caller may see, newest first. */
export function findIncidents(ctx: Ctx, f: IncidentFilters): IncidentRow[] {
  const tz = ctx.settings.timeZone;
  const full = isManager(ctx);
  const me = ctx.requireActor();
  if (f.from && f.to && f.to < f.from) throw new AppError('RANGE_INVALID', { from: f.from, to: f.to });
  const text = f.q?.trim().toLowerCase();
  return q.searchIncidents(ctx.db, {
    visibleTo: full ? undefined : me.id,
    occurredFrom: f.from ? dayBoundsUtc(f.from, tz).from : undefined,
    occurredBefore: f.to ? dayBoundsUtc(f.to, tz).to : undefined,
    kind: f.kind,
    status: f.status,
    severity: f.severity,
    memberId: f.memberId,
    staffId: f.staffId,
    // Non-managers search only what they can see.
    text: text ? { q: text, inManagersFields: full } : undefined,
    followUps: f.followUps ? { filter: f.followUps, today: ctx.today() } : undefined,
  });
}

/** Every month from a to b ("YYYY-MM"), both included. */
function monthsBetween(a: string, b: string): string[] {
  const out: string[] = [];
  let y = Number(a.slice(0, 4));
  let m = Number(a.slice(5, 7));
  const by = Number(b.slice(0, 4));
  const bm = Number(b.slice(5, 7));
  while ((y < by || (y === by && m <= bm)) && out.length < 600) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function perMonth(ctx: Ctx, rows: IncidentRow[], from?: string, to?: string): IncidentMonth[] {
  const tz = ctx.settings.timeZone;
  const monthOf = rows.map((r) => localDate(new Date(r.occurred_at), tz).slice(0, 7));
  const sorted = [...monthOf].sort();
  const start = from?.slice(0, 7) ?? sorted[0];
  const end = to?.slice(0, 7) ?? sorted[sorted.length - 1];
  if (!start || !end) return [];
  const months = new Map<string, IncidentMonth>();
  const empty = (month: string): IncidentMonth => ({
    month,
    counts: Object.fromEntries(INCIDENT_KINDS.map((k) => [k, 0])) as Record<IncidentKind, number>,
    total: 0,
  });
  for (const m of monthsBetween(start, end)) months.set(m, empty(m));
  rows.forEach((r, i) => {
    const m = monthOf[i]!;
    const e = months.get(m) ?? empty(m);
    e.counts[r.kind] += 1;
    e.total += 1;
    months.set(m, e);
  });
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** Open incidents, open complaints and follow-ups due (today or overdue), as the caller may see them. */
export function openItems(ctx: Ctx): OpenItems {
  const full = isManager(ctx);
  const open = q.openIncidents(ctx.db);
  const pending = pendingByIncident(
    ctx.db,
    open.map((r) => r.id),
  );
  const today = ctx.today();
  const byId = new Map(open.map((r) => [r.id, r]));
  const followUps: DueFollowUp[] = [...pending.values()]
    .flat()
    .filter((f) => f.due_date <= today)
    .sort((x, y) => x.due_date.localeCompare(y.due_date) || x.id - y.id)
    .map((f) => ({
      ...toFollowUp(ctx, f, full),
      incidentKind: byId.get(f.incident_id)!.kind,
      personName: byId.get(f.incident_id)!.member_name,
    }));
  return {
    incidents: open.map((r) => toSummary(ctx, r, pending.get(r.id) ?? [], full)),
    complaints: openComplaints(ctx),
    followUps,
  };
}

export const reviewHandlers: Pick<
  IncidentHandlers,
  'incidents.get' | 'incidents.list' | 'incidents.report' | 'review.openItems'
> = {
  'incidents.get': (ctx, a) => {
    const r = visibleIncident(ctx, a.id, 'incidents.get');
    const view = incidentView(ctx, r);
    ctx.audit({ op: 'incidents.get', entity: 'incident', entityId: r.id, detail: view.view });
    return view;
  },

  'incidents.list': (ctx, a): IncidentList => {
    const full = isManager(ctx);
    const all = findIncidents(ctx, a);
    const pending = pendingByIncident(
      ctx.db,
      all.map((r) => r.id),
    );
    const today = ctx.today();
    const allPending = [...pending.values()].flat();
    const offset = a.offset ?? 0;
    const limit = a.limit ?? 100;
    const list: IncidentList = {
      view: full ? 'full' : 'desk',
      rows: all.slice(offset, offset + limit).map((r) => toSummary(ctx, r, pending.get(r.id) ?? [], full)),
      total: all.length,
      followUps: {
        dueToday: allPending.filter((f) => f.due_date === today).length,
        overdue: allPending.filter((f) => f.due_date < today).length,
      },
    };
    if (full) {
      const sum = (pick: (r: IncidentRow) => number | null) => all.reduce((s, r) => s + (pick(r) ?? 0), 0);
      list.totals = {
        examinationCostCents: sum((r) => r.examination_cost_cents),
        compensationAskedCents: sum((r) => r.compensation_asked_cents),
        compensationAgreedCents: sum((r) => r.compensation_agreed_cents),
      };
      list.perMonth = perMonth(ctx, all, a.from, a.to);
    }
    return list;
  },

  'incidents.report': (ctx, a) => {
    const incident = fullView(ctx, getIncident(ctx.db, a.id));
    const me = ctx.requireActor();
    ctx.audit({ op: 'incidents.report', entity: 'incident', entityId: a.id });
    return {
      clubName: ctx.settings.clubName,
      generatedAt: ctx.nowIso(),
      generatedBy: { id: me.id, name: me.name },
      complete: incident.reportMissing.length === 0,
      missing: incident.reportMissing,
      incident,
    };
  },

  'review.openItems': (ctx) => openItems(ctx),
};
