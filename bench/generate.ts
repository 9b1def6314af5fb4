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
import { phoneKey } from '../electron/shared/phone';
import { memberTerms } from '../electron/core/areas/members/pinyin';
import { addDays, dayBoundsUtc, localDate } from '../electron/shared/dates';
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
      // stored in the app's one form (E.164), as members.create stores it
      const phone =
        r() < 0.9
          ? phoneKey(`1${pick(r, ['3', '5', '8'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`)
          : null;
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

// ---- a busy shift --------------------------------------------------------------------------------

export interface BusyShiftOptions {
  /** The core's own connection (the shift is open in it). */
  db: Database.Database;
  /** The shift window [from, to): entries, sales and payments fall inside it. */
  from: string;
  to: string;
  entries: number;
  staff: { reception: number[]; bar: number[]; lead: number };
  consultant: number;
  cardTypeYear: number;
  /** Members the rest of the benchmark checks in (kept out of the busy shift). */
  reserved: ReadonlySet<number>;
  /** How many are still inside (with their tags, some with an open tab) when the shift closes. */
  insideAtClose: number;
  seed?: number;
}

/**
 * A busy shift written in bulk like the history, but with what the handover book reads: every
 * check-in with a tag has its `checkin.scan` / `checkin.guest` audit entry carrying the tag; each
 * check-out its `checkin.checkout` entry; bar slips with lines and stock movements, settled at
 * check-out (cash with change, card, mobile); a few tabs left unpaid with a shift lead's consent; a
 * few tags not returned (lost, with the fee charged); people still inside at the close holding
 * issued tags, some with open tabs; stored-value top-ups (settlement + payment + ledger + balance);
 * visitors (some joined with a card) and phone inquiries. Tags are handed out lowest-free-first and
 * come back at check-out, so no tag is ever held twice.
 */
