/**
 * Disputes over who gets a visitor (撞单): a consultant raises one (logged in, or at the desk with
 * their PIN); the customer-service manager (or above) decides — keep the credit, or move it wholly
 * to another consultant. A decision is never changed after.
 */
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { verifyPin } from '../../staff';
import { requireConsultant } from '../../rotation';
import type { visitorsContract } from '../contract';
import * as q from '../queries';
import { getDispute, getVisitorRow, toDispute } from './views';

type DisputeOps = 'visitors.dispute' | 'visitors.disputes' | 'visitors.decideDispute';

export const disputeHandlers: Pick<HandlersOf<typeof visitorsContract>, DisputeOps> = {
  'visitors.dispute': (ctx, a) => {
    const actor = ctx.requireActor();
    const v = getVisitorRow(ctx.db, a.visitorId);
    if (v.consultant_id === null) throw new AppError('VISITOR_WRONG_STATE', { status: v.status });
    let raiser: number;
    if (actor.role === 'consultant') raiser = actor.id;
    else {
      if (!a.consultant) throw new AppError('NOT_A_CONSULTANT', { name: actor.name });
      raiser = requireConsultant(ctx.db, a.consultant.staffId).id;
      verifyPin(ctx, a.consultant.staffId, a.consultant.pin);
    }
    const id = q.insertDispute(ctx.db, {
      visitorId: v.id,
      raisedBy: raiser,
      reason: a.reason,
      at: ctx.nowIso(),
      recordedBy: actor.id,
      creditBefore: v.credit_consultant_id,
    });
    ctx.audit({
      op: 'visitors.dispute',
      entity: 'dispute',
      entityId: id,
      after: { visitorId: v.id, raisedBy: raiser, reason: a.reason },
    });
    return getDispute(ctx.db, id);
  },
  'visitors.disputes': (ctx, a) => {
    const actor = ctx.requireActor();
    // A consultant sees the disputes they raised, lost or won; managers see them all.
    const concerning = actor.role === 'consultant' ? actor.id : null;
    return q.disputes(ctx.db, a.status ?? 'open', concerning).map(toDispute);
  },
  'visitors.decideDispute': (ctx, a) => {
    const d = getDispute(ctx.db, a.disputeId);
    if (d.status === 'decided') throw new AppError('DISPUTE_DECIDED');
    let creditTo: number | null = null;
    if (a.decision === 'move') {
      creditTo = requireConsultant(ctx.db, a.creditToId ?? d.raisedById).id;
      q.setCredit(ctx.db, d.visitorId, creditTo);
    }
    q.decideDispute(ctx.db, d.id, {
      decision: a.decision,
      creditTo,
      note: a.note ?? null,
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
    });
    ctx.audit({
      op: 'visitors.decideDispute',
      entity: 'dispute',
      entityId: d.id,
      before: { creditTo: d.creditBeforeId },
      after: { decision: a.decision, creditTo: creditTo ?? d.creditBeforeId },
      detail: a.note,
    });
    return getDispute(ctx.db, d.id);
  },
};
