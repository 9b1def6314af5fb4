/**
 * A demo club for trying the app and for the end-to-end tests: 320 members with Chinese and Latin
 * names across every membership state, 60 key tags, staff of every role with known PINs, and some
 * visits today. Deterministic (seeded), so the README can list what is in it. Its people are in
 * demoNames.ts, the bar in demoBar.ts, incidents and complaints in demoIncidents.ts, its SQL in
 * demoQueries.ts.
 */
import type { Language } from '../../contract/types';
import type { DB } from '../../db/database';
import { writeAudit } from '../../kernel/ctx';
import { addDays, daysBetween, localDate } from '../../../shared/dates';
import { insertMember, recordMissingInitialEntitlements } from '../members';
import { writeSettings } from '../settings';
import { insertStaff } from '../staff';
import { seedTags } from '../tags';
import { seedDemoBar } from './demoBar';
import { seedDemoIncidents } from './demoIncidents';
import { DEMO_STAFF, FIRST_EN, GIVEN, LAST_EN, rng, SURNAMES } from './demoNames';
import * as q from './demoQueries';
import type { DemoResult } from './types';

type Kind =
  | 'active'
  | 'expiring'
  | 'expired'
  | 'not_started'
  | 'frozen'
  | 'no_visits'
  | 'few_visits'
  | 'deactivated'
  | 'birthday'
  | 'unpaid';

