/**
 * Incidents as the contract shows them: the full view (managers), the desk view (everyone else: no
 * medical details, money, notes or addenda — the fields are absent, not blanked), the summary on
 * the review list and the open items, follow-ups and attachments.
 */
import type { DB } from '../../../db/database';
import type { Ctx } from '../../../kernel/ctx';
import * as q from '../queries';
import type { AttachmentRow, FollowUpRow, IncidentRow } from '../queries';
import type {
  AttachmentInfo,
  FollowUpInfo,
  FollowUpState,
  IncidentDetail,
  IncidentFullView,
  IncidentSummary,
} from '../types';
import { isManager, staffRef } from './shared';
import { incidentSteps, memberConsultantId } from './steps';

function followUpState(f: FollowUpRow, today: string): FollowUpState {
  if (f.done_at) return 'done';
  if (f.due_date === today) return 'due_today';
  return f.due_date < today ? 'overdue' : 'upcoming';
}

/** A follow-up; its note and outcome (which may hold medical details) only in the full view. */
export function toFollowUp(ctx: Ctx, f: FollowUpRow, full: boolean): FollowUpInfo {
  const info: FollowUpInfo = {
    id: f.id,
    incidentId: f.incident_id,
    kind: f.kind,
    dueDate: f.due_date,
    state: followUpState(f, ctx.today()),
    assignedTo: staffRef(ctx.db, f.assigned_to),
    doneAt: f.done_at,
    doneBy: staffRef(ctx.db, f.done_by),
    createdAt: f.created_at,
  };
  if (full) {
    info.note = f.note;
    info.outcome = f.outcome;
  }
  return info;
}

export function toAttachment(db: DB, a: AttachmentRow): AttachmentInfo {
  return {
    id: a.id,
    incidentId: a.incident_id,
    name: a.original_name,
    mime: a.mime,
    sizeBytes: a.size_bytes,
    sha256: a.sha256,
    note: a.note,
    createdAt: a.created_at,
    createdBy: staffRef(db, a.created_by)!,
  };
}

export function fullView(ctx: Ctx, r: IncidentRow): IncidentFullView {
  const db = ctx.db;
  const addenda = q
    .addendaOf(db, r.id)
    .map((x) => ({ id: x.id, text: x.text, at: x.at, by: staffRef(db, x.by)! }));
  const steps = incidentSteps(db, r);
  return {
    ...commonView(ctx, r, true),
    view: 'full',
    harm: r.harm,
    csManager: staffRef(db, r.cs_manager_id),
    csManagerToldAt: r.cs_manager_told_at,
    dutyCoach: r.duty_coach,
    dutyCoachToldAt: r.duty_coach_told_at,
    firstAidBy: r.first_aid_by,
    firstAid: r.first_aid,
    statementTakenBy: staffRef(db, r.statement_taken_by),
    statementSignedAt: r.statement_signed_at,
    hospital: r.hospital === 1,
    noHospitalReason: r.no_hospital_reason,
    hospitalName: r.hospital_name,
    hospitalAccompaniedBy: staffRef(db, r.hospital_accompanied_by),
    examinationCostCents: r.examination_cost_cents,
    examinationResult: r.examination_result,
    examConfirmedAt: r.exam_confirmed_at,
    memberRequest: r.member_request,
    compensationAskedCents: r.compensation_asked_cents,
    compensationAgreedCents: r.compensation_agreed_cents,
    handlingOpinion: r.handling_opinion,
    memberConsultant: staffRef(db, memberConsultantId(db, r)),
    consultantToldAt: r.consultant_told_at,
    consultantToldBy: staffRef(db, r.consultant_told_by),
    addenda,
    reportMissing: steps.flatMap((x) => x.missing),
    steps,
  };
}

function commonView(ctx: Ctx, r: IncidentRow, full: boolean) {
  const db = ctx.db;
  const me = ctx.requireActor();
  const attachments = q.attachmentsOf(db, r.id, full ? undefined : me.id).map((a) => toAttachment(db, a));
  const hasPerson = r.member_id !== null || r.member_name !== null;
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    severity: r.severity,
    occurredAt: r.occurred_at,
    place: r.place,
    what: r.what,
    person: hasPerson
      ? {
          memberId: r.member_id,
          cardNo: r.member_card_no,
          name: r.member_name,
          gender: r.member_gender,
          age: r.member_age,
        }
      : null,
    openedAt: r.opened_at,
    openedBy: staffRef(db, r.opened_by)!,
    closedAt: r.closed_at,
    closedBy: staffRef(db, r.closed_by),
    updatedAt: r.updated_at,
    followUps: q.followUpsOf(db, r.id).map((f) => toFollowUp(ctx, f, full)),
    attachments,
  };
}

/** The record as the caller may see it. */
export function incidentView(ctx: Ctx, r: IncidentRow): IncidentDetail {
  return isManager(ctx) ? fullView(ctx, r) : { ...commonView(ctx, r, false), view: 'desk' };
}

/** An incident on a list, with its follow-ups not done; money only for managers (`full`). */
export function toSummary(ctx: Ctx, r: IncidentRow, pending: FollowUpRow[], full: boolean): IncidentSummary {
  const today = ctx.today();
  const row: IncidentSummary = {
    id: r.id,
    status: r.status,
    kind: r.kind,
    severity: r.severity,
    occurredAt: r.occurred_at,
    place: r.place,
    what: r.what,
    memberId: r.member_id,
    cardNo: r.member_card_no,
    personName: r.member_name,
    openedAt: r.opened_at,
    openedBy: staffRef(ctx.db, r.opened_by)!,
    nextFollowUpDue: pending.length ? pending.map((f) => f.due_date).sort()[0]! : null,
    followUpsDueToday: pending.filter((f) => f.due_date === today).length,
    followUpsOverdue: pending.filter((f) => f.due_date < today).length,
  };
  if (full) {
    row.examinationCostCents = r.examination_cost_cents;
    row.compensationAskedCents = r.compensation_asked_cents;
    row.compensationAgreedCents = r.compensation_agreed_cents;
  }
  return row;
}

/** Follow-ups not done of the given incidents, by incident. */
export function pendingByIncident(db: DB, ids: number[]): Map<number, FollowUpRow[]> {
  const out = new Map<number, FollowUpRow[]>();
  for (const f of q.pendingFollowUps(db, ids)) {
    const list = out.get(f.incident_id) ?? [];
    list.push(f);
    out.set(f.incident_id, list);
  }
  return out;
}
