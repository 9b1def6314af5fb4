/**
 * Issue 11, incidents and complaints: every seam tried through Core.call as the lowest role that
 * can reach it.
 *
 * - Closing an incident checks the rulebook's steps for its kind and severity (which apply is one
 *   table, INCIDENT_STEP_RULES); a close with steps missing is refused with the list, and nothing
 *   changes. Only a manager may be recorded as "the customer-service manager told".
 * - A complaint is closed only with the member's desired outcome and what was agreed.
 * - A complaint's deadline (complaintDeadlineDays, 6 by default, stored when it is registered):
 *   upcoming → due (today or tomorrow) → overdue by the club's clock, across club-local midnight;
 *   a change of the setting moves only the deadlines of complaints registered after it.
 * - Reception sees open complaints at shift opening without who complained, their contact, card
 *   number or what it is about — and no operation reception may call gives any of it away.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentFullView, IncidentStep, OpName } from '../../electron/core/contract';
import { allowedOps } from '../../electron/core/permissions';
import { EXAMPLES } from './examples';
import { expectError, makeClub, MANAGER_PIN, type TestClub } from './helpers';

interface Who {
  session: string;
  staffId: number;
}
interface Setup {
  club: TestClub;
  desk: Who;
  cs: Who;
  consultant: Who;
  /** A member whose consultant is `consultant`. */
  withConsultant: number;
  /** A member without a consultant. */
  noConsultant: number;
}

const PINS: Record<string, string> = {};

async function setup(): Promise<Setup> {
  const club = await makeClub();
  const t = await club.call('mgr', 'cardTypes.create', {
    name: 'Year',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 300000,
  });
  const desk = await club.loginAs('reception', 'Desk Li', '2222');
  const cs = await club.loginAs('cs_manager', 'CS Sun', '6666');
  const consultant = await club.loginAs('consultant', 'Consultant Zhang', '4444');
  Object.assign(PINS, { [desk.session]: '2222', [cs.session]: '6666', [consultant.session]: '4444' });
  const member = (cardNo: string, name: string, phone: string, consultantId: number | null) =>
    club.call('mgr', 'members.create', {
      cardNo,
      name,
      gender: 'female',
      phone,
      birthDate: '1988-03-04',
      cardTypeId: t.id,
      startDate: '2026-01-01',
      expiryDate: null,
      visitsLeft: null,
      consultantId,
      notes: '',
    });
  const a = await member('S1001', '王丽', '13800005555', consultant.staffId);
  const b = await member('S1002', '赵敏', '13800006666', null);
  return { club, desk, cs, consultant, withConsultant: a.id, noConsultant: b.id };
}

/** Everyone logs in again after the clock moved (idle counters lock). */
async function relogin(s: Setup) {
  await s.club.call('mgr', 'session.login', { staffId: s.club.managerId, pin: MANAGER_PIN });
  for (const w of [s.desk, s.cs, s.consultant])
    await s.club.call(w.session, 'session.login', { staffId: w.staffId, pin: PINS[w.session]! });
}

function full(v: unknown): IncidentFullView {
  const d = v as IncidentFullView;
  if (d.view !== 'full') throw new Error('expected the full view');
  return d;
}

const row = (club: TestClub, table: string, id: number) =>
  JSON.stringify(club.core.database.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id));

let s: Setup;
beforeEach(async () => {
  s = await setup();
});
afterEach(() => {
  s.club.core.close();
  fs.rmSync(s.club.dataDir, { recursive: true, force: true });
});

