/**
 * Incidents and complaints, checked on the core's responses: the whole incident life-cycle, closing
 * refused while the written report is incomplete, read-only after closing (addenda still accepted),
 * follow-ups due and overdue by the clock, complaint escalation, who sees what, and attachments whose
 * file was changed on disk.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import type { IncidentFullView, OpArgs, OpResult } from '../../electron/core/contract';
import { expectError, makeClub, MANAGER_PIN, tempDir, type TestClub } from './helpers';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

interface Setup {
  club: TestClub;
  desk: { session: string; staffId: number };
  desk2: { session: string; staffId: number };
  cs: { session: string; staffId: number };
  duty: { session: string; staffId: number };
  consultant: { session: string; staffId: number };
  memberId: number;
}

async function setup(): Promise<Setup> {
  const club = await makeClub();
  const t = await club.call('mgr', 'cardTypes.create', {
    name: 'Year',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 300000,
  });
  const m = await club.call('mgr', 'members.create', {
    cardNo: 'M1001',
    name: '张三',
    gender: 'male',
    phone: '13800001234',
    birthDate: '1990-05-01',
    cardTypeId: t.id,
    startDate: '2026-01-01',
    expiryDate: null,
    visitsLeft: null,
    consultantId: null,
    notes: '',
  });
  return {
    club,
    desk: await club.loginAs('reception', 'Desk Li', '2222'),
    desk2: await club.loginAs('reception', 'Desk Wu', '2223'),
    cs: await club.loginAs('cs_manager', 'CS Sun', '6666'),
    duty: await club.loginAs('duty_manager', 'Duty Zhou', '7777'),
    consultant: await club.loginAs('consultant', 'Consultant Zhang', '4444'),
    memberId: m.id,
  };
}

/** The next day(s): idle counters locked overnight, so everyone logs in again. */
async function advanceDays(s: Setup, days: number) {
  s.club.clock.advance(days * 86_400_000);
  await s.club.call('mgr', 'session.login', { staffId: s.club.managerId, pin: MANAGER_PIN });
  await s.club.call(s.desk.session, 'session.login', { staffId: s.desk.staffId, pin: '2222' });
  await s.club.call(s.desk2.session, 'session.login', { staffId: s.desk2.staffId, pin: '2223' });
  await s.club.call(s.cs.session, 'session.login', { staffId: s.cs.staffId, pin: '6666' });
  await s.club.call(s.duty.session, 'session.login', { staffId: s.duty.staffId, pin: '7777' });
  await s.club.call(s.consultant.session, 'session.login', { staffId: s.consultant.staffId, pin: '4444' });
}

function auditOps(club: TestClub, entityId: number): string[] {
  return (
    club.core.database
      .prepare("SELECT op FROM audit_log WHERE entity = 'incident' AND entity_id = ? ORDER BY id")
      .all(String(entityId)) as { op: string }[]
  ).map((r) => r.op);
}

function full(v: unknown): IncidentFullView {
  const d = v as IncidentFullView;
  if (d.view !== 'full') throw new Error('expected the full view');
  return d;
}

/** Does every step of an injury incident (not to hospital; the member has no consultant). */
async function complete(s: Setup, id: number) {
  return s.club.call(s.cs.session, 'incidents.update', {
    id,
    severity: 'minor',
    harm: 'Grazed left knee',
    csManagerId: s.cs.staffId,
    csManagerToldAt: '2026-11-18T09:42',
    dutyCoach: 'Coach Ma',
    dutyCoachToldAt: '2026-11-18T09:41',
    firstAidBy: 'Coach Ma',
    firstAid: 'Cleaned and dressed',
    statementTakenById: s.desk.staffId,
    statementSignedAt: '2026-11-18T09:50',
    noHospitalReason: 'A graze; the member did not want to go',
    memberRequest: 'Nothing',
    handlingOpinion: 'Mats moved away from the treadmill',
  });
}

