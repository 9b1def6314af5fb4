/**
 * The handover book (交接本) of a time window, every figure computed from the records: entries by
 * kind and gender, visitors and phone inquiries, cards sold, stored-value top-ups, bar sales and
 * what was paid for them, and the key tags reconciled against the entries (the audit of tags handed
 * out, tags still out, tags lost).
 */
import type { DB } from '../../../db/database';
import type { Ctx } from '../../../kernel/ctx';
import { barPaymentsByMethod } from '../../bar';
import { cardSalesFigures, mergeCardsSold } from '../../members';
import { visitTabCents } from '../../payments';
import { visitorHandover } from '../../visitors';
import { openMessagesAt } from '../../messages';
import { openRepairsAt } from '../../repairs';
import type { HandoverBook, LostTag, TagMismatch, TagOut, UnpaidTab } from '../types';
import * as q from '../queries/book';
import type { VisitBriefRow } from '../queries/book';

function tagFigures(db: DB, from: string, to: string): HandoverBook['tags'] {
  const visits = q.visitsCheckedInBetween(db, from, to);
  const issues = q
    .tagIssuesBetween(db, from, to)
    .map((r) => ({ visitId: Number(r.entity_id), tag: Number(r.tag), at: r.at }));
  const byVisit = new Map<number, number[]>();
  for (const i of issues) byVisit.set(i.visitId, [...(byVisit.get(i.visitId) ?? []), i.tag]);
  const inWindow = new Map(visits.map((v) => [v.id, v]));
  const mismatches: TagMismatch[] = [];
  const mk = (
    reason: TagMismatch['reason'],
    v: VisitBriefRow | undefined,
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
    mk('entry_outside_shift', q.visitBrief(db, visitId), visitId, tags);
  }
  for (const n of q.strayIssuedTags(db)) mk('issued_without_visit', undefined, null, [n]);

  const lost = q.tagsLostBetween(db, from, to).map((v): LostTag => ({
    tagNumber: v.tag_number ?? 0,
    visitId: v.id,
    name: v.name,
    cardNo: v.card_no,
    at: v.checked_out_at,
  }));
  const entriesWithTag = visits.filter((v) => v.tag_id !== null).length;
  return {
    issued: issues.length,
    entriesWithTag,
    entriesWithoutTag: visits.length - entriesWithTag,
    match: issues.length === entriesWithTag && mismatches.length === 0,
    mismatches,
    stillOut: tagsStillOut(db),
    lost,
  };
}

/** Every tag out now, with its holder. */
export function tagsStillOut(db: DB): TagOut[] {
  return q.openVisitsWithTag(db).map((v): TagOut => ({
    tagNumber: v.tag_number!,
    visitId: v.id,
    name: v.name,
    kind: v.kind,
    cardNo: v.card_no,
    since: v.checked_in_at,
  }));
}

/** Tabs of the people inside that are not paid yet. */
export function unpaidTabs(db: DB): UnpaidTab[] {
  const out: UnpaidTab[] = [];
  for (const v of q.openVisits(db)) {
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
  for (const r of q.entriesByKindAndGender(db, from, to)) {
    entries[r.kind][r.gender] += r.n;
    entries.total += r.n;
  }
  const v = visitorHandover(db, from, to);
  const cardSales = cardSalesFigures(db, from, to, blind);

  const tb = { cash: 0, card: 0, mobile: 0 };
  for (const r of q.topupsByMethod(db, from, to)) if (r.method !== 'stored_value') tb[r.method] += r.c;
  const topupTotal = tb.cash + tb.card + tb.mobile;
  const bm = barPaymentsByMethod(db, from, to);
  const now = ctx.nowIso();
  const stillOpenAt = to < now ? to : now;

  return {
    from,
    to,
    entries,
    visitors: v.visitors,
    phoneInquiries: v.phoneInquiries,
    cardsSold: mergeCardsSold(v.cardsSold, cardSales),
    cardSales,
    topups: {
      count: q.topupCount(db, from, to),
      totalCents: blind ? null : topupTotal,
      byMethod: { cash: blind ? null : tb.cash, card: tb.card, mobile: tb.mobile },
    },
    bar: {
      salesCents: q.barSalesCents(db, from, to),
      byMethod: {
        cash: blind ? null : bm.cash,
        card: bm.card,
        mobile: bm.mobile,
        stored_value: bm.stored_value,
      },
      unpaidLeftCents: q.unpaidLeftCents(db, from, to),
      unpaidTabs: unpaidTabs(db),
    },
    tags: tagFigures(db, from, to),
    // what is still open at the end of the window (or now, for a window still running)
    openMessages: openMessagesAt(ctx, stillOpenAt),
    openRepairs: openRepairsAt(ctx, stillOpenAt),
  };
}
