/**
 * The incident record: opened at the desk in seconds (when, where, what, the member or someone
 * else), completed step by step by a customer-service manager or above, closed once the written
 * report is complete — then read-only for good: dated addenda are added.
 */
import type { Gender } from '../../../contract/types';
import type { DB } from '../../../db/database';
import type { Ctx } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { MANAGERS } from '../../../kernel/roles';
import { getMemberRow } from '../../members';
import { ageOn, localDate } from '../../../../shared/dates';
import * as q from '../queries';
import type { IncidentColumns, IncidentRow, PersonColumns } from '../queries';
import {
  type ArgsOf,
  blank,
  checkStaff,
  getIncident,
  type IncidentHandlers,
  localToIso,
  notClosed,
  notInFuture,
} from './shared';
import { incidentSteps } from './steps';
import { fullView, incidentView } from './views';

/** Card number, name, gender and age (on the day it happened) copied from the member. */
function memberSnapshot(db: DB, memberId: number, occurredIso: string, tz: string): PersonColumns {
  const m = getMemberRow(db, memberId);
  return {
    member_id: m.id,
    member_card_no: m.card_no,
    member_name: m.name,
    // an unknown gender (imported without it) stays to be recorded on the report
    member_gender: m.gender === 'unknown' ? null : m.gender,
    member_age: m.birth_date ? ageOn(m.birth_date, localDate(new Date(occurredIso), tz)) : null,
  };
}

/** Someone who is not a member (a visitor, a guest): the name given, gender and age if known. */
function nonMember(
  name: string | undefined,
  gender: Gender | undefined,
  age: number | undefined,
): PersonColumns | null {
  if (name === undefined) {
    if (gender !== undefined || age !== undefined)
      throw new AppError('VALIDATION', { issues: [{ path: 'personName', code: 'required' }] });
    return null;
  }
  return {
    member_id: null,
    member_card_no: null,
    member_name: name,
    member_gender: gender ?? null,
    member_age: age ?? null,
  };
}

/** A linked member brings their own name, gender and age: a second person is refused. */
function onlyMemberOrPerson(a: { personName?: string; personGender?: Gender; personAge?: number }): void {
  const extra = (['personName', 'personGender', 'personAge'] as const).filter((k) => a[k] !== undefined);
  if (extra.length)
    throw new AppError('VALIDATION', { issues: extra.map((path) => ({ path, code: 'member_given' })) });
}

// ---- what an update changes ---------------------------------------------------------------------

type UpdateArgs = ArgsOf<'incidents.update'>;
/** The keys of T whose values (besides undefined) are exactly V. */
type KeysOf<T, V> = {
  [K in keyof T]-?: [Exclude<T[K], undefined>] extends [V]
    ? [V] extends [Exclude<T[K], undefined>]
      ? K
      : never
    : never;
}[keyof T];
type TextArg = KeysOf<UpdateArgs, string | null>;
type TextColumn = KeysOf<IncidentColumns, string | null>;
type StaffArg = KeysOf<UpdateArgs, number | null>;
type StaffColumn = KeysOf<IncidentColumns, number | null>;

/** Free text: trimmed, '' clears. */
const TEXT_FIELDS: [TextArg, TextColumn][] = [
  ['memberName', 'member_name'],
  ['harm', 'harm'],
  ['dutyCoach', 'duty_coach'],
  ['firstAidBy', 'first_aid_by'],
  ['firstAid', 'first_aid'],
  ['hospitalName', 'hospital_name'],
  ['noHospitalReason', 'no_hospital_reason'],
  ['examinationResult', 'examination_result'],
  ['memberRequest', 'member_request'],
  ['handlingOpinion', 'handling_opinion'],
];
/** Club-local date and time → ISO UTC, never in the future. */
const TIME_FIELDS: [TextArg, TextColumn][] = [
  ['csManagerToldAt', 'cs_manager_told_at'],
  ['dutyCoachToldAt', 'duty_coach_told_at'],
  ['statementSignedAt', 'statement_signed_at'],
  ['examConfirmedAt', 'exam_confirmed_at'],
  ['consultantToldAt', 'consultant_told_at'],
];
/** A staff member who exists. */
const STAFF_FIELDS: [StaffArg, StaffColumn][] = [
  ['csManagerId', 'cs_manager_id'],
  ['statementTakenById', 'statement_taken_by'],
  ['hospitalAccompaniedById', 'hospital_accompanied_by'],
  ['consultantToldById', 'consultant_told_by'],
];

