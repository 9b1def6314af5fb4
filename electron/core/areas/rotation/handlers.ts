/**
 * The consultants' rotation (会籍顾问轮值): the day's sign-ins in order, each consultant's state
 * (available, with a visitor, away, signed out) with its history, and one turn pointer per queue
 * (walk-in visitors, phone inquiries). The SQL is in queries.ts.
 *
 * The rule: a turn passes round-robin in sign-in order, starting after the consultant who had the
 * last turn of that queue. A consultant who is away, with a visitor or (visitors only) being called
 * when their turn comes is passed over for that turn, and that is recorded. Someone who signs in
 * late (or again after signing out) takes the next number: the end of the rotation.
 */
import type { DB } from '../../db/database';
import type { Actor, Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { getStaffRow, verifyPin } from '../staff';
import { zonedToUtc } from '../../../shared/dates';
import type {
  AwayKind,
  ConsultantState,
  RotationBoard,
  RotationConsultant,
  rotationContract,
  RotationNext,
  RotationQueue,
  SkipReason,
} from './contract';
import * as q from './queries';
import type { NamedSigninRow } from './queries';

/** Consultants being called now (an open call not yet accepted) → the visitor. */
function beingCalled(db: DB): Map<number, number> {
  return new Map(q.openCalls(db).map((r) => [r.staff_id, r.visitor_id]));
}

/** Whether a consultant is at the club for a named or appointment call: signed in and not away. */
export function presence(db: DB, day: string, staffId: number): { present: boolean; state: string } {
  const s = q.signinOf(db, day, staffId);
  if (!s) return { present: false, state: 'not_signed_in' };
  return { present: s.state === 'available' || s.state === 'with_visitor', state: s.state };
}

export function requireConsultant(db: DB, staffId: number): { id: number; name: string } {
  const row = getStaffRow(db, staffId);
  if (!row || row.active !== 1) throw new AppError('NOT_FOUND', { entity: 'staff' });
  if (row.role !== 'consultant') throw new AppError('NOT_A_CONSULTANT', { name: row.name });
  return { id: row.id, name: row.name };
}

interface Pick {
  chosen: NamedSigninRow | null;
  skipped: { row: NamedSigninRow; reason: SkipReason }[];
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
  const rows = q.daySignins(db, day).filter((r) => r.state !== 'signed_out');
  const last = q.pointer(db, day, queue);
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
): NamedSigninRow | null {
  const day = ctx.today();
  const p = pickNext(ctx.db, day, queue, exclude);
  if (!p.chosen) return null;
  const visitorId = 'visitorId' in ref ? ref.visitorId : null;
  const inquiryId = 'inquiryId' in ref ? ref.inquiryId : null;
  for (const s of p.skipped)
    q.insertSkip(ctx.db, {
      day,
      queue,
      staffId: s.row.staff_id,
      reason: s.reason,
      visitorId,
      inquiryId,
      at: ctx.nowIso(),
    });
  q.setPointer(ctx.db, day, queue, p.chosen.seq, ctx.nowIso());
  return p.chosen;
}

/** Changes a consultant's state for the day and writes the history. */
export function setSigninState(
  ctx: Ctx,
  s: NamedSigninRow,
  state: ConsultantState,
  away: { kind: AwayKind; note: string | null; expectedBackAt: string | null } | null = null,
): void {
  const now = ctx.nowIso();
  const next: q.SigninState = {
    state,
    awayKind: away?.kind ?? null,
    awayNote: away?.note ?? null,
    expectedBackAt: away?.expectedBackAt ?? null,
  };
  q.updateSigninState(ctx.db, s.id, next, now);
  q.insertStateLog(ctx.db, s.id, next, now, ctx.requireActor().id);
}

/** The consultant's state after finishing with a visitor: available, unless still with another one. */
export function consultantDone(ctx: Ctx, staffId: number): void {
  const s = q.signinOf(ctx.db, ctx.today(), staffId);
  if (!s || s.state !== 'with_visitor') return;
  if (!q.isWithVisitor(ctx.db, staffId)) setSigninState(ctx, s, 'available');
}

function nextOf(db: DB, day: string, queue: RotationQueue, all: NamedSigninRow[]): RotationNext {
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
  const last = q.pointer(db, day, queue);
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

function rotationBoard(ctx: Ctx): RotationBoard {
  const day = ctx.today();
  const all = q.daySignins(ctx.db, day);
  const calling = beingCalled(ctx.db);
  const received = new Map(q.receivedOnDay(ctx.db, day).map((r) => [r.id, r.n]));
  const withVisitor = new Map(q.withVisitorNow(ctx.db).map((r) => [r.id, r.v]));
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

function requireSignedIn(ctx: Ctx, staffId: number): NamedSigninRow {
  const s = q.signinOf(ctx.db, ctx.today(), staffId);
  if (!s || s.state === 'signed_out') {
    const name = getStaffRow(ctx.db, staffId)?.name ?? '';
    throw new AppError('CONSULTANT_NOT_SIGNED_IN', { name });
  }
  return s;
}

function requireFree(ctx: Ctx, s: NamedSigninRow): void {
  if (s.state === 'with_visitor' || beingCalled(ctx.db).has(s.staff_id))
    throw new AppError('CONSULTANT_BUSY', { name: s.name });
}

// ---- the operations -------------------------------------------------------------------------

export const rotationHandlers: HandlersOf<typeof rotationContract> = {
  'rotation.signIn': (ctx, a) => {
    const actor = ctx.requireActor();
    checkOwn(actor, a.staffId);
    const c = requireConsultant(ctx.db, a.staffId);
    verifyPin(ctx, a.staffId, a.pin);
    const day = ctx.today();
    const existing = q.signinOf(ctx.db, day, c.id);
    if (existing && existing.state !== 'signed_out')
      throw new AppError('CONSULTANT_ALREADY_SIGNED_IN', { name: c.name });
    const max = q.maxSeq(ctx.db, day);
    const now = ctx.nowIso();
    if (existing) {
      q.resignIn(ctx.db, existing.id, max + 1, now);
      setSigninState(ctx, existing, 'available');
    } else {
      const id = q.insertSignin(ctx.db, day, c.id, max + 1, now);
      q.insertSigninLog(ctx.db, id, now, actor.id);
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
};
