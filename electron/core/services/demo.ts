/**
 * A demo club for trying the app and for the end-to-end tests: 320 members with Chinese and Latin
 * names across every membership state, 60 key tags, staff of every role with known PINs, and some
 * visits today. Deterministic (seeded), so the README can list what is in it.
 */
import type { DB } from '../db/database';
import type { Language, Role } from '../contract';
import { writeAudit } from '../context';
import { addDays, daysBetween, localDate } from '../../shared/dates';
import { insertMember, recordMissingInitialEntitlements } from './members';
import { writeSettings } from '../areas/settings';
import { insertStaff } from '../areas/staff';
import { seedTags } from '../areas/tags';
import { seedDemoIncidents } from './demoIncidents';
import { stmt } from '../kernel/statements';

export const DEMO_STAFF: { name: string; role: Role; pin: string; gender: 'male' | 'female' }[] = [
  { name: '王芳', role: 'store_manager', pin: '8001', gender: 'female' },
  { name: '周强', role: 'duty_manager', pin: '7001', gender: 'male' },
  { name: '孙梅', role: 'cs_manager', pin: '6001', gender: 'female' },
  { name: '陈静', role: 'shift_lead', pin: '5001', gender: 'female' },
  { name: '李娜', role: 'reception', pin: '2001', gender: 'female' },
  { name: 'Alice Chen', role: 'reception', pin: '2002', gender: 'female' },
  { name: '赵敏', role: 'bar', pin: '3001', gender: 'female' },
  { name: '张伟', role: 'consultant', pin: '4001', gender: 'male' },
  { name: '刘洋', role: 'consultant', pin: '4002', gender: 'male' },
  { name: 'Emma Liu', role: 'consultant', pin: '4003', gender: 'female' },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '晨',
  '浩然',
  '子涵',
  '欣怡',
  '梓轩',
  '雨桐',
  '一诺',
  '思远',
  '佳怡',
  '宇航',
  '诗涵',
  '俊杰',
  '婷婷',
  '志强',
  '海燕',
  '建国',
  '晓东',
  '丹丹',
  '文博',
  '佳琪',
  '鑫',
  '倩',
  '悦',
  '博文',
  '嘉怡',
  '子豪',
  '梦瑶',
];
const FIRST_EN = [
  'Anna',
  'David',
  'Emily',
  'James',
  'Lucy',
  'Michael',
  'Sophie',
  'Daniel',
  'Grace',
  'Oliver',
  'Mia',
  'Lucas',
  'Chloe',
  'Ethan',
  'Hannah',
  'Leo',
];
const LAST_EN = [
  'Smith',
  'Brown',
  'Wilson',
  'Taylor',
  'Martin',
  'Garcia',
  'Müller',
  'Dubois',
  'Rossi',
  'Tanaka',
  'Kim',
  'Nguyen',
  'Ivanova',
  'Costa',
];

