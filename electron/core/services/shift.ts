/**
 * Shift close and handover (交接班 / 交接本). Every figure of the handover book is computed from the
 * records of the shift's time window: visits, the audit of tags handed out, visitors and phone
 * inquiries, cards sold, stored-value top-ups, bar sales and payments. Cash is counted blind: the
 * expected figure is computed and sent only in the result of the count. One count per shift: after
 * it the drawer is shut (no cash in or out, no pay-out; services/drawer.ts) until a shift lead or
 * manager authorises a recount with their PIN; every count stays on the report and the close uses
 * the latest. Pay-outs take a shift lead's or manager's PIN and the reason. A closed shift is frozen
 * (the database refuses changes); corrections are new rows linked to it. The day close is checked
 * against the records (no shift still open, the bar's stocktake of the day); a manager reopens a
 * closed day with their PIN and a reason, and the day is closed again.
 */
import { createBackup } from '../db/backups';
import type { DB } from '../db/database';
import type {
  CashFigures,
  ChecklistTick,
  CountResult,
  CountRow,
  DayBlockers,
  DayCloseRow,
  DayReopening,
  DayReport,
  Denominations,
  HandoverBook,
  MemberGender,
  OpenItems,
  PaymentMethod,
  Payout,
  RecountAuth,
  ShiftCorrection,
  ShiftInfo,
  ShiftReport,
  ShiftRow,
  ShiftStaff,
  TagLostRow,
  TagMismatch,
  TagOut,
  UnpaidTab,
} from '../contract';
import { type Ctx, handlers } from '../context';
import { AppError, isAppError } from '../errors';
import { DESK, MANAGERS, SUPERVISORS } from '../permissions';
import { addDays, dayBoundsUtc, localDate, localParts } from '../../shared/dates';
import { missedAnnouncements } from './announcements';
import { barPaymentsByMethod } from './bar';
import { cardSalesFigures, mergeCardsSold } from './members';
import { incidentHandlers } from './incidents';
import { csvDocument, csvMoney, type CsvValue } from '../../shared/csv';
import { centsToYuan, denominationsTotal } from '../../shared/money';
import { drawerState } from './drawer';
import { visitTabCents } from './payments';
import { authorize, verifyPin } from '../areas/staff';
import { visitorHandover } from './visitors';
import { stmt } from '../kernel/statements';

// ---- rows ----------------------------------------------------------------------------------

export interface ShiftDb {
  id: number;
  day: string;
  status: 'open' | 'closed';
  opened_at: string;
  opened_by: number;
  window_from: string;
  window_to: string | null;
  staff_json: string;
  previous_shift_id: number | null;
  handover_ack_at: string | null;
  handover_ack_by: number | null;
  float_prefill_cents: number;
  float_cents: number;
  float_reason: string | null;
  checklist_json: string;
  messages: string;
  notes: string;
  closed_at: string | null;
  closed_by: number | null;
  counted_cents: number | null;
  expected_cents: number | null;
  difference_cents: number | null;
  difference_reason: string | null;
  float_handed_cents: number | null;
  book_json: string | null;
  signed_out_by: number | null;
  signed_in_by: number | null;
}

interface CountDb {
  id: number;
  shift_id: number;
  denominations_json: string;
  counted_cents: number;
  expected_cents: number;
  at: string;
  by: number;
  recount_id: number | null;
}

const isoPlus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function staffRef(db: DB, id: number | null): ShiftStaff | null {
  if (id === null) return null;
  const r = stmt(db, 'SELECT id, name FROM staff WHERE id = ?').get(id) as ShiftStaff | undefined;
  return r ?? { id, name: '' };
}

function getShift(db: DB, id: number): ShiftDb {
  const r = stmt(db, 'SELECT * FROM shifts WHERE id = ?').get(id) as ShiftDb | undefined;
  if (!r) throw new AppError('NOT_FOUND', { entity: 'shift' });
  return r;
}

function openShiftRow(db: DB): ShiftDb | undefined {
  return stmt(db, "SELECT * FROM shifts WHERE status = 'open'").get() as ShiftDb | undefined;
}

function lastClosed(db: DB): ShiftDb | undefined {
  return stmt(
    db,
    "SELECT * FROM shifts WHERE status = 'closed' ORDER BY closed_at DESC, id DESC LIMIT 1",
  ).get() as ShiftDb | undefined;
}

function requireOpen(db: DB, id: number): ShiftDb {
  const s = getShift(db, id);
  if (s.status === 'closed') throw new AppError('SHIFT_CLOSED', { id });
  return s;
}

function onDutyIds(s: ShiftDb): number[] {
  return JSON.parse(s.staff_json) as number[];
}

function payouts(db: DB, shiftId: number): Payout[] {
  return (
    stmt(
      db,
      `SELECT p.id, p.amount_cents, p.reason, p.at, s.name, a.name AS auth_name FROM shift_payouts p
         JOIN staff s ON s.id = p.by LEFT JOIN staff a ON a.id = p.authorized_by
         WHERE p.shift_id = ? ORDER BY p.id`,
    ).all(shiftId) as {
      id: number;
      amount_cents: number;
      reason: string;
      at: string;
      name: string;
      auth_name: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    amountCents: r.amount_cents,
    reason: r.reason,
    at: r.at,
    byName: r.name,
    authorizedByName: r.auth_name,
  }));
}

function recountAuths(db: DB, shiftId: number): RecountAuth[] {
  return (
    stmt(
      db,
      `SELECT r.id, r.count_id, r.at, r.reason, s.name AS by_name, a.name AS auth_name FROM shift_recounts r
         JOIN staff s ON s.id = r.by JOIN staff a ON a.id = r.authorized_by
         WHERE r.shift_id = ? ORDER BY r.id`,
    ).all(shiftId) as {
      id: number;
      count_id: number;
      at: string;
      reason: string;
      by_name: string;
      auth_name: string;
    }[]
  ).map((r) => ({
    id: r.id,
    countId: r.count_id,
    at: r.at,
    byName: r.by_name,
    authorizedByName: r.auth_name,
    reason: r.reason,
  }));
}

/**
 * Every count of a shift, oldest first, with the recount each answers and the one that superseded
 * it. `blind`: the expected figures and differences are withheld (a recount is pending).
 */
function countRows(db: DB, shiftId: number, blind: boolean): CountRow[] {
  const auths = recountAuths(db, shiftId);
  const rows = stmt(
    db,
    `SELECT c.*, s.name AS by_name FROM shift_counts c JOIN staff s ON s.id = c.by
       WHERE c.shift_id = ? ORDER BY c.id`,
  ).all(shiftId) as (CountDb & { by_name: string })[];
  return rows.map((c) => ({
    id: c.id,
    at: c.at,
    byName: c.by_name,
    countedCents: c.counted_cents,
    expectedCents: blind ? null : c.expected_cents,
    differenceCents: blind ? null : c.counted_cents - c.expected_cents,
    recount: auths.find((a) => a.id === c.recount_id) ?? null,
    supersededBy: auths.find((a) => a.countId === c.id) ?? null,
  }));
}

function latestCount(db: DB, shiftId: number): CountDb | undefined {
  return stmt(db, 'SELECT * FROM shift_counts WHERE shift_id = ? ORDER BY id DESC LIMIT 1').get(shiftId) as
    CountDb | undefined;
}

