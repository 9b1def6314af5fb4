/**
 * Figures: the monthly consultant report (visitors received by rotation and as their own leads,
 * credit after disputes, passed over, no-shows, outcomes and cards sold, phone inquiries), and the
 * visitors' part of the shift handover. An outcome (and a card sold) counts once, for the consultant
 * credited with the visitor.
 */
import type { DB } from '../../../db/database';
import type { Ctx, HandlersOf } from '../../../kernel/ctx';
import { SKIP_REASONS } from '../../rotation/types';
import { dayBoundsUtc, localDate, monthBounds } from '../../../../shared/dates';
import type { visitorsContract } from '../contract';
import type { CardsSold, ConsultantReport, ConsultantStats } from '../types';
import * as figures from '../reportQueries';
import type { ReportStaffRow } from '../reportQueries';
import { toCardsSold } from './views';

/** Visitors, phone inquiries and cards sold to visitors in a period (for the shift handover; cards sold at the desk are added there). */
export function visitorHandover(
  db: DB,
  fromIso: string,
  toIso: string,
): { visitors: number; phoneInquiries: number; cardsSold: CardsSold[] } {
  return {
    visitors: figures.visitorsRegisteredBetween(db, fromIso, toIso),
    phoneInquiries: figures.inquiriesLoggedBetween(db, fromIso, toIso),
    // A visitor whose card was sold at the desk (members.sell with the visitor) counts there, once.
    cardsSold: toCardsSold(figures.cardsSoldBetween(db, fromIso, toIso)),
  };
}

function emptyStats(): ConsultantStats {
  return {
    receivedRotation: 0,
    receivedOwnLeads: 0,
    credited: 0,
    passedOver: 0,
    passedOverByReason: { away: 0, with_visitor: 0, being_called: 0 },
    noShows: 0,
    disputesRaised: 0,
    creditMovedIn: 0,
    creditMovedOut: 0,
    joined: 0,
    followUp: 0,
    notInterested: 0,
    cardsSold: [],
    phoneAssigned: 0,
    phoneCalledBack: 0,
  };
}

function addStats(into: ConsultantStats, s: ConsultantStats): void {
  const numeric = [
    'receivedRotation',
    'receivedOwnLeads',
    'credited',
    'passedOver',
    'noShows',
    'disputesRaised',
    'creditMovedIn',
    'creditMovedOut',
    'joined',
    'followUp',
    'notInterested',
    'phoneAssigned',
    'phoneCalledBack',
  ] as const;
  for (const k of numeric) into[k] += s[k];
  for (const r of SKIP_REASONS) into.passedOverByReason[r] += s.passedOverByReason[r];
  for (const c of s.cardsSold) {
    const have = into.cardsSold.find((x) => x.cardTypeName === c.cardTypeName);
    if (have) have.count += c.count;
    else into.cardsSold.push({ ...c });
  }
}

function consultantReport(ctx: Ctx, month: string): ConsultantReport {
  const tz = ctx.settings.timeZone;
  const { first, last } = monthBounds(month);
  const from = dayBoundsUtc(first, tz).from;
  const to = dayBoundsUtc(last, tz).to;
  const db = ctx.db;
  const per = new Map<number, Map<string, ConsultantStats>>();
  const at = (staffId: number, dayOrIso: string): ConsultantStats => {
    const day = dayOrIso.length === 10 ? dayOrIso : localDate(new Date(dayOrIso), tz);
    let m = per.get(staffId);
    if (!m) per.set(staffId, (m = new Map()));
    let s = m.get(day);
    if (!s) m.set(day, (s = emptyStats()));
    return s;
  };

  for (const r of figures.receivedBetween(db, from, to)) {
    const s = at(r.id, r.at);
    if (r.basis === 'rotation') s.receivedRotation += 1;
    else s.receivedOwnLeads += 1;
  }
  for (const r of figures.creditedOnDays(db, first, last)) at(r.id, r.day).credited += 1;
  for (const r of figures.skipsOnDays(db, first, last)) {
    const s = at(r.id, r.day);
    s.passedOver += 1;
    s.passedOverByReason[r.reason] += 1;
  }
  for (const r of figures.noShowsBetween(db, from, to)) at(r.id, r.at).noShows += 1;
  for (const r of figures.disputesRaisedBetween(db, from, to)) at(r.id, r.at).disputesRaised += 1;
  for (const r of figures.creditMovesBetween(db, from, to)) {
    if (r.fromId === r.toId) continue;
    at(r.toId, r.at).creditMovedIn += 1;
    if (r.fromId !== null) at(r.fromId, r.at).creditMovedOut += 1;
  }
  // An outcome (and a card sold) counts once, for the consultant credited with the visitor: the one
  // who received them, or the one a dispute moved the credit to — never for both.
  for (const r of figures.outcomesBetween(db, from, to)) {
    const s = at(r.id, r.at);
    if (r.outcome === 'joined') {
      s.joined += 1;
      addStats(s, { ...emptyStats(), cardsSold: [{ cardTypeName: String(r.cardType), count: 1 }] });
    } else if (r.outcome === 'follow_up') s.followUp += 1;
    else s.notInterested += 1;
  }
  for (const r of figures.inquiriesAssignedOnDays(db, first, last)) {
    const s = at(r.id, r.day);
    s.phoneAssigned += 1;
    if (r.cb !== null) s.phoneCalledBack += 1;
  }

  const names = new Map<number, ReportStaffRow>(figures.reportStaff(db, first, last).map((s) => [s.id, s]));
  for (const id of per.keys())
    if (!names.has(id)) {
      const s = figures.reportStaffById(db, id);
      if (s) names.set(id, s);
    }
  const rows = [...names.values()]
    .filter((s) => s.active === 1 || per.has(s.id))
    .map((s) => {
      const days = [...(per.get(s.id) ?? new Map<string, ConsultantStats>()).entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, st]) => ({ day, ...st }));
      const total = emptyStats();
      for (const d of days) addStats(total, d);
      return { staffId: s.id, name: s.name, total, days };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { month, rows };
}

export const reportHandlers: Pick<HandlersOf<typeof visitorsContract>, 'reports.consultants'> = {
  'reports.consultants': (ctx, a) => consultantReport(ctx, a.month),
};
