/**
 * Appointments (邀约): an appointment fixed now makes its consultant the lead's owner for
 * `leadOwnershipDays` from when it was fixed (see calls.ts, "Whom to call"). So when someone else
 * records it at the desk the consultant confirms it with their own PIN (a manager may record it
 * without).
 */
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { MANAGERS } from '../../../kernel/roles';
import { verifyPin } from '../../staff';
import { checkOwn, requireConsultant } from '../../rotation';
import { phoneKey } from '../../../../shared/phone';
import { addDays } from '../../../../shared/dates';
import type { visitorsContract } from '../contract';
import * as leads from '../leadQueries';
import { getAppointment, getAppointmentRow, toAppointment } from './views';

type AppointmentOps = 'appointments.create' | 'appointments.list' | 'appointments.cancel';

export const appointmentHandlers: Pick<HandlersOf<typeof visitorsContract>, AppointmentOps> = {
  'appointments.create': (ctx, a) => {
    const actor = ctx.requireActor();
    const consultantId = a.consultantId ?? (actor.role === 'consultant' ? actor.id : null);
    if (consultantId === null) throw new AppError('NOT_A_CONSULTANT', { name: actor.name });
    checkOwn(actor, consultantId);
    const consultant = requireConsultant(ctx.db, consultantId);
    // Fixing an appointment gives the consultant the lead: the desk cannot do that for them alone.
    const byOther = actor.id !== consultantId && !MANAGERS.includes(actor.role);
    if (byOther) {
      if (!a.consultantPin) throw new AppError('CONSULTANT_PIN_REQUIRED', { name: consultant.name });
      verifyPin(ctx, consultantId, a.consultantPin);
    }
    const key = phoneKey(a.phone);
    const id = leads.insertAppointment(ctx.db, {
      consultantId,
      visitorName: a.visitorName,
      phoneNorm: key,
      date: a.date,
      time: a.time ?? null,
      place: a.place,
      note: a.note ?? '',
      at: ctx.nowIso(),
      by: actor.id,
    });
    const appt = getAppointment(ctx, id);
    ctx.audit({
      op: 'appointments.create',
      entity: 'appointment',
      entityId: id,
      after: { ...appt, phone: key, confirmedByConsultantPin: byOther },
    });
    return appt;
  },
  'appointments.list': (ctx, a) => {
    const from = a.from ?? addDays(ctx.today(), -(ctx.settings.leadOwnershipDays + 7));
    const to = a.to ?? '9999-12-31';
    const phone = a.phone ? phoneKey(a.phone) : '';
    return leads
      .appointmentsBetween(ctx.db, from, to, phone, a.consultantId ?? null)
      .map((r) => toAppointment(ctx, r));
  },
  'appointments.cancel': (ctx, a) => {
    const actor = ctx.requireActor();
    const row = getAppointmentRow(ctx.db, a.id);
    const appt = toAppointment(ctx, row);
    checkOwn(actor, appt.consultantId);
    if (appt.cancelledAt) return appt;
    leads.cancelAppointment(ctx.db, a.id, ctx.nowIso(), actor.id);
    ctx.audit({
      op: 'appointments.cancel',
      entity: 'appointment',
      entityId: a.id,
      before: { ...appt, phone: row.phone },
    });
    return getAppointment(ctx, a.id);
  },
};