describe('incidents: the rulebook steps before closing', () => {
  it('an injury closed with steps missing is refused with the list; nothing changes; done step by step it closes', async () => {
    const inc = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Gym floor',
      what: 'Dropped a dumbbell on her foot',
      kind: 'injury',
      severity: 'moderate',
      memberId: s.withConsultant,
    });
    // reception cannot close at all; the lowest role that can is the customer-service manager
    await expectError(
      s.club.call(s.desk.session, 'incidents.setStatus', { id: inc.id, status: 'closed' }),
      'FORBIDDEN',
    );
    // the written report alone is not enough: the steps are checked too
    await s.club.call(s.cs.session, 'incidents.update', {
      id: inc.id,
      harm: 'Bruised toes',
      memberRequest: 'Nothing',
      handlingOpinion: 'Dumbbell rack moved',
    });
    const before = row(s.club, 'incidents', inc.id);
    const err = await expectError(
      s.club.call(s.cs.session, 'incidents.setStatus', { id: inc.id, status: 'closed' }),
      'INCIDENT_REPORT_INCOMPLETE',
    );
    expect(err).toEqual({
      id: inc.id,
      missing: [
        'csManagerId',
        'csManagerToldAt',
        'dutyCoach',
        'dutyCoachToldAt',
        'firstAidBy',
        'firstAid',
        'statementTakenById',
        'statementSignedAt',
        'noHospitalReason',
        'consultantToldById',
        'consultantToldAt',
      ],
      count: 11,
      steps: [
        'csManagerTold',
        'dutyCoachTold',
        'firstAid',
        'statement',
        'hospitalDecision',
        'consultantTold',
      ],
    });
    expect(row(s.club, 'incidents', inc.id)).toBe(before);

    // step by step: each step done leaves the others on the list
    const steps: [IncidentStep, Record<string, unknown>][] = [
      ['csManagerTold', { csManagerId: s.cs.staffId, csManagerToldAt: '2026-11-18T09:40' }],
      ['dutyCoachTold', { dutyCoach: 'Coach Ma', dutyCoachToldAt: '2026-11-18T09:41' }],
      ['firstAid', { firstAidBy: 'Coach Ma', firstAid: 'Ice pack' }],
      ['statement', { statementTakenById: s.desk.staffId, statementSignedAt: '2026-11-18T09:50' }],
      ['hospitalDecision', { noHospitalReason: 'Bruise only; the member declined' }],
      ['consultantTold', { consultantToldById: s.desk.staffId, consultantToldAt: '2026-11-18T09:55' }],
    ];
    for (const [step, fields] of steps) {
      // one field of a pair is not the step
      const entries = Object.entries(fields);
      if (entries.length > 1) {
        const [k1, v1] = entries[0]!;
        const half = full(await s.club.call(s.cs.session, 'incidents.update', { id: inc.id, [k1]: v1 }));
        expect(half.steps.find((x) => x.step === step)!.missing).toEqual([entries[1]![0]]);
      }
      const done = full(await s.club.call(s.cs.session, 'incidents.update', { id: inc.id, ...fields }));
      expect(done.steps.find((x) => x.step === step)).toEqual({ step, missing: [] });
    }
    const closed = await s.club.call(s.cs.session, 'incidents.setStatus', { id: inc.id, status: 'closed' });
    expect(closed).toMatchObject({
      status: 'closed',
      memberConsultant: { id: s.consultant.staffId, name: 'Consultant Zhang' },
      consultantToldBy: { id: s.desk.staffId },
      noHospitalReason: 'Bruise only; the member declined',
      reportMissing: [],
    });
  });

  it('which steps apply per kind and severity (one table), and what each needs', async () => {
    const cases: {
      kind: 'injury' | 'illness' | 'property' | 'conflict' | 'other';
      severity?: 'minor' | 'moderate' | 'serious';
      member?: number;
      personName?: string;
      steps: IncidentStep[];
    }[] = [
      {
        kind: 'injury',
        member: s.withConsultant,
        steps: [
          'csManagerTold',
          'dutyCoachTold',
          'firstAid',
          'statement',
          'hospitalDecision',
          'consultantTold',
          'writtenReport',
        ],
      },
      {
        kind: 'injury',
        member: s.noConsultant,
        steps: [
          'csManagerTold',
          'dutyCoachTold',
          'firstAid',
          'statement',
          'hospitalDecision',
          'writtenReport',
        ],
      },
      {
        kind: 'illness',
        personName: 'Guest Wu',
        steps: [
          'csManagerTold',
          'dutyCoachTold',
          'firstAid',
          'statement',
          'hospitalDecision',
          'writtenReport',
        ],
      },
      {
        kind: 'illness',
        member: s.withConsultant,
        severity: 'minor',
        steps: [
          'csManagerTold',
          'dutyCoachTold',
          'firstAid',
          'statement',
          'hospitalDecision',
          'consultantTold',
          'writtenReport',
        ],
      },
      { kind: 'property', steps: ['csManagerTold', 'writtenReport'] },
      { kind: 'property', member: s.withConsultant, steps: ['csManagerTold', 'statement', 'writtenReport'] },
      { kind: 'conflict', personName: 'Guest Qian', steps: ['csManagerTold', 'statement', 'writtenReport'] },
      {
        kind: 'conflict',
        severity: 'serious',
        member: s.withConsultant,
        steps: ['csManagerTold', 'statement', 'hospitalDecision', 'writtenReport'],
      },
      { kind: 'other', severity: 'serious', steps: ['csManagerTold', 'writtenReport'] },
      {
        kind: 'other',
        severity: 'minor',
        personName: 'Guest Sun',
        steps: ['csManagerTold', 'statement', 'writtenReport'],
      },
    ];
    for (const c of cases) {
      const inc = await s.club.call(s.desk.session, 'incidents.open', {
        place: 'Somewhere',
        what: `${c.kind} ${c.severity ?? ''}`,
        kind: c.kind,
        ...(c.severity ? { severity: c.severity } : {}),
        ...(c.member ? { memberId: c.member } : {}),
        ...(c.personName ? { personName: c.personName } : {}),
      });
      const v = full(await s.club.call(s.cs.session, 'incidents.get', { id: inc.id }));
      expect(
        v.steps.map((x) => x.step),
        JSON.stringify(c),
      ).toEqual(c.steps);
    }

    // serious, with a person: how badly hurt is part of the written report, whatever the kind
    const fight = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Free weights',
      what: 'A fight over a bench',
      kind: 'conflict',
      personName: 'Guest Zhou',
    });
    const minor = full(
      await s.club.call(s.cs.session, 'incidents.update', { id: fight.id, severity: 'minor' }),
    );
    expect(minor.reportMissing).not.toContain('harm');
    const serious = full(
      await s.club.call(s.cs.session, 'incidents.update', { id: fight.id, severity: 'serious' }),
    );
    expect(serious.reportMissing).toContain('harm');
    expect(serious.steps.find((x) => x.step === 'hospitalDecision')!.missing).toEqual(['noHospitalReason']);

    // the hospital decision: "yes" needs where, the costs and the member's signed confirmation
    const hosp = full(await s.club.call(s.cs.session, 'incidents.update', { id: fight.id, hospital: true }));
    expect(hosp.steps.find((x) => x.step === 'hospitalDecision')!.missing).toEqual([
      'hospitalName',
      'examinationCostCents',
      'examConfirmedAt',
    ]);
    // someone went to hospital after a lost phone? then the hospital step applies too
    const lost = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Locker room',
      what: 'Phone lost; the member fainted from the shock',
      kind: 'property',
      severity: 'minor',
    });
    const lostHosp = full(
      await s.club.call(s.cs.session, 'incidents.update', { id: lost.id, hospital: true }),
    );
    expect(lostHosp.steps.map((x) => x.step)).toContain('hospitalDecision');
  });

  it('"the customer-service manager told" takes a manager only; a flag or a desk colleague does not count', async () => {
    const inc = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Bar',
      what: 'Broken glass',
      kind: 'property',
      severity: 'minor',
    });
    const before = row(s.club, 'incidents', inc.id);
    const err = await expectError(
      s.club.call(s.cs.session, 'incidents.update', {
        id: inc.id,
        csManagerId: s.desk.staffId,
        csManagerToldAt: '2026-11-18T09:40',
      }),
      'VALIDATION',
    );
    expect(err.issues).toEqual([{ path: 'csManagerId', code: 'not_manager' }]);
    expect(row(s.club, 'incidents', inc.id)).toBe(before);
    // no "done" flag exists to send instead of the facts
    const flag = await s.club.raw(s.cs.session, 'incidents.update', { id: inc.id, csManagerTold: true });
    expect(flag.ok ? 'ok' : flag.error.code).toBe('VALIDATION');
    expect(row(s.club, 'incidents', inc.id)).toBe(before);
  });
});

