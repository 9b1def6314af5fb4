/**
 * Generates a large club for the benchmark, fast: the club itself (settings, staff, card types, key
 * tags, bar items) is created through the core's own operations, then a year of history is written
 * with direct bulk INSERTs (prepared statements, big transactions) into the schema the real
 * migrations created. The rows keep the schema's invariants: every visit is closed and its tag free,
 * every slip has lines and belongs to a visit, every paid line points to its settlement whose
 * payments add up to its total, stock = the sum of its movements, a stored-value balance = the sum
 * of its ledger, and the search index is filled by the members service's own `memberTerms`.
 */
import Database from 'better-sqlite3';
import { Core } from '../electron/core/app';
import { DB_FILE } from '../electron/core/db/database';
import { memberTerms } from '../electron/core/services/pinyin';
import { addDays, dayBoundsUtc, localDate } from '../electron/core/time';
import path from 'node:path';

export const TZ = 'Asia/Shanghai';
export const PINS = { manager: '9999', reception: '2222', bar: '3333', lead: '5555' } as const;

export interface GenOptions {
  dataDir: string;
  members: number;
  visits: number;
  slips: number;
  auditPerDay: number;
  days: number;
  tags: number;
  now: Date;
  log?: (s: string) => void;
}

export interface GenResult {
  staff: { manager: number; reception: number[]; bar: number[]; lead: number };
  cardTypes: { year: number; visits: number };
  items: { id: number; price: number }[];
  /** Members with a valid year card, no stored value, never inside: safe to check in during the run. */
  checkinPool: { id: number; cardNo: string }[];
  /** Members with stored value (for the crash/payments paths). */
  storedValue: { id: number; cardNo: string; cents: number }[];
  counts: Record<string, number>;
  /** Generation time per phase, ms. */
  phases: Record<string, number>;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN_CHARS = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂晨浩然子涵欣怡梓轩雨桐一诺思远佳宇航诗俊婷志海燕建国晓东丹文博琪鑫倩悦嘉豪梦瑶凯华玲红亮斌辉鹏飞云峰琳雪慧颖',
];
const FIRST_EN = [
  ...'Anna David Emily James Lucy Michael Sophie Daniel Grace Oliver Mia Lucas Chloe Ethan Hannah Leo Alice Tom Sarah Peter Laura Mark Julia Paul Nina Adam Eva Ben Clara Sam'.split(
    ' ',
  ),
];
const LAST_EN = [
  ...'Smith Brown Wilson Taylor Martin Garcia Müller Dubois Rossi Tanaka Kim Nguyen Ivanova Costa Jones Miller Davis Lopez Clark Lewis Walker Young King Wright Scott Green Baker Adams Nelson Hill'.split(
    ' ',
  ),
];
const ITEMS: [string, string, number][] = [];
for (const [cat, names, price] of [
  [
    'Drinks',
    'Cola,Sprite,Fanta,Soda,Iced Tea,Lemon Tea,Mineral Water,Sparkling Water,Orange Juice,Apple Juice',
    600,
  ],
  ['Coffee', 'Americano,Latte,Cappuccino,Flat White,Mocha,Espresso,Iced Latte,Matcha Latte', 1800],
  ['Protein', 'Whey Shake,Vegan Shake,Protein Bar,Recovery Shake,BCAA Drink,Electrolyte', 2500],
  ['Snacks', 'Banana,Granola,Nuts,Rice Cake,Yogurt,Sandwich,Salad,Energy Gel,Dark Chocolate,Dates', 900],
  ['Tea', '绿茶,红茶,乌龙茶,菊花茶,柠檬水,酸梅汤', 1200],
] as const) {
  names.split(',').forEach((n, i) => ITEMS.push([n, cat, price + i * 100]));
}

function pick<T>(r: () => number, a: readonly T[]): T {
  return a[Math.floor(r() * a.length)]!;
}