/** The end of an open shift's window: now (a record made this very millisecond included). */
function windowTo(ctx: Ctx, s: ShiftDb): string {
  return s.window_to ?? isoPlus(ctx.nowIso(), 1);
}

function toShiftInfo(ctx: Ctx, s: ShiftDb): ShiftInfo {
  const db = ctx.db;
  let counted = false;
  let pending: RecountAuth | null = null;
  if (s.status === 'open') {
    const c = latestCount(db, s.id);
    const drawer = drawerState(db, s.id);
    counted = !!c && drawer.shut && c.expected_cents === cashFigures(db, s, windowTo(ctx, s)).expectedCents;
    if (drawer.recountId !== null)
      pending = recountAuths(db, s.id).find((a) => a.id === drawer.recountId) ?? null;
  } else counted = true;
  return {
    id: s.id,
    day: s.day,
    status: s.status,
    openedAt: s.opened_at,
    openedBy: staffRef(db, s.opened_by)!,
    onDuty: onDutyIds(s).map((id) => staffRef(db, id)!),
    previousShiftId: s.previous_shift_id,
    handoverAckAt: s.handover_ack_at,
    handoverAckBy: staffRef(db, s.handover_ack_by),
    floatPrefillCents: s.float_prefill_cents,
    floatCents: s.float_cents,
    floatReason: s.float_reason,
    checklist: JSON.parse(s.checklist_json) as ChecklistTick[],
    messages: s.messages,
    notes: s.notes,
    payouts: payouts(db, s.id),
    counted,
    counts: countRows(db, s.id, !counted),
    recountPending: pending,
    closedAt: s.closed_at,
  };
}

// ---- the handover book -----------------------------------------------------------------------

type VisitKind = 'member' | 'trial' | 'coach';

interface VisitLite {
  id: number;
  kind: VisitKind;
  name: string;
  card_no: string | null;
  gender: MemberGender;
  tag_id: number | null;
  tag_number: number | null;
  checked_in_at: string;
}

const VISIT_LITE = `SELECT v.id, v.kind, coalesce(m.name, v.guest_name, '') AS name, m.card_no, v.gender, v.tag_id,
    t.number AS tag_number, v.checked_in_at
  FROM visits v LEFT JOIN members m ON m.id = v.member_id LEFT JOIN key_tags t ON t.id = v.tag_id`;

/**
 * Tags handed out in the window: check-ins with a tag and tag changes, from the audit log. Read
 * through the time index: left to itself SQLite takes the (entity, entity_id) index and reads every
 * visit entry of the year (hundreds of thousands) instead of the shift's few thousand entries.
 */
function tagIssues(db: DB, from: string, to: string): { visitId: number; tag: number; at: string }[] {
  return (
    stmt(
      db,
      `SELECT entity_id, json_extract(after_json, '$.tag') AS tag, at FROM audit_log INDEXED BY audit_log_at
         WHERE at >= ? AND at < ? AND entity = 'visit'
           AND op IN ('checkin.scan', 'checkin.guest', 'checkin.changeTag')
           AND json_extract(after_json, '$.tag') IS NOT NULL
         ORDER BY id`,
    ).all(from, to) as { entity_id: string; tag: number; at: string }[]
  ).map((r) => ({ visitId: Number(r.entity_id), tag: Number(r.tag), at: r.at }));
}

function tagFigures(db: DB, from: string, to: string): HandoverBook['tags'] {
  const visits = stmt(
    db,
    `${VISIT_LITE} WHERE v.checked_in_at >= ? AND v.checked_in_at < ? ORDER BY v.checked_in_at, v.id`,
  ).all(from, to) as VisitLite[];
  const issues = tagIssues(db, from, to);
  const byVisit = new Map<number, number[]>();
  for (const i of issues) byVisit.set(i.visitId, [...(byVisit.get(i.visitId) ?? []), i.tag]);
  const inWindow = new Map(visits.map((v) => [v.id, v]));
  const mismatches: TagMismatch[] = [];
  const mk = (
    reason: TagMismatch['reason'],
    v: VisitLite | undefined,
    visitId: number | null,
    tags: number[],
  ) =>
    mismatches.push({
      reason,
      visitId,
      name: v?.name ?? null,
      kind: v?.kind ?? null,
      cardNo: v?.card_no ?? null,
      checkedInAt: v?.checked_in_at ?? null,
      tags,
    });
  for (const v of visits) {
    const tags = byVisit.get(v.id) ?? [];
    if (v.tag_id !== null && tags.length === 0)
      mk('no_issue_record', v, v.id, v.tag_number ? [v.tag_number] : []);
    else if (tags.length > 1) mk('tag_changed', v, v.id, tags);
  }
  for (const [visitId, tags] of byVisit) {
    if (inWindow.has(visitId)) continue;
    const v = stmt(db, `${VISIT_LITE} WHERE v.id = ?`).get(visitId) as VisitLite | undefined;
    mk('entry_outside_shift', v, visitId, tags);
  }
  const stray = stmt(
    db,
    `SELECT t.number FROM key_tags t WHERE t.status = 'issued'
         AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.tag_id = t.id AND v.checked_out_at IS NULL)
       ORDER BY t.number`,
  ).all() as { number: number }[];
  for (const s of stray) mk('issued_without_visit', undefined, null, [s.number]);

  const stillOut = tagsStillOut(db);
  const lost = (
    stmt(
      db,
      `${VISIT_LITE.replace('v.checked_in_at', 'v.checked_out_at AS checked_in_at')}
         WHERE v.checkout_kind = 'tag_not_returned' AND v.checked_out_at >= ? AND v.checked_out_at < ?
         ORDER BY v.checked_out_at`,
    ).all(from, to) as VisitLite[]
  ).map((v): TagLostRow => ({
    tagNumber: v.tag_number ?? 0,
    visitId: v.id,
    name: v.name,
    cardNo: v.card_no,
    at: v.checked_in_at,
  }));
  const entriesWithTag = visits.filter((v) => v.tag_id !== null).length;
  return {
    issued: issues.length,
    entriesWithTag,
    entriesWithoutTag: visits.length - entriesWithTag,
    match: issues.length === entriesWithTag && mismatches.length === 0,
    mismatches,
    stillOut,
    lost,
  };
}

/** Every tag out now, with its holder. */
function tagsStillOut(db: DB): TagOut[] {
  return (
    stmt(
      db,
      `${VISIT_LITE} WHERE v.checked_out_at IS NULL AND v.tag_id IS NOT NULL ORDER BY t.number`,
    ).all() as VisitLite[]
  ).map((v): TagOut => ({
    tagNumber: v.tag_number!,
    visitId: v.id,
    name: v.name,
    kind: v.kind,
    cardNo: v.card_no,
    since: v.checked_in_at,
  }));
}

/** Tabs of the people inside that are not paid yet. */
function unpaidTabs(db: DB): UnpaidTab[] {
  const open = stmt(
    db,
    `${VISIT_LITE} WHERE v.checked_out_at IS NULL ORDER BY t.number, v.id`,
  ).all() as VisitLite[];
  const out: UnpaidTab[] = [];
  for (const v of open) {
    const cents = visitTabCents(db, v.id);
    if (cents > 0) out.push({ visitId: v.id, name: v.name, tagNumber: v.tag_number, cents });
  }
  return out;
}

/**
 * The handover book of a window. `blind`: the cash parts of the money figures are withheld (the
 * running shift before its count).
 */
