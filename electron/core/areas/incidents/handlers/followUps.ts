/**
 * Follow-ups of an incident (a call by the consultant or a manager, a visit), each with a due date
 * and whom it is assigned to: added by a manager (an open incident moves to follow_up), marked done
 * by a manager or the staff member it is assigned to. Closing needs every one done.
 */
import { AppError } from '../../../kernel/errors';
import * as q from '../queries';
import { blank, checkStaff, getIncident, type IncidentHandlers, isManager, notClosed } from './shared';
import { fullView, incidentView } from './views';

export const followUpHandlers: Pick<
  IncidentHandlers,
  'incidents.addFollowUp' | 'incidents.completeFollowUp'
> = {
  'incidents.addFollowUp': (ctx, a) => {
    const r = getIncident(ctx.db, a.id);
    notClosed(r);
    checkStaff(ctx.db, a.assignedToId ?? null, 'assignedToId');
    const fid = q.insertFollowUp(ctx.db, {
      incidentId: r.id,
      kind: a.kind,
      dueDate: a.dueDate,
      assignedTo: a.assignedToId ?? null,
      note: a.note ?? '',
      createdAt: ctx.nowIso(),
      createdBy: ctx.requireActor().id,
    });
    if (r.status === 'open') q.updateIncident(ctx.db, r.id, { status: 'follow_up' }, ctx.nowIso());
    ctx.audit({
      op: 'incidents.addFollowUp',
      entity: 'incident',
      entityId: r.id,
      after: { followUpId: fid, kind: a.kind, dueDate: a.dueDate, assignedToId: a.assignedToId ?? null },
    });
    return fullView(ctx, getIncident(ctx.db, r.id));
  },

  'incidents.completeFollowUp': (ctx, a) => {
    const f = q.followUpById(ctx.db, a.followUpId);
    if (!f) throw new AppError('NOT_FOUND', { entity: 'followUp' });
    const me = ctx.requireActor();
    if (!isManager(ctx) && f.assigned_to !== me.id)
      throw new AppError('FORBIDDEN', { op: 'incidents.completeFollowUp' });
    const r = getIncident(ctx.db, f.incident_id);
    notClosed(r);
    if (f.done_at) throw new AppError('FOLLOW_UP_DONE', { id: f.id });
    q.completeFollowUp(ctx.db, f.id, ctx.nowIso(), me.id, blank(a.outcome));
    q.touchIncident(ctx.db, r.id, ctx.nowIso());
    ctx.audit({
      op: 'incidents.completeFollowUp',
      entity: 'incident',
      entityId: r.id,
      after: { followUpId: f.id, kind: f.kind, dueDate: f.due_date },
      detail: blank(a.outcome) ?? undefined,
    });
    return incidentView(ctx, getIncident(ctx.db, r.id));
  },
};
