/**
 * Bad input at the boundary: for every operation of the contract, wrong types, missing fields,
 * 10 MB strings, SQL-looking strings, negative and huge numbers give a structured error and leave
 * the database exactly as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../electron/core/contract';
import { makeClub, type TestClub } from './helpers';

/** A valid example of every operation's arguments: each test mutates one field of it. */
const EXAMPLES: Record<OpName, Record<string, unknown>> = {
  'system.status': {},
  'system.setup': {
    clubName: 'C',
    timeZone: 'Asia/Shanghai',
    language: 'en',
    staffArriveTime: '09:50',
    openTime: '11:00',
    closeTime: '22:00',
    tagCount: 10,
    manager: { name: 'M', pin: '1234', gender: 'male' },
  },
  'system.createDemo': { language: 'en' },
  'backups.list': {},
  'backups.create': {},
  'backups.restore': { file: 'frontdesk-20261118T020000000Z-manual.sqlite3' },
  'session.staffList': {},
  'session.login': { staffId: 1, pin: '9999' },
  'session.current': {},
  'session.logout': {},
  'session.lock': {},
  'session.changePin': { currentPin: '9999', newPin: '1234' },
  'settings.get': {},
  'settings.update': { closeTime: '21:00', lostTagFeeCents: 1000 },
  'staff.list': { includeInactive: true },
  'staff.create': { name: 'New', role: 'reception', pin: '1234', gender: 'male' },
  'staff.update': { id: 1, name: 'Renamed' },
  'audit.search': { q: 'x', limit: 10, offset: 0 },
  'cardTypes.list': { includeInactive: true },
  'cardTypes.create': { name: 'T', kind: 'time', durationDays: 30, visitCount: null, priceCents: 100 },
  'cardTypes.update': { id: 1, priceCents: 200 },
  'members.search': { q: 'zs', limit: 10 },
  'members.get': { id: 1 },
  'members.create': {
    cardNo: '123456',
    name: 'A',
    gender: 'male',
    phone: null,
    birthDate: null,
    cardTypeId: 1,
    startDate: '2026-11-18',
    expiryDate: null,
    visitsLeft: null,
    consultantId: null,
    notes: '',
  },
  'members.update': { id: 1, name: 'B' },
  'members.freeze': { id: 1, fromDate: '2026-11-20', toDate: '2026-11-30', reason: 'trip' },
  'members.unfreeze': { id: 1 },
  'members.setPhoto': { id: 1, dataUrl: null },
  'members.photo': { id: 1 },
  'members.importPreview': { fileBase64: 'Y2FyZA==', encoding: 'auto' },
  'members.importValidate': { jobId: '0123456789abcdef0123456789abcdef', mapping: { cardNo: 0 } },
  'members.importCommit': { jobId: '0123456789abcdef0123456789abcdef', mapping: { cardNo: 0 } },
  'members.importCancel': { jobId: '0123456789abcdef0123456789abcdef' },
  'members.exportCsv': {},
  'checkin.scan': { ref: { cardNo: '123456' }, tagNumber: 1, scanned: true },
  'checkin.guest': { kind: 'trial', name: 'G', phone: null, gender: 'female', withTag: true },
  'checkin.changeTag': { visitId: 1, tagNumber: 2 },
  'checkin.inside': { filter: 'a' },
  'checkin.checkoutPreview': { tagNumber: 1 },
  'checkin.checkout': { visitId: 1, tagReturned: true },
  'checkin.today': {},
  'checkin.recent': { limit: 10 },
  'tags.board': {},
  'tags.sendToDisinfection': { numbers: [1, 2] },
  'tags.returnFromDisinfection': { numbers: [1] },
  'tags.add': { from: 100, to: 105 },
  'tags.retire': { numbers: [3], reason: 'broken' },
  'tags.restore': { number: 3, reason: 'found' },
  'tags.renumber': { from: 4, to: 400 },
  'tags.setLocker': { number: 5, locker: 'A-05' },
  'bar.items': { includeInactive: true },
  'bar.itemCreate': { name: 'Cola', category: 'Soft drinks', priceCents: 800, notes: '', sort: 1 },
  'bar.itemUpdate': { id: 1, priceCents: 900 },
  'bar.receive': { itemId: 1, quantity: 24, note: 'delivery' },
  'bar.tab': { tagNumber: 1 },
  'bar.sell': { visitId: 1, items: [{ itemId: 1, quantity: 2 }] },
  'bar.correctLine': { lineId: 1, quantity: 1, memberConfirmed: true },
  'bar.void': { lineIds: [1], reason: 'wrong', authorization: { staffId: 1, pin: '9999', reason: 'wrong' } },
  'bar.water': { visitId: 1 },
  'bar.stocktake': { kind: 'daily', counts: [{ itemId: 1, counted: 10, reason: 'count' }] },
  'bar.report': { from: '2026-11-01', to: '2026-11-18' },
  'bar.reportCsv': { from: '2026-11-01', to: '2026-11-18' },
  'bar.orderList': { month: '2026-10' },
  'incidents.open': {
    occurredAt: '2026-11-18T09:30',
    place: 'Gym floor',
    what: 'Slipped near the treadmills',
    kind: 'injury',
    severity: 'minor',
    memberId: 1,
  },
  'incidents.update': {
    id: 1,
    severity: 'moderate',
    harm: 'Bruised knee',
    csManagerToldAt: '2026-11-18T09:35',
    hospital: true,
    examinationCostCents: 12000,
  },
  'incidents.setStatus': { id: 1, status: 'follow_up' },
  'incidents.addAddendum': { id: 1, text: 'The member called back' },
  'incidents.addFollowUp': {
    id: 1,
    kind: 'manager_call',
    dueDate: '2026-11-20',
    assignedToId: 1,
    note: 'call',
  },
  'incidents.completeFollowUp': { followUpId: 1, outcome: 'Recovering' },
  'incidents.attach': {
    id: 1,
    name: 'knee.png',
    mime: 'image/png',
    contentBase64: 'iVBORw0KGgo=',
    note: 'photo',
  },
  'incidents.attachment': { attachmentId: 1 },
  'incidents.get': { id: 1 },
  'incidents.list': { from: '2026-11-01', to: '2026-11-18', kind: 'injury', q: 'slip', limit: 10, offset: 0 },
  'incidents.exportCsv': { from: '2026-11-01', to: '2026-11-18', status: 'open' },
  'incidents.report': { id: 1 },
  'complaints.create': {
    memberId: 1,
    channel: 'in_person',
    what: 'The showers were cold',
    staffInvolved: 'nobody',
    department: 'facilities',
  },
  'complaints.update': { id: 1, findings: 'Boiler fault' },
  'complaints.assign': { id: 1, supervisorName: 'Head of facilities', department: 'facilities' },
  'complaints.resolve': { id: 1, resolution: 'Fixed; apologised', staffAction: 'none' },
  'complaints.escalate': { id: 1, report: 'Written report' },
  'complaints.close': { id: 1 },
  'complaints.addNote': { id: 1, text: 'Called the member' },
  'complaints.list': { from: '2026-11-01', to: '2026-11-18', open: true, q: 'shower', limit: 10, offset: 0 },
  'complaints.get': { id: 1 },
  'review.openItems': {},
  'payments.debts': { memberId: 1 },
  'payments.payDebts': { memberId: 1, parts: [{ method: 'cash', amountCents: 500, tenderedCents: 1000 }] },
  'storedValue.account': { memberId: 1, limit: 10, offset: 0 },
  'storedValue.topup': { memberId: 1, amountCents: 10000, method: 'cash', tenderedCents: 10000 },
  'storedValue.refund': { memberId: 1, amountCents: 100, method: 'cash', reason: 'leaving' },
  'storedValue.adjust': { memberId: 1, amountCents: 100, reason: 'correction' },
  'storedValue.check': { from: '2026-11-11', to: '2026-11-18' },
  'rotation.signIn': { staffId: 1, pin: '9999' },
  'rotation.setState': { staffId: 1, state: 'away', awayKind: 'meal', expectedBack: '12:30', note: 'lunch' },
  'rotation.signOut': { staffId: 1 },
  'rotation.board': {},
  'visitors.register': {
    name: '张丽',
    phone: '13900001111',
    gender: 'female',
    heardFrom: 'friend',
    interests: ['yoga'],
    firstVisit: true,
    metBefore: false,
    metConsultantId: null,
    hasAppointment: false,
    appointmentWithId: null,
    note: 'came with a friend',
  },
  'visitors.page': { visitorId: 1 },
  'visitors.proposeNext': { visitorId: 1 },
  'visitors.tick': {},
  'visitors.accept': { visitorId: 1, staffId: 1, pin: '9999' },
  'visitors.outcome': {
    visitorId: 1,
    outcome: 'joined',
    cardTypeId: 1,
    followUpDate: '2026-11-20',
    note: 'x',
  },
  'visitors.leave': { visitorId: 1, note: 'could not wait' },
  'visitors.get': { id: 1 },
  'visitors.today': {},
  'visitors.list': { from: '2026-11-01', to: '2026-11-18', consultantId: 1 },
  'visitors.dispute': { visitorId: 1, reason: 'my lead', consultant: { staffId: 1, pin: '9999' } },
  'visitors.disputes': { status: 'open' },
  'visitors.decideDispute': { disputeId: 1, decision: 'move', creditToId: 1, note: 'agreed' },
  'appointments.create': {
    consultantId: 1,
    visitorName: 'Wang',
    phone: '13900002222',
    date: '2026-11-19',
    time: '15:00',
    place: 'lobby',
    note: '',
  },
  'appointments.list': { from: '2026-11-01', to: '2026-11-30', phone: '139', consultantId: 1 },
  'appointments.cancel': { id: 1 },
  'inquiries.create': {
    callerName: 'Sun',
    callbackPhone: '13700001111',
    hasAppointment: false,
    appointmentWithId: null,
    topic: 'opening hours',
  },
  'inquiries.list': { day: '2026-11-18', consultantId: 1, open: true },
  'inquiries.assign': { inquiryId: 1 },
  'inquiries.markCalledBack': { inquiryId: 1, note: 'called' },
  'classes.list': { includeInactive: true },
  'classes.create': {
    weekday: 3,
    startTime: '18:30',
    className: 'Yoga',
    room: 'Studio 1',
    instructor: 'Lin',
  },
  'classes.update': { id: 1, startTime: '19:00', active: true },
  'announcements.due': {},
  'announcements.markAnnounced': { slot: 'closing' },
  'announcements.list': { from: '2026-11-11', to: '2026-11-18' },
  'reports.consultants': { month: '2026-11' },
};