export function handoverBook(ctx: Ctx, from: string, to: string, blind: boolean): HandoverBook {
  const db = ctx.db;
  const entries = {
    member: { male: 0, female: 0, unknown: 0 },
    trial: { male: 0, female: 0, unknown: 0 },
    coach: { male: 0, female: 0, unknown: 0 },
    total: 0,
  };
  const rows = stmt(
    db,
    `SELECT kind, gender, count(*) AS n FROM visits WHERE checked_in_at >= ? AND checked_in_at < ? GROUP BY kind, gender`,
  ).all(from, to) as { kind: VisitKind; gender: MemberGender; n: number }[];
  for (const r of rows) {
    entries[r.kind][r.gender] += r.n;
    entries.total += r.n;
  }
  const v = visitorHandover(db, from, to);
  const cardSales = cardSalesFigures(db, from, to, blind);

  const topupRows = stmt(
    db,
    `SELECT p.method, count(DISTINCT s.id) AS n, sum(p.amount_cents) AS c FROM settlements s
       JOIN payments p ON p.settlement_id = s.id
       WHERE s.kind = 'topup' AND s.at >= ? AND s.at < ? GROUP BY p.method`,
  ).all(from, to) as { method: PaymentMethod; n: number; c: number }[];
  const topupCount = (
    stmt(db, "SELECT count(*) AS n FROM settlements WHERE kind = 'topup' AND at >= ? AND at < ?").get(
      from,
      to,
    ) as { n: number }
  ).n;
  const tb = { cash: 0, card: 0, mobile: 0 };
  for (const r of topupRows) if (r.method !== 'stored_value') tb[r.method] += r.c;
  const topupTotal = tb.cash + tb.card + tb.mobile;

  const sales = (
    stmt(
      db,
      `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
         WHERE s.created_at >= ? AND s.created_at < ? AND l.voided_at IS NULL`,
    ).get(from, to) as { c: number }
  ).c;
  const bm = barPaymentsByMethod(db, from, to);
  const unpaidLeft = (
    stmt(
      db,
      `SELECT coalesce(sum(l.amount_cents), 0) AS c FROM bar_slip_lines l JOIN bar_slips s ON s.id = l.slip_id
         JOIN visits v ON v.id = s.visit_id
         WHERE v.unpaid_allowed_by IS NOT NULL AND v.checked_out_at >= ? AND v.checked_out_at < ?
           AND l.settlement_id IS NULL AND l.voided_at IS NULL`,
    ).get(from, to) as { c: number }
  ).c;

  return {
    from,
    to,
    entries,
    visitors: v.visitors,
    phoneInquiries: v.phoneInquiries,
    cardsSold: mergeCardsSold(v.cardsSold, cardSales),
    cardSales,
    topups: {
      count: topupCount,
      totalCents: blind ? null : topupTotal,
      byMethod: { cash: blind ? null : tb.cash, card: tb.card, mobile: tb.mobile },
    },
    bar: {
      salesCents: sales,
      byMethod: {
        cash: blind ? null : bm.cash,
        card: bm.card,
        mobile: bm.mobile,
        stored_value: bm.stored_value,
      },
      unpaidLeftCents: unpaidLeft,
      unpaidTabs: unpaidTabs(db),
    },
    tags: tagFigures(db, from, to),
  };
}

/** Cash in the drawer the records say there should be: float + takings − change − refunds − pay-outs. */
function cashFigures(db: DB, s: ShiftDb, to: string): CashFigures {
  const r = stmt(
    db,
    `SELECT coalesce(sum(CASE WHEN amount_cents > 0 THEN coalesce(tendered_cents, amount_cents) ELSE 0 END), 0) AS takings,
              coalesce(sum(CASE WHEN amount_cents > 0 THEN coalesce(change_cents, 0) ELSE 0 END), 0) AS change,
              coalesce(sum(CASE WHEN amount_cents < 0 THEN -amount_cents ELSE 0 END), 0) AS refunds
       FROM payments WHERE method = 'cash' AND at >= ? AND at < ?`,
  ).get(s.window_from, to) as { takings: number; change: number; refunds: number };
  const paid = (
    stmt(db, 'SELECT coalesce(sum(amount_cents), 0) AS c FROM shift_payouts WHERE shift_id = ?').get(
      s.id,
    ) as {
      c: number;
    }
  ).c;
  return {
    floatCents: s.float_cents,
    takingsCents: r.takings,
    changeCents: r.change,
    refundsCents: r.refunds,
    payoutsCents: paid,
    expectedCents: s.float_cents + r.takings - r.change - r.refunds - paid,
  };
}

function toCountResult(db: DB, s: ShiftDb, c: CountDb, cash: CashFigures): CountResult {
  return {
    shiftId: s.id,
    countedCents: c.counted_cents,
    denominations: JSON.parse(c.denominations_json) as Denominations,
    expectedCents: c.expected_cents,
    differenceCents: c.counted_cents - c.expected_cents,
    cash,
    at: c.at,
  };
}

function corrections(db: DB, shiftId: number): ShiftCorrection[] {
  return (
    stmt(
      db,
      `SELECT c.*, s.name AS by_name FROM shift_corrections c JOIN staff s ON s.id = c.by
         WHERE c.shift_id = ? ORDER BY c.id`,
    ).all(shiftId) as {
      id: number;
      figure: string | null;
      value: number | null;
      text: string;
      at: string;
      by_name: string;
    }[]
  ).map((r) => ({ id: r.id, figure: r.figure, value: r.value, text: r.text, at: r.at, byName: r.by_name }));
}

interface FrozenBook {
  book: HandoverBook;
  cash: CashFigures;
  denominations: Denominations;
}

export function shiftReport(ctx: Ctx, s: ShiftDb): ShiftReport {
  if (s.status !== 'closed') throw new AppError('SHIFT_NOT_CLOSED', { id: s.id });
  const frozen = JSON.parse(s.book_json!) as FrozenBook;
  return {
    clubName: ctx.settings.clubName,
    shift: toShiftInfo(ctx, s),
    book: frozen.book,
    cash: frozen.cash,
    countedCents: s.counted_cents!,
    denominations: frozen.denominations,
    differenceCents: s.difference_cents!,
    differenceReason: s.difference_reason,
    floatHandedCents: s.float_handed_cents!,
    signedOutBy: staffRef(ctx.db, s.signed_out_by)!,
    signedInBy: staffRef(ctx.db, s.signed_in_by)!,
    corrections: corrections(ctx.db, s.id),
  };
}

function toShiftRow(ctx: Ctx, s: ShiftDb): ShiftRow {
  const book = s.book_json ? (JSON.parse(s.book_json) as FrozenBook).book : null;
  return {
    id: s.id,
    day: s.day,
    openedAt: s.opened_at,
    closedAt: s.closed_at,
    onDuty: onDutyIds(s).map((id) => staffRef(ctx.db, id)!),
    signedOutBy: staffRef(ctx.db, s.signed_out_by),
    signedInBy: staffRef(ctx.db, s.signed_in_by),
    entries: book
      ? book.entries.total
      : handoverBook(ctx, s.window_from, windowTo(ctx, s), true).entries.total,
    countedCents: s.counted_cents,
    expectedCents: s.expected_cents,
    differenceCents: s.difference_cents,
    corrections: (
      stmt(ctx.db, 'SELECT count(*) AS n FROM shift_corrections WHERE shift_id = ?').get(s.id) as {
        n: number;
      }
    ).n,
  };
}