export function createDemoClub(
  db: DB,
  opts: { language: Language; now: Date; members?: number },
): DemoResult {
  const now = opts.now;
  const nowIso = now.toISOString();
  const tz = 'Asia/Shanghai';
  const en = opts.language === 'en';
  writeSettings(db, {
    clubName: en ? 'Riverside Fitness Club' : '江畔健身会所',
    timeZone: tz,
    language: opts.language,
    staffArriveTime: '09:50',
    openTime: '11:00',
    closeTime: '22:00',
  });
  const staffIds = DEMO_STAFF.map((s) => insertStaff(db, s, nowIso).id);
  const consultants = DEMO_STAFF.map((s, i) => (s.role === 'consultant' ? staffIds[i]! : 0)).filter((x) => x);
  const receptionId = staffIds[4]!;
  seedTags(db, 60, nowIso);

  const types = (
    [
      { name: en ? 'Monthly' : '月卡', kind: 'time', days: 30, visits: null, price: 39_900 },
      { name: en ? 'Quarterly' : '季卡', kind: 'time', days: 90, visits: null, price: 99_900 },
      { name: en ? 'Annual' : '年卡', kind: 'time', days: 365, visits: null, price: 299_900 },
      { name: en ? '20-visit pass' : '20次卡', kind: 'visits', days: null, visits: 20, price: 80_000 },
      { name: en ? '10-visit pass' : '10次卡', kind: 'visits', days: null, visits: 10, price: 45_000 },
    ] as const
  ).map((t) => ({ ...t, id: q.insertCardType(db, t, nowIso) }));

  const today = localDate(now, tz);
  const rand = rng(20261122);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const plan: Kind[] = [];
  const counts: [Kind, number][] = [
    ['expiring', 12],
    ['expired', 30],
    ['not_started', 8],
    ['frozen', 10],
    ['no_visits', 8],
    ['few_visits', 10],
    ['deactivated', 6],
    ['birthday', 3],
    ['unpaid', 3],
  ];
  for (const [k, n] of counts) for (let i = 0; i < n; i++) plan.push(k);
  const total = Math.max(opts.members ?? 320, plan.length + 10);
  while (plan.length < total) plan.push('active');

  const cardNos = new Set<string>();
  const memberIds: { id: number; kind: Kind; gender: 'male' | 'female' }[] = [];
  plan.forEach((kind, i) => {
    const latin = i % 6 === 5;
    const gender: 'male' | 'female' = rand() < 0.5 ? 'male' : 'female';
    const name = latin ? `${pick(FIRST_EN)} ${pick(LAST_EN)}` : `${pick([...SURNAMES])}${pick(GIVEN)}`;
    let cardNo: string;
    do cardNo = String(100000 + Math.floor(rand() * 900000));
    while (cardNos.has(cardNo));
    cardNos.add(cardNo);
    const phone = `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;
    const byear = 1965 + Math.floor(rand() * 40);
    let birthDate = `${byear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    if (kind === 'birthday') birthDate = `${byear}${today.slice(4)}`;
    const visitsType = kind === 'no_visits' || kind === 'few_visits' || (kind === 'active' && i % 7 === 0);
    const type = visitsType
      ? pick(types.filter((t) => t.kind === 'visits'))
      : pick(types.filter((t) => t.kind === 'time'));
    let startDate = addDays(today, -Math.floor(rand() * 200) - 1);
    let expiryDate: string | null = type.days ? addDays(startDate, type.days - 1) : addDays(startDate, 365);
    let visitsLeft: number | null = type.visits ? 1 + Math.floor(rand() * type.visits) : null;
    if (kind === 'active' && type.days) {
      startDate = addDays(today, -Math.floor(rand() * (type.days - 10)));
      expiryDate = addDays(startDate, type.days - 1);
      if (expiryDate < addDays(today, 8)) expiryDate = addDays(today, 8 + Math.floor(rand() * 60));
    }
    if (kind === 'active' && type.visits) {
      expiryDate = addDays(today, 30 + Math.floor(rand() * 300));
      visitsLeft = 4 + Math.floor(rand() * (type.visits - 4));
    }
    if (kind === 'expiring') expiryDate = addDays(today, Math.floor(rand() * 7));
    if (kind === 'expired') expiryDate = addDays(today, -1 - Math.floor(rand() * 90));
    if (kind === 'not_started') {
      startDate = addDays(today, 1 + Math.floor(rand() * 14));
      expiryDate = type.days ? addDays(startDate, type.days - 1) : addDays(startDate, 365);
    }
    if (kind === 'no_visits') {
      visitsLeft = 0;
      expiryDate = addDays(today, 60);
    }
    if (kind === 'few_visits') {
      visitsLeft = 1 + Math.floor(rand() * 3);
      expiryDate = addDays(today, 60);
    }
    if (kind === 'birthday' || kind === 'unpaid' || kind === 'frozen' || kind === 'deactivated') {
      if (expiryDate && expiryDate < addDays(today, 30))
        expiryDate = addDays(today, 30 + Math.floor(rand() * 200));
    }
    // An expiry picked for the state (expired, expiring) must not fall before the start.
    if (expiryDate && expiryDate < startDate) startDate = addDays(expiryDate, -((type.days ?? 365) - 1));
    const id = insertMember(
      db,
      {
        cardNo,
        name,
        gender,
        phone,
        birthDate,
        cardTypeId: type.id,
        startDate,
        expiryDate,
        visitsLeft,
        consultantId: rand() < 0.7 ? pick(consultants) : null,
        notes: '',
      },
      nowIso,
      null,
    );
    if (kind === 'frozen') {
      const from = addDays(today, -Math.floor(rand() * 10));
      const to = addDays(from, 14 + Math.floor(rand() * 30));
      const days = daysBetween(from, to) + 1;
      const reason = en ? 'Business trip' : '出差';
      const extended = expiryDate ? addDays(expiryDate, days) : null;
      q.freezeMember(db, id, { from, to, reason, days, expiryDate: extended }, nowIso, staffIds[0]!);
    }
    if (kind === 'deactivated') q.deactivateMember(db, id);
    if (kind === 'unpaid') {
      q.insertLostTagCharge(db, id, en ? 'Key tag not returned' : '手牌未归还', nowIso, receptionId);
    }
    if (rand() < 0.15) {
      // A stored-value balance is always the sum of its ledger: the demo balance is an opening entry.
      const cents = (1 + Math.floor(rand() * 50)) * 1000;
      q.openStoredValue(db, id, cents, en ? 'Balance brought over' : '期初余额', nowIso, staffIds[0]!);
    }
    memberIds.push({ id, kind, gender });
  });
  // Each demo member's entitlement history starts with the entitlement as set up above.
  recordMissingInitialEntitlements(db, nowIso);

  // Some visits today: members came in from opening time; a few already left.
  const open = new Date(now.getTime() - 3 * 3600_000);
  const visitors = memberIds.filter((m) => m.kind === 'active').slice(0, 14);
  const tagId = (n: number) => q.tagIdByNumber(db, n);
  let tag = 1;
  visitors.forEach((m, i) => {
    const inAt = new Date(open.getTime() + i * 9 * 60_000);
    if (inAt > now) return;
    const leaves = i < 5;
    const outAt = leaves ? new Date(inAt.getTime() + 70 * 60_000) : null;
    const done = outAt && outAt < now;
    const n = tag++;
    q.insertVisit(
      db,
      'member',
      m.id,
      null,
      null,
      m.gender,
      tagId(n),
      inAt.toISOString(),
      receptionId,
      done ? outAt.toISOString() : null,
      done ? receptionId : null,
      done ? 'normal' : null,
      0,
    );
    if (!done) q.setTagStatusByNumber(db, n, 'issued', inAt.toISOString());
  });
  const guestTag = tag++;
  const guestAt = new Date(now.getTime() - 40 * 60_000).toISOString();
  q.insertVisit(
    db,
    'trial',
    null,
    en ? 'Kevin Zhou' : '周凯',
    '13900001111',
    'male',
    tagId(guestTag),
    guestAt,
    receptionId,
    null,
    null,
    null,
    0,
  );
  q.setTagStatusByNumber(db, guestTag, 'issued', guestAt);
  q.insertVisit(
    db,
    'coach',
    null,
    en ? 'Coach Li' : '李教练',
    null,
    'female',
    null,
    new Date(now.getTime() - 90 * 60_000).toISOString(),
    receptionId,
    null,
    null,
    null,
    0,
  );
  seedDemoBar(db, { now, en, barId: staffIds[6]!, receptionId, managerId: staffIds[0]! });
  seedDemoIncidents(db, {
    now,
    en,
    tz,
    staff: {
      storeManager: staffIds[0]!,
      dutyManager: staffIds[1]!,
      csManager: staffIds[2]!,
      reception: receptionId,
      consultant: staffIds[7]!,
    },
  });

  // Tag 60 was lost last week; 58 and 59 are out for disinfection.
  q.setTagStatusByNumber(db, 60, 'lost', nowIso);
  q.setTagStatusByNumber(db, 58, 'disinfection', nowIso);
  q.setTagStatusByNumber(db, 59, 'disinfection', nowIso);

  // The demo is a club in the middle of its day: reception's shift is open (float 500, the opening
  // checklist ticked), so the desk can take cash at once; the shift closes through the usual wizard.
  const checklist = ['@handover', '@forms', '@supplies', '@music', '@screens', '@tags'].map((item) => ({
    item,
    at: nowIso,
  }));
  const shiftId = q.insertOpenShift(db, {
    day: today,
    nowIso,
    by: receptionId,
    staffJson: JSON.stringify([receptionId]),
    checklistJson: JSON.stringify(checklist),
  });
  writeAudit(db, { id: receptionId, name: DEMO_STAFF[4]!.name, role: 'reception' }, nowIso, {
    op: 'shift.open',
    entity: 'shift',
    entityId: shiftId,
    after: { staff: [receptionId], floatCents: 50_000, floatPrefillCents: 50_000, demo: true },
  });

  writeAudit(db, { id: staffIds[0]!, name: DEMO_STAFF[0]!.name, role: 'store_manager' }, nowIso, {
    op: 'system.createDemo',
    entity: 'club',
    detail: `${memberIds.length} members`,
  });
  return { ok: true, staff: DEMO_STAFF.map(({ name, role, pin }) => ({ name, role, pin })) };
}
