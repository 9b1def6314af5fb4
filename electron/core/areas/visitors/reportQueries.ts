/**
 * The visitors area's SQL for figures: cards sold to visitors, the shift handover's counts and the
 * monthly consultant report. Rows are typed by the statement (`stmt<Params, Row>`), never cast.
 * Periods are [fromIso, toIso) in UTC for timestamps, [first, last] for club-local days.
 */
import type { Role } from '../../contract/common';
import type { DB } from '../../db/database';
import { stmt } from '../../kernel/statements';
import type { SkipReason } from '../rotation/types';
import type { CallBasis, VisitorOutcome } from './types';

// ---- cards sold and the handover ------------------------------------------------------------------

export interface CardsSoldRow {
  /** The card type's. */
  id: number;
  name: string;
  n: number;
}

const CARDS_SOLD = `SELECT v.outcome_card_type_id AS id, ct.name, count(*) AS n FROM visitors v JOIN card_types ct ON ct.id = v.outcome_card_type_id
         WHERE v.outcome = 'joined' AND`;
const CARDS_SOLD_ORDER = 'GROUP BY v.outcome_card_type_id ORDER BY ct.name';

/** Cards sold to the visitors of a club-local day, by card type. */
export function cardsSoldOn(db: DB, day: string): CardsSoldRow[] {
  return stmt<[string], CardsSoldRow>(db, `${CARDS_SOLD} v.day = ? ${CARDS_SOLD_ORDER}`).all(day);
}

/**
 * Cards sold to visitors whose outcome was recorded in the period, by card type — except those sold
 * at the desk (members.sell with the visitor), which the handover counts there, once.
 */
export function cardsSoldBetween(db: DB, fromIso: string, toIso: string): CardsSoldRow[] {
  return stmt<[string, string], CardsSoldRow>(
    db,
    `${CARDS_SOLD} v.outcome_at >= ? AND v.outcome_at < ? AND NOT EXISTS (SELECT 1 FROM member_entitlements e WHERE e.visitor_id = v.id) ${CARDS_SOLD_ORDER}`,
  ).all(fromIso, toIso);
}

export function visitorsRegisteredBetween(db: DB, fromIso: string, toIso: string): number {
  return stmt<[string, string], { n: number }>(
    db,
    'SELECT count(*) AS n FROM visitors WHERE registered_at >= ? AND registered_at < ?',
  ).get(fromIso, toIso)!.n;
}

export function inquiriesLoggedBetween(db: DB, fromIso: string, toIso: string): number {
  return stmt<[string, string], { n: number }>(
    db,
    'SELECT count(*) AS n FROM phone_inquiries WHERE logged_at >= ? AND logged_at < ?',
  ).get(fromIso, toIso)!.n;
}

// ---- the consultant report ------------------------------------------------------------------------

/** Visitors received in the period: by whom, when, and what the accepted call rested on. */
export function receivedBetween(
  db: DB,
  fromIso: string,
  toIso: string,
): { id: number; at: string; basis: CallBasis }[] {
  return stmt<[string, string], { id: number; at: string; basis: CallBasis }>(
    db,
    `SELECT v.consultant_id AS id, v.accepted_at AS at, k.basis FROM visitors v
     JOIN visitor_calls k ON k.visitor_id = v.id AND k.status = 'accepted'
     WHERE v.accepted_at >= ? AND v.accepted_at < ?`,
  ).all(fromIso, toIso);
}

/** Visitors of the days credited to a consultant. */
export function creditedOnDays(db: DB, first: string, last: string): { id: number; day: string }[] {
  return stmt<[string, string], { id: number; day: string }>(
    db,
    'SELECT credit_consultant_id AS id, day FROM visitors WHERE credit_consultant_id IS NOT NULL AND day >= ? AND day <= ?',
  ).all(first, last);
}

/** Consultants passed over on the days, and why. */
export function skipsOnDays(
  db: DB,
  first: string,
  last: string,
): { id: number; day: string; reason: SkipReason }[] {
  return stmt<[string, string], { id: number; day: string; reason: SkipReason }>(
    db,
    'SELECT staff_id AS id, day, reason FROM rotation_skips WHERE day >= ? AND day <= ?',
  ).all(first, last);
}

/** Consultants called in the period who did not come. */
export function noShowsBetween(db: DB, fromIso: string, toIso: string): { id: number; at: string }[] {
  return stmt<[string, string], { id: number; at: string }>(
    db,
    "SELECT staff_id AS id, called_at AS at FROM visitor_calls WHERE status = 'no_show' AND called_at >= ? AND called_at < ?",
  ).all(fromIso, toIso);
}

/** Disputes raised in the period, by whom. */
export function disputesRaisedBetween(db: DB, fromIso: string, toIso: string): { id: number; at: string }[] {
  return stmt<[string, string], { id: number; at: string }>(
    db,
    'SELECT raised_by AS id, raised_at AS at FROM visitor_disputes WHERE raised_at >= ? AND raised_at < ?',
  ).all(fromIso, toIso);
}

/** Credits moved by a dispute decided in the period: from whom, to whom. */
export function creditMovesBetween(
  db: DB,
  fromIso: string,
  toIso: string,
): { fromId: number | null; toId: number; at: string }[] {
  return stmt<[string, string], { fromId: number | null; toId: number; at: string }>(
    db,
    "SELECT credit_before AS fromId, credit_to AS toId, decided_at AS at FROM visitor_disputes WHERE decision = 'move' AND decided_at >= ? AND decided_at < ?",
  ).all(fromIso, toIso);
}

export interface OutcomeCountRow {
  /** The consultant credited with the visitor. */
  id: number;
  outcome: VisitorOutcome;
  at: string;
  cardType: string | null;
}

/** Outcomes recorded in the period, each for the consultant credited with the visitor. */
export function outcomesBetween(db: DB, fromIso: string, toIso: string): OutcomeCountRow[] {
  return stmt<[string, string], OutcomeCountRow>(
    db,
    `SELECT coalesce(v.credit_consultant_id, v.consultant_id) AS id, v.outcome, v.outcome_at AS at, ct.name AS cardType FROM visitors v
     LEFT JOIN card_types ct ON ct.id = v.outcome_card_type_id WHERE v.outcome_at >= ? AND v.outcome_at < ?`,
  ).all(fromIso, toIso);
}

/** Inquiries of the days passed to a consultant, and whether they called back. */
export function inquiriesAssignedOnDays(
  db: DB,
  first: string,
  last: string,
): { id: number; day: string; cb: string | null }[] {
  return stmt<[string, string], { id: number; day: string; cb: string | null }>(
    db,
    'SELECT consultant_id AS id, day, called_back_at AS cb FROM phone_inquiries WHERE consultant_id IS NOT NULL AND day >= ? AND day <= ?',
  ).all(first, last);
}

export interface ReportStaffRow {
  id: number;
  name: string;
  role: Role;
  active: number;
}

/** Consultants, and anyone who signed in to the rotation on the days. */
export function reportStaff(db: DB, first: string, last: string): ReportStaffRow[] {
  return stmt<[string, string], ReportStaffRow>(
    db,
    "SELECT id, name, role, active FROM staff WHERE role = 'consultant' OR id IN (SELECT staff_id FROM consultant_signins WHERE day >= ? AND day <= ?)",
  ).all(first, last);
}

export function reportStaffById(db: DB, id: number): ReportStaffRow | undefined {
  return stmt<[number], ReportStaffRow>(db, 'SELECT id, name, role, active FROM staff WHERE id = ?').get(id);
}
