/**
 * What every members handler reads: a member and its card type (clear errors when missing), the
 * membership's state on a date, the checks on a consultant, and what the audit log keeps of a member.
 */
import type { DB } from '../../../db/database';
import { AppError } from '../../../kernel/errors';
import * as q from '../queries';
import type { CardTypeRow, MemberRow } from '../queries';
import type { MemberState } from '../types';

export function getMemberRow(db: DB, id: number): MemberRow {
  const r = q.memberById(db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'member' });
  return r;
}

export function findMemberByCard(db: DB, cardNo: string): MemberRow | undefined {
  return q.memberByCard(db, cardNo.trim());
}

export function cardType(db: DB, id: number): CardTypeRow {
  const t = q.cardTypeById(db, id);
  if (!t) throw new AppError('NOT_FOUND', { entity: 'cardType' });
  return t;
}

export function activeCardType(db: DB, id: number): CardTypeRow {
  const t = cardType(db, id);
  if (t.active !== 1)
    throw new AppError('VALIDATION', { issues: [{ path: 'cardTypeId', code: 'inactive' }] });
  return t;
}

/** The membership's state on a club-local date; the first that applies wins. */
export function memberState(m: MemberRow, today: string): MemberState {
  if (m.active !== 1) return 'deactivated';
  if (m.frozen_from && m.frozen_to && m.frozen_from <= today && today <= m.frozen_to) return 'frozen';
  if (m.start_date > today) return 'not_started';
  if (m.expiry_date && m.expiry_date < today) return 'expired';
  if (m.visits_left !== null && m.visits_left <= 0) return 'no_visits';
  return 'active';
}

/** A consultant given for a member (or as who sold a card) is an active staff member (a consultant). */
export function checkConsultant(db: DB, id: number | null | undefined, path = 'consultantId'): void {
  if (id === null || id === undefined) return;
  const s = q.staffRole(db, id);
  if (!s || s.active !== 1) throw new AppError('VALIDATION', { issues: [{ path, code: 'unknown' }] });
  if (path === 'soldById' && s.role !== 'consultant')
    throw new AppError('VALIDATION', { issues: [{ path, code: 'not_consultant' }] });
}

/** What an audit entry records of a member (no photo bytes, nothing derived). */
export function auditView(m: MemberRow) {
  return {
    cardNo: m.card_no,
    name: m.name,
    gender: m.gender,
    phone: m.phone,
    birthDate: m.birth_date,
    cardTypeId: m.card_type_id,
    startDate: m.start_date,
    expiryDate: m.expiry_date,
    visitsLeft: m.visits_left,
    frozenFrom: m.frozen_from,
    frozenTo: m.frozen_to,
    consultantId: m.consultant_id,
    notes: m.notes,
    active: m.active === 1,
  };
}

/** The fields of `b` that differ from `a`: their values before and after. */
export function diff(a: object, b: object) {
  const was = new Map<string, unknown>(Object.entries(a));
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) {
    if (JSON.stringify(was.get(k)) !== JSON.stringify(v)) {
      before[k] = was.get(k);
      after[k] = v;
    }
  }
  return { before, after };
}
