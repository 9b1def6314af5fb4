/**
 * The consultants' rotation (会籍顾问轮值): the day's sign-ins in order, each consultant's state
 * (available, with a visitor, away, signed out) with its history, and one turn pointer per queue
 * (walk-in visitors, phone inquiries).
 *
 * The rule: a turn passes round-robin in sign-in order, starting after the consultant who had the
 * last turn of that queue. A consultant who is away, with a visitor or (visitors only) being called
 * when their turn comes is passed over for that turn, and that is recorded. Someone who signs in
 * late (or again after signing out) takes the next number: the end of the rotation.
 */
import type { DB } from '../db/database';
import type {
  AwayKind,
  ConsultantState,
  RotationBoard,
  RotationConsultant,
  RotationNext,
  RotationQueue,
  SkipReason,
} from '../contract';
import { type Actor, type Ctx, handlers } from '../context';
import { AppError } from '../errors';
import { zonedToUtc } from '../../shared/dates';
import { getStaffRow, verifyPin } from '../areas/staff';
import { stmt } from '../kernel/statements';

export interface SigninRow {
  id: number;
  day: string;
  staff_id: number;
  seq: number;
  signed_in_at: string;
  state: ConsultantState;
  away_kind: AwayKind | null;
  away_note: string | null;
  expected_back_at: string | null;
  state_since: string;
  name: string;
}

export function daySignins(db: DB, day: string): SigninRow[] {
  return stmt(
    db,
    `SELECT c.*, s.name FROM consultant_signins c JOIN staff s ON s.id = c.staff_id WHERE c.day = ? ORDER BY c.seq`,
  ).all(day) as SigninRow[];
}

export function signinOf(db: DB, day: string, staffId: number): SigninRow | undefined {
  return stmt(
    db,
    `SELECT c.*, s.name FROM consultant_signins c JOIN staff s ON s.id = c.staff_id WHERE c.day = ? AND c.staff_id = ?`,
  ).get(day, staffId) as SigninRow | undefined;
}

/** Consultants being called now (an open call not yet accepted) → the visitor. */
export function beingCalled(db: DB): Map<number, number> {
  const rows = stmt(
    db,
    "SELECT staff_id, visitor_id FROM visitor_calls WHERE status = 'open' ORDER BY id",
  ).all() as { staff_id: number; visitor_id: number }[];
  return new Map(rows.map((r) => [r.staff_id, r.visitor_id]));
}

/** Whether a consultant is at the club for a named or appointment call: signed in and not away. */
export function presence(db: DB, day: string, staffId: number): { present: boolean; state: string } {
  const s = signinOf(db, day, staffId);
  if (!s) return { present: false, state: 'not_signed_in' };
  return { present: s.state === 'available' || s.state === 'with_visitor', state: s.state };
}

export function requireConsultant(db: DB, staffId: number): { id: number; name: string } {
  const row = getStaffRow(db, staffId);
  if (!row || row.active !== 1) throw new AppError('NOT_FOUND', { entity: 'staff' });
  if (row.role !== 'consultant') throw new AppError('NOT_A_CONSULTANT', { name: row.name });
  return { id: row.id, name: row.name };
}

function pointer(db: DB, day: string, queue: RotationQueue): number {
  const r = stmt(db, 'SELECT last_seq FROM rotation_pointers WHERE day = ? AND queue = ?').get(day, queue) as
    { last_seq: number } | undefined;
  return r?.last_seq ?? 0;
}

export interface Pick {
  chosen: SigninRow | null;
  skipped: { row: SigninRow; reason: SkipReason }[];
}

/**
 * Whose turn it is in a queue, without taking it. `exclude`: consultants who may not be chosen for
 * this visitor (they already failed to come); they are neither chosen nor recorded as passed over.
 */
export function pickNext(
  db: DB,
  day: string,
  queue: RotationQueue,
  exclude: ReadonlySet<number> = new Set(),
): Pick {
  const rows = daySignins(db, day).filter((r) => r.state !== 'signed_out');
  const last = pointer(db, day, queue);
  const ordered = [...rows.filter((r) => r.seq > last), ...rows.filter((r) => r.seq <= last)];
  const calling = queue === 'visitor' ? beingCalled(db) : new Map<number, number>();
  const skipped: Pick['skipped'] = [];
  for (const r of ordered) {
    if (exclude.has(r.staff_id)) continue;
    const reason: SkipReason | null =
      r.state === 'away'
        ? 'away'
        : r.state === 'with_visitor'
          ? 'with_visitor'
          : calling.has(r.staff_id)
            ? 'being_called'
            : null;
    if (reason) skipped.push({ row: r, reason });
    else return { chosen: r, skipped };
  }
  return { chosen: null, skipped };
}