/** Managers and shift leads see every shift; reception the shifts they were on (or signed), and the last one. */
function canSee(ctx: Ctx, s: ShiftDb): boolean {
  const me = ctx.requireActor();
  if (SUPERVISORS.includes(me.role)) return true;
  if (onDutyIds(s).includes(me.id) || s.signed_in_by === me.id || s.signed_out_by === me.id) return true;
  if (s.status === 'open') return true;
  return lastClosed(ctx.db)?.id === s.id;
}

function checkTicks(items: readonly string[], checked: readonly string[], at: string): ChecklistTick[] {
  const set = new Set(checked);
  return items.filter((i) => set.has(i)).map((item) => ({ item, at }));
}

// ---- day ---------------------------------------------------------------------------------------

interface DayCloseDb {
  id: number;
  day: string;
  closed_at: string;
  closed_by: number;
  checklist_json: string;
  book_json: string;
  backup_file: string | null;
}

/** The close of the day that stands: the latest one no reopening refers to. */
function standingClose(db: DB, day: string): DayCloseDb | undefined {
  return stmt(
    db,
    `SELECT * FROM day_closes c WHERE c.day = ?
         AND NOT EXISTS (SELECT 1 FROM day_reopenings r WHERE r.day_close_id = c.id)
       ORDER BY c.id DESC LIMIT 1`,
  ).get(day) as DayCloseDb | undefined;
}

function dayReport(ctx: Ctx, day: string): DayReport {
  const closed = standingClose(ctx.db, day);
  if (closed) {
    const r = JSON.parse(closed.book_json) as Partial<DayReport> & Omit<DayReport, keyof DayExtras>;
    // A close recorded before counts, pay-outs and blockers were part of the report: read them now
    // (the day's shifts are closed, so they are what they were).
    const extras =
      'counts' in r
        ? {}
        : dayExtras(
            ctx,
            day,
            r.shifts.map((x) => x.id),
          );
    return {
      ...extras,
      ...r,
      reopenings: dayReopenings(ctx.db, day),
      backupFile: closed.backup_file,
    } as DayReport;
  }
  return computeDay(ctx, day, null, []);
}

function dayReopenings(db: DB, day: string): DayReopening[] {
  return (
    stmt(
      db,
      `SELECT r.id, r.at, r.reason, s.name AS by_name, a.name AS auth_name, c.closed_at, cs.name AS closed_by_name
         FROM day_reopenings r JOIN staff s ON s.id = r.by JOIN staff a ON a.id = r.authorized_by
           JOIN day_closes c ON c.id = r.day_close_id JOIN staff cs ON cs.id = c.closed_by
         WHERE r.day = ? ORDER BY r.id`,
    ).all(day) as {
      id: number;
      at: string;
      reason: string;
      by_name: string;
      auth_name: string;
      closed_at: string;
      closed_by_name: string;
    }[]
  ).map((r) => ({
    id: r.id,
    at: r.at,
    byName: r.by_name,
    authorizedByName: r.auth_name,
    reason: r.reason,
    closedAt: r.closed_at,
    closedByName: r.closed_by_name,
  }));
}

/** Bar items on sale that no stocktake of the day counted. */
function stocktakeMissing(ctx: Ctx, day: string): string[] {
  const { from, to } = dayBoundsUtc(day, ctx.settings.timeZone);
  return (
    stmt(
      ctx.db,
      `SELECT i.name FROM bar_items i WHERE i.active = 1 AND NOT EXISTS (
           SELECT 1 FROM stocktake_lines l JOIN stocktakes t ON t.id = l.stocktake_id
           WHERE l.item_id = i.id AND t.at >= ? AND t.at < ?)
         ORDER BY i.sort, i.name`,
    ).all(from, to) as { name: string }[]
  ).map((r) => r.name);
}

/** What stops the close of the day, read from the records. */
function dayBlockers(ctx: Ctx, day: string): DayBlockers {
  const open = stmt(ctx.db, "SELECT * FROM shifts WHERE status = 'open' AND day <= ? ORDER BY id").all(
    day,
  ) as ShiftDb[];
  return {
    openShifts: open.map((s) => ({
      id: s.id,
      day: s.day,
      openedAt: s.opened_at,
      onDuty: onDutyIds(s).map((id) => staffRef(ctx.db, id)!),
    })),
    stocktakeMissing: stocktakeMissing(ctx, day),
  };
}

type DayExtras = Pick<DayReport, 'counts' | 'payouts' | 'stocktakes' | 'reopenings' | 'blockers'>;

function dayExtras(ctx: Ctx, day: string, shiftIds: number[]): DayExtras {
  const { from, to } = dayBoundsUtc(day, ctx.settings.timeZone);
  const db = ctx.db;
  const blindOf = (id: number) => {
    const s = getShift(db, id);
    return s.status === 'open' && !toShiftInfo(ctx, s).counted;
  };
  return {
    counts: shiftIds.flatMap((id) => countRows(db, id, blindOf(id)).map((c) => ({ ...c, shiftId: id }))),
    payouts: shiftIds.flatMap((id) => payouts(db, id).map((p) => ({ ...p, shiftId: id }))),
    stocktakes: (
      stmt(
        db,
        `SELECT t.id, t.kind, t.at, s.name AS by_name FROM stocktakes t JOIN staff s ON s.id = t.by
           WHERE t.at >= ? AND t.at < ? ORDER BY t.at, t.id`,
      ).all(from, to) as { id: number; kind: 'daily' | 'month_end'; at: string; by_name: string }[]
    ).map((t) => ({ id: t.id, kind: t.kind, at: t.at, byName: t.by_name })),
    reopenings: dayReopenings(db, day),
    blockers: dayBlockers(ctx, day),
  };
}

function computeDay(ctx: Ctx, day: string, closedAt: string | null, ticked: ChecklistTick[]): DayReport {
  const { from, to } = dayBoundsUtc(day, ctx.settings.timeZone);
  const shifts = stmt(ctx.db, 'SELECT * FROM shifts WHERE day = ? ORDER BY opened_at, id').all(
    day,
  ) as ShiftDb[];
  const closed = shifts.filter((s) => s.status === 'closed');
  const sum = (f: (s: ShiftDb) => number) => closed.reduce((a, s) => a + f(s), 0);
  const last = closed[closed.length - 1];
  return {
    ...dayExtras(
      ctx,
      day,
      shifts.map((s) => s.id),
    ),
    clubName: ctx.settings.clubName,
    day,
    closedAt,
    closedBy: closedAt ? staffRef(ctx.db, ctx.requireActor().id) : null,
    shifts: shifts.map((s) => toShiftRow(ctx, s)),
    openShift: shifts.some((s) => s.status === 'open'),
    book: handoverBook(ctx, from, to, false),
    cash: {
      countedCents: sum((s) => s.counted_cents!),
      expectedCents: sum((s) => s.expected_cents!),
      // never netted: each shift's surplus and shortage stay apart
      overCents: sum((s) => Math.max(0, s.difference_cents!)),
      shortCents: sum((s) => Math.max(0, -s.difference_cents!)),
      floatHandedCents: last ? last.float_handed_cents : null,
    },
    checklist: ctx.settings.closingChecklist,
    ticked,
    backupFile: null,
  };
}