describe('complaints: the close, the deadline, what reception sees', () => {
  async function resolved(who: Who, extra: { desiredOutcome?: string } = {}) {
    const c = await s.club.call(who.session, 'complaints.create', {
      complainantName: 'Mr Complainant Qiu',
      contact: '139 0000 7777',
      channel: 'phone',
      what: 'SECRET-WHAT: the sauna was closed without notice',
      staffInvolved: 'SECRET-STAFF attendant',
      department: 'facilities',
      ...extra,
    });
    await s.club.call(who.session, 'complaints.assign', { id: c.id, supervisorName: 'Facilities head' });
    await s.club.call(who.session, 'complaints.update', {
      id: c.id,
      findings: 'SECRET-FINDINGS heater broke',
    });
    await s.club.call(who.session, 'complaints.resolve', { id: c.id, resolution: 'SECRET-RESOLUTION fixed' });
    return c;
  }

  it('a complaint closed without the desired outcome or without what was agreed is refused; nothing changes', async () => {
    // reception cannot reach the close at all
    await expectError(s.club.call(s.desk.session, 'complaints.close', { id: 1 }), 'FORBIDDEN');
    const c = await resolved(s.cs);
    const before = row(s.club, 'complaints', c.id);
    expect(
      await expectError(
        s.club.call(s.cs.session, 'complaints.close', { id: c.id }),
        'COMPLAINT_OUTCOME_MISSING',
      ),
    ).toEqual({ id: c.id, missing: ['desiredOutcome', 'agreedOutcome'], count: 2 });
    expect(
      await expectError(
        s.club.call(s.cs.session, 'complaints.close', { id: c.id, desiredOutcome: 'A refund' }),
        'COMPLAINT_OUTCOME_MISSING',
      ),
    ).toEqual({ id: c.id, missing: ['agreedOutcome'], count: 1 });
    expect(
      await expectError(
        s.club.call(s.cs.session, 'complaints.close', { id: c.id, agreedOutcome: 'Free month' }),
        'COMPLAINT_OUTCOME_MISSING',
      ),
    ).toEqual({ id: c.id, missing: ['desiredOutcome'], count: 1 });
    // blanks are not an answer
    await expectError(
      s.club.call(s.cs.session, 'complaints.close', { id: c.id, desiredOutcome: '   ', agreedOutcome: 'x' }),
      'VALIDATION',
    );
    await expectError(
      s.club.call(s.cs.session, 'complaints.close', { id: c.id, desiredOutcome: 'x', agreedOutcome: '' }),
      'VALIDATION',
    );
    expect(row(s.club, 'complaints', c.id)).toBe(before);

    const closed = await s.club.call(s.cs.session, 'complaints.close', {
      id: c.id,
      desiredOutcome: 'A refund of the day pass',
      agreedOutcome: 'Day pass refunded; sauna hours posted',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      desiredOutcome: 'A refund of the day pass',
      agreedOutcome: 'Day pass refunded; sauna hours posted',
      deadline: 'met',
    });
    const audit = s.club.core.database
      .prepare("SELECT after_json FROM audit_log WHERE op = 'complaints.close' AND entity_id = ?")
      .get(String(c.id)) as { after_json: string } | undefined;
    expect(audit && JSON.parse(audit.after_json)).toMatchObject({
      desiredOutcome: 'A refund of the day pass',
      agreedOutcome: 'Day pass refunded; sauna hours posted',
    });
  });

  it('the desired outcome taken down at registration counts at the close; what was agreed is still needed', async () => {
    const c = await resolved(s.cs, { desiredOutcome: 'Sauna open as advertised' });
    expect(
      await expectError(
        s.club.call(s.cs.session, 'complaints.close', { id: c.id }),
        'COMPLAINT_OUTCOME_MISSING',
      ),
    ).toMatchObject({ missing: ['agreedOutcome'] });
    const closed = await s.club.call(s.cs.session, 'complaints.close', {
      id: c.id,
      agreedOutcome: 'Hours posted at the desk',
    });
    expect(closed).toMatchObject({
      desiredOutcome: 'Sauna open as advertised',
      agreedOutcome: 'Hours posted at the desk',
    });
  });

  it('due and overdue by the club clock across the 6-day deadline; the setting moves only later complaints', async () => {
    // registered Wednesday 2026-11-18 10:00 club time (Asia/Shanghai)
    const c = await s.club.call(s.cs.session, 'complaints.create', {
      complainantName: 'Ms Deadline',
      channel: 'in_person',
      what: 'Towels ran out',
      department: 'front_desk',
    });
    expect(c).toMatchObject({ dueDate: '2026-11-24', deadline: 'upcoming', daysLeft: 6 });
    const at = async (iso: string) => {
      s.club.clock.set(iso);
      await relogin(s);
      const list = await s.club.call(s.cs.session, 'complaints.list', {});
      const r = list.rows.find((x) => x.id === c.id)!;
      return { state: [r.deadline, r.daysLeft], counts: list.deadlines };
    };
    // club-local days: Sunday 22nd (2 days left), Monday 23rd (due tomorrow), Tuesday 24th (due
    // today, up to 23:59 club time), Wednesday 25th 00:00 club time (overdue)
    expect(await at('2026-11-22T15:59:00Z')).toEqual({
      state: ['upcoming', 2],
      counts: { due: 0, overdue: 0 },
    });
    expect(await at('2026-11-22T16:00:00Z')).toEqual({ state: ['due', 1], counts: { due: 1, overdue: 0 } });
    expect(await at('2026-11-24T15:59:00Z')).toEqual({ state: ['due', 0], counts: { due: 1, overdue: 0 } });
    expect(await at('2026-11-24T16:00:00Z')).toEqual({
      state: ['overdue', -1],
      counts: { due: 0, overdue: 1 },
    });
    // the filters the managers' notice uses
    expect(
      (await s.club.call(s.cs.session, 'complaints.list', { deadline: 'overdue' })).rows.map((r) => r.id),
    ).toEqual([c.id]);
    expect((await s.club.call(s.cs.session, 'complaints.list', { deadline: 'due' })).rows).toEqual([]);
    // on the managers' review (open items)
    const review = await s.club.call(s.cs.session, 'review.openItems', {});
    expect(review.complaints.map((x) => [x.id, x.view, x.deadline])).toEqual([[c.id, 'full', 'overdue']]);

    // reception cannot move the deadline; a manager's change of the setting does not move the
    // deadline of a complaint already taken down (the overdue one stays overdue)
    await expectError(
      s.club.call(s.desk.session, 'settings.update', { complaintDeadlineDays: 60 }),
      'FORBIDDEN',
    );
    await s.club.call('mgr', 'settings.update', { complaintDeadlineDays: 3 });
    const later = await s.club.call(s.cs.session, 'complaints.create', {
      complainantName: 'Mr Later',
      channel: 'phone',
      what: 'Music too loud',
      department: 'group_exercise',
    });
    // registered 2026-11-25 (club time) + 3 days
    expect(later).toMatchObject({ dueDate: '2026-11-28', deadline: 'upcoming', daysLeft: 3 });
    expect((await s.club.call(s.cs.session, 'complaints.get', { id: c.id })).deadline).toBe('overdue');
    await s.club.call('mgr', 'settings.update', { complaintDeadlineDays: 60 });
    expect((await s.club.call(s.cs.session, 'complaints.get', { id: c.id })).dueDate).toBe('2026-11-24');
    await expectError(s.club.call('mgr', 'settings.update', { complaintDeadlineDays: 0 }), 'VALIDATION');

    // closed after the deadline: recorded as closed late
    await s.club.call(s.cs.session, 'complaints.assign', { id: c.id, supervisorName: 'Desk supervisor' });
    await s.club.call(s.cs.session, 'complaints.update', { id: c.id, findings: 'Laundry late' });
    await s.club.call(s.cs.session, 'complaints.resolve', { id: c.id, resolution: 'Second delivery' });
    const closed = await s.club.call(s.cs.session, 'complaints.close', {
      id: c.id,
      desiredOutcome: 'Towels',
      agreedOutcome: 'Spare towels kept at the desk',
    });
    expect(closed).toMatchObject({ deadline: 'missed', daysLeft: null });
    expect((await s.club.call(s.cs.session, 'complaints.list', {})).deadlines).toEqual({
      due: 0,
      overdue: 0,
    });
  });

  it("reception's shift opening lists open complaints without the complainant's phone or private details", async () => {
    const c = await s.club.call(s.cs.session, 'complaints.create', {
      memberId: s.withConsultant,
      contact: '139 0000 7777',
      channel: 'phone',
      what: 'SECRET-WHAT the coach was rude',
      staffInvolved: 'SECRET-STAFF Coach Liu',
      department: 'fitness',
      desiredOutcome: 'SECRET-DESIRED an apology',
    });
    const opening = await s.club.call(s.desk.session, 'shift.opening', {});
    expect(opening.openItems.complaints).toEqual([
      {
        view: 'desk',
        id: c.id,
        status: 'registered',
        registeredAt: c.registeredAt,
        department: 'fitness',
        escalated: false,
        daysOpen: 0,
        dueDate: '2026-11-24',
        daysLeft: 6,
        deadline: 'upcoming',
        complainant: '王*',
      },
    ]);
    const text = JSON.stringify(opening);
    for (const secret of ['王丽', 'S1001', '13800005555', '139 0000 7777', 'SECRET-']) {
      expect(text).not.toContain(secret);
    }
    // a manager opening the shift sees the full row
    const mgr = await s.club.call('mgr', 'shift.opening', {});
    expect(mgr.openItems.complaints[0]).toMatchObject({
      view: 'full',
      complainantName: '王丽',
      cardNo: 'S1001',
    });
  });

  it("reception cannot read a complaint's details through any operation it may call", async () => {
    const a = await resolved(s.cs, { desiredOutcome: 'SECRET-DESIRED refund' });
    await s.club.call(s.cs.session, 'complaints.addNote', { id: a.id, text: 'SECRET-NOTE called back' });
    const b = await s.club.call(s.cs.session, 'complaints.create', {
      complainantName: 'Mr Complainant Qiu',
      contact: '139 0000 7777',
      channel: 'written',
      what: 'SECRET-WHAT second letter',
      department: 'sales',
    });
    await s.club.call(s.cs.session, 'complaints.escalate', { id: b.id, report: 'SECRET-ESCALATION report' });
    const secrets = ['Mr Complainant Qiu', 'Complainant', '139 0000 7777', '13900007777', 'SECRET-'];

    // Every operation reception may call, with the examples' arguments and with each complaint's id.
    // not the session operations: the examples' login would make this counter someone else
    const skip = new Set<OpName>([
      'session.login',
      'session.logout',
      'session.lock',
      'session.changePin',
      'system.createDemo',
    ]);
    const ops = allowedOps('reception').filter((op) => !skip.has(op));
    expect(ops.length).toBeGreaterThan(40);
    let answered = 0;
    for (const op of ops) {
      for (const args of [EXAMPLES[op], { id: a.id }, { id: b.id }, {}]) {
        const r = await s.club.raw(s.desk.session, op, args);
        const text = JSON.stringify(r);
        for (const secret of secrets) expect(text, `${op} ${JSON.stringify(args)}`).not.toContain(secret);
        if (r.ok) answered += 1;
      }
    }
    expect(answered).toBeGreaterThan(20);
    // still reception all along
    const me = await s.club.call(s.desk.session, 'session.current', {});
    expect(me?.staff.role).toBe('reception');
    // and the complaint operations themselves are refused
    for (const op of ['complaints.get', 'complaints.list', 'audit.search'] as const) {
      const r = await s.club.raw(s.desk.session, op, op === 'complaints.get' ? { id: a.id } : {});
      expect(r.ok ? 'ok' : r.error.code, op).toBe('FORBIDDEN');
    }
  });
});
