/**
 * Incidents (特殊突发事件): opened at the desk in seconds, completed by a customer-service manager
 * or above (who was told, first aid, the signed statement, hospital and examination costs, the
 * member's signed confirmation, follow-ups, compensation, the club's handling opinion), closed once
 * the written report is complete, then read-only: addenda are added, dated.
 *
 * Who sees what is decided here: managers get the full record; everyone else the desk view (no
 * medical details, money, notes or addenda: the fields are absent, not blanked) of the incidents
 * they opened, the open ones, and those with a follow-up assigned to them. Every opening of an
 * incident's details, report or attachment is audited.
 *
 * Attachments are files in the data folder (attachments/<sha256>); the hash recorded at upload is
 * checked every time one is opened, and a mismatch is refused with ATTACHMENT_TAMPERED (and audited).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '../db/database';
import type {
  AttachmentInfo,
  DueFollowUp,
  FollowUpInfo,
  FollowUpKind,
  Gender,
  IncidentDetail,
  IncidentFullView,
  IncidentKind,
  IncidentList,
  IncidentMonth,
  IncidentReportField,
  IncidentRow,
  IncidentSeverity,
  IncidentStatus,
  IncidentStep,
  IncidentStepCheck,
  OpParsedArgs,
  Role,
  StaffRef,
} from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { MANAGERS } from '../permissions';
import { ageOn, dayBoundsUtc, localDate, localDateTime, zonedToUtc } from '../../shared/dates';
import { openComplaints } from './complaints';
import { getMemberRow } from '../areas/members';
import { csvDocument, csvMoney, type CsvValue } from '../../shared/csv';
import { stmt } from '../kernel/statements';

export const ATTACHMENT_DIR = 'attachments';
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** How far ahead of the clock an occurrence time may be (a slightly fast desk clock). */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface IncidentDb {
  id: number;
  status: IncidentStatus;
  opened_at: string;
  opened_by: number;
  occurred_at: string;
  place: string;
  what: string;
  kind: IncidentKind;
  severity: IncidentSeverity | null;
  member_id: number | null;
  member_card_no: string | null;
  member_name: string | null;
  member_gender: 'male' | 'female' | null;
  member_age: number | null;
  harm: string | null;
  cs_manager_id: number | null;
  cs_manager_told_at: string | null;
  duty_coach: string | null;
  duty_coach_told_at: string | null;
  first_aid_by: string | null;
  first_aid: string | null;
  statement_taken_by: number | null;
  statement_signed_at: string | null;
  hospital: number;
  no_hospital_reason: string | null;
  hospital_name: string | null;
  hospital_accompanied_by: number | null;
  examination_cost_cents: number | null;
  examination_result: string | null;
  exam_confirmed_at: string | null;
  member_request: string | null;
  compensation_asked_cents: number | null;
  compensation_agreed_cents: number | null;
  handling_opinion: string | null;
  consultant_told_at: string | null;
  consultant_told_by: number | null;
  closed_at: string | null;
  closed_by: number | null;
  updated_at: string;
}

interface FollowUpDb {
  id: number;
  incident_id: number;
  kind: FollowUpKind;
  due_date: string;
  assigned_to: number | null;
  note: string;
  created_at: string;
  created_by: number;
  done_at: string | null;
  done_by: number | null;
  outcome: string | null;
}

interface AttachmentDb {
  id: number;
  incident_id: number;
  original_name: string;
  mime: AttachmentInfo['mime'];
  size_bytes: number;
  sha256: string;
  note: string;
  created_at: string;
  created_by: number;
}

const KINDS: readonly IncidentKind[] = ['injury', 'illness', 'property', 'conflict', 'other'];

// ---- helpers -------------------------------------------------------------------------------

const isManager = (ctx: Ctx) => MANAGERS.includes(ctx.requireActor().role);

function staffRef(db: DB, id: number | null): StaffRef | null {
  if (id === null) return null;
  const s = stmt(db, 'SELECT id, name FROM staff WHERE id = ?').get(id) as StaffRef | undefined;
  return s ?? { id, name: '' };
}