describe('incidents', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('the whole life-cycle: opened at the desk, completed, followed up, closed, reported', async () => {
    // Reception opens it in seconds.
    const opened = await s.club.call(s.desk.session, 'incidents.open', {
      occurredAt: '2026-11-18T09:40',
      place: 'Gym floor, treadmills',
      what: 'Slipped on a wet mat and fell',
      kind: 'injury',
      memberId: s.memberId,
    });
    expect(opened).toMatchObject({
      view: 'desk',
      status: 'open',
      kind: 'injury',
      severity: null,
      occurredAt: '2026-11-18T01:40:00.000Z',
      openedAt: '2026-11-18T02:00:00.000Z',
      openedBy: { id: s.desk.staffId, name: 'Desk Li' },
      person: { memberId: s.memberId, cardNo: 'M1001', name: '张三', gender: 'male', age: 36 },
    });
    const id = opened.id;

    // The customer-service manager completes it.
    const told = await s.club.call(s.cs.session, 'incidents.update', {
      id,
      severity: 'moderate',
      harm: 'Swollen ankle, could not walk',
      csManagerId: s.cs.staffId,
      csManagerToldAt: '2026-11-18T09:42',
      dutyCoach: 'Coach Ma',
      dutyCoachToldAt: '2026-11-18T09:41',
      firstAidBy: 'Coach Ma',
      firstAid: 'Ice pack, ankle raised',
      statementTakenById: s.desk.staffId,
      statementSignedAt: '2026-11-18T09:55',
      hospital: true,
      hospitalName: 'City Hospital No. 1',
      hospitalAccompaniedById: s.desk2.staffId,
    });
    expect(told).toMatchObject({
      view: 'full',
      severity: 'moderate',
      csManager: { id: s.cs.staffId, name: 'CS Sun' },
      csManagerToldAt: '2026-11-18T01:42:00.000Z',
      statementTakenBy: { id: s.desk.staffId },
      hospital: true,
      hospitalAccompaniedBy: { id: s.desk2.staffId, name: 'Desk Wu' },
      reportMissing: ['examinationCostCents', 'examConfirmedAt', 'memberRequest', 'handlingOpinion'],
    });

    // A scan of the signed statement.
    const att = await s.club.call(s.cs.session, 'incidents.attach', {
      id,
      name: 'statement.png',
      mime: 'image/png',
      contentBase64: PNG.toString('base64'),
      note: 'signed statement',
    });
    expect(att).toMatchObject({
      incidentId: id,
      name: 'statement.png',
      sizeBytes: PNG.length,
      sha256: crypto.createHash('sha256').update(PNG).digest('hex'),
      createdBy: { id: s.cs.staffId },
    });
    const opened2 = await s.club.call(s.cs.session, 'incidents.attachment', { attachmentId: att.id });
    expect(Buffer.from(opened2.dataUrl.split(',')[1]!, 'base64').equals(PNG)).toBe(true);
    expect(opened2.dataUrl.startsWith('data:image/png;base64,')).toBe(true);

    // After the examination; follow-ups while the member recovers.
    s.club.clock.advance(4 * 3_600_000);
    await s.club.call(s.cs.session, 'session.login', { staffId: s.cs.staffId, pin: '6666' });
    await s.club.call(s.cs.session, 'incidents.update', {
      id,
      examinationCostCents: 35_000,
      examinationResult: 'Sprain, no fracture',
      examConfirmedAt: '2026-11-18T13:30',
      memberRequest: 'Pay the examination',
      compensationAskedCents: 50_000,
    });
    const fu = full(
      await s.club.call(s.cs.session, 'incidents.addFollowUp', {
        id,
        kind: 'consultant_call',
        dueDate: '2026-11-19',
        assignedToId: s.consultant.staffId,
        note: 'ask about the ankle',
      }),
    );
    expect(fu.status).toBe('follow_up');
    await s.club.call(s.cs.session, 'incidents.addFollowUp', {
      id,
      kind: 'manager_call',
      dueDate: '2026-11-20',
    });
    await expectError(
      s.club.call(s.cs.session, 'incidents.setStatus', { id, status: 'closed' }),
      'INCIDENT_REPORT_INCOMPLETE',
    );

    // The consultant does their call (they may: it is assigned to them) and sees no medical details.
    await advanceDays(s, 1);
    expect(fu.followUps).toHaveLength(1);
    const call1 = fu.followUps[0]!;
    const byConsultant = await s.club.call(s.consultant.session, 'incidents.completeFollowUp', {
      followUpId: call1.id,
      outcome: 'Walking again',
    });
    expect(byConsultant.view).toBe('desk');
    expect(JSON.stringify(byConsultant)).not.toContain('Walking again');
    const managerCall = full(await s.club.call(s.cs.session, 'incidents.get', { id })).followUps.find(
      (f) => f.kind === 'manager_call',
    )!;
    await expectError(
      s.club.call(s.consultant.session, 'incidents.completeFollowUp', { followUpId: managerCall.id }),
      'FORBIDDEN',
    );
    await s.club.call(s.cs.session, 'incidents.completeFollowUp', {
      followUpId: managerCall.id,
      outcome: 'Agreed to pay the examination',
    });
    await expectError(
      s.club.call(s.cs.session, 'incidents.completeFollowUp', { followUpId: managerCall.id }),
      'FOLLOW_UP_DONE',
    );

    // Compensation agreed, the club's opinion, then closed.
    const ready = await s.club.call(s.cs.session, 'incidents.update', {
      id,
      compensationAgreedCents: 35_000,
      handlingOpinion: 'Club pays the examination; mats replaced with non-slip ones',
    });
    expect(ready.reportMissing).toEqual([]);
    const closed = await s.club.call(s.cs.session, 'incidents.setStatus', { id, status: 'closed' });
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: s.club.clock.now().toISOString(),
      closedBy: { id: s.cs.staffId },
    });
    expect(closed.followUps.map((f) => [f.kind, f.state, f.outcome])).toEqual([
      ['consultant_call', 'done', 'Walking again'],
      ['manager_call', 'done', 'Agreed to pay the examination'],
    ]);

    // The written report for the store manager.
    const report = await s.club.call('mgr', 'incidents.report', { id });
    expect(report).toMatchObject({
      clubName: 'Test Club',
      complete: true,
      missing: [],
      generatedBy: { id: s.club.managerId },
      incident: {
        person: { cardNo: 'M1001', name: '张三', gender: 'male', age: 36 },
        what: 'Slipped on a wet mat and fell',
        harm: 'Swollen ankle, could not walk',
        examinationCostCents: 35_000,
        handlingOpinion: 'Club pays the examination; mats replaced with non-slip ones',
        memberRequest: 'Pay the examination',
        compensationAskedCents: 50_000,
      },
    });

    // Every step is in the audit log.
    expect(auditOps(s.club, id)).toEqual([
      'incidents.open',
      'incidents.update',
      'incidents.attach',
      'incidents.attachment',
      'incidents.update',
      'incidents.addFollowUp',
      'incidents.addFollowUp',
      'incidents.completeFollowUp',
      'incidents.get',
      'incidents.completeFollowUp',
      'incidents.update',
      'incidents.setStatus',
      'incidents.report',
    ]);
  });

  it('closing is refused with the missing written-report fields listed; nothing changes', async () => {
    const inc = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Cycling studio',
      what: 'Felt dizzy during the class',
      kind: 'illness',
    });
    const err = await expectError(
      s.club.call(s.cs.session, 'incidents.setStatus', { id: inc.id, status: 'closed' }),
      'INCIDENT_REPORT_INCOMPLETE',
    );
    // An illness: every step of the rulebook, in its order, then the written report.
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
        'severity',
        'memberName',
        'memberGender',
        'memberAge',
        'harm',
        'memberRequest',
        'handlingOpinion',
      ],
      count: 16,
      steps: ['csManagerTold', 'dutyCoachTold', 'firstAid', 'statement', 'hospitalDecision', 'writtenReport'],
    });
    // A hospital visit needs the hospital, the costs and the member's signed confirmation.
    await s.club.call(s.cs.session, 'incidents.update', {
      id: inc.id,
      severity: 'serious',
      memberName: 'Guest Wang',
      memberGender: 'female',
      memberAge: 41,
      harm: 'Fainted briefly',
      csManagerId: s.cs.staffId,
      csManagerToldAt: '2026-11-18T09:50',
      dutyCoach: 'Coach Ma',
      dutyCoachToldAt: '2026-11-18T09:45',
      firstAidBy: 'Coach Ma',
      firstAid: 'Recovery position, water',
      statementTakenById: s.desk.staffId,
      statementSignedAt: '2026-11-18T09:55',
      memberRequest: '',
      handlingOpinion: 'Guest went home with family',
      hospital: true,
    });
    const again = await expectError(
      s.club.call(s.cs.session, 'incidents.setStatus', { id: inc.id, status: 'closed' }),
      'INCIDENT_REPORT_INCOMPLETE',
    );
    expect(again.missing).toEqual([
      'hospitalName',
      'examinationCostCents',
      'examConfirmedAt',
      'memberRequest',
    ]);
    // A follow-up not done also keeps it open.
    await s.club.call(s.cs.session, 'incidents.update', {
      id: inc.id,
      hospitalName: 'District Hospital',
      examinationCostCents: 0,
      examConfirmedAt: '2026-11-18T09:58',
      memberRequest: 'Nothing',
    });
    await s.club.call(s.cs.session, 'incidents.addFollowUp', {
      id: inc.id,
      kind: 'visit',
      dueDate: '2026-11-25',
    });
    expect(
      (
        await expectError(
          s.club.call(s.cs.session, 'incidents.setStatus', { id: inc.id, status: 'closed' }),
          'INCIDENT_REPORT_INCOMPLETE',
        )
      ).missing,
    ).toEqual(['followUps']);
    const now = full(await s.club.call(s.cs.session, 'incidents.get', { id: inc.id }));
    expect(now).toMatchObject({ status: 'follow_up', closedAt: null, reportMissing: ['followUps'] });
    // Only managers complete and close.
    await expectError(
      s.club.call(s.desk.session, 'incidents.setStatus', { id: inc.id, status: 'closed' }),
      'FORBIDDEN',
    );
    await expectError(
      s.club.call(s.desk.session, 'incidents.update', { id: inc.id, harm: 'x' }),
      'FORBIDDEN',
    );
  });

  it('a property incident without a person needs the manager told, severity and the handling opinion', async () => {
    const inc = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Locker room',
      what: 'Locker door broken',
      kind: 'property',
      severity: 'minor',
    });
    const err = await expectError(
      s.club.call('mgr', 'incidents.setStatus', { id: inc.id, status: 'closed' }),
      'INCIDENT_REPORT_INCOMPLETE',
    );
    expect(err.missing).toEqual(['csManagerId', 'csManagerToldAt', 'handlingOpinion']);
    expect(err.steps).toEqual(['csManagerTold', 'writtenReport']);
    await s.club.call('mgr', 'incidents.update', {
      id: inc.id,
      csManagerId: s.cs.staffId,
      csManagerToldAt: '2026-11-18T09:30',
      handlingOpinion: 'Repaired by facilities',
    });
    expect((await s.club.call('mgr', 'incidents.setStatus', { id: inc.id, status: 'closed' })).status).toBe(
      'closed',
    );
  });

  it('someone who is not a member: the name (gender, age) shows in the list and the report; hostile values refused', async () => {
    const count = () =>
      (s.club.core.database.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
    const base = { place: 'Bar', what: 'A visitor slipped by the bar', kind: 'injury' } as const;
    const hostile: [Record<string, unknown>, string][] = [
      [{ personName: '' }, 'VALIDATION'],
      [{ personName: '   ' }, 'VALIDATION'],
      [{ personName: 'x'.repeat(101) }, 'VALIDATION'],
      [{ personName: 42 }, 'VALIDATION'],
      [{ personName: ['Guest'] }, 'VALIDATION'],
      [{ personName: 'Guest', personGender: 'unknown' }, 'VALIDATION'],
      [{ personName: 'Guest', personAge: -1 }, 'VALIDATION'],
      [{ personName: 'Guest', personAge: 151 }, 'VALIDATION'],
      [{ personName: 'Guest', personAge: 30.5 }, 'VALIDATION'],
      [{ personName: 'Guest', personAge: '30' }, 'VALIDATION'],
      // gender or age of nobody; a member and a second person
      [{ personGender: 'female' }, 'VALIDATION'],
      [{ personAge: 30 }, 'VALIDATION'],
      [{ memberId: s.memberId, personName: 'Guest' }, 'VALIDATION'],
      [{ memberId: s.memberId, personAge: 30 }, 'VALIDATION'],
    ];
    const before = count();
    for (const [extra, code] of hostile) {
      const err = await expectError(
        s.club.call(s.desk.session, 'incidents.open', { ...base, ...extra }),
        code,
      );
      expect(JSON.stringify(err), JSON.stringify(extra)).toMatch(/person|memberId/);
    }
    expect(count()).toBe(before);

    // Reception opens it with the visitor's name; the desk view shows the name, no card number.
    const inc = await s.club.call(s.desk.session, 'incidents.open', {
      ...base,
      severity: 'minor',
      personName: '  王小姐 (visitor)  ',
      personGender: 'female',
      personAge: 28,
    });
    expect(inc.view).toBe('desk');
    expect(inc.person).toEqual({
      memberId: null,
      cardNo: null,
      name: '王小姐 (visitor)',
      gender: 'female',
      age: 28,
    });
    const deskRow = (await s.club.call(s.desk.session, 'incidents.list', {})).rows.find(
      (r) => r.id === inc.id,
    )!;
    expect(deskRow).toMatchObject({ memberId: null, cardNo: null, personName: '王小姐 (visitor)' });
    // The manager finds it by the name, and the written report carries it.
    const found = await s.club.call(s.cs.session, 'incidents.list', { q: '王小姐' });
    expect(found.rows.map((r) => r.id)).toEqual([inc.id]);
    const report = await s.club.call(s.cs.session, 'incidents.report', { id: inc.id });
    expect(report.incident.person).toEqual({
      memberId: null,
      cardNo: null,
      name: '王小姐 (visitor)',
      gender: 'female',
      age: 28,
    });
    expect(report.missing).not.toContain('memberName');

    // A name alone is enough; gender and age stay unknown.
    const guest = await s.club.call(s.desk.session, 'incidents.open', { ...base, personName: 'Guest Chen' });
    expect(guest.person).toEqual({
      memberId: null,
      cardNo: null,
      name: 'Guest Chen',
      gender: null,
      age: null,
    });
  });

  it('a closed incident refuses every edit; dated addenda are accepted', async () => {
    const inc = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Gym floor',
      what: 'Slipped',
      kind: 'injury',
      memberId: s.memberId,
    });
    await complete(s, inc.id);
    await s.club.call(s.cs.session, 'incidents.setStatus', { id: inc.id, status: 'closed' });
    const before = JSON.stringify(
      s.club.core.database.prepare('SELECT * FROM incidents WHERE id = ?').get(inc.id),
    );
    await expectError(
      s.club.call(s.cs.session, 'incidents.update', { id: inc.id, harm: 'x' }),
      'INCIDENT_CLOSED',
    );
    await expectError(
      s.club.call(s.cs.session, 'incidents.setStatus', { id: inc.id, status: 'open' }),
      'INCIDENT_CLOSED',
    );
    await expectError(
      s.club.call(s.cs.session, 'incidents.addFollowUp', {
        id: inc.id,
        kind: 'visit',
        dueDate: '2026-11-30',
      }),
      'INCIDENT_CLOSED',
    );
    // Reception may not attach to a closed incident, even its own.
    await expectError(
      s.club.call(s.desk.session, 'incidents.attach', {
        id: inc.id,
        name: 'x.png',
        mime: 'image/png',
        contentBase64: PNG.toString('base64'),
      }),
      'INCIDENT_CLOSED',
    );
    expect(
      JSON.stringify(s.club.core.database.prepare('SELECT * FROM incidents WHERE id = ?').get(inc.id)),
    ).toBe(before);

    await advanceDays(s, 2);
    const withAddendum = await s.club.call(s.duty.session, 'incidents.addAddendum', {
      id: inc.id,
      text: 'The member came back to thank the coach.',
    });
    expect(withAddendum.addenda).toEqual([
      {
        id: expect.any(Number),
        text: 'The member came back to thank the coach.',
        at: '2026-11-20T02:00:00.000Z',
        by: { id: s.duty.staffId, name: 'Duty Zhou' },
      },
    ]);
    expect(withAddendum.status).toBe('closed');
    // Addenda themselves are append-only in the schema.
    expect(() => s.club.core.database.prepare("UPDATE incident_addenda SET text = 'x'").run()).toThrow(
      /append-only/,
    );
  });

  it('follow-ups are due today or overdue by the club clock', async () => {
    const a = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Pool side',
      what: 'Cut finger',
      kind: 'injury',
      memberId: s.memberId,
    });
    const b = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Billiards room',
      what: 'Argument between two members',
      kind: 'conflict',
    });
    await s.club.call(s.cs.session, 'incidents.addFollowUp', {
      id: a.id,
      kind: 'consultant_call',
      dueDate: '2026-11-19',
    });
    await s.club.call(s.cs.session, 'incidents.addFollowUp', {
      id: a.id,
      kind: 'manager_call',
      dueDate: '2026-11-21',
    });
    await s.club.call(s.cs.session, 'incidents.addFollowUp', {
      id: b.id,
      kind: 'manager_call',
      dueDate: '2026-11-20',
    });

    const counts = async () => {
      const l = await s.club.call(s.cs.session, 'incidents.list', {});
      return l.followUps;
    };
    const due = async (followUps: 'due_today' | 'overdue' | 'due') =>
      (await s.club.call(s.cs.session, 'incidents.list', { followUps })).rows.map((r) => r.id);

    // Wednesday 18th: nothing due yet.
    expect(await counts()).toEqual({ dueToday: 0, overdue: 0 });
    expect((await s.club.call(s.cs.session, 'review.openItems', {})).followUps).toEqual([]);

    // Thursday 19th: the consultant's call is due today.
    await advanceDays(s, 1);
    expect(await counts()).toEqual({ dueToday: 1, overdue: 0 });
    expect(await due('due_today')).toEqual([a.id]);
    expect(await due('overdue')).toEqual([]);
    const rowA = (await s.club.call(s.cs.session, 'incidents.list', {})).rows.find((r) => r.id === a.id)!;
    expect(rowA).toMatchObject({ nextFollowUpDue: '2026-11-19', followUpsDueToday: 1, followUpsOverdue: 0 });

    // Saturday 21st: two overdue, one due today.
    await advanceDays(s, 2);
    expect(await counts()).toEqual({ dueToday: 1, overdue: 2 });
    expect((await due('overdue')).sort()).toEqual([a.id, b.id].sort());
    expect(await due('due_today')).toEqual([a.id]);
    const open = await s.club.call(s.cs.session, 'review.openItems', {});
    expect(open.followUps.map((f) => [f.incidentId, f.dueDate, f.state])).toEqual([
      [a.id, '2026-11-19', 'overdue'],
      [b.id, '2026-11-20', 'overdue'],
      [a.id, '2026-11-21', 'due_today'],
    ]);

    // Done ones no longer count.
    await s.club.call(s.cs.session, 'incidents.completeFollowUp', { followUpId: open.followUps[0]!.id });
    expect(await counts()).toEqual({ dueToday: 1, overdue: 1 });
    expect(await due('due')).toEqual([b.id, a.id]);
  });

  it('reception sees its own and the open incidents, never medical details, money or addenda', async () => {
    const mine = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Gym floor',
      what: 'Slipped',
      kind: 'injury',
      memberId: s.memberId,
    });
    const othersOpen = await s.club.call(s.desk2.session, 'incidents.open', {
      place: 'Group studio',
      what: 'Twisted a knee in the class',
      kind: 'injury',
    });
    const othersClosed = await s.club.call(s.desk2.session, 'incidents.open', {
      place: 'Car park',
      what: 'Scratched a car',
      kind: 'property',
      severity: 'minor',
    });
    await s.club.call(s.cs.session, 'incidents.update', {
      id: othersClosed.id,
      csManagerId: s.cs.staffId,
      csManagerToldAt: '2026-11-18T09:30',
      handlingOpinion: 'Insurance',
    });
    await s.club.call(s.cs.session, 'incidents.setStatus', { id: othersClosed.id, status: 'closed' });

    // Medical details, money, notes and addenda on the incident reception opened.
    await s.club.call(s.cs.session, 'incidents.update', {
      id: mine.id,
      severity: 'serious',
      harm: 'SECRET-HARM fractured wrist',
      firstAid: 'SECRET-AID splint',
      firstAidBy: 'Coach Ma',
      hospital: true,
      hospitalName: 'SECRET-HOSPITAL',
      examinationCostCents: 98_765,
      examinationResult: 'SECRET-RESULT',
      compensationAskedCents: 54_321,
      compensationAgreedCents: 12_345,
      memberRequest: 'SECRET-REQUEST',
      handlingOpinion: 'SECRET-OPINION',
      csManagerId: s.cs.staffId,
      csManagerToldAt: '2026-11-18T09:55',
      examConfirmedAt: '2026-11-18T09:58',
      memberName: '张三',
    });
    await s.club.call(s.cs.session, 'incidents.addFollowUp', {
      id: mine.id,
      kind: 'manager_call',
      dueDate: '2026-11-18',
      note: 'SECRET-NOTE',
    });
    await s.club.call(s.cs.session, 'incidents.addAddendum', { id: mine.id, text: 'SECRET-ADDENDUM' });
    const mgrPhoto = await s.club.call(s.cs.session, 'incidents.attach', {
      id: mine.id,
      name: 'SECRET-XRAY.png',
      mime: 'image/png',
      contentBase64: PNG.toString('base64'),
    });
    const deskPhoto = await s.club.call(s.desk.session, 'incidents.attach', {
      id: mine.id,
      name: 'floor.png',
      mime: 'image/png',
      contentBase64: PNG.toString('base64'),
    });

    const responses = [
      await s.club.raw(s.desk.session, 'incidents.get', { id: mine.id }),
      await s.club.raw(s.desk.session, 'incidents.get', { id: othersOpen.id }),
      await s.club.raw(s.desk.session, 'incidents.list', {}),
      await s.club.raw(s.desk.session, 'incidents.list', { q: 'SECRET' }),
      await s.club.raw(s.desk.session, 'review.openItems', {}),
      await s.club.raw(s.desk.session, 'incidents.open', { place: 'Desk', what: 'Another one' }),
    ];
    for (const r of responses) {
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const json = JSON.stringify(r);
      expect(json).not.toContain('SECRET');
      for (const n of ['98765', '54321', '12345', '987.65']) expect(json).not.toContain(n);
      for (const key of ['harm', 'hospital', 'examination', 'compensation', 'addenda', 'firstAid', 'outcome'])
        expect(json).not.toMatch(new RegExp(`"${key}\\w*"`));
    }
    const mineView = await s.club.call(s.desk.session, 'incidents.get', { id: mine.id });
    expect(mineView.view).toBe('desk');
    expect(Object.keys(mineView)).not.toContain('harm');
    expect(mineView.attachments.map((x) => x.id)).toEqual([deskPhoto.id]);
    expect(mineView.followUps).toHaveLength(1);

    // The list: its own (even closed ones) and every open one, without totals or the chart.
    const deskList = await s.club.call(s.desk.session, 'incidents.list', {});
    expect(deskList.view).toBe('desk');
    expect(deskList.rows.map((r) => r.id).sort()).toEqual([mine.id, othersOpen.id, mine.id + 3].sort());
    expect(deskList.totals).toBeUndefined();
    expect(deskList.perMonth).toBeUndefined();
    // Someone else's closed incident: not listed, not readable.
    await expectError(s.club.call(s.desk.session, 'incidents.get', { id: othersClosed.id }), 'FORBIDDEN');
    expect((await s.club.call(s.desk2.session, 'incidents.get', { id: othersClosed.id })).view).toBe('desk');
    // Attachments: only its own.
    await expectError(
      s.club.call(s.desk.session, 'incidents.attachment', { attachmentId: mgrPhoto.id }),
      'FORBIDDEN',
    );
    expect(
      (await s.club.call(s.desk.session, 'incidents.attachment', { attachmentId: deskPhoto.id })).name,
    ).toBe('floor.png');
    // Manager-only operations.
    await expectError(s.club.call(s.desk.session, 'incidents.exportCsv', {}), 'FORBIDDEN');
    await expectError(s.club.call(s.desk.session, 'incidents.report', { id: mine.id }), 'FORBIDDEN');
    await expectError(
      s.club.call(s.desk.session, 'incidents.addAddendum', { id: mine.id, text: 'x' }),
      'FORBIDDEN',
    );
    await expectError(s.club.call(s.desk.session, 'complaints.list', {}), 'FORBIDDEN');

    // The same calls as a manager carry everything: the checks above can fail.
    const m = full(await s.club.call(s.cs.session, 'incidents.get', { id: mine.id }));
    expect(m).toMatchObject({
      harm: 'SECRET-HARM fractured wrist',
      hospitalName: 'SECRET-HOSPITAL',
      examinationCostCents: 98_765,
      addenda: [{ text: 'SECRET-ADDENDUM' }],
    });
    expect(m.attachments).toHaveLength(2);
    expect(m.followUps[0]!.note).toBe('SECRET-NOTE');
    const mList = await s.club.call(s.cs.session, 'incidents.list', {});
    expect(mList.rows).toHaveLength(4);
    expect(mList.totals).toEqual({
      examinationCostCents: 98_765,
      compensationAskedCents: 54_321,
      compensationAgreedCents: 12_345,
    });

    // Every opening of the details by a manager is audited (with who and when).
    const opens = s.club.core.database
      .prepare(
        "SELECT staff_id, at, detail FROM audit_log WHERE op = 'incidents.get' AND entity_id = ? ORDER BY id",
      )
      .all(String(mine.id));
    expect(opens).toEqual([
      { staff_id: s.desk.staffId, at: '2026-11-18T02:00:00.000Z', detail: 'desk' },
      { staff_id: s.desk.staffId, at: '2026-11-18T02:00:00.000Z', detail: 'desk' },
      { staff_id: s.cs.staffId, at: '2026-11-18T02:00:00.000Z', detail: 'full' },
    ]);
  });

  it('an attachment whose file was changed on disk is detected and refused', async () => {
    const inc = await s.club.call(s.desk.session, 'incidents.open', {
      place: 'Desk',
      what: 'Lost wallet',
      kind: 'property',
    });
    const att = await s.club.call(s.desk.session, 'incidents.attach', {
      id: inc.id,
      name: 'C:\\Users\\desk\\wallet.png',
      mime: 'image/png',
      contentBase64: PNG.toString('base64'),
    });
    expect(att.name).toBe('wallet.png');
    const file = path.join(s.club.dataDir, 'attachments', att.sha256);
    expect(fs.readFileSync(file).equals(PNG)).toBe(true);
    expect((await s.club.call('mgr', 'incidents.attachment', { attachmentId: att.id })).sha256).toBe(
      att.sha256,
    );

    // Someone edits the file in the data folder.
    const tampered = Buffer.concat([PNG, Buffer.from('edited')]);
    fs.writeFileSync(file, tampered);
    const err = await expectError(
      s.club.call('mgr', 'incidents.attachment', { attachmentId: att.id }),
      'ATTACHMENT_TAMPERED',
    );
    expect(err).toEqual({
      attachmentId: att.id,
      incidentId: inc.id,
      expected: att.sha256,
      actual: crypto.createHash('sha256').update(tampered).digest('hex'),
    });
    // The detection is recorded even though the call failed.
    const audit = s.club.core.database
      .prepare("SELECT detail FROM audit_log WHERE op = 'incidents.attachment' ORDER BY id DESC LIMIT 1")
      .get() as { detail: string };
    expect(audit.detail).toMatch(/^ATTACHMENT_TAMPERED/);

    // A missing file is reported as such.
    fs.rmSync(file);
    await expectError(
      s.club.call('mgr', 'incidents.attachment', { attachmentId: att.id }),
      'ATTACHMENT_MISSING',
    );

    // Only photos and PDFs, checked by content; at most 5 MB.
    await expectError(
      s.club.call(s.desk.session, 'incidents.attach', {
        id: inc.id,
        name: 'evil.png',
        mime: 'image/png',
        contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
      }),
      'ATTACHMENT_TYPE_INVALID',
    );
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024)]);
    expect(
      await expectError(
        s.club.call('mgr', 'incidents.attach', {
          id: inc.id,
          name: 'scan.pdf',
          mime: 'application/pdf',
          contentBase64: big.toString('base64'),
        }),
        'ATTACHMENT_TOO_LARGE',
      ),
    ).toEqual({ maxBytes: 5 * 1024 * 1024 });
    // Someone else's incident: reception cannot attach to it.
    const other = await s.club.call(s.desk2.session, 'incidents.open', {
      place: 'Bar',
      what: 'Spilled drink',
    });
    await expectError(
      s.club.call(s.desk.session, 'incidents.attach', {
        id: other.id,
        name: 'x.png',
        mime: 'image/png',
        contentBase64: PNG.toString('base64'),
      }),
      'FORBIDDEN',
    );
  });

  it('the review: filters, search, totals, the chart per month and kind, CSV for managers (audited)', async () => {
    const open = (o: { occurredAt: string; kind: 'injury' | 'illness' | 'property'; what: string }) =>
      s.club.call(s.desk.session, 'incidents.open', { place: 'Gym', ...o });
    const a = await open({
      occurredAt: '2026-09-03T10:00',
      kind: 'injury',
      what: 'Dropped a weight on a foot',
    });
    const b = await open({ occurredAt: '2026-10-12T18:00', kind: 'illness', what: '=HYPERLINK("http://x")' });
    const c = await open({ occurredAt: '2026-10-20T19:00', kind: 'injury', what: 'Pulled a muscle' });
    await s.club.call(s.cs.session, 'incidents.update', {
      id: a.id,
      examinationCostCents: 10_000,
      compensationAgreedCents: 5_000,
      severity: 'serious',
      memberId: s.memberId,
    });
    await s.club.call(s.cs.session, 'incidents.update', { id: c.id, examinationCostCents: 2_500 });
    await expectError(
      s.club.call(s.cs.session, 'incidents.open', {
        occurredAt: '2026-11-19T10:00',
        place: 'x',
        what: 'future',
      }),
      'VALIDATION',
    );

    const list = await s.club.call(s.cs.session, 'incidents.list', { from: '2026-09-01', to: '2026-11-30' });
    expect(list.rows.map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(list.totals).toEqual({
      examinationCostCents: 12_500,
      compensationAskedCents: 0,
      compensationAgreedCents: 5_000,
    });
    expect(list.perMonth!.map((m) => [m.month, m.counts.injury, m.counts.illness, m.total])).toEqual([
      ['2026-09', 1, 0, 1],
      ['2026-10', 1, 1, 2],
      ['2026-11', 0, 0, 0],
    ]);
    const ids = async (args: OpArgs<'incidents.list'>) =>
      (await s.club.call(s.cs.session, 'incidents.list', args)).rows.map((r) => r.id);
    expect(await ids({ kind: 'injury' })).toEqual([c.id, a.id]);
    expect(await ids({ from: '2026-10-01', to: '2026-10-31' })).toEqual([c.id, b.id]);
    expect(await ids({ severity: 'serious' })).toEqual([a.id]);
    expect(await ids({ memberId: s.memberId })).toEqual([a.id]);
    expect(await ids({ q: 'MUSCLE' })).toEqual([c.id]);
    expect(await ids({ q: '张三' })).toEqual([a.id]);
    expect(await ids({ staffId: s.desk.staffId })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ staffId: s.duty.staffId })).toEqual([]);
    expect(await ids({ limit: 1, offset: 1 })).toEqual([b.id]);
    await expectError(
      s.club.call(s.cs.session, 'incidents.list', { from: '2026-11-01', to: '2026-10-01' }),
      'RANGE_INVALID',
    );

    const csv = await s.club.call(s.cs.session, 'incidents.exportCsv', {
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(csv.count).toBe(2);
    expect(csv.filename).toBe('incidents-2026-11-18.csv');
    const lines = csv.csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^No,Occurred,Place,Kind/);
    expect(lines[1]).toContain('2026-10-20 19:00');
    // A formula in the text is neutralised.
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(
      s.club.core.database
        .prepare("SELECT count(*) AS n FROM audit_log WHERE op = 'incidents.exportCsv'")
        .get(),
    ).toEqual({ n: 1 });
  });
});

