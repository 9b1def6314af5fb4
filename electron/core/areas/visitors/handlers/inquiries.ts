/**
 * Phone inquiries (电话咨询): the desk logs a call and passes it to a consultant — the one the caller
 * has an appointment with when at the club, else the next of the phone rotation (its own turn
 * pointer). Callers leave their name and number only if they are willing; every call is counted.
 */
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { checkOwn, presence, requireConsultant, takeTurn } from '../../rotation';
import { phoneKey } from '../../../../shared/phone';
import type { visitorsContract } from '../contract';
import type { Decision } from '../types';
import * as leads from '../leadQueries';
import { getInquiry, toInquiry } from './views';

function assign(ctx: Ctx, id: number, consultantId: number, d: Decision): void {
  leads.assignInquiry(ctx.db, id, consultantId, d, ctx.nowIso(), ctx.requireActor().id);
}

type InquiryOps = 'inquiries.create' | 'inquiries.list' | 'inquiries.assign' | 'inquiries.markCalledBack';

export const inquiryHandlers: Pick<HandlersOf<typeof visitorsContract>, InquiryOps> = {
  'inquiries.create': (ctx, a) => {
    const actor = ctx.requireActor();
    const withId = a.hasAppointment ? a.appointmentWithId : null;
    const consultantName = withId !== null ? requireConsultant(ctx.db, withId).name : null;
    const id = leads.insertInquiry(ctx.db, {
      day: ctx.today(),
      callerName: a.callerName || null,
      callbackPhone: a.callbackPhone ? phoneKey(a.callbackPhone) : null,
      hasAppointment: a.hasAppointment,
      appointmentWith: withId,
      topic: a.topic,
      at: ctx.nowIso(),
      by: actor.id,
    });
    let d: Decision = { basis: 'rotation', code: 'phone_rotation', params: {} };
    if (withId !== null) {
      const p = presence(ctx.db, ctx.today(), withId);
      if (p.present) {
        d = {
          basis: 'appointment',
          code: 'appointment_stated',
          params: { consultant: consultantName, consultantId: withId },
        };
        assign(ctx, id, withId, d);
      } else
        d = {
          basis: 'rotation',
          code: 'appointment_absent',
          params: { consultant: consultantName, consultantId: withId, state: p.state },
        };
    }
    if (d.basis === 'rotation') {
      const chosen = takeTurn(ctx, 'phone', { inquiryId: id });
      if (chosen) assign(ctx, id, chosen.staff_id, d);
      else leads.setInquiryDecision(ctx.db, id, d);
    }
    const inq = getInquiry(ctx, id);
    ctx.audit({
      op: 'inquiries.create',
      entity: 'inquiry',
      entityId: id,
      after: {
        callerName: a.callerName || null,
        leftNumber: !!a.callbackPhone,
        consultantId: inq.consultantId,
        decision: d,
      },
    });
    return inq;
  },
  'inquiries.list': (ctx, a) =>
    leads
      .inquiriesOn(ctx.db, a.day ?? ctx.today(), a.consultantId ?? null, !!a.open)
      .map((i) => toInquiry(ctx, i)),
  'inquiries.assign': (ctx, a) => {
    const inq = getInquiry(ctx, a.inquiryId);
    if (inq.consultantId !== null) throw new AppError('INQUIRY_ASSIGNED', { name: inq.consultantName });
    const chosen = takeTurn(ctx, 'phone', { inquiryId: inq.id });
    if (!chosen) throw new AppError('NO_CONSULTANT_AVAILABLE');
    assign(
      ctx,
      inq.id,
      chosen.staff_id,
      inq.decision ?? { basis: 'rotation', code: 'phone_rotation', params: {} },
    );
    ctx.audit({
      op: 'inquiries.assign',
      entity: 'inquiry',
      entityId: inq.id,
      after: { consultantId: chosen.staff_id },
    });
    return getInquiry(ctx, inq.id);
  },
  'inquiries.markCalledBack': (ctx, a) => {
    const actor = ctx.requireActor();
    const inq = getInquiry(ctx, a.inquiryId);
    if (inq.consultantId === null) throw new AppError('NO_CONSULTANT_AVAILABLE');
    checkOwn(actor, inq.consultantId);
    if (inq.calledBackAt) return inq;
    leads.markCalledBack(ctx.db, inq.id, ctx.nowIso(), actor.id, a.note ?? null);
    ctx.audit({ op: 'inquiries.markCalledBack', entity: 'inquiry', entityId: inq.id, detail: a.note });
    return getInquiry(ctx, inq.id);
  },
};