export function generateBusyShift(o: BusyShiftOptions): Record<string, number> {
  const db = o.db;
  const r = rng(o.seed ?? 424242);
  const fromMs = Date.parse(o.from);
  const toMs = Date.parse(o.to);
  const iso = (ms: number) => new Date(ms).toISOString();
  const counts: Record<string, number> = {};
  const count = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const staffNames = new Map(
    (db.prepare('SELECT id, name FROM staff').all() as { id: number; name: string }[]).map((s) => [
      s.id,
      s.name,
    ]),
  );
  const items = db
    .prepare('SELECT id, name, price_cents FROM bar_items WHERE active = 1 ORDER BY id')
    .all() as {
    id: number;
    name: string;
    price_cents: number;
  }[];
  const members = (
    db.prepare('SELECT id, gender, name, card_no FROM members WHERE active = 1').all() as {
      id: number;
      gender: 'male' | 'female';
      name: string;
      card_no: string;
    }[]
  ).filter((m) => !o.reserved.has(m.id));
  const settingRow = db.prepare("SELECT value FROM settings WHERE key = 'lostTagFeeCents'").get() as
    { value: string } | undefined;
  const lostFee = settingRow ? Number(JSON.parse(settingRow.value)) : 2000;
  const free = (
    db.prepare("SELECT id, number FROM key_tags WHERE status = 'available' ORDER BY number").all() as {
      id: number;
      number: number;
    }[]
  ).slice();
  const ids = (table: string) =>
    (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;
  let visitId = ids('visits');
  let slipId = ids('bar_slips');
  let lineId = ids('bar_slip_lines');
  let settlementId = ids('settlements');
  let paymentId = ids('payments');

  const insVisit = db.prepare(
    `INSERT INTO visits (id, kind, member_id, guest_name, guest_phone, gender, tag_id, checked_in_at, checked_in_by,
                         checked_out_at, checked_out_by, checkout_kind, visit_consumed, unpaid_allowed_by, unpaid_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insSlip = db.prepare(
    'INSERT INTO bar_slips (id, visit_id, created_at, created_by) VALUES (?, ?, ?, ?)',
  );
  const insLine = db.prepare(
    `INSERT INTO bar_slip_lines (id, slip_id, item_id, item_name, unit_price_cents, quantity, amount_cents, settlement_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insMove = db.prepare(
    "INSERT INTO stock_moves (item_id, kind, quantity, line_id, note, at, by) VALUES (?, 'sale', ?, ?, NULL, ?, ?)",
  );
  const insSettlement = db.prepare(
    `INSERT INTO settlements (id, kind, visit_id, member_id, bar_cents, charges_cents, total_cents, at, by)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const insPayment = db.prepare(
    `INSERT INTO payments (id, settlement_id, method, amount_cents, tendered_cents, change_cents, reference, at, by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insAudit = db.prepare(
    `INSERT INTO audit_log (at, staff_id, staff_name, op, entity, entity_id, before_json, after_json, detail)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL)`,
  );
  const audit = (at: number, staff: number, op: string, entity: string, entityId: number, after: object) => {
    insAudit.run(
      iso(at),
      staff,
      staffNames.get(staff) ?? '',
      op,
      entity,
      String(entityId),
      JSON.stringify(after),
    );
    count('audit_log');
  };
  const setTag = db.prepare('UPDATE key_tags SET status = ?, status_since = ? WHERE id = ?');

  // Entries between 10 minutes after the start and 30 minutes before the end; a stay of 45 to 165
  // minutes; whoever would still be inside at the end leaves before it, except `insideAtClose`.
  const start = fromMs + 10 * 60_000;
  const lastIn = toMs - 30 * 60_000;
  const entries: { tIn: number; tOut: number | null }[] = [];
  for (let i = 0; i < o.entries; i++) {
    const tIn = start + r() * (lastIn - start);
    entries.push({ tIn, tOut: tIn + (45 + r() * 120) * 60_000 });
  }
  entries.sort((a, b) => a.tIn - b.tIn);
  let inside = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.tOut! < toMs - 60_000) continue;
    if (inside < o.insideAtClose) {
      e.tOut = null;
      inside++;
    } else e.tOut = toMs - (2 + r() * 25) * 60_000;
    if (e.tOut !== null && e.tOut <= e.tIn) e.tOut = e.tIn + 60_000;
  }

  // Events in time order: check-ins take the lowest free tag, check-outs give it back.
  type Ev = { at: number; kind: 'in' | 'out'; i: number };
  const evs: Ev[] = [];
  entries.forEach((e, i) => {
    evs.push({ at: e.tIn, kind: 'in', i });
    if (e.tOut !== null) evs.push({ at: e.tOut, kind: 'out', i });
  });
  evs.sort((a, b) => a.at - b.at || (a.kind === 'out' ? -1 : 1));
  const tagOf = new Map<number, { id: number; number: number } | null>();
  const lostTags = new Set<number>();
  const used = new Set<number>();
  const desk = () => pick(r, o.staff.reception);
  const takeTag = () => {
    if (free.length === 0) return null;
    let k = 0;
    for (let j = 1; j < free.length; j++) if (free[j]!.number < free[k]!.number) k = j;
    return free.splice(k, 1)[0]!;
  };
  interface Visit {
    id: number;
    kind: 'member' | 'trial' | 'coach';
    memberId: number | null;
    name: string;
    gender: 'male' | 'female';
  }
  const visits: Visit[] = [];

  db.transaction(() => {
    for (const ev of evs) {
      const e = entries[ev.i]!;
      if (ev.kind === 'in') {
        const roll = r();
        const kind: Visit['kind'] = roll < 0.94 ? 'member' : roll < 0.98 ? 'trial' : 'coach';
        let m: (typeof members)[number] | null = null;
        if (kind === 'member') {
          do m = pick(r, members);
          while (used.has(m.id));
          used.add(m.id);
        }
        const gender = m ? m.gender : r() < 0.5 ? 'male' : 'female';
        const withTag = kind !== 'trial' || r() < 0.8;
        const tag = withTag ? takeTag() : null;
        tagOf.set(ev.i, tag);
        visitId++;
        const by = desk();
        const guestName = m ? null : `${kind === 'coach' ? 'Coach' : 'Guest'} ${visitId}`;
        const v: Visit = { id: visitId, kind, memberId: m?.id ?? null, name: m?.name ?? guestName!, gender };
        visits[ev.i] = v;
        // the row is written now (open) and closed at its check-out event
        insVisit.run(
          visitId,
          kind,
          v.memberId,
          guestName,
          m ? null : '13800000000',
          gender,
          tag?.id ?? null,
          iso(e.tIn),
          by,
          null,
          null,
          null,
          null,
          null,
        );
        count(`visits.${kind}`);
        if (tag) {
          setTag.run('issued', iso(e.tIn), tag.id);
          count('tagsIssued');
        }
        if (m)
          audit(e.tIn, by, 'checkin.scan', 'visit', visitId, {
            memberId: m.id,
            cardNo: m.card_no,
            tag: tag?.number ?? null,
          });
        else
          audit(e.tIn, by, 'checkin.guest', 'visit', visitId, {
            kind,
            name: guestName,
            gender,
            tag: tag?.number ?? null,
          });

        // a bar slip for 30% of the visits (on an open visit, 20 minutes in, if before the close)
        if (r() < 0.3) {
          const slipAt =
            e.tOut !== null ? e.tIn + (e.tOut - e.tIn) * 0.6 : Math.min(e.tIn + 20 * 60_000, toMs - 60_000);
          const barStaff = pick(r, o.staff.bar);
          slipId++;
          insSlip.run(slipId, visitId, iso(slipAt), barStaff);
          count('bar_slips');
          const n = 1 + Math.floor(r() * 3);
          for (let k = 0; k < n; k++) {
            const it = pick(r, items);
            const q = r() < 0.8 ? 1 : 2;
            lineId++;
            insLine.run(lineId, slipId, it.id, it.name, it.price_cents, q, it.price_cents * q, null);
            insMove.run(it.id, -q, lineId, iso(slipAt), barStaff);
            count('bar_slip_lines');
          }
          audit(slipAt, barStaff, 'bar.sell', 'visit', visitId, { slipId, lines: n });
        }
        continue;
      }
      // check-out
      const v = visits[ev.i]!;
      const at = e.tOut!;
      const by = desk();
      const tab = (
        db
          .prepare(
            `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
             WHERE s.visit_id = ? AND l.settlement_id IS NULL AND l.voided_at IS NULL`,
          )
          .get(v.id) as { c: number }
      ).c;
      let unpaidBy: number | null = null;
      if (tab > 0) {
        if (v.memberId !== null && (counts.unpaidLeft ?? 0) < 3 && r() < 0.02) {
          unpaidBy = o.staff.lead;
          count('unpaidLeft');
        } else {
          settlementId++;
          paymentId++;
          const method = pick(r, ['cash', 'cash', 'mobile', 'mobile', 'card'] as const);
          const tendered = method === 'cash' ? Math.ceil(tab / 5000) * 5000 : null;
          insSettlement.run(settlementId, 'checkout', v.id, v.memberId, tab, tab, iso(at), by);
          insPayment.run(
            paymentId,
            settlementId,
            method,
            tab,
            tendered,
            tendered === null ? null : tendered - tab,
            iso(at),
            by,
          );
          db.prepare(
            `UPDATE bar_slip_lines SET settlement_id = ? WHERE settlement_id IS NULL AND voided_at IS NULL
               AND slip_id IN (SELECT id FROM bar_slips WHERE visit_id = ?)`,
          ).run(settlementId, v.id);
          count('settlements');
          count('payments');
        }
      }
      const tag = tagOf.get(ev.i) ?? null;
      const lost = tag !== null && v.memberId !== null && lostTags.size < 2 && r() < 0.003;
      db.prepare(
        `UPDATE visits SET checked_out_at = ?, checked_out_by = ?, checkout_kind = ?, unpaid_allowed_by = ?, unpaid_reason = ?
         WHERE id = ?`,
      ).run(
        iso(at),
        by,
        lost ? 'tag_not_returned' : 'normal',
        unpaidBy,
        unpaidBy ? 'pays tomorrow' : null,
        v.id,
      );
      if (tag) {
        if (lost) {
          lostTags.add(tag.id);
          setTag.run('lost', iso(at), tag.id);
          db.prepare(
            `INSERT INTO member_charges (member_id, kind, amount_cents, visit_id, note, created_at, created_by)
             VALUES (?, 'lost_tag', ?, ?, ?, ?, ?)`,
          ).run(v.memberId, lostFee, v.id, `tag ${tag.number}`, iso(at), by);
          count('tagsLost');
        } else {
          setTag.run('available', iso(at), tag.id);
          free.push(tag);
        }
      }
      audit(at, by, 'checkin.checkout', 'visit', v.id, {
        tag: tag?.number ?? null,
        kind: lost ? 'tag_not_returned' : 'normal',
      });
    }

    // stored-value top-ups: settlement + payment + ledger entry + the member's balance
    const nTopups = Math.round(o.entries / 100);
    for (let i = 0; i < nTopups; i++) {
      const m = pick(r, members);
      const at = start + r() * (lastIn - start);
      const amount = (1 + Math.floor(r() * 10)) * 10_000;
      const method = pick(r, ['cash', 'card', 'mobile'] as const);
      const by = desk();
      settlementId++;
      paymentId++;
      insSettlement.run(settlementId, 'topup', null, m.id, 0, amount, iso(at), by);
      insPayment.run(
        paymentId,
        settlementId,
        method,
        amount,
        method === 'cash' ? amount : null,
        method === 'cash' ? 0 : null,
        iso(at),
        by,
      );
      const bal =
        (db.prepare('SELECT stored_value_cents AS c FROM members WHERE id = ?').get(m.id) as { c: number })
          .c + amount;
      db.prepare(
        `INSERT INTO stored_value_ledger (member_id, kind, amount_cents, balance_after_cents, payment_id, reason, at, by)
         VALUES (?, 'topup', ?, ?, ?, NULL, ?, ?)`,
      ).run(m.id, amount, bal, paymentId, iso(at), by);
      db.prepare('UPDATE members SET stored_value_cents = ? WHERE id = ?').run(bal, m.id);
      audit(at, by, 'storedValue.topup', 'member', m.id, { amountCents: amount, method });
      count('topups');
    }

    // visitors (a third join with a year card) and phone inquiries
    const day = localDate(new Date(fromMs), TZ);
    const nVisitors = Math.round(o.entries / 100);
    for (let i = 0; i < nVisitors; i++) {
      const at = start + r() * (lastIn - start - 3_600_000);
      const by = desk();
      const joined = r() < 0.35;
      const phone = phoneKey(`139${String(10_000_000 + i).padStart(8, '0')}`);
      const id = Number(
        db
          .prepare(
            `INSERT INTO visitors (day, name, phone, phone_norm, gender, first_visit, met_before, registered_at, registered_by,
                                   basis, reason_code, status, consultant_id, credit_consultant_id, accepted_at, handed_over_by,
                                   outcome, outcome_card_type_id, outcome_at, outcome_by)
             VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?, 'rotation', 'ROTATION_NEXT', 'done', ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            day,
            `Visitor ${i + 1}`,
            phone,
            phone,
            r() < 0.5 ? 'male' : 'female',
            iso(at),
            by,
            o.consultant,
            o.consultant,
            iso(at + 5 * 60_000),
            by,
            joined ? 'joined' : 'follow_up',
            joined ? o.cardTypeYear : null,
            iso(at + 50 * 60_000),
            o.consultant,
          ).lastInsertRowid,
      );
      audit(at, by, 'visitors.register', 'visitor', id, { name: `Visitor ${i + 1}` });
      count('visitors');
      if (joined) count('cardsSold');
    }
    const nInquiries = Math.round(o.entries / 200);
    for (let i = 0; i < nInquiries; i++) {
      const at = start + r() * (lastIn - start);
      const by = desk();
      const id = Number(
        db
          .prepare(
            `INSERT INTO phone_inquiries (day, caller_name, callback_phone, has_appointment, topic, logged_at, logged_by)
             VALUES (?, ?, ?, 0, 'prices', ?, ?)`,
          )
          .run(day, `Caller ${i + 1}`, phoneKey(`137${String(20_000_000 + i).padStart(8, '0')}`), iso(at), by)
          .lastInsertRowid,
      );
      audit(at, by, 'inquiries.create', 'phone_inquiry', id, {});
      count('phoneInquiries');
    }
    // other staff actions of the day (logins, member edits)
    for (let i = 0; i < o.entries / 4; i++) {
      const at = start + r() * (lastIn - start);
      const by = desk();
      audit(at, by, pick(r, ['session.login', 'members.update', 'members.search']), 'staff', by, {});
    }
  })();
  count('visits', o.entries);
  count('insideAtClose', inside);
  return counts;
}
