/**
 * The morning call list: made from the records (each reason once per person and occasion: the
 * dedup key), assigned to the consultant who owns the person, or by rotation (consultants signed in
 * today first, the one with the fewest entries of the day next); the call windows and holidays.
 */
import type { DB } from '../../../db/database';
import type { Ctx } from '../../../kernel/ctx';
import { addDays, daysBetween, localDate, localParts } from '../../../../shared/dates';
import { formatPhone } from '../../../../shared/phone';
import * as q from '../queries';
import type { EntryRow } from '../queries';
import {
  type CallEntry,
  type CallReason,
  type CallSettings,
  type CallWindow,
  OPEN_OUTCOMES,
  type WindowState,
} from '../types';

export function readCallSettings(db: DB): CallSettings {
  const r = q.settingsRow(db);
  return {
    reminderDays: JSON.parse(r.reminder_days) as number[],
    visitsLeft: r.visits_left,
    absentDays: JSON.parse(r.absent_days) as number[],
    firstCallDays: r.first_call_days,
    windows: JSON.parse(r.windows) as CallWindow[],
    holidays: q.holidays(db).map((h) => ({ date: h.day, name: h.name })),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether calls may be made at this moment, and when the next window opens. */
export function windowState(ctx: Ctx, s: CallSettings = readCallSettings(ctx.db)): WindowState {
  const tz = ctx.settings.timeZone;
  const p = localParts(ctx.now(), tz);
  const today = localDate(ctx.now(), tz);
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  const holidays = new Map(s.holidays.map((h) => [h.date, h.name]));
  const windows = [...s.windows].sort((a, b) => a.from.localeCompare(b.from));
  const holiday = holidays.has(today) ? (holidays.get(today) ?? '') : null;
  const current = holiday === null ? (windows.find((w) => w.from <= time && time < w.to) ?? null) : null;
  let next: WindowState['next'] = null;
  for (let i = 0; i <= 60 && !next; i++) {
    const day = addDays(today, i);
    if (holidays.has(day)) continue;
    const w = windows.find((x) => i > 0 || x.from > time);
    if (w) next = { date: day, time: w.from };
  }
  return { open: current !== null, current, holiday, next };
}

// ---- making the list ---------------------------------------------------------------------------

interface Candidate {
  member: number | null;
  visitor: number | null;
  complaint: number | null;
  owner: number | null;
  reason: CallReason;
  detail: Record<string, string | number>;
  key: string;
}

/** Everyone the records say should be called today, with the reason (not yet checked for duplicates). */
function candidates(ctx: Ctx, s: CallSettings): Candidate[] {
  const tz = ctx.settings.timeZone;
  const today = ctx.today();
  const out: Candidate[] = [];
  const reminders = [...s.reminderDays].sort((a, b) => a - b);
  const absences = [...s.absentDays].sort((a, b) => b - a);
  const firstFrom = addDays(today, -(s.firstCallDays + 6));
  const firstTo = addDays(today, -s.firstCallDays);
  const day = (iso: string) => localDate(new Date(iso), tz);
  for (const m of q.memberFacts(ctx.db)) {
    const base = { member: m.id, visitor: null, complaint: null, owner: m.consultant_id };
    const valid = m.start_date <= today && (m.expiry_date === null || m.expiry_date >= today);
    if (m.expiry_date !== null && m.expiry_date >= today) {
      const left = daysBetween(today, m.expiry_date);
      const t = reminders.find((d) => left <= d);
      if (t !== undefined)
        out.push({
          ...base,
          reason: 'card_ending',
          detail: { days: t, expiry: m.expiry_date },
          key: `card_ending:${m.id}:${m.expiry_date}:${t}`,
        });
    }
    if (valid && m.visits_left !== null && m.visits_left <= s.visitsLeft)
      out.push({
        ...base,
        reason: 'visits_low',
        detail: { visitsLeft: m.visits_left },
        key: `visits_low:${m.id}:${m.last_entitlement_id ?? 0}`,
      });
    if (valid && m.inside === 0) {
      const last = m.last_visit_at ? day(m.last_visit_at) : m.start_date;
      const away = daysBetween(last, today);
      const t = absences.find((d) => away >= d);
      if (t !== undefined)
        out.push({
          ...base,
          reason: 'not_seen',
          detail: { days: t, lastSeen: last },
          key: `not_seen:${m.id}:${last}:${t}`,
        });
    }
    if (m.first_visit_at && m.imported === 0) {
      const first = day(m.first_visit_at);
      const joined = day(m.created_at);
      if (first >= firstFrom && first <= firstTo && daysBetween(joined, first) <= 30)
        out.push({ ...base, reason: 'new_member', detail: { firstVisit: first }, key: `new_member:${m.id}` });
    }
  }
  for (const v of q.firstVisitors(ctx.db, firstFrom, firstTo))
    out.push({
      member: null,
      visitor: v.id,
      complaint: null,
      owner: v.owner_id,
      reason: 'first_visit',
      detail: { visited: v.day },
      key: `first_visit:${v.id}`,
    });
  const since = new Date(ctx.now().getTime() - 30 * 86_400_000).toISOString();
  for (const c of q.resolvedComplaints(ctx.db, since))
    out.push({
      member: c.member_id,
      visitor: null,
      complaint: c.id,
      owner: c.owner_id,
      reason: 'aftercare',
      detail: { complaint: c.id, resolved: day(c.resolved_at) },
      key: `aftercare:${c.id}`,
    });
  return out;
}

/** Makes today's list: new reasons join the person's open entry or open a new one. */
export function prepareList(ctx: Ctx): { entries: number; reasons: number } {
  const db = ctx.db;
  const today = ctx.today();
  const at = ctx.nowIso();
  const s = readCallSettings(db);
  const rotation = q.consultantsForRotation(db, today).map((r) => r.id);
  const counts = q.listedCounts(db, today);
  const assign = (owner: number | null): { id: number; basis: 'owner' | 'rotation' } | null => {
    if (owner !== null && q.isActiveConsultant(db, owner)) return { id: owner, basis: 'owner' };
    let best: number | null = null;
    for (const id of rotation)
      if (best === null || (counts.get(id) ?? 0) < (counts.get(best) ?? 0)) best = id;
    return best === null ? null : { id: best, basis: 'rotation' };
  };
  let entries = 0;
  let reasons = 0;
  for (const c of candidates(ctx, s)) {
    if (q.reasonKeyExists(db, c.key)) continue;
    let entryId =
      c.complaint !== null
        ? undefined
        : c.member !== null
          ? q.openEntryOf(db, 'member', c.member)
          : q.openEntryOf(db, 'visitor', c.visitor!);
    if (entryId === undefined) {
      const to = assign(c.owner);
      if (!to) continue; // no consultant at all: listed once one is there
      entryId = q.insertEntry(db, {
        memberId: c.member,
        visitorId: c.visitor,
        complaintId: c.complaint,
        consultantId: to.id,
        basis: to.basis,
        day: today,
        at,
      });
      counts.set(to.id, (counts.get(to.id) ?? 0) + 1);
      entries += 1;
    }
    q.insertReason(db, entryId, c.reason, JSON.stringify(c.detail), c.key);
    reasons += 1;
  }
  if (reasons > 0)
    ctx.audit({ op: 'calls.prepare', entity: 'call_list', entityId: today, after: { entries, reasons } });
  return { entries, reasons };
}

// ---- showing an entry --------------------------------------------------------------------------

export function toEntry(ctx: Ctx, r: EntryRow): CallEntry {
  const attempts = q.outcomesOf(ctx.db, r.id).map((o) => ({
    id: o.id,
    outcome: o.outcome,
    callbackOn: o.callback_on,
    satisfaction: o.satisfaction,
    requests: o.requests,
    note: o.note,
    appointmentId: o.appointment_id,
    at: o.at,
    by: { id: o.by, name: o.by_name },
  }));
  const last = attempts.at(-1);
  const state: CallEntry['state'] =
    r.closed_at !== null
      ? 'done'
      : last?.outcome === 'call_back'
        ? 'due'
        : last && OPEN_OUTCOMES.includes(last.outcome)
          ? 'retry'
          : 'new';
  const kind = r.visitor_id !== null ? 'visitor' : r.member_id !== null ? 'member' : 'complainant';
  return {
    id: r.id,
    person: {
      kind,
      memberId: r.member_id,
      visitorId: r.visitor_id,
      cardNo: r.card_no,
      name: r.name,
      phone: r.phone ? formatPhone(r.phone) : '',
    },
    complaintId: r.complaint_id,
    consultant: { id: r.consultant_id, name: r.consultant_name },
    basis: r.basis,
    listedOn: r.listed_on,
    dueOn: r.due_on,
    state,
    reasons: q.reasonsOf(ctx.db, r.id).map((x) => ({
      reason: x.reason,
      detail: JSON.parse(x.detail) as Record<string, string | number>,
    })),
    attempts,
    closedAt: r.closed_at,
  };
}

const ORDER: Record<CallEntry['state'], number> = { due: 0, new: 1, retry: 2, done: 3 };

/** Due call-backs first, then new entries, then those not answered before; done ones last. */
export function sortList(list: CallEntry[]): CallEntry[] {
  return list.sort(
    (a, b) => ORDER[a.state] - ORDER[b.state] || a.dueOn.localeCompare(b.dueOn) || a.id - b.id,
  );
}