export function getIncident(db: DB, id: number): IncidentDb {
  const r = stmt(db, 'SELECT * FROM incidents WHERE id = ?').get(id) as IncidentDb | undefined;
  if (!r) throw new AppError('NOT_FOUND', { entity: 'incident' });
  return r;
}

function hasFollowUpFor(db: DB, incidentId: number, staffId: number): boolean {
  return !!stmt(db, 'SELECT 1 FROM incident_follow_ups WHERE incident_id = ? AND assigned_to = ?').get(
    incidentId,
    staffId,
  );
}

/** Non-managers see the incidents they opened, the open ones, and those they must follow up. */
function canSee(ctx: Ctx, r: IncidentDb): boolean {
  const me = ctx.requireActor();
  return (
    isManager(ctx) || r.opened_by === me.id || r.status !== 'closed' || hasFollowUpFor(ctx.db, r.id, me.id)
  );
}

function visibleIncident(ctx: Ctx, id: number, op: string): IncidentDb {
  const r = getIncident(ctx.db, id);
  if (!canSee(ctx, r)) throw new AppError('FORBIDDEN', { op });
  return r;
}

function notClosed(r: IncidentDb): void {
  if (r.status === 'closed') throw new AppError('INCIDENT_CLOSED', { id: r.id });
}

/** "2026-11-18T14:30" in the club's time zone → ISO UTC. */
function localToIso(ctx: Ctx, s: string): string {
  return zonedToUtc(s.slice(0, 10), s.slice(11, 16), ctx.settings.timeZone).toISOString();
}

function notInFuture(ctx: Ctx, iso: string, field: string): void {
  if (Date.parse(iso) > ctx.now().getTime() + FUTURE_SLACK_MS)
    throw new AppError('VALIDATION', { issues: [{ path: field, code: 'future' }] });
}

function checkStaff(db: DB, id: number | null, field: string): void {
  if (id === null) return;
  if (!stmt(db, 'SELECT 1 FROM staff WHERE id = ?').get(id))
    throw new AppError('VALIDATION', { issues: [{ path: field, code: 'unknown' }] });
}