function dayCloseRow(ctx: Ctx, d: DayCloseDb): DayCloseRow {
  const r = JSON.parse(d.book_json) as DayReport;
  const reopened = stmt(ctx.db, 'SELECT count(*) AS n FROM day_reopenings WHERE day = ?').get(d.day) as {
    n: number;
  };
  return {
    reopenings: reopened.n,
    id: d.id,
    day: d.day,
    closedAt: d.closed_at,
    closedBy: staffRef(ctx.db, d.closed_by)!,
    shifts: r.shifts.length,
    entries: r.book.entries.total,
    overCents: r.cash.overCents,
    shortCents: r.cash.shortCents,
  };
}

/**
 * Closes the day in one transaction (the backup follows, outside it), checked against the records:
 * no shift of the day (or begun before it) still open, the bar's stocktake of the day recorded for
 * every item on sale, every pre-closing checklist item ticked; never twice (unless reopened).
 */
export function closeDayRecord(ctx: Ctx, day: string, checked: readonly string[]): DayReport {
  const me = ctx.requireActor();
  if (day > ctx.today()) throw new AppError('RANGE_INVALID', { from: day, to: ctx.today() });
  if (standingClose(ctx.db, day)) throw new AppError('DAY_ALREADY_CLOSED', { day });
  const blockers = dayBlockers(ctx, day);
  const open = blockers.openShifts[0];
  if (open)
    throw new AppError('DAY_HAS_OPEN_SHIFT', {
      day,
      shiftId: open.id,
      names: open.onDuty.map((x) => x.name).join(', '),
    });
  if (blockers.stocktakeMissing.length)
    throw new AppError('DAY_STOCKTAKE_MISSING', {
      day,
      items: blockers.stocktakeMissing.slice(0, 20),
      names: blockers.stocktakeMissing.slice(0, 8).join(', '),
      n: blockers.stocktakeMissing.length,
    });
  const items = ctx.settings.closingChecklist;
  const missing = items.filter((i) => !checked.includes(i));
  if (missing.length) throw new AppError('CHECKLIST_INCOMPLETE', { missing });
  const now = ctx.nowIso();
  const report = computeDay(ctx, day, now, checkTicks(items, checked, now));
  const id = Number(
    stmt(
      ctx.db,
      'INSERT INTO day_closes (day, closed_at, closed_by, checklist_json, book_json) VALUES (?, ?, ?, ?, ?)',
    ).run(day, now, me.id, JSON.stringify(report.ticked), JSON.stringify(report)).lastInsertRowid,
  );
  ctx.audit({
    op: 'shift.closeDay',
    entity: 'day_close',
    entityId: id,
    after: {
      day,
      shifts: report.shifts.length,
      entries: report.book.entries.total,
      cash: report.cash,
      reopened: report.reopenings.length,
    },
  });
  return report;
}

/**
 * Reopens a closed day: a manager's PIN (a shift lead's is refused) and the reason, audited. The
 * close stays as it was, marked reopened; the day's report is computed again and the day is closed
 * again with shift.closeDay (a shift of the day may be opened in between).
 */
