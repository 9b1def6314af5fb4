/**
 * The rulebook's steps before an incident may be closed (domain.md, "Incidents"), as data: which
 * apply to an incident and what each still misses. The one place that decides it: closing checks it
 * and the manager's checklist shows it.
 */
import type { DB } from '../../../db/database';
import * as q from '../queries';
import type { IncidentRow } from '../queries';
import {
  INCIDENT_STEPS,
  type IncidentKind,
  type IncidentReportField,
  type IncidentStep,
  type IncidentStepCheck,
} from '../types';

/**
 * Which of the rulebook's steps apply to an incident:
 *
 * | step             | injury, illness | property, conflict, other | serious (any kind) |
 * | ---------------- | --------------- | ------------------------- | ------------------ |
 * | csManagerTold    | yes             | yes                       | yes                |
 * | dutyCoachTold    | yes             | —                         | —                  |
 * | firstAid         | yes             | —                         | —                  |
 * | statement        | yes ¹           | yes ¹                     | yes ¹              |
 * | hospitalDecision | yes ¹           | — ²                       | yes ¹              |
 * | consultantTold   | yes ³           | —                         | —                  |
 * | writtenReport    | yes             | yes                       | yes, with harm ¹   |
 *
 * ¹ when a person is concerned (a member, or someone named): nobody signs a statement about a
 *   broken locker. ² unless someone did go to hospital: then where, the costs and the signed
 *   confirmation are needed whatever the kind. ³ when the person is a member with a consultant.
 */
const INCIDENT_STEP_RULES: Record<
  IncidentStep,
  {
    kinds: 'all' | readonly IncidentKind[];
    /** Applies to a serious incident of any kind as well. */
    serious?: boolean;
    /** Applies only when a person is concerned / the person is a member with a consultant. */
    only?: 'person' | 'memberWithConsultant';
  }
> = {
  csManagerTold: { kinds: 'all' },
  dutyCoachTold: { kinds: ['injury', 'illness'] },
  firstAid: { kinds: ['injury', 'illness'] },
  statement: { kinds: 'all', only: 'person' },
  hospitalDecision: { kinds: ['injury', 'illness'], serious: true, only: 'person' },
  consultantTold: { kinds: ['injury', 'illness'], only: 'memberWithConsultant' },
  writtenReport: { kinds: 'all' },
};

/** The member's consultant (now), if the incident concerns a member who has one. */
export function memberConsultantId(db: DB, r: IncidentRow): number | null {
  return r.member_id === null ? null : q.memberConsultantId(db, r.member_id);
}

/** A person is concerned: always in an injury or illness (their name is then required), else when given. */
function personConcerned(r: IncidentRow): boolean {
  return r.kind === 'injury' || r.kind === 'illness' || r.member_id !== null || r.member_name !== null;
}

function stepApplies(db: DB, r: IncidentRow, step: IncidentStep): boolean {
  const rule = INCIDENT_STEP_RULES[step];
  const person = personConcerned(r);
  if (step === 'hospitalDecision' && r.hospital === 1) return true;
  const byKind = rule.kinds === 'all' || rule.kinds.includes(r.kind);
  if (!byKind && !(rule.serious && r.severity === 'serious')) return false;
  if (rule.only === 'person') return person;
  if (rule.only === 'memberWithConsultant') return memberConsultantId(db, r) !== null;
  return true;
}

/** The fields a step still misses. */
function stepMissing(db: DB, r: IncidentRow, step: IncidentStep): IncidentReportField[] {
  const missing: IncidentReportField[] = [];
  const need = (ok: boolean, f: IncidentReportField) => {
    if (!ok) missing.push(f);
  };
  switch (step) {
    case 'csManagerTold':
      need(r.cs_manager_id !== null, 'csManagerId');
      need(r.cs_manager_told_at !== null, 'csManagerToldAt');
      break;
    case 'dutyCoachTold':
      need(r.duty_coach !== null, 'dutyCoach');
      need(r.duty_coach_told_at !== null, 'dutyCoachToldAt');
      break;
    case 'firstAid':
      need(r.first_aid_by !== null, 'firstAidBy');
      need(r.first_aid !== null, 'firstAid');
      break;
    case 'statement':
      need(r.statement_taken_by !== null, 'statementTakenById');
      need(r.statement_signed_at !== null, 'statementSignedAt');
      break;
    case 'hospitalDecision':
      if (r.hospital === 1) {
        need(r.hospital_name !== null, 'hospitalName');
        need(r.examination_cost_cents !== null, 'examinationCostCents');
        need(r.exam_confirmed_at !== null, 'examConfirmedAt');
      } else {
        need(r.no_hospital_reason !== null, 'noHospitalReason');
      }
      break;
    case 'consultantTold':
      need(r.consultant_told_by !== null, 'consultantToldById');
      need(r.consultant_told_at !== null, 'consultantToldAt');
      break;
    case 'writtenReport': {
      // domain.md: card number, name, gender, age, what happened, how badly hurt, examination
      // costs (hospitalDecision), the club's handling, what the member asks for.
      const bodily = r.kind === 'injury' || r.kind === 'illness';
      const person = personConcerned(r);
      need(r.severity !== null, 'severity');
      if (person) {
        need(r.member_name !== null, 'memberName');
        need(r.member_gender !== null, 'memberGender');
        need(r.member_age !== null, 'memberAge');
      }
      if (bodily || (person && r.severity === 'serious')) need(r.harm !== null, 'harm');
      if (person) need(r.member_request !== null, 'memberRequest');
      need(r.handling_opinion !== null, 'handlingOpinion');
      need(!q.hasPendingFollowUp(db, r.id), 'followUps');
      break;
    }
  }
  return missing;
}

/** The steps that apply to the incident, in the rulebook's order, each with what it still misses. */
export function incidentSteps(db: DB, r: IncidentRow): IncidentStepCheck[] {
  return INCIDENT_STEPS.filter((step) => stepApplies(db, r, step)).map((step) => ({
    step,
    missing: stepMissing(db, r, step),
  }));
}