/** Card number, name, gender and age (on the day it happened) copied from the member. */
function memberSnapshot(db: DB, memberId: number, occurredIso: string, tz: string) {
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
function nonMember(name: string | undefined, gender: Gender | undefined, age: number | undefined) {
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

const blank = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

function followUpState(f: FollowUpDb, today: string): FollowUpInfo['state'] {
  if (f.done_at) return 'done';
  if (f.due_date === today) return 'due_today';
  return f.due_date < today ? 'overdue' : 'upcoming';
}

function toFollowUp(ctx: Ctx, f: FollowUpDb, full: boolean): FollowUpInfo {
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

function toAttachment(db: DB, a: AttachmentDb): AttachmentInfo {
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

function followUpsOf(db: DB, incidentId: number): FollowUpDb[] {
  return stmt(db, 'SELECT * FROM incident_follow_ups WHERE incident_id = ? ORDER BY due_date, id').all(
    incidentId,
  ) as FollowUpDb[];
}

// ---- the rulebook's steps before closing -------------------------------------------------------

/**
 * Which of the rulebook's steps (domain.md, "Incidents") apply to an incident, as data — the one
 * place that decides it; closing checks it and the manager's checklist shows it:
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
export const INCIDENT_STEP_RULES: Record<
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
const STEP_ORDER = Object.keys(INCIDENT_STEP_RULES) as IncidentStep[];

/** The member's consultant (now), if the incident concerns a member who has one. */
function memberConsultantId(db: DB, r: IncidentDb): number | null {
  if (r.member_id === null) return null;
  const m = stmt(db, 'SELECT consultant_id FROM members WHERE id = ?').get(r.member_id) as
    { consultant_id: number | null } | undefined;
  return m?.consultant_id ?? null;
}

/** A person is concerned: always in an injury or illness (their name is then required), else when given. */
function personConcerned(r: IncidentDb): boolean {
  return r.kind === 'injury' || r.kind === 'illness' || r.member_id !== null || r.member_name !== null;
}

function stepApplies(db: DB, r: IncidentDb, step: IncidentStep): boolean {
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
function stepMissing(db: DB, r: IncidentDb, step: IncidentStep): IncidentReportField[] {
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
      need(
        !stmt(db, 'SELECT 1 FROM incident_follow_ups WHERE incident_id = ? AND done_at IS NULL').get(r.id),
        'followUps',
      );
      break;
    }
  }
  return missing;
}

/** The steps that apply to the incident, in the rulebook's order, each with what it still misses. */
export function incidentSteps(db: DB, r: IncidentDb): IncidentStepCheck[] {
  return STEP_ORDER.filter((step) => stepApplies(db, r, step)).map((step) => ({
    step,
    missing: stepMissing(db, r, step),
  }));
}

/** Every field still missing over the steps that apply; empty: the incident may be closed. */
export function reportMissing(db: DB, r: IncidentDb): IncidentReportField[] {
  return incidentSteps(db, r).flatMap((s) => s.missing);
}

function fullView(ctx: Ctx, r: IncidentDb): IncidentFullView {
  const db = ctx.db;
  const addenda = (
    stmt(db, 'SELECT id, text, at, by FROM incident_addenda WHERE incident_id = ? ORDER BY id').all(r.id) as {
      id: number;
      text: string;
      at: string;
      by: number;
    }[]
  ).map((x) => ({ id: x.id, text: x.text, at: x.at, by: staffRef(db, x.by)! }));
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

function commonView(ctx: Ctx, r: IncidentDb, full: boolean) {
  const db = ctx.db;
  const me = ctx.requireActor();
  const attachments = (
    stmt(
      db,
      `SELECT * FROM incident_attachments WHERE incident_id = ? ${full ? '' : 'AND created_by = ?'} ORDER BY id`,
    ).all(...(full ? [r.id] : [r.id, me.id])) as AttachmentDb[]
  ).map((a) => toAttachment(db, a));
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
    followUps: followUpsOf(db, r.id).map((f) => toFollowUp(ctx, f, full)),
    attachments,
  };
}

/** The record as the caller may see it. */
export function incidentView(ctx: Ctx, r: IncidentDb): IncidentDetail {
  return isManager(ctx) ? fullView(ctx, r) : { ...commonView(ctx, r, false), view: 'desk' };
}

function toRow(ctx: Ctx, r: IncidentDb, pending: FollowUpDb[], full: boolean): IncidentRow {
  const today = ctx.today();
  const row: IncidentRow = {
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
function pendingByIncident(db: DB, ids: number[]): Map<number, FollowUpDb[]> {
  const out = new Map<number, FollowUpDb[]>();
  const rows = stmt(
    db,
    `SELECT * FROM incident_follow_ups
       WHERE done_at IS NULL AND incident_id IN (SELECT value FROM json_each(?)) ORDER BY due_date, id`,
  ).all(JSON.stringify(ids)) as FollowUpDb[];
  for (const f of rows) {
    const list = out.get(f.incident_id) ?? [];
    list.push(f);
    out.set(f.incident_id, list);
  }
  return out;
}

// ---- the review's query ----------------------------------------------------------------------

type Filters = OpParsedArgs<'incidents.exportCsv'>;

/** Every incident matching the filters that the caller may see, newest first. */
function findIncidents(ctx: Ctx, f: Filters): IncidentDb[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const tz = ctx.settings.timeZone;
  const full = isManager(ctx);
  const me = ctx.requireActor();
  if (!full) {
    where.push(
      `(i.opened_by = ? OR i.status <> 'closed' OR EXISTS (SELECT 1 FROM incident_follow_ups f WHERE f.incident_id = i.id AND f.assigned_to = ?))`,
    );
    params.push(me.id, me.id);
  }
  if (f.from && f.to && f.to < f.from) throw new AppError('RANGE_INVALID', { from: f.from, to: f.to });
  if (f.from) {
    where.push('i.occurred_at >= ?');
    params.push(dayBoundsUtc(f.from, tz).from);
  }
  if (f.to) {
    where.push('i.occurred_at < ?');
    params.push(dayBoundsUtc(f.to, tz).to);
  }
  for (const [col, v] of [
    ['kind', f.kind],
    ['status', f.status],
    ['severity', f.severity],
    ['member_id', f.memberId],
  ] as const) {
    if (v !== undefined) {
      where.push(`i.${col} = ?`);
      params.push(v);
    }
  }
  if (f.staffId !== undefined) {
    where.push(
      `(i.opened_by = ? OR i.cs_manager_id = ? OR i.statement_taken_by = ? OR i.hospital_accompanied_by = ? OR i.closed_by = ?
        OR EXISTS (SELECT 1 FROM incident_follow_ups f WHERE f.incident_id = i.id AND (f.assigned_to = ? OR f.done_by = ?)))`,
    );
    for (let i = 0; i < 7; i++) params.push(f.staffId);
  }
  const q = f.q?.trim().toLowerCase();
  if (q) {
    // Non-managers search only what they can see.
    const cols = ['i.what', 'i.place', 'i.member_name', 'i.member_card_no'];
    if (full)
      cols.push(
        'i.harm',
        'i.duty_coach',
        'i.first_aid_by',
        'i.hospital_name',
        'i.member_request',
        'i.handling_opinion',
      );
    const terms = cols.map((c) => `instr(lower(coalesce(${c}, '')), ?) > 0`);
    params.push(...cols.map(() => q));
    if (full) {
      terms.push(
        `EXISTS (SELECT 1 FROM incident_addenda d WHERE d.incident_id = i.id AND instr(lower(d.text), ?) > 0)`,
      );
      params.push(q);
    }
    where.push(`(${terms.join(' OR ')})`);
  }
  if (f.followUps) {
    const cmp = f.followUps === 'due_today' ? '=' : f.followUps === 'overdue' ? '<' : '<=';
    where.push(
      `EXISTS (SELECT 1 FROM incident_follow_ups f WHERE f.incident_id = i.id AND f.done_at IS NULL AND f.due_date ${cmp} ?)`,
    );
    params.push(ctx.today());
  }
  return stmt(
    ctx.db,
    `SELECT i.* FROM incidents i ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.occurred_at DESC, i.id DESC`,
  ).all(...params) as IncidentDb[];
}

function monthsBetween(a: string, b: string): string[] {
  const out: string[] = [];
  let [y, m] = a.split('-').map(Number) as [number, number];
  const [by, bm] = b.split('-').map(Number) as [number, number];
  while ((y < by || (y === by && m <= bm)) && out.length < 600) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function perMonth(ctx: Ctx, rows: IncidentDb[], from?: string, to?: string): IncidentMonth[] {
  const tz = ctx.settings.timeZone;
  const monthOf = rows.map((r) => localDate(new Date(r.occurred_at), tz).slice(0, 7));
  const sorted = [...monthOf].sort();
  const start = from?.slice(0, 7) ?? sorted[0];
  const end = to?.slice(0, 7) ?? sorted[sorted.length - 1];
  if (!start || !end) return [];
  const months = new Map<string, IncidentMonth>();
  const empty = (month: string): IncidentMonth => ({
    month,
    counts: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<IncidentKind, number>,
    total: 0,
  });
  for (const m of monthsBetween(start, end)) months.set(m, empty(m));
  rows.forEach((r, i) => {
    const m = monthOf[i]!;
    const e = months.get(m) ?? empty(m);
    e.counts[r.kind] += 1;
    e.total += 1;
    months.set(m, e);
  });
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

// ---- attachments -----------------------------------------------------------------------------

const MAGIC: Record<AttachmentInfo['mime'], (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

export function attachmentPath(dataDir: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('ATTACHMENT_MISSING');
  return path.join(dataDir, ATTACHMENT_DIR, hash);
}

/** Writes the content under its hash (atomically: a temporary file renamed into place). */
function storeFile(dataDir: string, hash: string, bytes: Buffer): void {
  const file = attachmentPath(dataDir, hash);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

// ---- CSV -------------------------------------------------------------------------------------

const CSV_HEADERS = {
  'zh-CN': [
    '编号',
    '发生时间',
    '地点',
    '类型',
    '严重程度',
    '状态',
    '卡号',
    '姓名',
    '性别',
    '年龄',
    '事件经过',
    '伤情',
    '检查费用',
    '会员诉求',
    '要求赔偿',
    '同意赔偿',
    '处理意见',
    '登记人',
    '登记时间',
    '结案时间',
    '未完成回访',
  ],
  en: [
    'No',
    'Occurred',
    'Place',
    'Kind',
    'Severity',
    'Status',
    'Card no',
    'Name',
    'Gender',
    'Age',
    'What happened',
    'Harm',
    'Examination costs',
    'Member asks',
    'Compensation asked',
    'Compensation agreed',
    'Handling opinion',
    'Opened by',
    'Opened at',
    'Closed at',
    'Follow-ups pending',
  ],
} as const;

/** An instant as club-local "YYYY-MM-DD HH:MM" for the CSV file; no instant, an empty cell. */
const csvDateTime = (iso: string | null, tz: string) => (iso ? localDateTime(iso, tz) : null);

// ---- handlers --------------------------------------------------------------------------------

type UpdateArgs = OpParsedArgs<'incidents.update'>;
type Writable = Omit<IncidentDb, 'id' | 'opened_at' | 'opened_by' | 'closed_at' | 'closed_by' | 'updated_at'>;

const TEXT_FIELDS: [keyof UpdateArgs, keyof Writable][] = [
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
const TIME_FIELDS: [keyof UpdateArgs, keyof Writable][] = [
  ['csManagerToldAt', 'cs_manager_told_at'],
  ['dutyCoachToldAt', 'duty_coach_told_at'],
  ['statementSignedAt', 'statement_signed_at'],
  ['examConfirmedAt', 'exam_confirmed_at'],
  ['consultantToldAt', 'consultant_told_at'],
];
const STAFF_FIELDS: [keyof UpdateArgs, keyof Writable][] = [
  ['csManagerId', 'cs_manager_id'],
  ['statementTakenById', 'statement_taken_by'],
  ['hospitalAccompaniedById', 'hospital_accompanied_by'],
  ['consultantToldById', 'consultant_told_by'],
];
const VALUE_FIELDS: [keyof UpdateArgs, keyof Writable][] = [
  ['kind', 'kind'],
  ['severity', 'severity'],
  ['memberGender', 'member_gender'],
  ['memberAge', 'member_age'],
  ['examinationCostCents', 'examination_cost_cents'],
  ['compensationAskedCents', 'compensation_asked_cents'],
  ['compensationAgreedCents', 'compensation_agreed_cents'],
  ['place', 'place'],
  ['what', 'what'],
];

/** The columns an update changes (validated), from the arguments. */
function changesFrom(ctx: Ctx, r: IncidentDb, a: UpdateArgs): Partial<Writable> {
  const next: Partial<Record<keyof Writable, string | number | null>> = {};
  if (a.occurredAt !== undefined) {
    const iso = localToIso(ctx, a.occurredAt);
    notInFuture(ctx, iso, 'occurredAt');
    next.occurred_at = iso;
  }
  const occurred = (next.occurred_at as string | undefined) ?? r.occurred_at;
  if (a.memberId !== undefined) {
    if (a.memberId === null)
      Object.assign(next, {
        member_id: null,
        member_card_no: null,
        member_name: null,
        member_gender: null,
        member_age: null,
      });
    else Object.assign(next, memberSnapshot(ctx.db, a.memberId, occurred, ctx.settings.timeZone));
  }
  for (const [arg, col] of VALUE_FIELDS) {
    const v = a[arg] as string | number | null | undefined;
    if (v !== undefined) next[col] = v;
  }
  for (const [arg, col] of TEXT_FIELDS) {
    const v = a[arg] as string | null | undefined;
    if (v !== undefined) next[col] = blank(v);
  }
  for (const [arg, col] of TIME_FIELDS) {
    const v = a[arg] as string | null | undefined;
    if (v === undefined) continue;
    const iso = v === null ? null : localToIso(ctx, v);
    if (iso) notInFuture(ctx, iso, String(arg));
    next[col] = iso;
  }
  for (const [arg, col] of STAFF_FIELDS) {
    const v = a[arg] as number | null | undefined;
    if (v === undefined) continue;
    checkStaff(ctx.db, v, String(arg));
    // The step is "the customer-service manager told": someone else recorded there does not count.
    if (arg === 'csManagerId' && v !== null) {
      const role = (stmt(ctx.db, 'SELECT role FROM staff WHERE id = ?').get(v) as { role: Role }).role;
      if (!MANAGERS.includes(role))
        throw new AppError('VALIDATION', { issues: [{ path: 'csManagerId', code: 'not_manager' }] });
    }
    next[col] = v;
  }
  if (a.hospital !== undefined) next.hospital = a.hospital ? 1 : 0;
  // Only what really changes.
  for (const k of Object.keys(next) as (keyof Writable)[]) if (next[k] === r[k]) delete next[k];
  return next as Partial<Writable>;
}

function writeColumns(ctx: Ctx, id: number, cols: Partial<IncidentDb>): void {
  const keys = Object.keys(cols) as (keyof IncidentDb)[];
  stmt(
    ctx.db,
    `UPDATE incidents SET ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  ).run(...keys.map((k) => cols[k] ?? null), ctx.nowIso(), id);
}

export const incidentHandlers = handlers({
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
    const id = Number(
      stmt(
        ctx.db,
        `INSERT INTO incidents (opened_at, opened_by, occurred_at, place, what, kind, severity,
                                  member_id, member_card_no, member_name, member_gender, member_age, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        now,
        me.id,
        occurred,
        a.place,
        a.what,
        a.kind ?? 'other',
        a.severity ?? null,
        person?.member_id ?? null,
        person?.member_card_no ?? null,
        person?.member_name ?? null,
        person?.member_gender ?? null,
        person?.member_age ?? null,
        now,
      ).lastInsertRowid,
    );
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
    const keys = Object.keys(cols) as (keyof Writable)[];
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
    stmt(ctx.db, 'INSERT INTO incident_addenda (incident_id, text, at, by) VALUES (?, ?, ?, ?)').run(
      r.id,
      a.text,
      ctx.nowIso(),
      ctx.requireActor().id,
    );
    ctx.audit({ op: 'incidents.addAddendum', entity: 'incident', entityId: r.id, detail: a.text });
    return fullView(ctx, r);
  },

  'incidents.addFollowUp': (ctx, a) => {
    const r = getIncident(ctx.db, a.id);
    notClosed(r);
    checkStaff(ctx.db, a.assignedToId ?? null, 'assignedToId');
    const fid = Number(
      stmt(
        ctx.db,
        `INSERT INTO incident_follow_ups (incident_id, kind, due_date, assigned_to, note, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        r.id,
        a.kind,
        a.dueDate,
        a.assignedToId ?? null,
        a.note ?? '',
        ctx.nowIso(),
        ctx.requireActor().id,
      ).lastInsertRowid,
    );
    if (r.status === 'open') writeColumns(ctx, r.id, { status: 'follow_up' });
    ctx.audit({
      op: 'incidents.addFollowUp',
      entity: 'incident',
      entityId: r.id,
      after: { followUpId: fid, kind: a.kind, dueDate: a.dueDate, assignedToId: a.assignedToId ?? null },
    });
    return fullView(ctx, getIncident(ctx.db, r.id));
  },

  'incidents.completeFollowUp': (ctx, a) => {
    const f = stmt(ctx.db, 'SELECT * FROM incident_follow_ups WHERE id = ?').get(a.followUpId) as
      FollowUpDb | undefined;
    if (!f) throw new AppError('NOT_FOUND', { entity: 'followUp' });
    const me = ctx.requireActor();
    if (!isManager(ctx) && f.assigned_to !== me.id)
      throw new AppError('FORBIDDEN', { op: 'incidents.completeFollowUp' });
    const r = getIncident(ctx.db, f.incident_id);
    notClosed(r);
    if (f.done_at) throw new AppError('FOLLOW_UP_DONE', { id: f.id });
    stmt(ctx.db, 'UPDATE incident_follow_ups SET done_at = ?, done_by = ?, outcome = ? WHERE id = ?').run(
      ctx.nowIso(),
      me.id,
      blank(a.outcome),
      f.id,
    );
    stmt(ctx.db, 'UPDATE incidents SET updated_at = ? WHERE id = ?').run(ctx.nowIso(), r.id);
    ctx.audit({
      op: 'incidents.completeFollowUp',
      entity: 'incident',
      entityId: r.id,
      after: { followUpId: f.id, kind: f.kind, dueDate: f.due_date },
      detail: blank(a.outcome) ?? undefined,
    });
    return incidentView(ctx, getIncident(ctx.db, r.id));
  },

  /**
   * Non-managers attach only to an incident they opened that is not closed; managers also after
   * closing (dated additions, like addenda). Attachments are never changed or removed.
   */
  'incidents.attach': (ctx, a) => {
    const r = getIncident(ctx.db, a.id);
    const me = ctx.requireActor();
    if (!isManager(ctx)) {
      if (r.opened_by !== me.id) throw new AppError('FORBIDDEN', { op: 'incidents.attach' });
      notClosed(r);
    }
    const bytes = Buffer.from(a.contentBase64, 'base64');
    if (bytes.length > ATTACHMENT_MAX_BYTES)
      throw new AppError('ATTACHMENT_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES });
    if (bytes.length === 0 || !MAGIC[a.mime](bytes))
      throw new AppError('ATTACHMENT_TYPE_INVALID', { mime: a.mime });
    const hash = sha256(bytes);
    storeFile(ctx.dataDir, hash, bytes);
    const name = path.basename(a.name.replace(/\\/g, '/')).trim() || 'attachment';
    const id = Number(
      stmt(
        ctx.db,
        `INSERT INTO incident_attachments (incident_id, original_name, mime, size_bytes, sha256, note, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(r.id, name, a.mime, bytes.length, hash, a.note ?? '', ctx.nowIso(), me.id).lastInsertRowid,
    );
    ctx.audit({
      op: 'incidents.attach',
      entity: 'incident',
      entityId: r.id,
      after: { attachmentId: id, name, mime: a.mime, sizeBytes: bytes.length, sha256: hash },
    });
    const row = stmt(ctx.db, 'SELECT * FROM incident_attachments WHERE id = ?').get(id) as AttachmentDb;
    return toAttachment(ctx.db, row);
  },

  /** Managers open any attachment, others only their own; the content is checked against its hash. */
  'incidents.attachment': (ctx, a) => {
    const at = stmt(ctx.db, 'SELECT * FROM incident_attachments WHERE id = ?').get(a.attachmentId) as
      AttachmentDb | undefined;
    if (!at) throw new AppError('NOT_FOUND', { entity: 'attachment' });
    if (!isManager(ctx) && at.created_by !== ctx.requireActor().id)
      throw new AppError('FORBIDDEN', { op: 'incidents.attachment' });
    const file = attachmentPath(ctx.dataDir, at.sha256);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new AppError('ATTACHMENT_MISSING', { attachmentId: at.id });
    }
    const actual = sha256(bytes);
    if (actual !== at.sha256) {
      const err = new AppError('ATTACHMENT_TAMPERED', {
        attachmentId: at.id,
        incidentId: at.incident_id,
        expected: at.sha256,
        actual,
      });
      // Recorded even though the operation fails.
      err.afterRollback = () =>
        ctx.audit({
          op: 'incidents.attachment',
          entity: 'incident',
          entityId: at.incident_id,
          detail: `ATTACHMENT_TAMPERED attachment ${at.id}: expected ${at.sha256}, found ${actual}`,
        });
      throw err;
    }
    ctx.audit({
      op: 'incidents.attachment',
      entity: 'incident',
      entityId: at.incident_id,
      detail: `opened attachment ${at.id}`,
    });
    return { ...toAttachment(ctx.db, at), dataUrl: `data:${at.mime};base64,${bytes.toString('base64')}` };
  },

  'incidents.get': (ctx, a) => {
    const r = visibleIncident(ctx, a.id, 'incidents.get');
    const view = incidentView(ctx, r);
    ctx.audit({ op: 'incidents.get', entity: 'incident', entityId: r.id, detail: view.view });
    return view;
  },

  'incidents.list': (ctx, a): IncidentList => {
    const full = isManager(ctx);
    const all = findIncidents(ctx, a);
    const pending = pendingByIncident(
      ctx.db,
      all.map((r) => r.id),
    );
    const today = ctx.today();
    const allPending = [...pending.values()].flat();
    const offset = a.offset ?? 0;
    const limit = a.limit ?? 100;
    const list: IncidentList = {
      view: full ? 'full' : 'desk',
      rows: all.slice(offset, offset + limit).map((r) => toRow(ctx, r, pending.get(r.id) ?? [], full)),
      total: all.length,
      followUps: {
        dueToday: allPending.filter((f) => f.due_date === today).length,
        overdue: allPending.filter((f) => f.due_date < today).length,
      },
    };
    if (full) {
      const sum = (pick: (r: IncidentDb) => number | null) => all.reduce((s, r) => s + (pick(r) ?? 0), 0);
      list.totals = {
        examinationCostCents: sum((r) => r.examination_cost_cents),
        compensationAskedCents: sum((r) => r.compensation_asked_cents),
        compensationAgreedCents: sum((r) => r.compensation_agreed_cents),
      };
      list.perMonth = perMonth(ctx, all, a.from, a.to);
    }
    return list;
  },

  'incidents.exportCsv': (ctx, a) => {
    const rows = findIncidents(ctx, a);
    const tz = ctx.settings.timeZone;
    const lang = ctx.settings.language;
    const pending = pendingByIncident(
      ctx.db,
      rows.map((r) => r.id),
    );
    const name = (id: number) => staffRef(ctx.db, id)?.name ?? '';
    const lines: (readonly CsvValue[])[] = [CSV_HEADERS[lang]];
    for (const r of rows) {
      lines.push([
        r.id,
        csvDateTime(r.occurred_at, tz),
        r.place,
        r.kind,
        r.severity,
        r.status,
        r.member_card_no,
        r.member_name,
        r.member_gender,
        r.member_age,
        r.what,
        r.harm,
        csvMoney(r.examination_cost_cents),
        r.member_request,
        csvMoney(r.compensation_asked_cents),
        csvMoney(r.compensation_agreed_cents),
        r.handling_opinion,
        name(r.opened_by),
        csvDateTime(r.opened_at, tz),
        csvDateTime(r.closed_at, tz),
        (pending.get(r.id) ?? []).length,
      ]);
    }
    ctx.audit({
      op: 'incidents.exportCsv',
      entity: 'incidents',
      detail: `${rows.length} incidents ${JSON.stringify(a)}`,
    });
    return {
      filename: `incidents-${ctx.today()}.csv`,
      csv: csvDocument(lines),
      count: rows.length,
    };
  },

  'incidents.report': (ctx, a) => {
    const incident = fullView(ctx, getIncident(ctx.db, a.id));
    const me = ctx.requireActor();
    ctx.audit({ op: 'incidents.report', entity: 'incident', entityId: a.id });
    return {
      clubName: ctx.settings.clubName,
      generatedAt: ctx.nowIso(),
      generatedBy: { id: me.id, name: me.name },
      complete: incident.reportMissing.length === 0,
      missing: incident.reportMissing,
      incident,
    };
  },

  'review.openItems': (ctx) => {
    const full = isManager(ctx);
    const open = stmt(
      ctx.db,
      "SELECT * FROM incidents WHERE status <> 'closed' ORDER BY occurred_at, id",
    ).all() as IncidentDb[];
    const pending = pendingByIncident(
      ctx.db,
      open.map((r) => r.id),
    );
    const today = ctx.today();
    const byId = new Map(open.map((r) => [r.id, r]));
    const followUps: DueFollowUp[] = [...pending.values()]
      .flat()
      .filter((f) => f.due_date <= today)
      .sort((x, y) => x.due_date.localeCompare(y.due_date) || x.id - y.id)
      .map((f) => ({
        ...toFollowUp(ctx, f, full),
        incidentKind: byId.get(f.incident_id)!.kind,
        personName: byId.get(f.incident_id)!.member_name,
      }));
    return {
      incidents: open.map((r) => toRow(ctx, r, pending.get(r.id) ?? [], full)),
      complaints: openComplaints(ctx),
      followUps,
    };
  },
});