export function reopenDay(ctx: Ctx, day: string, auth: { staffId: number; pin: string; reason: string }) {
  const me = ctx.requireActor();
  const close = standingClose(ctx.db, day);
  if (!close) throw new AppError('DAY_NOT_CLOSED', { day });
  let who;
  try {
    who = authorize(ctx, auth, MANAGERS);
  } catch (e) {
    if (isAppError(e) && e.code === 'OVERRIDE_NOT_ALLOWED')
      throw new AppError('MANAGER_PIN_REQUIRED', { role: String(e.params.role ?? '') });
    throw e;
  }
  const reason = auth.reason.trim();
  const id = Number(
    stmt(
      ctx.db,
      'INSERT INTO day_reopenings (day, day_close_id, authorized_by, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(day, close.id, who.id, reason, ctx.nowIso(), me.id).lastInsertRowid,
  );
  ctx.audit({
    op: 'shift.reopenDay',
    entity: 'day_close',
    entityId: close.id,
    after: { day, reopeningId: id, authorizedBy: who.id },
    detail: reason,
  });
  return computeDay(ctx, day, null, []);
}

export function recordDayBackup(ctx: Ctx, day: string, file: string): void {
  // the standing close (an earlier, reopened close of the day keeps its own backup)
  const close = standingClose(ctx.db, day);
  if (!close) return;
  stmt(ctx.db, 'UPDATE day_closes SET backup_file = ? WHERE id = ?').run(file, close.id);
  ctx.audit({ op: 'shift.closeDay.backup', entity: 'day_close', entityId: day, after: { file } });
}

// ---- CSV -----------------------------------------------------------------------------------

/** Money in a sentence of the CSV file: "-10.00". */
const yuan = (c: number | null) => (c === null ? '' : centsToYuan(c));

function bookCsvRows(book: HandoverBook, en: boolean): CsvValue[][] {
  const L = en
    ? {
        entries: 'Entries',
        member: 'Members',
        trial: 'Trial guests',
        coach: 'Coaches',
        men: 'men',
        women: 'women',
        unknown: 'gender unknown',
        total: 'Total entries',
        visitors: 'Visitors',
        inquiries: 'Phone inquiries',
        cards: 'Cards sold',
        cardSales: 'Cards sold at the desk',
        topups: 'Stored-value top-ups',
        bar: 'Bar sales',
        paid: 'Bar paid',
        tags: 'Key tags',
        issued: 'Tags issued',
        withTag: 'Entries with a tag',
        withoutTag: 'Entries without a tag',
        mismatches: 'Mismatches',
        stillOut: 'Tags still out',
        lost: 'Tags lost',
      }
    : {
        entries: '入场',
        member: '会员',
        trial: '体验',
        coach: '教练',
        men: '男',
        women: '女',
        unknown: '性别未知',
        total: '入场合计',
        visitors: '访客',
        inquiries: '电话咨询',
        cards: '售卡',
        cardSales: '前台售卡收款',
        topups: '储值充值',
        bar: '水吧销售',
        paid: '水吧收款',
        tags: '手牌',
        issued: '发出手牌',
        withTag: '带手牌入场',
        withoutTag: '无手牌入场',
        mismatches: '不符',
        stillOut: '未归还手牌',
        lost: '丢失手牌',
      };
  const rows: CsvValue[][] = [];
  for (const k of ['member', 'trial', 'coach'] as const) {
    rows.push([L.entries, `${L[k]} ${L.men}`, book.entries[k].male]);
    rows.push([L.entries, `${L[k]} ${L.women}`, book.entries[k].female]);
    // members imported without a gender: counted on a line of their own (books frozen before have none)
    if (book.entries[k].unknown) rows.push([L.entries, `${L[k]} ${L.unknown}`, book.entries[k].unknown]);
  }
  rows.push([L.entries, L.total, book.entries.total]);
  rows.push([L.visitors, L.visitors, book.visitors]);
  rows.push([L.inquiries, L.inquiries, book.phoneInquiries]);
  for (const c of book.cardsSold) rows.push([L.cards, c.cardTypeName, c.count]);
  if (book.cardSales) {
    rows.push([L.cardSales, '#', book.cardSales.count]);
    for (const m of ['cash', 'card', 'mobile', 'stored_value'] as const)
      rows.push([L.cardSales, m, csvMoney(book.cardSales.byMethod[m])]);
  }
  rows.push([L.topups, '#', book.topups.count]);
  for (const m of ['cash', 'card', 'mobile'] as const)
    rows.push([L.topups, m, csvMoney(book.topups.byMethod[m])]);
  rows.push([L.bar, L.bar, csvMoney(book.bar.salesCents)]);
  for (const m of ['cash', 'card', 'mobile', 'stored_value'] as const)
    rows.push([L.paid, m, csvMoney(book.bar.byMethod[m])]);
  rows.push([L.tags, L.issued, book.tags.issued]);
  rows.push([L.tags, L.withTag, book.tags.entriesWithTag]);
  rows.push([L.tags, L.withoutTag, book.tags.entriesWithoutTag]);
  rows.push([L.tags, L.mismatches, book.tags.mismatches.length]);
  rows.push([L.tags, L.stillOut, book.tags.stillOut.length]);
  rows.push([L.tags, L.lost, book.tags.lost.length]);
  return rows;
}

/** Every count: when, who, counted, expected, difference; a recount with who authorised it and why. */
function countCsvRows(counts: readonly CountRow[], en: boolean): CsvValue[][] {
  return counts.map((c) => [
    en ? 'Cash count' : '现金清点',
    `${c.at} ${c.byName}`,
    csvMoney(c.countedCents),
    [
      c.expectedCents === null
        ? ''
        : `${en ? 'expected' : '应有'} ${yuan(c.expectedCents)}, ${en ? 'difference' : '差额'} ${yuan(c.differenceCents)}`,
      c.recount
        ? `${en ? 'recount authorised by' : '重点授权'} ${c.recount.authorizedByName}: ${c.recount.reason}`
        : '',
      c.supersededBy ? (en ? 'superseded' : '已被重点取代') : '',
    ]
      .filter(Boolean)
      .join('; '),
  ]);
}

function payoutCsvRows(list: readonly Payout[], en: boolean): CsvValue[][] {
  return list.map((p) => [
    en ? 'Pay-out' : '支出',
    `${p.at} ${p.byName}`,
    csvMoney(p.amountCents),
    `${p.reason}${p.authorizedByName ? ` (${en ? 'authorised by' : '授权'} ${p.authorizedByName})` : ''}`,
  ]);
}

function cashCsvRows(c: { label: string; value: number | null }[], en: boolean): CsvValue[][] {
  return c.map((x) => [en ? 'Cash' : '现金', x.label, csvMoney(x.value)]);
}

// ---- handlers ----------------------------------------------------------------------------------

export const shiftHandlers = handlers({
  'shift.opening': (ctx) => {
    const db = ctx.db;
    const open = openShiftRow(db);
    const prev = lastClosed(db);
    const items = (incidentHandlers['review.openItems'] as (c: Ctx, a: object) => OpenItems)(ctx, {});
    const today = ctx.today();
    const fromDay = prev ? prev.day : addDays(today, -1);
    const staff = stmt(
      db,
      `SELECT id, name FROM staff WHERE active = 1 AND role IN (SELECT value FROM json_each(?)) ORDER BY name`,
    ).all(JSON.stringify(DESK)) as ShiftStaff[];
    const closedToday = standingClose(db, today);
    return {
      openShiftId: open?.id ?? null,
      dayClosed: closedToday
        ? { day: today, closedAt: closedToday.closed_at, closedBy: staffRef(db, closedToday.closed_by)! }
        : null,
      previous: prev ? shiftReport(ctx, prev) : null,
      openItems: {
        tagsOut: tagsStillOut(db),
        unpaidTabs: unpaidTabs(db),
        complaints: items.complaints,
        incidents: items.incidents,
        followUps: items.followUps,
        missedAnnouncements: missedAnnouncements(ctx, fromDay, today),
      },
      floatPrefillCents: prev?.float_handed_cents ?? ctx.settings.defaultFloatCents,
      checklist: ctx.settings.openingChecklist,
      staff,
    };
  },

  'shift.open': (ctx, a) => {
    const me = ctx.requireActor();
    const db = ctx.db;
    const open = openShiftRow(db);
    if (open) throw new AppError('SHIFT_ALREADY_OPEN', { id: open.id });
    // A closed day takes no new shift (nor cash): a manager reopens it first (shift.reopenDay).
    if (standingClose(db, ctx.today())) throw new AppError('DAY_ALREADY_CLOSED', { day: ctx.today() });
    const ids = [...new Set(a.staffIds)];
    for (const id of ids) {
      const r = stmt(db, 'SELECT role, active FROM staff WHERE id = ?').get(id) as
        { role: (typeof DESK)[number]; active: number } | undefined;
      if (!r || r.active !== 1 || !DESK.includes(r.role))
        throw new AppError('SHIFT_STAFF_INVALID', { staffId: id });
    }
    const prev = lastClosed(db);
    if (prev && !a.acknowledged) throw new AppError('HANDOVER_NOT_ACKNOWLEDGED', { shiftId: prev.id });
    const prefill = prev?.float_handed_cents ?? ctx.settings.defaultFloatCents;
    const reason = a.floatReason?.trim() || null;
    if (a.floatCents !== prefill && !reason)
      throw new AppError('FLOAT_REASON_REQUIRED', { prefill, entered: a.floatCents });
    const now = ctx.nowIso();
    const from = prev?.window_to && prev.window_to > now ? prev.window_to : (prev?.window_to ?? now);
    const ticks = checkTicks(ctx.settings.openingChecklist, a.checked, now);
    const id = Number(
      stmt(
        db,
        `INSERT INTO shifts (day, status, opened_at, opened_by, window_from, staff_json, previous_shift_id,
             handover_ack_at, handover_ack_by, float_prefill_cents, float_cents, float_reason, checklist_json)
           VALUES (?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        ctx.today(),
        now,
        me.id,
        from,
        JSON.stringify(ids),
        prev?.id ?? null,
        prev ? now : null,
        prev ? me.id : null,
        prefill,
        a.floatCents,
        a.floatCents === prefill ? null : reason,
        JSON.stringify(ticks),
      ).lastInsertRowid,
    );
    ctx.audit({
      op: 'shift.open',
      entity: 'shift',
      entityId: id,
      after: {
        staff: ids,
        floatCents: a.floatCents,
        floatPrefillCents: prefill,
        floatReason: a.floatCents === prefill ? null : reason,
        acknowledged: prev ? prev.id : null,
        checked: ticks.map((t) => t.item),
      },
    });
    return toShiftInfo(ctx, getShift(db, id));
  },

  'shift.current': (ctx) => {
    const s = openShiftRow(ctx.db);
    if (!s) return { shift: null, book: null, count: null };
    const info = toShiftInfo(ctx, s);
    const to = windowTo(ctx, s);
    let count: CountResult | null = null;
    if (info.counted) {
      const c = latestCount(ctx.db, s.id)!;
      count = toCountResult(ctx.db, s, c, cashFigures(ctx.db, s, to));
    }
    return { shift: info, book: handoverBook(ctx, s.window_from, to, !info.counted), count };
  },

  'shift.update': (ctx, a) => {
    const s = requireOpen(ctx.db, a.shiftId);
    const messages = a.messages ?? s.messages;
    const notes = a.notes ?? s.notes;
    stmt(ctx.db, 'UPDATE shifts SET messages = ?, notes = ? WHERE id = ?').run(messages, notes, s.id);
    ctx.audit({
      op: 'shift.update',
      entity: 'shift',
      entityId: s.id,
      before: { messages: s.messages, notes: s.notes },
      after: { messages, notes },
    });
    return toShiftInfo(ctx, getShift(ctx.db, s.id));
  },

  'shift.payout': (ctx, a) => {
    const me = ctx.requireActor();
    const s = requireOpen(ctx.db, a.shiftId);
    // After the count the drawer is shut: a recount must be authorised first.
    if (drawerState(ctx.db, s.id).shut) throw new AppError('DRAWER_COUNTED', { shiftId: s.id });
    // Cash out of the drawer is never one person's word: a shift lead's or manager's PIN (their own
    // if they are the one logged in; reception's never).
    const who = authorize(ctx, a.authorization, SUPERVISORS);
    const reason = a.authorization.reason.trim();
    const id = Number(
      stmt(
        ctx.db,
        'INSERT INTO shift_payouts (shift_id, amount_cents, reason, at, by, authorized_by) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(s.id, a.amountCents, reason, ctx.nowIso(), me.id, who.id).lastInsertRowid,
    );
    ctx.audit({
      op: 'shift.payout',
      entity: 'shift',
      entityId: s.id,
      after: { payoutId: id, amountCents: a.amountCents, authorizedBy: who.id },
      detail: reason,
    });
    return toShiftInfo(ctx, getShift(ctx.db, s.id));
  },

  'shift.count': (ctx, a) => {
    const me = ctx.requireActor();
    const s = requireOpen(ctx.db, a.shiftId);
    // One blind count per shift; another one only answers a recount a shift lead authorised.
    const drawer = drawerState(ctx.db, s.id);
    if (drawer.shut) throw new AppError('SHIFT_ALREADY_COUNTED', { id: s.id });
    const cash = cashFigures(ctx.db, s, windowTo(ctx, s));
    const counted = denominationsTotal(a.denominations);
    if (counted > 100_000_000)
      throw new AppError('VALIDATION', { issues: [{ path: 'denominations', code: 'too_big' }] });
    const now = ctx.nowIso();
    const id = Number(
      stmt(
        ctx.db,
        `INSERT INTO shift_counts (shift_id, denominations_json, counted_cents, expected_cents, at, by, recount_id)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(s.id, JSON.stringify(a.denominations), counted, cash.expectedCents, now, me.id, drawer.recountId)
        .lastInsertRowid,
    );
    ctx.audit({
      op: 'shift.count',
      entity: 'shift',
      entityId: s.id,
      after: {
        countId: id,
        countedCents: counted,
        expectedCents: cash.expectedCents,
        differenceCents: counted - cash.expectedCents,
        recount: drawer.recountId,
      },
    });
    return toCountResult(ctx.db, s, latestCount(ctx.db, s.id)!, cash);
  },

  'shift.authorizeRecount': (ctx, a) => {
    const me = ctx.requireActor();
    const s = requireOpen(ctx.db, a.shiftId);
    const drawer = drawerState(ctx.db, s.id);
    if (drawer.countId === null) throw new AppError('SHIFT_NOT_COUNTED', { id: s.id });
    if (drawer.recountId !== null) throw new AppError('RECOUNT_PENDING', { id: s.id });
    const who = authorize(ctx, a.authorization, SUPERVISORS);
    const reason = a.authorization.reason.trim();
    const id = Number(
      stmt(
        ctx.db,
        'INSERT INTO shift_recounts (shift_id, count_id, authorized_by, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(s.id, drawer.countId, who.id, reason, ctx.nowIso(), me.id).lastInsertRowid,
    );
    ctx.audit({
      op: 'shift.authorizeRecount',
      entity: 'shift',
      entityId: s.id,
      after: { recountId: id, supersedes: drawer.countId, authorizedBy: who.id },
      detail: reason,
    });
    return toShiftInfo(ctx, getShift(ctx.db, s.id));
  },

  'shift.close': (ctx, a) => {
    const me = ctx.requireActor();
    const db = ctx.db;
    const s = requireOpen(db, a.shiftId);
    const now = ctx.nowIso();
    const to = isoPlus(now, 1);
    const cash = cashFigures(db, s, to);
    const c = latestCount(db, s.id);
    if (!c) throw new AppError('SHIFT_NOT_COUNTED', { id: s.id });
    // An authorised recount not counted yet: the close uses the latest count, so it waits for it.
    if (drawerState(db, s.id).recountId !== null)
      throw new AppError('SHIFT_NOT_COUNTED', { id: s.id, recount: true });
    if (c.expected_cents !== cash.expectedCents) throw new AppError('CASH_CHANGED_SINCE_COUNT', { id: s.id });
    const difference = c.counted_cents - c.expected_cents;
    const reason = a.differenceReason?.trim() || null;
    if (difference !== 0 && !reason) throw new AppError('DIFFERENCE_REASON_REQUIRED', { difference });
    if (a.floatHandedCents > c.counted_cents)
      throw new AppError('FLOAT_EXCEEDS_CASH', { float: a.floatHandedCents, counted: c.counted_cents });
    if (a.outgoing.staffId === a.incoming.staffId)
      throw new AppError('SIGNER_INVALID', { who: 'incoming', why: 'same' });
    const out = verifyPin(db, a.outgoing.staffId, a.outgoing.pin, ctx.now());
    if (!DESK.includes(out.role) || (!onDutyIds(s).includes(out.id) && !SUPERVISORS.includes(out.role)))
      throw new AppError('SIGNER_INVALID', { who: 'outgoing', why: 'not_on_duty' });
    const inc = verifyPin(db, a.incoming.staffId, a.incoming.pin, ctx.now());
    if (!DESK.includes(inc.role)) throw new AppError('SIGNER_INVALID', { who: 'incoming', why: 'role' });
    const book = handoverBook(ctx, s.window_from, to, false);
    const frozen: FrozenBook = {
      book,
      cash,
      denominations: JSON.parse(c.denominations_json) as Denominations,
    };
    stmt(
      db,
      `UPDATE shifts SET status = 'closed', window_to = ?, closed_at = ?, closed_by = ?, counted_cents = ?,
         expected_cents = ?, difference_cents = ?, difference_reason = ?, float_handed_cents = ?, book_json = ?,
         messages = ?, notes = ?, signed_out_by = ?, signed_in_by = ?
       WHERE id = ?`,
    ).run(
      to,
      now,
      me.id,
      c.counted_cents,
      c.expected_cents,
      difference,
      difference === 0 ? null : reason,
      a.floatHandedCents,
      JSON.stringify(frozen),
      a.messages,
      a.notes,
      out.id,
      inc.id,
      s.id,
    );
    ctx.audit({
      op: 'shift.close',
      entity: 'shift',
      entityId: s.id,
      after: {
        countedCents: c.counted_cents,
        expectedCents: c.expected_cents,
        differenceCents: difference,
        differenceReason: difference === 0 ? null : reason,
        floatHandedCents: a.floatHandedCents,
        signedOutBy: out.id,
        signedInBy: inc.id,
        entries: book.entries.total,
      },
    });
    return shiftReport(ctx, getShift(db, s.id));
  },

  'shift.addCorrection': (ctx, a) => {
    const me = ctx.requireActor();
    const s = getShift(ctx.db, a.shiftId);
    if (s.status !== 'closed') throw new AppError('SHIFT_NOT_CLOSED', { id: s.id });
    if (!canSee(ctx, s)) throw new AppError('FORBIDDEN', { op: 'shift.addCorrection' });
    const id = Number(
      stmt(
        ctx.db,
        'INSERT INTO shift_corrections (shift_id, figure, value, text, at, by) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(s.id, a.figure ?? null, a.value ?? null, a.text, ctx.nowIso(), me.id).lastInsertRowid,
    );
    ctx.audit({
      op: 'shift.addCorrection',
      entity: 'shift',
      entityId: s.id,
      after: { correctionId: id, figure: a.figure ?? null, value: a.value ?? null },
      detail: a.text,
    });
    return shiftReport(ctx, s);
  },

  'shift.report': (ctx, a) => {
    const s = getShift(ctx.db, a.id);
    if (!canSee(ctx, s)) throw new AppError('FORBIDDEN', { op: 'shift.report' });
    return shiftReport(ctx, s);
  },

  'shift.reportCsv': (ctx, a) => {
    const en = ctx.settings.language === 'en';
    const head = en ? ['Section', 'Figure', 'Value', 'Note'] : ['项目', '明细', '数值', '备注'];
    let rows: CsvValue[][];
    let filename: string;
    if ('shiftId' in a) {
      const s = getShift(ctx.db, a.shiftId);
      if (!canSee(ctx, s)) throw new AppError('FORBIDDEN', { op: 'shift.reportCsv' });
      const r = shiftReport(ctx, s);
      const label = en
        ? [
            'Float',
            'Cash takings',
            'Change given',
            'Refunds',
            'Pay-outs',
            'Expected',
            'Counted',
            'Difference',
            'Float handed over',
          ]
        : ['备用金', '现金收入', '找零', '退款', '支出', '应有现金', '实点现金', '差额', '移交备用金'];
      const c = r.cash;
      rows = [
        [en ? 'Shift' : '班次', en ? 'Opened' : '开班', r.shift.openedAt],
        [en ? 'Shift' : '班次', en ? 'Closed' : '交班', r.shift.closedAt],
        [en ? 'Shift' : '班次', en ? 'Signed out by' : '交班人', r.signedOutBy.name],
        [en ? 'Shift' : '班次', en ? 'Signed in by' : '接班人', r.signedInBy.name],
        ...bookCsvRows(r.book, en),
        ...cashCsvRows(
          [
            c.floatCents,
            c.takingsCents,
            c.changeCents,
            c.refundsCents,
            c.payoutsCents,
            c.expectedCents,
            r.countedCents,
            r.differenceCents,
            r.floatHandedCents,
          ].map((value, i) => ({ label: label[i]!, value })),
          en,
        ),
        ...countCsvRows(r.shift.counts, en),
        ...payoutCsvRows(r.shift.payouts, en),
        ...r.corrections.map((x) => [en ? 'Correction' : '更正', x.figure ?? '', x.value, x.text]),
      ];
      filename = `shift-${r.shift.day}-${r.shift.id}.csv`;
    } else {
      if (!SUPERVISORS.includes(ctx.requireActor().role))
        throw new AppError('FORBIDDEN', { op: 'shift.reportCsv' });
      const r = dayReport(ctx, a.day);
      rows = [
        ...bookCsvRows(r.book, en),
        ...cashCsvRows(
          (en
            ? ['Expected', 'Counted', 'Cash over', 'Cash short']
            : ['应有现金', '实点现金', '长款', '短款']
          ).map((label, i) => ({
            label,
            value: [r.cash.expectedCents, r.cash.countedCents, r.cash.overCents, r.cash.shortCents][i]!,
          })),
          en,
        ),
        ...countCsvRows(r.counts, en),
        ...payoutCsvRows(r.payouts, en),
        ...r.reopenings.map((x) => [
          en ? 'Day reopened' : '日结重开',
          x.at,
          null,
          `${x.authorizedByName}: ${x.reason} (${en ? 'closed' : '原日结'} ${x.closedAt} ${x.closedByName})`,
        ]),
      ];
      filename = `day-${a.day}.csv`;
    }
    ctx.audit({ op: 'shift.reportCsv', entity: 'shift', detail: filename });
    return { filename, csv: csvDocument([head, ...rows]) };
  },

  'shift.history': (ctx, a) => {
    const me = ctx.requireActor();
    const to = a.to ?? ctx.today();
    const from = a.from ?? addDays(to, -30);
    if (to < from) throw new AppError('RANGE_INVALID', { from, to });
    const all = stmt(
      ctx.db,
      "SELECT * FROM shifts WHERE status = 'closed' AND day >= ? AND day <= ? ORDER BY closed_at DESC, id DESC",
    ).all(from, to) as ShiftDb[];
    const involves = (s: ShiftDb, id: number) =>
      onDutyIds(s).includes(id) || s.signed_in_by === id || s.signed_out_by === id || s.opened_by === id;
    const manager = SUPERVISORS.includes(me.role);
    const shifts = all
      .filter((s) => (a.staffId === undefined ? true : involves(s, a.staffId)))
      .filter((s) => manager || canSee(ctx, s))
      .slice(0, 500)
      .map((s) => toShiftRow(ctx, s));
    const days = manager
      ? (
          stmt(
            ctx.db,
            `SELECT * FROM day_closes c WHERE day >= ? AND day <= ?
                 AND NOT EXISTS (SELECT 1 FROM day_reopenings r WHERE r.day_close_id = c.id)
               ORDER BY day DESC`,
          ).all(from, to) as DayCloseDb[]
        )
          .filter(
            (d) =>
              a.staffId === undefined ||
              d.closed_by === a.staffId ||
              all.some((s) => s.day === d.day && involves(s, a.staffId!)),
          )
          .map((d) => dayCloseRow(ctx, d))
      : [];
    return { shifts, days };
  },

  'shift.charts': (ctx, a) => {
    const tz = ctx.settings.timeZone;
    const first = addDays(a.day, -29);
    const { from } = dayBoundsUtc(first, tz);
    const { to } = dayBoundsUtc(a.day, tz);
    const rows = stmt(
      ctx.db,
      'SELECT checked_in_at FROM visits WHERE checked_in_at >= ? AND checked_in_at < ?',
    ).all(from, to) as { checked_in_at: string }[];
    const perDay = new Map<string, number>();
    for (let d = first; d <= a.day; d = addDays(d, 1)) perDay.set(d, 0);
    const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, entries: 0 }));
    for (const r of rows) {
      const at = new Date(r.checked_in_at);
      const d = localDate(at, tz);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
      if (d === a.day) perHour[localParts(at, tz).hour]!.entries += 1;
    }
    return { day: a.day, perDay: [...perDay].map(([day, entries]) => ({ day, entries })), perHour };
  },

  'shift.dayPreview': (ctx, a) => dayReport(ctx, a.day),

  'shift.dayReport': (ctx, a) => {
    if (!standingClose(ctx.db, a.day)) throw new AppError('DAY_NOT_CLOSED', { day: a.day });
    return dayReport(ctx, a.day);
  },

  'shift.reopenDay': (ctx, a) => reopenDay(ctx, a.day, a.authorization),
  /**
   * The day close is recorded in one transaction; the backup follows it (a failed backup leaves the
   * day closed without a backup file, shown as such).
   */
  'shift.closeDay': async (ctx, a, env) => {
    const report = env.transaction(() => closeDayRecord(ctx, a.day, a.checked));
    env.announce();
    try {
      const b = await createBackup(ctx.db, env.files.dataDir, 'day-close', ctx.now());
      env.transaction(() => recordDayBackup(ctx, a.day, b.file));
      return { ...report, backupFile: b.file };
    } catch (e) {
      console.error('[core] day-close backup failed:', e);
      return report;
    }
  },
});
