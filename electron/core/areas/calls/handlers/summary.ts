/**
 * The monthly and quarterly summary of the follow-up calls, per consultant and in total: entries
 * listed, entries called (the rate: called / listed, target 100%), calls made, reached, appointments,
 * renewals that followed within 30 days of a call, satisfaction, and what members asked for.
 */
import type { Ctx } from '../../../kernel/ctx';
import { addMonths, dayBoundsUtc, localDateTime, monthBounds } from '../../../../shared/dates';
import { csvDocument, type CsvValue } from '../../../../shared/csv';
import * as q from '../queries';
import { REACHED_OUTCOMES, type CallSummary, type SummaryPeriod, type SummaryRow } from '../types';

const empty = (consultant: SummaryRow['consultant']): SummaryRow => ({
  consultant,
  listed: 0,
  called: 0,
  calls: 0,
  reached: 0,
  appointments: 0,
  renewals: 0,
  satisfied: 0,
  fair: 0,
  unsatisfied: 0,
});

/** The period's first and last day and its label ('YYYY-MM' or 'YYYY-Qn'). */
function periodOf(period: SummaryPeriod, month: string): { first: string; last: string; label: string } {
  if (period === 'month') return { ...monthBounds(month), label: month };
  const [y, m] = month.split('-').map(Number) as [number, number];
  const qn = Math.floor((m - 1) / 3);
  const start = `${y}-${String(qn * 3 + 1).padStart(2, '0')}`;
  return { first: `${start}-01`, last: monthBounds(addMonths(start, 2)).last, label: `${y}-Q${qn + 1}` };
}

export function summary(ctx: Ctx, period: SummaryPeriod, month: string): CallSummary {
  const tz = ctx.settings.timeZone;
  const { first, last, label } = periodOf(period, month);
  const rows = new Map<number, SummaryRow>();
  const row = (id: number, name: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = empty({ id, name })));
    return r;
  };
  for (const l of q.listedBetween(ctx.db, first, last)) row(l.id, l.name).listed = l.n;
  const calls = q.callsBetween(ctx.db, dayBoundsUtc(first, tz).from, dayBoundsUtc(last, tz).to);
  const called = new Set<string>();
  const reached = new Set<string>();
  const renewed = new Set<string>();
  for (const c of calls) {
    const r = row(c.by, c.by_name);
    r.calls += 1;
    const k = `${c.by}:${c.entry_id}`;
    if (!called.has(k)) {
      called.add(k);
      r.called += 1;
    }
    if (REACHED_OUTCOMES.includes(c.outcome) && !reached.has(k)) {
      reached.add(k);
      r.reached += 1;
    }
    if (c.outcome === 'appointment') r.appointments += 1;
    if (c.renewed_after === 1 && c.member_id !== null && !renewed.has(`${c.by}:${c.member_id}`)) {
      renewed.add(`${c.by}:${c.member_id}`);
      r.renewals += 1;
    }
    if (c.satisfaction) r[c.satisfaction] += 1;
  }
  const list = [...rows.values()].sort((a, b) => a.consultant!.name.localeCompare(b.consultant!.name));
  const total = empty(null);
  for (const r of list)
    for (const k of Object.keys(total) as (keyof SummaryRow)[]) if (k !== 'consultant') total[k] += r[k];
  return {
    period,
    label,
    from: first,
    to: last,
    rows: list,
    total,
    requests: calls
      .filter((c) => c.requests !== '')
      .map((c) => ({ at: c.at, name: c.name, consultant: c.by_name, text: c.requests })),
  };
}

const pct = (n: number, d: number): string => (d === 0 ? '' : `${Math.round((n / d) * 100)}%`);

/** The summary as a CSV file: one line per consultant, the total, then the requests. */
export function summaryCsv(ctx: Ctx, s: CallSummary): { filename: string; csv: string } {
  const tz = ctx.settings.timeZone;
  const head = [
    'consultant',
    'listed',
    'called',
    'call_rate',
    'calls',
    'reached',
    'reached_rate',
    'appointments',
    'renewals_30d',
    'satisfied',
    'fair',
    'unsatisfied',
  ];
  const line = (r: SummaryRow): CsvValue[] => [
    r.consultant?.name ?? 'TOTAL',
    r.listed,
    r.called,
    pct(r.called, r.listed),
    r.calls,
    r.reached,
    pct(r.reached, r.called),
    r.appointments,
    r.renewals,
    r.satisfied,
    r.fair,
    r.unsatisfied,
  ];
  const lines: CsvValue[][] = [
    head,
    ...s.rows.map(line),
    line(s.total),
    [],
    ['requested_at', 'name', 'consultant', 'request'],
    ...s.requests.map((x) => [localDateTime(x.at, tz), x.name, x.consultant, x.text]),
  ];
  return { filename: `calls-${s.label}.csv`, csv: csvDocument(lines) };
}
