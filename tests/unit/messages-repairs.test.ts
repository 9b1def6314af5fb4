/**
 * The message book and the repair log, on the core's answers with a controllable clock: who may take,
 * read and close a message (and the lowest roles' attempts to get around it), phone numbers masked
 * for those who need not see them; a repair followed reported → requested → fixed / written off with
 * a note, who and when at each step and the cost only from a supervisor; bad input refused with
 * nothing changed; the open items in the handover (as they stood at the end of a window) and the
 * day close; the CSV export.
 */
import { describe, expect, it } from 'vitest';
import { expectError, makeClub, type TestClub } from './helpers';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const auditOf = (club: TestClub, op: string) =>
  club.core.database.prepare('SELECT * FROM audit_log WHERE op = ? ORDER BY id').all(op) as {
    staff_id: number;
    entity_id: string;
    after_json: string | null;
  }[];
const count = (club: TestClub, table: string) =>
  (club.core.database.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

async function staffOf() {
  const club = await makeClub();
  const desk = await club.loginAs('reception', 'Desk Li');
  const desk2 = await club.loginAs('reception', 'Desk Wu');
  const lead = await club.loginAs('shift_lead', 'Lead Chen');
  const bar = await club.loginAs('bar', 'Bar Zhou');
  const consultant = await club.loginAs('consultant', 'Sales Ma');
  // the clock moves by hours here: no idle lock in the way
  await club.call('mgr', 'settings.update', { idleLockMinutes: 240 });
  return { club, desk, desk2, lead, bar, consultant };
}

describe('messages for staff', () => {
  it('reception takes a message; the addressee sees it, with the number, and marks it done', async () => {
    const { club, desk, lead } = await staffOf();
    const m = await club.call(desk.session, 'messages.create', {
      toStaffId: lead.staffId,
      source: 'caller',
      fromName: 'Mr Zhao',
      phone: '138 0013 8000',
      text: 'Call back about locker 12',
    });
    expect(m).toMatchObject({ to: { id: lead.staffId }, phone: '138 0013 8000', doneAt: null });
    const mine = await club.call(lead.session, 'messages.mine', {});
    expect(mine.map((x) => x.id)).toEqual([m.id]);
    expect(mine[0]!.phone).toBe('138 0013 8000');

    club.clock.advance(30 * 60_000);
    const done = await club.call(lead.session, 'messages.markDone', { id: m.id, note: 'called' });
    expect(done).toMatchObject({ doneBy: { id: lead.staffId }, doneNote: 'called' });
    expect(done.doneAt).toBe(club.clock.now().toISOString());
    expect(await club.call(lead.session, 'messages.mine', {})).toEqual([]);
    // once only
    await expectError(club.call(lead.session, 'messages.markDone', { id: m.id }), 'MESSAGE_ALREADY_DONE');
    expect(auditOf(club, 'messages.create')).toHaveLength(1);
    expect(auditOf(club, 'messages.markDone').map((a) => a.staff_id)).toEqual([lead.staffId]);
  });

  it('nobody but the addressee or a manager marks a message done; the lowest roles cannot take one', async () => {
    const { club, desk, desk2, lead, bar, consultant } = await staffOf();
    const m = await club.call(desk.session, 'messages.create', {
      toStaffId: consultant.staffId,
      source: 'visitor',
      fromName: 'Ms Sun',
      phone: '13900001111',
      text: 'Wants a trial class',
    });
    for (const s of [desk.session, desk2.session, lead.session, bar.session])
      await expectError(club.call(s, 'messages.markDone', { id: m.id }), 'FORBIDDEN');
    await expectError(
      club.call(bar.session, 'messages.create', {
        toStaffId: lead.staffId,
        source: 'caller',
        fromName: 'x',
        phone: '',
        text: 'x',
      }),
      'FORBIDDEN',
    );
    expect((await club.call(consultant.session, 'messages.mine', {}))[0]!.doneAt).toBeNull();
    // a manager may close anyone's
    const done = await club.call('mgr', 'messages.markDone', { id: m.id });
    expect(done.doneBy!.id).toBe(club.managerId);
  });

  it('the book: the desk sees every message with the numbers masked, bar and consultants only theirs', async () => {
    const { club, desk, desk2, lead, bar, consultant } = await staffOf();
    const m = await club.call(desk.session, 'messages.create', {
      toStaffId: consultant.staffId,
      source: 'caller',
      fromName: 'Mr Zhao',
      phone: '13800138000',
      text: 'About the renewal',
    });
    const other = await club.call(desk.session, 'messages.create', {
      toStaffId: lead.staffId,
      source: 'caller',
      fromName: 'Supplier',
      phone: '',
      text: 'Delivery tomorrow',
    });
    const seen = async (s: string) => await club.call(s, 'messages.list', { filter: 'all' });
    const byDesk2 = await seen(desk2.session);
    expect(byDesk2.map((x) => x.id).sort()).toEqual([m.id, other.id].sort());
    expect(byDesk2.find((x) => x.id === m.id)!.phone).toBe('138****8000');
    expect((await seen(desk.session)).find((x) => x.id === m.id)!.phone).toBe('138 0013 8000');
    expect((await seen('mgr')).find((x) => x.id === m.id)!.phone).toBe('138 0013 8000');
    expect((await seen(consultant.session)).map((x) => x.id)).toEqual([m.id]);
    expect(await seen(bar.session)).toEqual([]);
    // open / all
    await club.call(consultant.session, 'messages.markDone', { id: m.id });
    expect((await club.call('mgr', 'messages.list', { filter: 'open' })).map((x) => x.id)).toEqual([
      other.id,
    ]);
  });

  it('bad input changes nothing', async () => {
    const { club, desk, lead } = await staffOf();
    const ok = { toStaffId: lead.staffId, source: 'caller', fromName: 'Zhao', phone: '', text: 'x' } as const;
    await expectError(club.call(desk.session, 'messages.create', { ...ok, phone: 'call me' }), 'VALIDATION');
    await expectError(club.call(desk.session, 'messages.create', { ...ok, text: '   ' }), 'VALIDATION');
    await expectError(
      club.call(desk.session, 'messages.create', { ...ok, toStaffId: 999 }),
      'MESSAGE_ADDRESSEE_INVALID',
    );
    await club.call('mgr', 'staff.update', { id: lead.staffId, active: false });
    await expectError(club.call(desk.session, 'messages.create', ok), 'MESSAGE_ADDRESSEE_INVALID');
    await expectError(club.call('mgr', 'messages.markDone', { id: 42 }), 'NOT_FOUND');
    expect(count(club, 'staff_messages')).toBe(0);
  });
});

describe('losses, damage and repairs', () => {
  it('bar staff report, the shift lead follows it to fixed with the cost; reception cannot', async () => {
    const { club, desk, lead, bar } = await staffOf();
    const r = await club.call(bar.session, 'repairs.report', {
      kind: 'damage',
      what: 'Blender jug cracked',
      place: 'Bar',
      urgency: 'urgent',
    });
    expect(r).toMatchObject({ status: 'reported', reportedBy: { id: bar.staffId }, hasPhoto: false });
    // the supervisor sees it at once
    expect((await club.call(lead.session, 'repairs.list', { filter: 'open' })).map((x) => x.id)).toEqual([
      r.id,
    ]);

    // reception (and bar) cannot move it on, close it or set a cost
    for (const s of [desk.session, bar.session]) {
      await expectError(
        club.call(s, 'repairs.step', { id: r.id, to: 'fixed', note: 'ok', costCents: 1 }),
        'FORBIDDEN',
      );
      await expectError(
        club.call(s, 'repairs.step', { id: r.id, to: 'written_off', note: 'gone' }),
        'FORBIDDEN',
      );
      await expectError(club.call(s, 'repairs.exportCsv', { filter: 'all' }), 'FORBIDDEN');
    }
    // a cost on the "requested" step is not a thing
    const raw = await club.raw(lead.session, 'repairs.step', {
      id: r.id,
      to: 'requested',
      note: 'x',
      costCents: 5,
    });
    expect(raw.ok ? null : raw.error.code).toBe('VALIDATION');
    await expectError(
      club.call(lead.session, 'repairs.step', { id: r.id, to: 'fixed', note: '' }),
      'VALIDATION',
    );
    await expectError(
      club.call(lead.session, 'repairs.step', { id: r.id, to: 'fixed', note: 'x', costCents: -1 }),
      'VALIDATION',
    );
    expect((await club.call(lead.session, 'repairs.list', { filter: 'open' }))[0]!.steps).toHaveLength(1);

    club.clock.advance(10 * 60_000);
    await club.call(lead.session, 'repairs.step', { id: r.id, to: 'requested', note: 'Called the supplier' });
    await expectError(
      club.call(lead.session, 'repairs.step', { id: r.id, to: 'requested', note: 'again' }),
      'REPAIR_STEP_INVALID',
    );
    club.clock.advance(60 * 60_000);
    const fixed = await club.call(lead.session, 'repairs.step', {
      id: r.id,
      to: 'fixed',
      note: 'New jug',
      costCents: 8950,
    });
    expect(fixed).toMatchObject({ status: 'fixed', costCents: 8950 });
    expect(fixed.steps.map((s) => [s.status, s.by.id, s.note])).toEqual([
      ['reported', bar.staffId, ''],
      ['requested', lead.staffId, 'Called the supplier'],
      ['fixed', lead.staffId, 'New jug'],
    ]);
    expect(fixed.steps[2]!.at).toBe(club.clock.now().toISOString());
    await expectError(
      club.call('mgr', 'repairs.step', { id: r.id, to: 'written_off', note: 'no' }),
      'REPAIR_CLOSED',
    );
    // costs are the supervisors'
    const seenByDesk = (await club.call(desk.session, 'repairs.list', { filter: 'all' }))[0]!;
    expect(seenByDesk.costCents).toBeNull();
    expect(seenByDesk.steps.every((s) => s.costCents === null)).toBe(true);
    expect(await club.call(desk.session, 'repairs.list', { filter: 'open' })).toEqual([]);
    expect(auditOf(club, 'repairs.step')).toHaveLength(2);
  });

  it('a photo is stored and shown; a file that is not an image is refused and nothing is recorded', async () => {
    const { club, desk } = await staffOf();
    const base = { kind: 'damage', what: 'Shower head broken', place: 'Showers', urgency: 'normal' } as const;
    await expectError(
      club.call(desk.session, 'repairs.report', {
        ...base,
        photo: { mime: 'image/png', contentBase64: Buffer.from('not a png').toString('base64') },
      }),
      'ATTACHMENT_TYPE_INVALID',
    );
    expect(count(club, 'repairs')).toBe(0);
    const r = await club.call(desk.session, 'repairs.report', {
      ...base,
      photo: { mime: 'image/png', contentBase64: PNG },
    });
    expect(r.hasPhoto).toBe(true);
    expect((await club.call(desk.session, 'repairs.photo', { id: r.id })).dataUrl).toBe(
      `data:image/png;base64,${PNG}`,
    );
    const plain = await club.call(desk.session, 'repairs.report', { ...base, what: 'Mat torn' });
    await expectError(club.call(desk.session, 'repairs.photo', { id: plain.id }), 'NOT_FOUND');
  });

  it('lists filter by open and urgency, urgent first; the CSV export is a supervisor’s, audited', async () => {
    const { club, desk, lead } = await staffOf();
    const low = await club.call(desk.session, 'repairs.report', {
      kind: 'loss',
      what: 'Towel missing',
      place: 'Lockers',
      urgency: 'low',
    });
    const urgent = await club.call(desk.session, 'repairs.report', {
      kind: 'repair',
      what: 'Door lock',
      place: 'Studio',
      urgency: 'urgent',
    });
    const off = await club.call(desk.session, 'repairs.report', {
      kind: 'loss',
      what: 'Cue stolen',
      place: 'Billiards',
      urgency: 'normal',
    });
    await club.call(lead.session, 'repairs.step', {
      id: off.id,
      to: 'written_off',
      note: 'Not found',
      costCents: 15000,
    });
    expect((await club.call(desk.session, 'repairs.list', { filter: 'open' })).map((x) => x.id)).toEqual([
      urgent.id,
      low.id,
    ]);
    expect((await club.call(desk.session, 'repairs.list', { filter: 'all' })).map((x) => x.id)).toEqual([
      urgent.id,
      low.id,
      off.id,
    ]);
    expect(
      (await club.call(desk.session, 'repairs.list', { filter: 'all', urgency: 'low' })).map((x) => x.id),
    ).toEqual([low.id]);
    const csv = await club.call(lead.session, 'repairs.exportCsv', { filter: 'all' });
    expect(csv.count).toBe(3);
    const lines = csv.csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Reported by');
    expect(lines.find((l) => l.includes('Cue stolen'))).toMatch(/Written off.*150\.00/);
    expect(auditOf(club, 'repairs.exportCsv')).toHaveLength(1);
  });

  it('bad input changes nothing', async () => {
    const { club, bar } = await staffOf();
    const ok = { kind: 'damage', what: 'x', place: 'Gym', urgency: 'low' } as const;
    for (const bad of [
      { ...ok, what: '' },
      { ...ok, place: ' ' },
      { ...ok, urgency: 'asap' },
      { ...ok, kind: 'theft' },
    ])
      await expectError(club.call(bar.session, 'repairs.report', bad as never), 'VALIDATION');
    await expectError(club.call('mgr', 'repairs.step', { id: 7, to: 'fixed', note: 'x' }), 'NOT_FOUND');
    expect(count(club, 'repairs')).toBe(0);
  });
});

describe('open items in the handover and the day close', () => {
  it('open messages and repairs are listed at opening, in the running book and (until closed) in the day report', async () => {
    const { club, desk, lead } = await staffOf();
    const m = await club.call(desk.session, 'messages.create', {
      toStaffId: lead.staffId,
      source: 'caller',
      fromName: 'Mr Zhao',
      phone: '13800138000',
      text: 'Call back',
    });
    const r = await club.call(desk.session, 'repairs.report', {
      kind: 'damage',
      what: 'Treadmill 3',
      place: 'Gym',
      urgency: 'urgent',
    });
    const opening = await club.call(desk.session, 'shift.opening', {});
    expect(opening.openItems.messages).toEqual([
      { id: m.id, toName: 'Lead Chen', source: 'caller', fromName: 'Mr Zhao', takenAt: m.takenAt },
    ]);
    expect(opening.openItems.repairs.map((x) => [x.id, x.status])).toEqual([[r.id, 'reported']]);

    await club.call(desk.session, 'shift.open', {
      staffIds: [desk.staffId],
      floatCents: 50_000,
      acknowledged: true,
      checked: [],
    });
    club.clock.advance(60_000);
    await club.call(lead.session, 'repairs.step', { id: r.id, to: 'requested', note: 'Technician called' });
    const running = await club.call(desk.session, 'shift.current', {});
    expect(running.book!.openMessages!.map((x) => x.id)).toEqual([m.id]);
    expect(running.book!.openRepairs!.map((x) => [x.id, x.status])).toEqual([[r.id, 'requested']]);

    // later: the message is done and the repair fixed; the day report lists nothing open any more
    club.clock.advance(60_000);
    await club.call(lead.session, 'messages.markDone', { id: m.id });
    await club.call(lead.session, 'repairs.step', {
      id: r.id,
      to: 'fixed',
      note: 'Belt replaced',
      costCents: 1000,
    });
    const day = await club.call(lead.session, 'shift.dayPreview', { day: '2026-11-18' });
    expect(day.book.openMessages).toEqual([]);
    expect(day.book.openRepairs).toEqual([]);
    expect((await club.call(desk.session, 'shift.opening', {})).openItems.repairs).toEqual([]);
  });
});