describe('complaints', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('follows the steps: registered → assigned → investigated → resolved → closed', async () => {
    const c = await s.club.call(s.duty.session, 'complaints.create', {
      memberId: s.memberId,
      channel: 'in_person',
      what: 'The towel service was rude',
      staffInvolved: 'Towel desk, evening shift',
      department: 'front_desk',
    });
    expect(c).toMatchObject({
      status: 'registered',
      complainantName: '张三',
      cardNo: 'M1001',
      open: true,
      resolvedSameDay: null,
      daysOpen: 0,
      registeredBy: { id: s.duty.staffId },
    });
    await expectError(
      s.club.call(s.duty.session, 'complaints.resolve', { id: c.id, resolution: 'x' }),
      'COMPLAINT_STEP_INVALID',
    );
    await expectError(
      s.club.call(s.duty.session, 'complaints.update', { id: c.id, findings: 'x' }),
      'COMPLAINT_STEP_INVALID',
    );
    const assigned = await s.club.call(s.duty.session, 'complaints.assign', {
      id: c.id,
      supervisorName: 'Front desk supervisor Chen',
    });
    expect(assigned.status).toBe('assigned');
    const investigated = await s.club.call(s.duty.session, 'complaints.update', {
      id: c.id,
      findings: 'The attendant was short with the member after a long queue',
    });
    expect(investigated.status).toBe('investigated');
    const resolved = await s.club.call(s.duty.session, 'complaints.resolve', {
      id: c.id,
      resolution: 'Apology and a free drink',
      staffAction: 'Verbal warning',
    });
    expect(resolved).toMatchObject({ status: 'resolved', open: false, resolvedSameDay: true, daysOpen: 0 });
    const closed = await s.club.call(s.duty.session, 'complaints.close', {
      id: c.id,
      desiredOutcome: 'An apology',
      agreedOutcome: 'Apology in person and a free drink',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      reportedBy: { id: s.duty.staffId },
      desiredOutcome: 'An apology',
      agreedOutcome: 'Apology in person and a free drink',
      deadline: 'met',
      daysLeft: null,
    });
    await expectError(
      s.club.call(s.duty.session, 'complaints.update', { id: c.id, what: 'changed' }),
      'COMPLAINT_CLOSED',
    );
    // Follow-up notes are still accepted.
    expect(
      (await s.club.call(s.duty.session, 'complaints.addNote', { id: c.id, text: 'Member satisfied' })).notes,
    ).toHaveLength(1);
    // Reception cannot register or read complaints.
    await expectError(
      s.club.call(s.desk.session, 'complaints.create', {
        complainantName: 'X',
        channel: 'phone',
        what: 'x',
        department: 'bar',
      }),
      'FORBIDDEN',
    );
  });

  it('one not resolved the same day stays open and shows at every shift opening; escalation goes to the store manager', async () => {
    const c = await s.club.call(s.duty.session, 'complaints.create', {
      complainantName: 'Mr Li (guest)',
      contact: '139 0000 1111',
      channel: 'phone',
      what: 'Charged twice for a class pack',
      department: 'sales',
    });
    await s.club.call(s.duty.session, 'complaints.assign', { id: c.id, supervisorName: 'Sales lead Wang' });

    await advanceDays(s, 1);
    const atOpening = await s.club.call(s.desk.session, 'review.openItems', {});
    expect(atOpening.complaints.map((x) => [x.id, x.status, x.daysOpen, x.view])).toEqual([
      [c.id, 'assigned', 1, 'desk'],
    ]);
    expect(
      (await s.club.call(s.duty.session, 'complaints.list', { open: true })).rows.map((r) => r.id),
    ).toEqual([c.id]);
    await s.club.call(s.duty.session, 'complaints.addNote', { id: c.id, text: 'Called back, bank checking' });

    // Beyond the duty manager's authority: escalated with a written report.
    const esc = await s.club.call(s.duty.session, 'complaints.escalate', {
      id: c.id,
      report: 'Refund above the duty manager limit; member threatens to cancel.',
    });
    expect(esc).toMatchObject({
      status: 'escalated',
      escalated: true,
      escalatedBy: { id: s.duty.staffId },
      escalationReport: 'Refund above the duty manager limit; member threatens to cancel.',
      open: true,
    });
    await expectError(
      s.club.call(s.duty.session, 'complaints.escalate', { id: c.id, report: 'again' }),
      'COMPLAINT_STEP_INVALID',
    );
    // Only the store manager resolves it now.
    await expectError(
      s.club.call(s.duty.session, 'complaints.resolve', { id: c.id, resolution: 'Refund' }),
      'COMPLAINT_ESCALATED',
    );
    await expectError(
      s.club.call(s.cs.session, 'complaints.resolve', { id: c.id, resolution: 'Refund' }),
      'COMPLAINT_ESCALATED',
    );
    await advanceDays(s, 1);
    const resolved = await s.club.call('mgr', 'complaints.resolve', {
      id: c.id,
      resolution: 'Full refund of the second charge',
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedBy: { id: s.club.managerId },
      resolvedSameDay: false,
      daysOpen: 2,
      open: false,
    });
    expect((await s.club.call(s.desk.session, 'review.openItems', {})).complaints).toEqual([]);
    const detail = await s.club.call('mgr', 'complaints.get', { id: c.id });
    expect(detail.notes.map((n) => n.text)).toEqual(['Called back, bank checking']);
    expect(
      (
        s.club.core.database
          .prepare("SELECT op FROM audit_log WHERE entity = 'complaint' ORDER BY id")
          .all() as { op: string }[]
      ).map((r) => r.op),
    ).toEqual([
      'complaints.create',
      'complaints.assign',
      'complaints.addNote',
      'complaints.escalate',
      'complaints.resolve',
    ]);
    const list = await s.club.call('mgr', 'complaints.list', { q: 'class pack' });
    expect(list).toMatchObject({ total: 1, openCount: 0 });
  });
});