/** The columns an update changes (validated), from the arguments. */
function changesFrom(ctx: Ctx, r: IncidentRow, a: UpdateArgs): IncidentColumns {
  const next: IncidentColumns = {};
  if (a.occurredAt !== undefined) {
    const iso = localToIso(ctx, a.occurredAt);
    notInFuture(ctx, iso, 'occurredAt');
    next.occurred_at = iso;
  }
  const occurred = next.occurred_at ?? r.occurred_at;
  if (a.memberId !== undefined) {
    if (a.memberId === null)
      Object.assign(next, {
        member_id: null,
        member_card_no: null,
        member_name: null,
        member_gender: null,
        member_age: null,
      } satisfies PersonColumns);
    else Object.assign(next, memberSnapshot(ctx.db, a.memberId, occurred, ctx.settings.timeZone));
  }
  // The values taken as given (in this order: they may correct the member's copied details).
  if (a.kind !== undefined) next.kind = a.kind;
  if (a.severity !== undefined) next.severity = a.severity;
  if (a.memberGender !== undefined) next.member_gender = a.memberGender;
  if (a.memberAge !== undefined) next.member_age = a.memberAge;
  if (a.examinationCostCents !== undefined) next.examination_cost_cents = a.examinationCostCents;
  if (a.compensationAskedCents !== undefined) next.compensation_asked_cents = a.compensationAskedCents;
  if (a.compensationAgreedCents !== undefined) next.compensation_agreed_cents = a.compensationAgreedCents;
  if (a.place !== undefined) next.place = a.place;
  if (a.what !== undefined) next.what = a.what;
  for (const [arg, col] of TEXT_FIELDS) {
    const v = a[arg];
    if (v !== undefined) next[col] = blank(v);
  }
  for (const [arg, col] of TIME_FIELDS) {
    const v = a[arg];
    if (v === undefined) continue;
    const iso = v === null ? null : localToIso(ctx, v);
    if (iso) notInFuture(ctx, iso, String(arg));
    next[col] = iso;
  }
  for (const [arg, col] of STAFF_FIELDS) {
    const v = a[arg];
    if (v === undefined) continue;
    checkStaff(ctx.db, v, String(arg));
    // The step is "the customer-service manager told": someone else recorded there does not count.
    if (arg === 'csManagerId' && v !== null) {
      const role = q.staffRole(ctx.db, v);
      if (!role || !MANAGERS.includes(role))
        throw new AppError('VALIDATION', { issues: [{ path: 'csManagerId', code: 'not_manager' }] });
    }
    next[col] = v;
  }
  if (a.hospital !== undefined) next.hospital = a.hospital ? 1 : 0;
  // Only what really changes.
  for (const k of Object.keys(next) as (keyof IncidentColumns)[]) if (next[k] === r[k]) delete next[k];
  return next;
}

function writeColumns(ctx: Ctx, id: number, cols: IncidentColumns): void {
  q.updateIncident(ctx.db, id, cols, ctx.nowIso());
}

// ---- handlers -----------------------------------------------------------------------------------

export const recordHandlers: Pick<
  IncidentHandlers,
  'incidents.open' | 'incidents.update' | 'incidents.setStatus' | 'incidents.addAddendum'
> = {
  'incidents.open': (ctx, a) => {
    const me = ctx.requireActor();
    const now = ctx.nowIso();
    const occurred = a.occurredAt ? localToIso(ctx, a.occurredAt) : now;
    notInFuture(ctx, occurred, 'occurredAt');
    if (a.memberId !== undefined) onlyMemberOrPerson(a);
    const person =
      a.memberId !== undefined
        ? memberSnapshot(ctx.db, a.memberId, occurred, ctx.settings.timeZone)
        : nonMember(a.personName, a.personGender, a.personAge);
    const id = q.insertIncident(ctx.db, {
      openedAt: now,
      openedBy: me.id,
      occurredAt: occurred,
      place: a.place,
      what: a.what,
      kind: a.kind ?? 'other',
      severity: a.severity ?? null,
      person,
    });
    ctx.audit({
      op: 'incidents.open',
      entity: 'incident',
      entityId: id,
      after: {
        occurredAt: occurred,
        place: a.place,
        kind: a.kind ?? 'other',
        memberId: a.memberId ?? null,
        ...(a.personName !== undefined ? { personName: a.personName } : {}),
      },
    });
    return incidentView(ctx, getIncident(ctx.db, id));
  },

  'incidents.update': (ctx, a) => {
    const r = getIncident(ctx.db, a.id);
    notClosed(r);
    const cols = changesFrom(ctx, r, a);
    const keys = Object.keys(cols) as (keyof IncidentColumns)[];
    if (keys.length === 0) return fullView(ctx, r);
    writeColumns(ctx, r.id, cols);
    ctx.audit({
      op: 'incidents.update',
      entity: 'incident',
      entityId: r.id,
      before: Object.fromEntries(keys.map((k) => [k, r[k]])),
      after: cols,
    });
    return fullView(ctx, getIncident(ctx.db, r.id));
  },

  'incidents.setStatus': (ctx, a) => {
    const r = getIncident(ctx.db, a.id);
    notClosed(r);
    if (a.status === r.status) return fullView(ctx, r);
    if (a.status === 'closed') {
      const steps = incidentSteps(ctx.db, r).filter((x) => x.missing.length > 0);
      const missing = steps.flatMap((x) => x.missing);
      if (missing.length)
        throw new AppError('INCIDENT_REPORT_INCOMPLETE', {
          id: r.id,
          missing,
          count: missing.length,
          steps: steps.map((x) => x.step),
        });
      writeColumns(ctx, r.id, {
        status: 'closed',
        closed_at: ctx.nowIso(),
        closed_by: ctx.requireActor().id,
      });
    } else {
      writeColumns(ctx, r.id, { status: a.status });
    }
    ctx.audit({
      op: 'incidents.setStatus',
      entity: 'incident',
      entityId: r.id,
      before: { status: r.status },
      after: { status: a.status },
    });
    return fullView(ctx, getIncident(ctx.db, r.id));
  },

  'incidents.addAddendum': (ctx, a) => {
    const r = getIncident(ctx.db, a.id);
    q.insertAddendum(ctx.db, r.id, a.text, ctx.nowIso(), ctx.requireActor().id);
    ctx.audit({ op: 'incidents.addAddendum', entity: 'incident', entityId: r.id, detail: a.text });
    return fullView(ctx, r);
  },
};
