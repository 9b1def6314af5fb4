/**
 * The call list's operations. A consultant sees and records calls only on their own list; a manager
 * sees everyone's, records on any and reassigns. A call is recorded only inside a call window and
 * never on a holiday. An outcome closes the entry, except "no answer" (tried again) and "call back
 * on <date>" (due again that day). An appointment made on the call is a visitors' appointment,
 * created through the visitors area with its rules (the lead belongs to the consultant who fixed
 * it). The after-care call of a complaint needs the member's satisfaction when they were reached,
 * and files it with the complaint.
 */
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { MANAGERS } from '../../../kernel/roles';
import { dayBoundsUtc } from '../../../../shared/dates';
import { checkOwn, requireConsultant } from '../../rotation';
import { visitorsHandlers } from '../../visitors';
import { fileComplaintAftercare } from '../../complaints';
import type { callsContract } from '../contract';
import * as q from '../queries';
import type { EntryRow } from '../queries';
import { OPEN_OUTCOMES, REACHED_OUTCOMES, type ConsultantRate } from '../types';
import { prepareList, readCallSettings, sortList, toEntry, windowState } from './list';
import { summary, summaryCsv } from './summary';

function loadEntry(ctx: Ctx, id: number): EntryRow {
  const r = q.entryById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'call' });
  return r;
}

export const callsHandlers: HandlersOf<typeof callsContract> = {
  'calls.settings': (ctx) => readCallSettings(ctx.db),

  'calls.updateSettings': (ctx, a) => {
    const before = readCallSettings(ctx.db);
    const windows = [...a.windows].sort((x, y) => x.from.localeCompare(y.from));
    const overlap = windows.some((w, i) => w.from >= w.to || (i > 0 && w.from < windows[i - 1]!.to));
    const days = new Set(a.holidays.map((h) => h.date));
    if (overlap || days.size !== a.holidays.length) throw new AppError('CALL_SETTINGS_INVALID');
    q.updateSettings(ctx.db, {
      reminder_days: JSON.stringify([...new Set(a.reminderDays)].sort((x, y) => y - x)),
      visits_left: a.visitsLeft,
      absent_days: JSON.stringify([...new Set(a.absentDays)].sort((x, y) => x - y)),
      first_call_days: a.firstCallDays,
      windows: JSON.stringify(windows),
    });
    q.replaceHolidays(
      ctx.db,
      a.holidays.map((h) => ({ day: h.date, name: h.name })),
    );
    const after = readCallSettings(ctx.db);
    ctx.audit({ op: 'calls.updateSettings', entity: 'call_settings', before, after });
    return after;
  },

  'calls.prepare': (ctx) => prepareList(ctx),

  'calls.today': (ctx, a) => {
    const me = ctx.requireActor();
    const manager = MANAGERS.includes(me.role);
    const consultant = manager ? (a.consultantId ?? 0) : me.id;
    if (!manager && a.consultantId !== undefined) checkOwn(me, a.consultantId);
    const day = ctx.today();
    const bounds = dayBoundsUtc(day, ctx.settings.timeZone);
    const entries = sortList(
      q.dayEntries(ctx.db, { day, ...bounds, consultant }).map((r) => toEntry(ctx, r)),
    );
    const rates = new Map<number, ConsultantRate>();
    for (const e of entries) {
      const r = rates.get(e.consultant.id) ?? { consultant: e.consultant, onList: 0, called: 0 };
      r.onList += 1;
      if (e.attempts.some((t) => t.at >= bounds.from && t.at < bounds.to)) r.called += 1;
      rates.set(e.consultant.id, r);
    }
    return {
      day,
      window: windowState(ctx),
      entries,
      rates: [...rates.values()].sort((x, y) => x.consultant.name.localeCompare(y.consultant.name)),
    };
  },

  'calls.record': (ctx, a) => {
    const me = ctx.requireActor();
    const r = loadEntry(ctx, a.entryId);
    if (!MANAGERS.includes(me.role)) checkOwn(me, r.consultant_id);
    if (r.closed_at !== null) throw new AppError('CALL_ENTRY_CLOSED', { id: r.id });
    const w = windowState(ctx);
    if (!w.open)
      throw new AppError('CALL_WINDOW_CLOSED', {
        holiday: w.holiday ?? '',
        nextDate: w.next?.date ?? '',
        nextTime: w.next?.time ?? '',
      });
    const reached = REACHED_OUTCOMES.includes(a.outcome);
    if (r.complaint_id !== null && reached && !a.satisfaction)
      throw new AppError('CALL_SATISFACTION_REQUIRED', { id: r.id });
    if (a.callbackOn !== undefined && a.callbackOn < ctx.today())
      throw new AppError('VALIDATION', { issues: [{ path: 'callbackOn', code: 'past' }] });
    let appointmentId: number | null = null;
    if (a.appointment) {
      if (!r.phone) throw new AppError('CALL_NO_PHONE', { name: r.name });
      const appt = visitorsHandlers['appointments.create'](ctx, {
        consultantId: r.consultant_id,
        visitorName: r.name,
        phone: r.phone,
        date: a.appointment.date,
        time: a.appointment.time,
        place: a.appointment.place,
        note: a.requests ?? '',
      });
      appointmentId = appt.id;
    }
    const at = ctx.nowIso();
    const id = q.insertOutcome(ctx.db, {
      entryId: r.id,
      outcome: a.outcome,
      callbackOn: a.callbackOn ?? null,
      satisfaction: a.satisfaction ?? null,
      requests: a.requests ?? '',
      note: a.note ?? '',
      appointmentId,
      at,
      by: me.id,
    });
    if (a.callbackOn !== undefined) q.setDue(ctx.db, r.id, a.callbackOn);
    if (!OPEN_OUTCOMES.includes(a.outcome)) q.closeEntry(ctx.db, r.id, at);
    if (r.complaint_id !== null && a.satisfaction && reached)
      fileComplaintAftercare(ctx, r.complaint_id, a.satisfaction, a.requests || a.note || '');
    ctx.audit({
      op: 'calls.record',
      entity: 'call_entry',
      entityId: r.id,
      after: {
        outcomeId: id,
        outcome: a.outcome,
        callbackOn: a.callbackOn ?? null,
        satisfaction: a.satisfaction ?? null,
        appointmentId,
      },
    });
    return toEntry(ctx, loadEntry(ctx, r.id));
  },

  'calls.reassign': (ctx, a) => {
    const r = loadEntry(ctx, a.entryId);
    if (r.closed_at !== null) throw new AppError('CALL_ENTRY_CLOSED', { id: r.id });
    const to = requireConsultant(ctx.db, a.consultantId);
    q.reassign(ctx.db, r.id, to.id);
    ctx.audit({
      op: 'calls.reassign',
      entity: 'call_entry',
      entityId: r.id,
      before: { consultantId: r.consultant_id, basis: r.basis },
      after: { consultantId: to.id, basis: 'manager' },
    });
    return toEntry(ctx, loadEntry(ctx, r.id));
  },

  'calls.summary': (ctx, a) => summary(ctx, a.period, a.month),

  'calls.summaryCsv': (ctx, a) => {
    const out = summaryCsv(ctx, summary(ctx, a.period, a.month));
    ctx.audit({ op: 'calls.summaryCsv', entity: 'call_summary', entityId: out.filename, detail: a.month });
    return out;
  },
};