describe('demo club', () => {
  it('has an incident log and complaints to review, consistent with the rules', async () => {
    const dir = tempDir('demo-inc');
    const clock = new ManualClock('2026-11-25T03:00:00Z');
    const core = await Core.open({ dataDir: dir, clock, dailyBackup: false });
    const r = await core.call('x', 'system.createDemo', { language: 'en' });
    expect(r.ok).toBe(true);
    const staff = (await core.call('x', 'session.staffList', {})) as {
      ok: true;
      data: { id: number; role: string }[];
    };
    const cs = staff.data.find((s) => s.role === 'cs_manager')!;
    await core.call('cs', 'session.login', { staffId: cs.id, pin: '6001' });
    const list = await core.call('cs', 'incidents.list', {});
    if (!list.ok) throw new Error(JSON.stringify(list));
    const l = list.data as OpResult<'incidents.list'>;
    expect(l.total).toBe(4);
    expect(l.followUps).toEqual({ dueToday: 1, overdue: 1 });
    expect(l.totals!.examinationCostCents).toBe(38_000);
    for (const row of l.rows) {
      const d = await core.call('cs', 'incidents.get', { id: row.id });
      if (!d.ok) throw new Error(JSON.stringify(d));
      const v = full(d.data);
      if (v.status === 'closed') expect(v.reportMissing).toEqual([]);
    }
    const open = await core.call('cs', 'review.openItems', {});
    if (!open.ok) throw new Error(JSON.stringify(open));
    const o = open.data as OpResult<'review.openItems'>;
    expect(o.incidents).toHaveLength(2);
    expect(o.complaints.map((c) => c.status).sort()).toEqual(['assigned', 'escalated']);
    expect(o.followUps).toHaveLength(2);
    core.close();
  });
});
