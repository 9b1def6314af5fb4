/**
 * The words for a check-in result: each warning and each block reason as a sentence, with what to
 * do about a block. Kept apart from the components so the wording can be tested.
 */
import i18next from 'i18next';
import type { BlockCode, MemberCard, StatusReason, WarningCode } from '../../../../electron/core/contract';
import { fmtDate, fmtMoney, fmtTime } from '../../format';

/** The first parameter present under any of the names (the core's names, and sensible aliases). */
function param(p: Record<string, string | number>, ...names: string[]): string | number | undefined {
  for (const n of names) {
    const v = p[n];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function dateText(v: string | number | undefined): string {
  return typeof v === 'string' && v ? fmtDate(v.slice(0, 10)) : '—';
}

function timeText(v: string | number | undefined): string {
  return typeof v === 'string' && v ? fmtTime(v) : '—';
}

export function warningText(w: StatusReason<WarningCode>, member: MemberCard | null): string {
  const t = i18next.t.bind(i18next);
  const p = w.params ?? {};
  switch (w.code) {
    case 'EXPIRES_SOON': {
      const days = Number(param(p, 'days', 'daysLeft') ?? 0);
      const date = dateText(param(p, 'date', 'expiryDate') ?? member?.expiryDate ?? undefined);
      return days <= 0
        ? t('checkin.warn.expiresToday', { date })
        : t('checkin.warn.expiresSoon', { count: days, date });
    }
    case 'FEW_VISITS': {
      const visits = Number(param(p, 'visits', 'visitsLeft') ?? member?.visitsLeft ?? 0);
      return t('checkin.warn.fewVisits', { count: visits });
    }
    case 'BIRTHDAY':
      return t('checkin.warn.birthday');
    case 'UNPAID_BALANCE': {
      const cents = Number(param(p, 'cents', 'amountCents', 'unpaidCents') ?? 0);
      return t('checkin.warn.unpaid', { amount: fmtMoney(cents) });
    }
    default:
      return t('checkin.warn.other');
  }
}

export interface BlockWords {
  text: string;
  todo: string;
}

export function blockText(
  b: StatusReason<BlockCode>,
  member: MemberCard | null,
  cardNo: string | null,
): BlockWords {
  const t = i18next.t.bind(i18next);
  const p = b.params ?? {};
  switch (b.code) {
    case 'UNKNOWN_CARD':
      return {
        text: t('checkin.block.UNKNOWN_CARD', { cardNo: param(p, 'cardNo') ?? cardNo ?? '' }),
        todo: t('checkin.todo.UNKNOWN_CARD'),
      };
    case 'EXPIRED':
      return {
        text: t('checkin.block.EXPIRED', {
          date: dateText(param(p, 'date', 'expiryDate') ?? member?.expiryDate ?? undefined),
        }),
        todo: t('checkin.todo.EXPIRED'),
      };
    case 'NOT_STARTED':
      return {
        text: t('checkin.block.NOT_STARTED', { date: dateText(param(p, 'date', 'startDate')) }),
        todo: t('checkin.todo.NOT_STARTED'),
      };
    case 'FROZEN': {
      const until = param(p, 'until', 'toDate', 'frozenTo', 'date');
      const reason = param(p, 'reason');
      return {
        text:
          until !== undefined
            ? t('checkin.block.FROZEN', { date: dateText(until) })
            : t('checkin.block.FROZEN_open'),
        todo: reason
          ? `${t('checkin.frozenReason', { reason })} ${t('checkin.todo.FROZEN')}`
          : t('checkin.todo.FROZEN'),
      };
    }
    case 'NO_VISITS_LEFT':
      return { text: t('checkin.block.NO_VISITS_LEFT'), todo: t('checkin.todo.NO_VISITS_LEFT') };
    case 'ALREADY_INSIDE': {
      const tag = param(p, 'tagNumber', 'tag');
      const time = timeText(param(p, 'since', 'checkedInAt'));
      return {
        text:
          tag !== undefined
            ? t('checkin.block.ALREADY_INSIDE', { time, tag })
            : t('checkin.block.ALREADY_INSIDE_noTag', { time }),
        todo: t('checkin.todo.ALREADY_INSIDE'),
      };
    }
    case 'DEACTIVATED':
      return { text: t('checkin.block.DEACTIVATED'), todo: t('checkin.todo.DEACTIVATED') };
    default:
      return { text: t('checkin.block.other'), todo: '' };
  }
}
