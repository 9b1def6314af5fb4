/**
 * Search as you type: card number, name, phone, pinyin (the terms: ../pinyin.ts).
 *
 * Privacy (domain.md): search results show phones masked (138****5678) — to every role — except for
 * a member whose whole number was typed; a phone is found only by the whole number (however it is
 * written) or its last four digits, never by its first digits, so paging through results cannot
 * piece numbers together.
 */
import type { DB } from '../../../db/database';
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { formatPhone, isValidPhone, maskPhone, phoneDigits } from '../../../../shared/phone';
import type { membersContract } from '../contract';
import { norm, prefixEnd } from '../pinyin';
import * as q from '../queries';
import type { MemberRow, MemberTypedRow } from '../queries';
import type { MemberSummary } from '../types';
import { memberState } from './common';

const MAX_RESULTS = 100;

function toSummary(db: DB, m: MemberTypedRow, today: string, fullPhone: boolean): MemberSummary {
  return {
    id: m.id,
    cardNo: m.card_no,
    name: m.name,
    gender: m.gender,
    phone: fullPhone ? formatPhone(m.phone) || null : maskPhone(m.phone),
    cardTypeName: m.type_name,
    cardKind: m.type_kind,
    expiryDate: m.expiry_date,
    visitsLeft: m.visits_left,
    state: memberState(m, today),
    inside: q.isInside(db, m.id),
    hasPhoto: q.hasPhoto(db, m.id),
  };
}

export function searchMembers(ctx: Ctx, text: string, limit = 20): MemberSummary[] {
  const query = norm(text);
  if (!query) return [];
  const lim = Math.min(limit, MAX_RESULTS);
  // A whole phone number typed, however written ("+86 138-1234-5678"): its digits as indexed.
  const typedPhone = /\d/.test(query) && isValidPhone(text) ? phoneDigits(text) : null;
  // What counts as an exact match: the query as typed (a card number, a phone's last four digits)
  // and, for a whole phone number however written, its digits as indexed.
  const exact = typedPhone ?? query;
  // Best rank per member over every term starting with the query — phone terms only when equal to
  // it (the whole number or its last four digits); exact card number first.
  const rows = q.searchHits(ctx.db, query, exact, prefixEnd(query));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const byId = new Map(q.membersByIds(ctx.db, ids).map((m) => [m.id, m]));
  const order = new Map(rows.map((r) => [r.id, r]));
  const today = ctx.today();
  // Masked for everyone, except the number the person typed in full (they know it already).
  const typedShown = (m: MemberRow) =>
    typedPhone !== null && !!m.phone && phoneDigits(m.phone) === typedPhone;
  return ids
    .map((id) => byId.get(id)!)
    .sort((a, b) => {
      const ra = order.get(a.id)!;
      const rb = order.get(b.id)!;
      return (
        ra.exact - rb.exact ||
        ra.r - rb.r ||
        (a.active === b.active ? 0 : b.active - a.active) ||
        a.name.length - b.name.length ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.card_no.localeCompare(b.card_no)
      );
    })
    .slice(0, lim)
    .map((m) => toSummary(ctx.db, m, today, typedShown(m)));
}

export const searchHandlers: Pick<HandlersOf<typeof membersContract>, 'members.search'> = {
  'members.search': (ctx, { q: text, limit }) => searchMembers(ctx, text, limit),
};
