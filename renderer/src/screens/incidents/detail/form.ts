/**
 * The incident form's fields as typed, filled from the record, and what changed as
 * incidents.update arguments (with the errors of what cannot be sent).
 */
import type {
  Gender,
  IncidentFullView,
  IncidentKind,
  IncidentReportField,
  IncidentSeverity,
  OpArgs,
} from '../../../../../electron/core/contract';
import { isValidLocalDateTime } from '../../../../../electron/shared/dates';
import { centsToYuan, parseCents } from '../../../../../electron/shared/money';
import { isoToLocalInput, nowLocalInput } from '../util';

export interface Form {
  occurredAt: string;
  place: string;
  what: string;
  kind: IncidentKind;
  severity: IncidentSeverity | '';
  memberName: string;
  memberGender: Gender | '';
  memberAge: string;
  harm: string;
  csManagerId: string;
  csManagerToldAt: string;
  dutyCoach: string;
  dutyCoachToldAt: string;
  firstAidBy: string;
  firstAid: string;
  statementTakenById: string;
  statementSignedAt: string;
  hospital: boolean;
  noHospitalReason: string;
  hospitalName: string;
  hospitalAccompaniedById: string;
  examinationCost: string;
  examinationResult: string;
  examConfirmedAt: string;
  memberRequest: string;
  compensationAsked: string;
  compensationAgreed: string;
  handlingOpinion: string;
  consultantToldById: string;
  consultantToldAt: string;
}

export const money = (c: number | null) => (c === null ? '' : centsToYuan(c));

export function fromView(v: IncidentFullView): Form {
  return {
    occurredAt: isoToLocalInput(v.occurredAt),
    place: v.place,
    what: v.what,
    kind: v.kind,
    severity: v.severity ?? '',
    memberName: v.person?.name ?? '',
    memberGender: v.person?.gender ?? '',
    memberAge: v.person?.age == null ? '' : String(v.person.age),
    harm: v.harm ?? '',
    csManagerId: v.csManager ? String(v.csManager.id) : '',
    csManagerToldAt: isoToLocalInput(v.csManagerToldAt),
    dutyCoach: v.dutyCoach ?? '',
    dutyCoachToldAt: isoToLocalInput(v.dutyCoachToldAt),
    firstAidBy: v.firstAidBy ?? '',
    firstAid: v.firstAid ?? '',
    statementTakenById: v.statementTakenBy ? String(v.statementTakenBy.id) : '',
    statementSignedAt: isoToLocalInput(v.statementSignedAt),
    hospital: v.hospital,
    noHospitalReason: v.noHospitalReason ?? '',
    hospitalName: v.hospitalName ?? '',
    hospitalAccompaniedById: v.hospitalAccompaniedBy ? String(v.hospitalAccompaniedBy.id) : '',
    examinationCost: money(v.examinationCostCents),
    examinationResult: v.examinationResult ?? '',
    examConfirmedAt: isoToLocalInput(v.examConfirmedAt),
    memberRequest: v.memberRequest ?? '',
    compensationAsked: money(v.compensationAskedCents),
    compensationAgreed: money(v.compensationAgreedCents),
    handlingOpinion: v.handlingOpinion ?? '',
    consultantToldById: v.consultantToldBy ? String(v.consultantToldBy.id) : '',
    consultantToldAt: isoToLocalInput(v.consultantToldAt),
  };
}

export const TEXTS = [
  'place',
  'what',
  'memberName',
  'harm',
  'dutyCoach',
  'firstAidBy',
  'firstAid',
  'hospitalName',
  'noHospitalReason',
  'examinationResult',
  'memberRequest',
  'handlingOpinion',
] as const;
export const TIMES = [
  'csManagerToldAt',
  'dutyCoachToldAt',
  'statementSignedAt',
  'examConfirmedAt',
  'consultantToldAt',
] as const;
export const STAFF = [
  'csManagerId',
  'statementTakenById',
  'hospitalAccompaniedById',
  'consultantToldById',
] as const;
export const MONEY = [
  ['examinationCost', 'examinationCostCents'],
  ['compensationAsked', 'compensationAskedCents'],
  ['compensationAgreed', 'compensationAgreedCents'],
] as const;

export type UpdateArgs = OpArgs<'incidents.update'>;

/** Why a field is refused (words in incidents.formErrors). */
export type FormError = 'required' | 'needTime' | 'future' | 'age' | 'money';

/** The changed fields as incidents.update arguments, or the form errors (keyed by field). */
export function diff(form: Form, base: Form): { args: Partial<UpdateArgs>; errs: Record<string, FormError> } {
  const args: Record<string, unknown> = {};
  const errs: Record<string, FormError> = {};
  const now = nowLocalInput();
  if (form.occurredAt !== base.occurredAt) {
    if (!isValidLocalDateTime(form.occurredAt)) errs.occurredAt = 'needTime';
    else if (form.occurredAt > now) errs.occurredAt = 'future';
    else args.occurredAt = form.occurredAt;
  }
  for (const k of TEXTS) {
    if (form[k] === base[k]) continue;
    const v = form[k].trim();
    if ((k === 'place' || k === 'what') && !v) errs[k] = 'required';
    else args[k] = v || null;
  }
  if (form.kind !== base.kind) args.kind = form.kind;
  if (form.severity !== base.severity) args.severity = form.severity || null;
  if (form.memberGender !== base.memberGender) args.memberGender = form.memberGender || null;
  if (form.memberAge !== base.memberAge) {
    const s = form.memberAge.trim();
    const n = Number(s);
    if (s === '') args.memberAge = null;
    else if (!/^\d{1,3}$/.test(s) || n > 150) errs.memberAge = 'age';
    else args.memberAge = n;
  }
  for (const k of TIMES) {
    if (form[k] === base[k]) continue;
    if (form[k] === '') args[k] = null;
    else if (!isValidLocalDateTime(form[k])) errs[k] = 'needTime';
    else if (form[k] > now) errs[k] = 'future';
    else args[k] = form[k];
  }
  for (const k of STAFF) if (form[k] !== base[k]) args[k] = form[k] ? Number(form[k]) : null;
  if (form.hospital !== base.hospital) args.hospital = form.hospital;
  for (const [k, arg] of MONEY) {
    if (form[k] === base[k]) continue;
    if (form[k].trim() === '') args[arg] = null;
    else {
      const c = parseCents(form[k]);
      if (c === null) errs[k] = 'money';
      else args[arg] = c;
    }
  }
  return { args: args, errs };
}

/** Which form field (id suffix) a step's field is entered in. */
export const FIELD_INPUT: Record<IncidentReportField, string> = {
  severity: 'severity',
  memberName: 'memberName',
  memberGender: 'memberGender',
  memberAge: 'memberAge',
  harm: 'harm',
  csManagerId: 'csManagerId',
  csManagerToldAt: 'csManagerToldAt',
  dutyCoach: 'dutyCoach',
  dutyCoachToldAt: 'dutyCoachToldAt',
  firstAidBy: 'firstAidBy',
  firstAid: 'firstAid',
  statementTakenById: 'statementTakenById',
  statementSignedAt: 'statementSignedAt',
  noHospitalReason: 'noHospitalReason',
  hospitalName: 'hospitalName',
  examinationCostCents: 'examinationCost',
  examConfirmedAt: 'examConfirmedAt',
  consultantToldById: 'consultantToldById',
  consultantToldAt: 'consultantToldAt',
  memberRequest: 'memberRequest',
  handlingOpinion: 'handlingOpinion',
  followUps: 'followUps',
};
