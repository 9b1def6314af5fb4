/**
 * Freezing a membership (a consultant or a supervisor, with a reason) and ending a freeze early.
 * The expiry moves by the days frozen within the card's own period; ending early takes back the
 * days not used.
 */
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { addDays, daysBetween } from '../../../../shared/dates';
import type { membersContract } from '../contract';
import * as q from '../queries';
import { getMemberRow } from './common';
import { entitlementOf, recordEntitlement } from './entitlements';
import { loadMemberDetail } from './member';

type C = typeof membersContract;

export const freezeHandlers: Pick<HandlersOf<C>, 'members.freeze' | 'members.unfreeze'> = {
  /**
   * Freezing stops the membership from `fromDate` to `toDate` (inclusive); the expiry moves later by
   * the frozen days that fall within the card's own period: none before its start, and a card that
   * has ended by the freeze's first day cannot be frozen (the freeze would hand out new days). One
   * freeze at a time.
   */
  'members.freeze': (ctx, { id, fromDate, toDate, reason }) => {
    const m = getMemberRow(ctx.db, id);
    const today = ctx.today();
    if (toDate < fromDate || fromDate < today) throw new AppError('FREEZE_INVALID', { fromDate, toDate });
    if (m.active !== 1) throw new AppError('MEMBER_DEACTIVATED');
    if (m.frozen_to && m.frozen_to >= today)
      throw new AppError('FREEZE_INVALID', { reason: 'already_frozen', until: m.frozen_to });
    if (m.expiry_date && fromDate > m.expiry_date)
      throw new AppError('FREEZE_AFTER_EXPIRY', { expiry: m.expiry_date });
    const firstCounted = fromDate > m.start_date ? fromDate : m.start_date;
    const days = toDate >= firstCounted ? daysBetween(firstCounted, toDate) + 1 : 0;
    const before = entitlementOf(ctx.db, m);
    const expiry = m.expiry_date ? addDays(m.expiry_date, days) : null;
    q.setFreeze(ctx.db, id, { from: fromDate, to: toDate, reason, expiryDate: expiry }, ctx.nowIso());
    q.insertFreeze(ctx.db, {
      memberId: id,
      from: fromDate,
      to: toDate,
      reason,
      extendedDays: m.expiry_date ? days : 0,
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
    });
    recordEntitlement(ctx.db, {
      memberId: id,
      kind: 'freeze',
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
      before,
      after: entitlementOf(ctx.db, getMemberRow(ctx.db, id)),
      reason,
    });
    ctx.audit({
      op: 'members.freeze',
      entity: 'member',
      entityId: id,
      before: { expiryDate: m.expiry_date },
      after: { frozenFrom: fromDate, frozenTo: toDate, expiryDate: expiry },
      detail: reason,
    });
    return loadMemberDetail(ctx, id);
  },

  /**
   * Unfreezing ends the freeze before its planned end. The member keeps the extension only for the
   * days actually frozen: frozen from `from` up to yesterday, so the days from today (or from the
   * planned start, if it has not begun) to the planned end are taken back off the expiry.
   */
  'members.unfreeze': (ctx, { id }) => {
    const m = getMemberRow(ctx.db, id);
    const today = ctx.today();
    if (!m.frozen_from || !m.frozen_to || m.frozen_to < today) throw new AppError('NOT_FROZEN');
    const f = q.openFreeze(ctx.db, id);
    const started = m.frozen_from <= today;
    const unused = started
      ? daysBetween(today, m.frozen_to) + 1
      : daysBetween(m.frozen_from, m.frozen_to) + 1;
    const giveBack = f && f.extended_days > 0 ? Math.min(unused, f.extended_days) : 0;
    const expiry = m.expiry_date ? addDays(m.expiry_date, -giveBack) : null;
    const newTo = started ? addDays(today, -1) : null;
    // Some frozen days remain on record only if the freeze had run at least one day before today.
    const keepsDays = started && newTo! >= m.frozen_from;
    const before = entitlementOf(ctx.db, m);
    q.setFreeze(
      ctx.db,
      id,
      {
        from: keepsDays ? m.frozen_from : null,
        to: keepsDays ? newTo : null,
        reason: keepsDays ? m.frozen_reason : null,
        expiryDate: expiry,
      },
      ctx.nowIso(),
    );
    if (f) q.endFreeze(ctx.db, f.id, ctx.nowIso(), ctx.requireActor().id, f.extended_days - giveBack);
    recordEntitlement(ctx.db, {
      memberId: id,
      kind: 'unfreeze',
      at: ctx.nowIso(),
      by: ctx.requireActor().id,
      before,
      after: entitlementOf(ctx.db, getMemberRow(ctx.db, id)),
    });
    ctx.audit({
      op: 'members.unfreeze',
      entity: 'member',
      entityId: id,
      before: { frozenFrom: m.frozen_from, frozenTo: m.frozen_to, expiryDate: m.expiry_date },
      after: { expiryDate: expiry, daysTakenBack: giveBack },
    });
    return loadMemberDetail(ctx, id);
  },
};
