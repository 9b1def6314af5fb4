/**
 * A roster cell's value as the import takes it: gender and status words in Chinese and English,
 * dates as exports write them, money by the app's one money rule, counts of visits, national ID
 * numbers. Each reader gives the value or the problem code for the report.
 */
import type { MemberGender } from '../../contract/types';
import { isValidDate } from '../../../shared/dates';
import { parseMoney as parseSharedMoney } from '../../../shared/money';
import type { ImportProblemCode } from './types';

/** The largest stored-value balance taken from a file: ¥10,000,000. */
const MAX_BALANCE_CENTS = 1_000_000_000;

export const GENDERS: Record<string, MemberGender> = {
  男: 'male',
  男性: 'male',
  先生: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  女: 'female',
  女性: 'female',
  女士: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
  未知: 'unknown',
  保密: 'unknown',
  不详: 'unknown',
  unknown: 'unknown',
  'gender unknown': 'unknown',
  u: 'unknown',
  '-': 'unknown',
  性别未知: 'unknown',
};

export type Status = 'normal' | 'frozen' | 'expired' | 'deactivated';
export const STATUSES: Record<string, Status> = {
  // the state is worked out from the dates and visits: these carry nothing more
  正常: 'normal',
  有效: 'normal',
  在用: 'normal',
  使用中: 'normal',
  激活: 'normal',
  已激活: 'normal',
  启用: 'normal',
  未开卡: 'normal',
  未激活: 'normal',
  未开始: 'normal',
  次数用完: 'normal',
  active: 'normal',
  normal: 'normal',
  valid: 'normal',
  ok: 'normal',
  'not started': 'normal',
  not_started: 'normal',
  'no visits left': 'normal',
  no_visits: 'normal',
  冻结: 'frozen',
  已冻结: 'frozen',
  冻结中: 'frozen',
  停卡: 'frozen',
  已停卡: 'frozen',
  暂停: 'frozen',
  frozen: 'frozen',
  paused: 'frozen',
  suspended: 'frozen',
  过期: 'expired',
  已过期: 'expired',
  到期: 'expired',
  已到期: 'expired',
  失效: 'expired',
  expired: 'expired',
  停用: 'deactivated',
  已停用: 'deactivated',
  注销: 'deactivated',
  已注销: 'deactivated',
  作废: 'deactivated',
  退卡: 'deactivated',
  已退卡: 'deactivated',
  禁用: 'deactivated',
  deactivated: 'deactivated',
  inactive: 'deactivated',
  cancelled: 'deactivated',
  canceled: 'deactivated',
};

/**
 * A calendar date as exports write it: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301,
 * each optionally followed by a time ("2026/3/1 10:22", "2026-03-01T10:22:33"); the time is
 * dropped. Day-first or month-first dates (01/03/2026) are ambiguous and refused. YYYY-MM-DD or null.
 */
export function parseDate(s: string): string | null {
  const text = s.trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1900 || y > 2200) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(d) ? d : null;
}

/**
 * A stored-value balance as the file writes it, read by the app's one money rule (shared/money.ts):
 * "1,234.50", "¥1234.5", "1234元", "RMB 80", and a spreadsheet's "12.3400". A decimal comma
 * ("12,5") is refused, never guessed. Cents, or the problem code for the report.
 */
export function parseMoney(s: string): { cents: number } | { code: ImportProblemCode } {
  const r = parseSharedMoney(s, { max: MAX_BALANCE_CENTS, extraZeroDecimals: true });
  if (r.ok) return { cents: r.cents };
  switch (r.problem) {
    case 'negative':
      return { code: 'NEGATIVE_AMOUNT' };
    case 'tooLarge':
      return { code: 'AMOUNT_TOO_LARGE' };
    case 'comma':
      return { code: 'DECIMAL_COMMA' };
    default:
      return { code: 'INVALID_AMOUNT' };
  }
}

/** A count of visits: "8", "8次", "8.0". The number, or why not. */
export function parseCount(s: string): { n: number } | { code: ImportProblemCode } {
  const t = s.trim().replace(/\s*次$/, '');
  if (/^[-−]\s*\d+(?:\.0+)?$/.test(t) && !/^[-−]\s*0+(?:\.0+)?$/.test(t)) return { code: 'NEGATIVE_NUMBER' };
  const m = /^[-−]?(\d{1,6})(?:\.0+)?$/.exec(t);
  if (!m || Number(m[1]) > 100_000) return { code: 'INVALID_NUMBER' };
  return { n: Number(m[1]) };
}

/** A Chinese resident ID (18 characters with its check digit, or the old 15 digits) or another ID document number. */
export function nationalIdOf(raw: string): string | null {
  const t = raw.replace(/\s+/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(t)) {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = w.reduce((a, x, i) => a + x * Number(t[i]), 0);
    return '10X98765432'[sum % 11] === t[17] ? t : null;
  }
  if (/^\d{15}$/.test(t)) return t;
  // all digits but not 15 or 18 long: a mistyped resident ID
  if (/^\d+X?$/.test(t)) return null;
  // a passport or another document: letters and digits
  return /^[A-Z0-9-]{5,40}$/.test(t) ? t : null;
}

/** Undo the export's formula neutralisation ('=…, '+…). */
export function cell(row: string[], idx: number | undefined): string {
  if (idx === undefined) return '';
  const v = (row[idx] ?? '').trim();
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

export const lower = (s: string) => s.trim().toLowerCase();