const HUGE = 'x'.repeat(10 * 1024 * 1024);
const SQL = "1'; DROP TABLE members; --";

/** Every way one field can be wrong: [label, value, must be refused by validation]. */
function mutations(value: unknown): [string, unknown, boolean][] {
  const out: [string, unknown, boolean][] = [
    ['10 MB string', HUGE, true],
    ['object', { $gt: '' }, true],
    ['array', [1, 2, 3], !Array.isArray(value)],
    ['negative huge', -1e20, true],
    ['huge', 1e20, true],
    ['NaN-like string', 'NaN', typeof value !== 'string'],
    ['SQL', SQL, typeof value !== 'string'],
  ];
  if (typeof value === 'number')
    out.push(['fraction', value + 0.5, true], ['negative', value === 0 ? -1 : -value, true]);
  if (typeof value === 'string') out.push(['number', 42, true]);
  if (typeof value === 'boolean') out.push(['string', 'true', true]);
  return out;
}

/** A fingerprint of everything in the database (row counts + content hash of every table). */
function fingerprint(club: TestClub): string {
  const db = club.core.database;
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  return tables
    .map((t) => {
      const rows = db.prepare(`SELECT * FROM "${t}"`).raw().all();
      return `${t}:${rows.length}:${JSON.stringify(rows).length}:${simpleHash(JSON.stringify(rows))}`;
    })
    .join('|');
}

function simpleHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

describe('bad input at the boundary', () => {
  let club: TestClub;
  beforeAll(async () => {
    club = await makeClub();
    await club.call('mgr', 'cardTypes.create', {
      name: 'Monthly',
      kind: 'time',
      durationDays: 30,
      visitCount: null,
      priceCents: 39900,
    });
    await club.call('mgr', 'members.create', EXAMPLES['members.create'] as never);
  });

  it('has an example for every operation of the contract', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(contract).sort());
  });

  for (const op of Object.keys(EXAMPLES) as OpName[]) {
    it(`${op}: hostile arguments are refused with a structured error and change nothing`, async () => {
      const example = EXAMPLES[op];
      /** Calls and, when the call is refused, checks that nothing changed. */
      const attempt = async (args: unknown) => {
        const before = fingerprint(club);
        const r = await club.raw('mgr', op, args);
        if (!r.ok) {
          expect(r.error.code, `${op} ${JSON.stringify(args).slice(0, 80)}`).not.toBe('INTERNAL');
          expect(fingerprint(club), `${op} refused but changed the database`).toBe(before);
        }
        return r;
      };
      const whole: unknown[] = ['string', 42, [], true, { ...example, unexpectedField: 1 }];
      for (const args of whole) {
        const r = await attempt(args);
        expect(r.ok, `${op} accepted ${JSON.stringify(args).slice(0, 80)}`).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('VALIDATION');
      }
      for (const key of Object.keys(example)) {
        // a missing field: refused when required, harmless when optional
        const { [key]: _drop, ...missing } = example;
        await attempt(missing);
        for (const [label, value, mustRefuse] of mutations(example[key])) {
          const r = await attempt({ ...example, [key]: value });
          // A manager's adjustment of a stored-value balance may be negative (it still cannot overdraw).
          const signedOk = op === 'storedValue.adjust' && key === 'amountCents' && label === 'negative';
          if (mustRefuse && !signedOk) {
            expect(r.ok, `${op}.${key} = ${label} was accepted`).toBe(false);
            if (!r.ok) {
              const allowed =
                op === 'members.importPreview' && key === 'fileBase64'
                  ? ['VALIDATION', 'IMPORT_FILE_INVALID']
                  : ['VALIDATION'];
              expect(allowed, `${op}.${key} = ${label} → ${r.error.code}`).toContain(r.error.code);
            }
          }
        }
      }
      // SQL-looking strings accepted as text were data, never SQL:
      expect(
        club.core.database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'members'").get(),
      ).toEqual({ n: 1 });
      // The manager's session is still usable.
      if (op === 'session.logout' || op === 'session.lock' || op === 'session.login') {
        await club.call('mgr', 'session.login', { staffId: club.managerId, pin: '9999' });
      }
    });
  }
});