/** A small deterministic random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

export interface DemoResult {
  ok: true;
  staff: { name: string; role: Role; pin: string }[];
}

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

  const cardType = stmt(
    db,
    `INSERT INTO card_types (name, kind, duration_days, visit_count, price_cents, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const types = [
    { name: en ? 'Monthly' : '月卡', kind: 'time', days: 30, visits: null, price: 39_900 },
    { name: en ? 'Quarterly' : '季卡', kind: 'time', days: 90, visits: null, price: 99_900 },
    { name: en ? 'Annual' : '年卡', kind: 'time', days: 365, visits: null, price: 299_900 },
    { name: en ? '20-visit pass' : '20次卡', kind: 'visits', days: null, visits: 20, price: 80_000 },
    { name: en ? '10-visit pass' : '10次卡', kind: 'visits', days: null, visits: 10, price: 45_000 },
  ].map((t) => ({
    ...t,
    id: Number(cardType.run(t.name, t.kind, t.days, t.visits, t.price, nowIso, nowIso).lastInsertRowid),
  }));

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
      stmt(
        db,
        `UPDATE members SET frozen_from = ?, frozen_to = ?, frozen_reason = ?, expiry_date = ? WHERE id = ?`,
      ).run(from, to, en ? 'Business trip' : '出差', expiryDate ? addDays(expiryDate, days) : null, id);
      stmt(
        db,
        `INSERT INTO member_freezes (member_id, from_date, to_date, reason, extended_days, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, from, to, en ? 'Business trip' : '出差', days, nowIso, staffIds[0]!);
    }
    if (kind === 'deactivated') stmt(db, 'UPDATE members SET active = 0 WHERE id = ?').run(id);
    if (kind === 'unpaid') {
      stmt(
        db,
        `INSERT INTO member_charges (member_id, kind, amount_cents, note, created_at, created_by) VALUES (?, 'lost_tag', 2000, ?, ?, ?)`,
      ).run(id, en ? 'Key tag not returned' : '手牌未归还', nowIso, receptionId);
    }
    if (rand() < 0.15) {
      // A stored-value balance is always the sum of its ledger: the demo balance is an opening entry.
      const cents = (1 + Math.floor(rand() * 50)) * 1000;
      stmt(db, 'UPDATE members SET stored_value_cents = ? WHERE id = ?').run(cents, id);
      stmt(
        db,
        `INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, reason, at, by)
         VALUES (?, 'opening', ?, ?, ?, ?, ?)`,
      ).run(id, cents, cents, en ? 'Balance brought over' : '期初余额', nowIso, staffIds[0]!);
    }
    memberIds.push({ id, kind, gender });
  });
  // Each demo member's entitlement history starts with the entitlement as set up above.
  recordMissingInitialEntitlements(db, nowIso);

  // Some visits today: members came in from opening time; a few already left.
  const open = new Date(now.getTime() - 3 * 3600_000);
  const visitors = memberIds.filter((m) => m.kind === 'active').slice(0, 14);
  const insertVisit = stmt(
    db,
    `INSERT INTO visits (kind, member_id, guest_name, guest_phone, gender, tag_id, checked_in_at, checked_in_by,
                         checked_out_at, checked_out_by, checkout_kind, visit_consumed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tagId = (n: number) =>
    (stmt(db, 'SELECT id FROM key_tags WHERE number = ?').get(n) as { id: number }).id;
  let tag = 1;
  visitors.forEach((m, i) => {
    const inAt = new Date(open.getTime() + i * 9 * 60_000);
    if (inAt > now) return;
    const leaves = i < 5;
    const outAt = leaves ? new Date(inAt.getTime() + 70 * 60_000) : null;
    const done = outAt && outAt < now;
    const n = tag++;
    insertVisit.run(
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
    if (!done)
      stmt(db, `UPDATE key_tags SET status = 'issued', status_since = ? WHERE number = ?`).run(
        inAt.toISOString(),
        n,
      );
  });
  const guestTag = tag++;
  const guestAt = new Date(now.getTime() - 40 * 60_000).toISOString();
  insertVisit.run(
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
  stmt(db, `UPDATE key_tags SET status = 'issued', status_since = ? WHERE number = ?`).run(guestAt, guestTag);
  insertVisit.run(
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
  seedBar(db, { now, en, barId: staffIds[6]!, managerId: staffIds[0]! });
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
  stmt(db, `UPDATE key_tags SET status = 'lost', status_since = ? WHERE number = 60`).run(nowIso);
  stmt(db, `UPDATE key_tags SET status = 'disinfection', status_since = ? WHERE number IN (58, 59)`).run(
    nowIso,
  );

  // The demo is a club in the middle of its day: reception's shift is open (float 500, the opening
  // checklist ticked), so the desk can take cash at once; the shift closes through the usual wizard.
  const checklist = ['@handover', '@forms', '@supplies', '@music', '@screens', '@tags'].map((item) => ({
    item,
    at: nowIso,
  }));
  const shiftId = Number(
    stmt(
      db,
      `INSERT INTO shifts (day, status, opened_at, opened_by, window_from, staff_json, float_prefill_cents,
           float_cents, checklist_json)
         VALUES (?, 'open', ?, ?, ?, ?, 50000, 50000, ?)`,
    ).run(today, nowIso, receptionId, nowIso, JSON.stringify([receptionId]), JSON.stringify(checklist))
      .lastInsertRowid,
  );
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

/** The bar's catalogue with stock delivered a week ago, and a few slips on today's open visits. */
function seedBar(db: DB, o: { now: Date; en: boolean; barId: number; managerId: number }): void {
  const nowIso = o.now.toISOString();
  const weekAgo = new Date(o.now.getTime() - 7 * 86_400_000).toISOString();
  const items: [string, string, string, string, number, number][] = [
    ['矿泉水', 'Mineral water', '饮料', 'Drinks', 300, 48],
    ['运动饮料', 'Sports drink', '饮料', 'Drinks', 800, 36],
    ['椰子水', 'Coconut water', '饮料', 'Drinks', 1200, 24],
    ['鲜榨橙汁', 'Fresh orange juice', '饮料', 'Drinks', 1800, 20],
    ['美式咖啡', 'Americano', '咖啡', 'Coffee', 1500, 60],
    ['拿铁', 'Latte', '咖啡', 'Coffee', 2000, 60],
    ['乳清蛋白奶昔', 'Whey protein shake', '蛋白', 'Protein', 2800, 30],
    ['植物蛋白奶昔', 'Plant protein shake', '蛋白', 'Protein', 3000, 18],
    ['蛋白棒', 'Protein bar', '零食', 'Snacks', 1500, 40],
    ['能量胶', 'Energy gel', '零食', 'Snacks', 1000, 3],
  ];
  const ins = stmt(
    db,
    'INSERT INTO bar_items (name, category, price_cents, notes, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const move = stmt(
    db,
    'INSERT INTO stock_moves (item_id, kind, quantity, line_id, note, at, by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const ids = items.map(([zh, en, cz, ce, price, stock], i) => {
    const id = Number(
      ins.run(o.en ? en : zh, o.en ? ce : cz, price, '', i, weekAgo, weekAgo).lastInsertRowid,
    );
    move.run(id, 'delivery', stock, null, o.en ? 'Opening delivery' : '首批进货', weekAgo, o.managerId);
    return { id, name: o.en ? en : zh, price };
  });
  const open = stmt(
    db,
    `SELECT v.id FROM visits v JOIN key_tags t ON t.id = v.tag_id
       WHERE v.checked_out_at IS NULL AND v.kind = 'member' ORDER BY v.id LIMIT 3`,
  ).all() as { id: number }[];
  open.forEach((v, i) => {
    const slip = Number(
      stmt(db, 'INSERT INTO bar_slips (visit_id, created_at, created_by) VALUES (?, ?, ?)').run(
        v.id,
        nowIso,
        o.barId,
      ).lastInsertRowid,
    );
    const it = ids[(i * 3 + 1) % ids.length]!;
    const qty = 1 + (i % 2);
    const line = Number(
      stmt(
        db,
        'INSERT INTO bar_slip_lines (slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(slip, it.id, it.name, it.price, qty, it.price * qty).lastInsertRowid,
    );
    move.run(it.id, 'sale', -qty, line, null, nowIso, o.barId);
  });
}