/**
 * Takes the turn: the chosen consultant's seq becomes the queue's pointer and everyone passed over
 * on the way is recorded against the visitor or inquiry. Nothing is recorded when nobody can take it.
 */
export function takeTurn(
  ctx: Ctx,
  queue: RotationQueue,
  ref: { visitorId: number } | { inquiryId: number },
  exclude: ReadonlySet<number> = new Set(),
): SigninRow | null {
  const day = ctx.today();
  const p = pickNext(ctx.db, day, queue, exclude);
  if (!p.chosen) return null;
  const visitorId = 'visitorId' in ref ? ref.visitorId : null;
  const inquiryId = 'inquiryId' in ref ? ref.inquiryId : null;
  const ins = stmt(
    ctx.db,
    'INSERT INTO rotation_skips (day, queue, staff_id, reason, visitor_id, inquiry_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const s of p.skipped)
    ins.run(day, queue, s.row.staff_id, s.reason, visitorId, inquiryId, ctx.nowIso());
  stmt(
    ctx.db,
    `INSERT INTO rotation_pointers (day, queue, last_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(day, queue) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
  ).run(day, queue, p.chosen.seq, ctx.nowIso());
  return p.chosen;
}

/** Changes a consultant's state for the day and writes the history. */
export function setSigninState(
  ctx: Ctx,
  s: SigninRow,
  state: ConsultantState,
  away: { kind: AwayKind; note: string | null; expectedBackAt: string | null } | null = null,
): void {
  const now = ctx.nowIso();
  stmt(
    ctx.db,
    'UPDATE consultant_signins SET state = ?, away_kind = ?, away_note = ?, expected_back_at = ?, state_since = ? WHERE id = ?',
  ).run(state, away?.kind ?? null, away?.note ?? null, away?.expectedBackAt ?? null, now, s.id);
  stmt(
    ctx.db,
    'INSERT INTO consultant_state_log (signin_id, state, away_kind, away_note, expected_back_at, at, by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    s.id,
    state,
    away?.kind ?? null,
    away?.note ?? null,
    away?.expectedBackAt ?? null,
    now,
    ctx.requireActor().id,
  );
}

/** The consultant's state after finishing with a visitor: available, unless still with another one. */
export function consultantDone(ctx: Ctx, staffId: number): void {
  const s = signinOf(ctx.db, ctx.today(), staffId);
  if (!s || s.state !== 'with_visitor') return;
  const still = stmt(
    ctx.db,
    "SELECT 1 FROM visitors WHERE consultant_id = ? AND status = 'with_consultant'",
  ).get(staffId);
  if (!still) setSigninState(ctx, s, 'available');
}

function nextOf(db: DB, day: string, queue: RotationQueue, all: SigninRow[]): RotationNext {
  if (all.length === 0)
    return { staffId: null, name: null, why: { code: 'nobody_signed_in', params: {} }, wouldPassOver: [] };
  const p = pickNext(db, day, queue);
  const wouldPassOver = p.skipped.map((s) => ({
    staffId: s.row.staff_id,
    name: s.row.name,
    reason: s.reason,
  }));
  if (!p.chosen)
    return { staffId: null, name: null, why: { code: 'none_available', params: {} }, wouldPassOver };
  const last = pointer(db, day, queue);
  const lastRow = all.find((r) => r.seq === last);
  return {
    staffId: p.chosen.staff_id,
    name: p.chosen.name,
    why: lastRow
      ? { code: 'after_last', params: { after: lastRow.name, afterId: lastRow.staff_id } }
      : { code: 'first_turn', params: {} },
    wouldPassOver,
  };
}

export function rotationBoard(ctx: Ctx): RotationBoard {
  const day = ctx.today();
  const all = daySignins(ctx.db, day);
  const calling = beingCalled(ctx.db);
  const received = new Map(
    (
      stmt(
        ctx.db,
        'SELECT consultant_id AS id, count(*) AS n FROM visitors WHERE day = ? AND consultant_id IS NOT NULL GROUP BY consultant_id',
      ).all(day) as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  const withVisitor = new Map(
    (
      stmt(
        ctx.db,
        "SELECT consultant_id AS id, max(id) AS v FROM visitors WHERE status = 'with_consultant' GROUP BY consultant_id",
      ).all() as { id: number; v: number }[]
    ).map((r) => [r.id, r.v]),
  );
  const consultants: RotationConsultant[] = [...all]
    .sort((a, b) => Number(a.state === 'signed_out') - Number(b.state === 'signed_out') || a.seq - b.seq)
    .map((r) => ({
      staffId: r.staff_id,
      name: r.name,
      seq: r.seq,
      state: r.state,
      awayKind: r.away_kind,
      awayNote: r.away_note,
      expectedBackAt: r.expected_back_at,
      stateSince: r.state_since,
      signedInAt: r.signed_in_at,
      beingCalledFor: calling.get(r.staff_id) ?? null,
      withVisitorId: withVisitor.get(r.staff_id) ?? null,
      receivedToday: received.get(r.staff_id) ?? 0,
    }));
  const active = all.filter((r) => r.state !== 'signed_out');
  return {
    day,
    consultants,
    next: { visitor: nextOf(ctx.db, day, 'visitor', active), phone: nextOf(ctx.db, day, 'phone', active) },
    callTimeoutSeconds: ctx.settings.callTimeoutSeconds,
    maxPages: ctx.settings.maxPages,
    autoProposeNext: ctx.settings.autoProposeNext,
  };
}

/** A consultant acts only for themselves; the desk acts for anyone. */
export function checkOwn(actor: Actor, staffId: number): void {
  if (actor.role === 'consultant' && actor.id !== staffId) throw new AppError('NOT_YOURS');
}

function requireSignedIn(ctx: Ctx, staffId: number): SigninRow {
  const s = signinOf(ctx.db, ctx.today(), staffId);
  if (!s || s.state === 'signed_out') {
    const name = getStaffRow(ctx.db, staffId)?.name ?? '';
    throw new AppError('CONSULTANT_NOT_SIGNED_IN', { name });
  }
  return s;
}

function requireFree(ctx: Ctx, s: SigninRow): void {
  if (s.state === 'with_visitor' || beingCalled(ctx.db).has(s.staff_id))
    throw new AppError('CONSULTANT_BUSY', { name: s.name });
}

export const rotationHandlers = handlers({
  'rotation.signIn': (ctx, a) => {
    const actor = ctx.requireActor();
    checkOwn(actor, a.staffId);
    const c = requireConsultant(ctx.db, a.staffId);
    verifyPin(ctx.db, a.staffId, a.pin, ctx.now());
    const day = ctx.today();
    const existing = signinOf(ctx.db, day, c.id);
    if (existing && existing.state !== 'signed_out')
      throw new AppError('CONSULTANT_ALREADY_SIGNED_IN', { name: c.name });
    const max = (
      stmt(ctx.db, 'SELECT coalesce(max(seq), 0) AS m FROM consultant_signins WHERE day = ?').get(day) as {
        m: number;
      }
    ).m;
    const now = ctx.nowIso();
    if (existing) {
      stmt(ctx.db, 'UPDATE consultant_signins SET seq = ?, signed_in_at = ? WHERE id = ?').run(
        max + 1,
        now,
        existing.id,
      );
      setSigninState(ctx, existing, 'available');
    } else {
      const id = Number(
        stmt(
          ctx.db,
          `INSERT INTO consultant_signins (day, staff_id, seq, signed_in_at, state, state_since) VALUES (?, ?, ?, ?, 'available', ?)`,
        ).run(day, c.id, max + 1, now, now).lastInsertRowid,
      );
      stmt(
        ctx.db,
        "INSERT INTO consultant_state_log (signin_id, state, at, by) VALUES (?, 'available', ?, ?)",
      ).run(id, now, actor.id);
    }
    ctx.audit({
      op: 'rotation.signIn',
      entity: 'staff',
      entityId: c.id,
      after: { day, seq: max + 1, again: !!existing },
    });
    return rotationBoard(ctx);
  },
  'rotation.setState': (ctx, a) => {
    const actor = ctx.requireActor();
    checkOwn(actor, a.staffId);
    const s = requireSignedIn(ctx, a.staffId);
    if (a.state === 'away') {
      requireFree(ctx, s);
      const expectedBackAt = a.expectedBack
        ? zonedToUtc(ctx.today(), a.expectedBack, ctx.settings.timeZone).toISOString()
        : null;
      setSigninState(ctx, s, 'away', {
        kind: a.awayKind ?? 'other',
        note: a.note || null,
        expectedBackAt,
      });
    } else {
      if (s.state === 'with_visitor') throw new AppError('CONSULTANT_BUSY', { name: s.name });
      if (s.state !== 'available') setSigninState(ctx, s, 'available');
    }
    ctx.audit({
      op: 'rotation.setState',
      entity: 'staff',
      entityId: a.staffId,
      before: { state: s.state },
      after: {
        state: a.state,
        awayKind: a.state === 'away' ? (a.awayKind ?? 'other') : null,
        expectedBack: a.expectedBack ?? null,
      },
    });
    return rotationBoard(ctx);
  },
  'rotation.signOut': (ctx, a) => {
    const actor = ctx.requireActor();
    checkOwn(actor, a.staffId);
    const s = requireSignedIn(ctx, a.staffId);
    requireFree(ctx, s);
    setSigninState(ctx, s, 'signed_out');
    ctx.audit({ op: 'rotation.signOut', entity: 'staff', entityId: a.staffId, before: { state: s.state } });
    return rotationBoard(ctx);
  },
  'rotation.board': (ctx) => rotationBoard(ctx),
});