function ok<T>(r: { ok: true; data: unknown } | { ok: false; error: { code: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** The club through the real operations: setup, staff, card types, bar items. */
async function createClub(o: GenOptions) {
  const core = await Core.open({ dataDir: o.dataDir, dailyBackup: false });
  try {
    ok(
      await core.call('gen', 'system.setup', {
        clubName: 'Bench Club',
        timeZone: TZ,
        language: 'en',
        staffArriveTime: '09:50',
        openTime: '11:00',
        closeTime: '22:00',
        tagCount: o.tags,
        manager: { name: 'Manager Wang', pin: PINS.manager, gender: 'female' },
      }),
      'setup',
    );
    const manager = ok<{ id: number }[]>(await core.call('gen', 'session.staffList', {}), 'staff')[0]!.id;
    ok(await core.call('gen', 'session.login', { staffId: manager, pin: PINS.manager }), 'login');
    const mk = async (name: string, role: string, pin: string) =>
      ok<{ id: number }>(
        await core.call('gen', 'staff.create', { name, role, pin, gender: 'female' }),
        'staff.create',
      ).id;
    const reception = [
      await mk('Desk Li', 'reception', PINS.reception),
      await mk('Desk Alice', 'reception', PINS.reception),
      await mk('Desk Zhou', 'reception', PINS.reception),
    ];
    const bar = [await mk('Bar Zhao', 'bar', PINS.bar), await mk('Bar Emma', 'bar', PINS.bar)];
    const lead = await mk('Lead Chen', 'shift_lead', PINS.lead);
    const year = ok<{ id: number }>(
      await core.call('gen', 'cardTypes.create', {
        name: 'Year card',
        kind: 'time',
        durationDays: 365,
        visitCount: null,
        priceCents: 398000,
      }),
      'cardTypes.create',
    ).id;
    const visits = ok<{ id: number }>(
      await core.call('gen', 'cardTypes.create', {
        name: '20 visits',
        kind: 'visits',
        durationDays: null,
        visitCount: 20,
        priceCents: 120000,
      }),
      'cardTypes.create',
    ).id;
    const items: { id: number; price: number }[] = [];
    for (const [name, category, price] of ITEMS) {
      const it = ok<{ id: number }>(
        await core.call('gen', 'bar.itemCreate', { name, category, priceCents: price, notes: '' }),
        'bar.itemCreate',
      );
      items.push({ id: it.id, price });
    }
    return { staff: { manager, reception, bar, lead }, cardTypes: { year, visits }, items };
  } finally {
    core.close();
  }
}

export async function generateClub(o: GenOptions): Promise<GenResult> {
  const log = o.log ?? (() => undefined);
  const phases: Record<string, number> = {};
  let t0 = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = Math.round(t - t0);
    log(`  ${name}: ${(phases[name] / 1000).toFixed(1)} s`);
    t0 = t;
  };
  const club = await createClub(o);
  phase('club through the operations');

  const db = new Database(path.join(o.dataDir, DB_FILE));
  // Bulk load: no journal, no fsync, a big cache. The journal mode goes back to WAL at the end.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');

  const r = rng(20261118);
  const nowMs = o.now.getTime();
  const today = localDate(o.now, TZ);
  const nowIso = o.now.toISOString();
  const firstDay = addDays(today, -o.days);
  const dayStart: number[] = [];
  for (let d = 0; d < o.days; d++) dayStart.push(Date.parse(dayBoundsUtc(addDays(firstDay, d), TZ).from));
  const iso = (ms: number) => new Date(ms).toISOString();
  const counts: Record<string, number> = {};
  const count = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);

  // ---- members ------------------------------------------------------------------------------
  interface M {
    id: number;
    gender: 'male' | 'female';
    visitCard: boolean;
  }
  const members: M[] = [];
  const checkinPool: GenResult['checkinPool'] = [];
  const storedValue: GenResult['storedValue'] = [];
  const insMember = db.prepare(
    `INSERT INTO members (id, card_no, name, gender, phone, birth_date, card_type_id, start_date, expiry_date, visits_left,
                          stored_value_cents, notes, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
  );
  const insTerm = db.prepare('INSERT OR IGNORE INTO member_search (term, member_id, rank) VALUES (?, ?, ?)');
  const insSettlement = db.prepare(
    `INSERT INTO settlements (id, kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const insPayment = db.prepare(
    `INSERT INTO payments (id, settlement_id, method, amount_cents, tendered_cents, change_cents, reference, at, by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insLedger = db.prepare(
    `INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, payment_id, reason, at, by)
     VALUES (?, 'topup', ?, ?, ?, NULL, ?, ?)`,
  );
  let settlementId = 0;
  let paymentId = 0;
  const staffDesk = club.staff.reception;
  db.transaction(() => {
    for (let id = 1; id <= o.members; id++) {
      const zh = r() < 0.6;
      const name = zh
        ? pick(r, SURNAMES) + pick(r, GIVEN_CHARS) + (r() < 0.65 ? pick(r, GIVEN_CHARS) : '')
        : `${pick(r, FIRST_EN)} ${pick(r, LAST_EN)}`;
      const gender = r() < 0.5 ? 'male' : 'female';
      const cardNo = String(10_000_000 + id * 7 + Math.floor(r() * 7));
      const phone =
        r() < 0.9 ? `1${pick(r, ['3', '5', '8'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : null;
      const birth =
        r() < 0.7
          ? `19${60 + Math.floor(r() * 40)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`
          : null;
      const visitCard = r() < 0.2;
      const active = r() < 0.98 ? 1 : 0;
      // Year cards: started within the last 400 days (some expired); visit cards: 0..20 left.
      const start = addDays(today, -Math.floor(r() * 400));
      const expiry = visitCard ? null : addDays(start, 364);
      const visitsLeft = visitCard ? Math.floor(r() * 21) : null;
      const sv = r() < 0.3 ? (1 + Math.floor(r() * 50)) * 10000 : 0;
      const created = `${start}T02:00:00.000Z`;
      insMember.run(
        id,
        cardNo,
        name,
        gender,
        phone,
        birth,
        visitCard ? club.cardTypes.visits : club.cardTypes.year,
        start,
        expiry,
        visitsLeft,
        sv,
        active,
        created,
        created,
      );
      for (const t of memberTerms({ cardNo, name, phone })) insTerm.run(t.term, id, t.rank);
      count('member_search', 0);
      if (sv > 0) {
        // The balance came from a top-up: settlement + payment + ledger entry, as the service writes them.
        settlementId++;
        paymentId++;
        const by = pick(r, staffDesk);
        insSettlement.run(settlementId, 'topup', null, id, 0, sv, created, by);
        insPayment.run(
          paymentId,
          settlementId,
          pick(r, ['cash', 'card', 'mobile']),
          sv,
          null,
          null,
          created,
          by,
        );
        insLedger.run(id, sv, sv, paymentId, created, by);
        storedValue.push({ id, cardNo, cents: sv });
      }
      members.push({ id, gender, visitCard });
      if (!visitCard && active === 1 && sv === 0 && expiry !== null && expiry > addDays(today, 30))
        checkinPool.push({ id, cardNo });
    }
  })();
  count('members', o.members);
  count('member_search', (db.prepare('SELECT count(*) AS n FROM member_search').get() as { n: number }).n);
  phase(`${o.members} members + search index`);

  // ---- visits, bar slips (with lines, stock moves, settlements) -------------------------------
  // Regulars (10% of members) make half the visits.
  const regulars = members.filter(() => r() < 0.1);
  const perDay = o.visits / o.days;
  const slipRate = o.slips / o.visits;
  const insVisit = db.prepare(
    `INSERT INTO visits (id, kind, member_id, gender, tag_id, checked_in_at, checked_in_by, checked_out_at, checked_out_by,
                         checkout_kind, visit_consumed)
     VALUES (?, 'member', ?, ?, ?, ?, ?, ?, ?, 'normal', ?)`,
  );
  const insSlip = db.prepare(
    'INSERT INTO bar_slips (id, visit_id, created_at, created_by) VALUES (?, ?, ?, ?)',
  );
  const insLine = db.prepare(
    `INSERT INTO bar_slip_lines (id, slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents, settlement_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insMove = db.prepare(
    'INSERT INTO stock_moves (item_id, kind, quantity, line_id, note, at, by) VALUES (?, ?, ?, ?, NULL, ?, ?)',
  );
  const insAudit = db.prepare(
    `INSERT INTO audit_log (at, staff_id, staff_name, op, entity, entity_id, before_json, after_json, detail)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL)`,
  );
  const itemName = new Map(ITEMS.map(([n], i) => [club.items[i]!.id, n]));
  const tagIds = (db.prepare('SELECT id FROM key_tags ORDER BY number').all() as { id: number }[]).map(
    (x) => x.id,
  );
  const staffNames = new Map(
    (db.prepare('SELECT id, name FROM staff').all() as { id: number; name: string }[]).map((s) => [
      s.id,
      s.name,
    ]),
  );
  const AUDIT_OPS = [
    ['checkin.scan', 'visit'],
    ['checkin.checkout', 'visit'],
    ['bar.sell', 'visit'],
    ['checkin.blocked', 'member'],
    ['members.update', 'member'],
    ['session.login', 'staff'],
    ['storedValue.topup', 'member'],
    ['checkin.guest', 'visit'],
  ] as const;
  let visitId = 0;
  let slipId = 0;
  let lineId = 0;
  let carry = 0;
  for (let d = 0; d < o.days; d++) {
    const base = dayStart[d]!;
    const dayIso = iso(base + 9 * 3_600_000);
    db.transaction(() => {
      // A delivery of every item each Monday-ish (every 7 days) keeps stock positive.
      if (d % 7 === 0)
        for (const it of club.items) insMove.run(it.id, 'delivery', 700, null, dayIso, club.staff.bar[0]);
      carry += perDay;
      const n = Math.floor(carry);
      carry -= n;
      const times: number[] = [];
      for (let i = 0; i < n; i++) times.push(base + (11 + r() * 10.5) * 3_600_000);
      times.sort((a, b) => a - b);
      const firstVisit = visitId + 1;
      for (const tIn of times) {
        const m = r() < 0.5 ? pick(r, regulars) : pick(r, members);
        const tOut = tIn + (45 + r() * 120) * 60_000;
        visitId++;
        const desk = pick(r, staffDesk);
        insVisit.run(
          visitId,
          m.id,
          m.gender,
          pick(r, tagIds),
          iso(tIn),
          desk,
          iso(tOut),
          desk,
          m.visitCard ? 1 : 0,
        );
        if (r() < slipRate) {
          slipId++;
          const barStaff = pick(r, club.staff.bar);
          const slipAt = iso(tIn + (tOut - tIn) * 0.7);
          insSlip.run(slipId, visitId, slipAt, barStaff);
          settlementId++;
          const nLines = 1 + Math.floor(r() * 3);
          let total = 0;
          const lines: [number, number, number][] = [];
          for (let k = 0; k < nLines; k++) {
            const it = pick(r, club.items);
            const q = r() < 0.8 ? 1 : 2;
            lines.push([it.id, it.price, q]);
            total += it.price * q;
          }
          const outIso = iso(tOut);
          insSettlement.run(settlementId, 'checkout', visitId, m.id, total, total, outIso, desk);
          paymentId++;
          const method = pick(r, ['cash', 'cash', 'mobile', 'mobile', 'card']);
          const tendered = method === 'cash' ? Math.ceil(total / 5000) * 5000 : null;
          insPayment.run(
            paymentId,
            settlementId,
            method,
            total,
            tendered,
            tendered === null ? null : tendered - total,
            outIso,
            desk,
          );
          for (const [itemId, price, q] of lines) {
            lineId++;
            insLine.run(lineId, slipId, itemId, itemName.get(itemId)!, price, q, price * q, settlementId);
            insMove.run(itemId, 'sale', -q, lineId, slipAt, barStaff);
          }
          count('bar_slip_lines', nLines);
        }
      }
      // The day's staff actions in the audit log.
      const lastVisit = visitId;
      const ats: number[] = [];
      for (let i = 0; i < o.auditPerDay; i++) ats.push(base + (9.8 + r() * 12.5) * 3_600_000);
      ats.sort((a, b) => a - b);
      for (const at of ats) {
        const [op, entity] = pick(r, AUDIT_OPS);
        const staff = pick(r, staffDesk);
        const entityId =
          entity === 'visit' && lastVisit >= firstVisit
            ? firstVisit + Math.floor(r() * (lastVisit - firstVisit + 1))
            : entity === 'staff'
              ? staff
              : 1 + Math.floor(r() * o.members);
        insAudit.run(iso(at), staff, staffNames.get(staff)!, op, entity, String(entityId), '{"bench":true}');
      }
    })();
  }
  count('visits', visitId);
  count('bar_slips', slipId);
  count('audit_log', o.days * o.auditPerDay);
  phase(`${visitId} visits, ${slipId} slips, ${o.days * o.auditPerDay} audit entries`);

  db.pragma('journal_mode = WAL');
  db.close();
  phase('back to WAL');
  void nowMs;
  void nowIso;
  return { ...club, checkinPool, storedValue, counts, phases };
}
