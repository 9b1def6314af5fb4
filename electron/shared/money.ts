/**
 * Money, for the core and the renderer alike (no Node, database or Electron import: this file is
 * bundled into the renderer too). Amounts are integer cents everywhere — database, contract,
 * arithmetic; yuan appear only where a person types or reads an amount, and in CSV files.
 *
 * What a typed amount means — one rule for every money field and for imported files (parseMoney):
 *  - yuan, with a point for cents: "12", "12.5", "12.50", ".5", "12.";
 *  - a comma only separates thousands, in groups of three: "1,250.50" is ¥1,250.50 and "12,500" is
 *    ¥12,500.00. Anything else with a comma — "12,5", "12,50", "1,25,0" — is refused with the
 *    problem 'comma' (and, where it is clear, the suggestion "12.50"): it is never guessed. A space
 *    may separate thousands the same way ("1 250.50");
 *  - full-width digits, point (．, and the IME's 。) and comma (，) are read as their ASCII forms;
 *  - a leading ¥ / ￥ (or RMB / CNY) and a trailing 元 (or RMB / CNY) are accepted;
 *  - at most two decimals: "12.345" is refused ('decimals'); a file's "12.3400" is read only when the
 *    caller allows extra zero decimals;
 *  - a minus sign (-, −, －) or accounting brackets "(3.00)" make it negative: refused ('negative')
 *    unless the caller allows it;
 *  - at most `max` cents (by default MAX_CENTS, the contract's limit): 'tooLarge'.
 */

/** The largest amount an operation takes (the contract's `Cents`): ¥1,000,000.00. */
export const MAX_CENTS = 100_000_000;

/** Why a text is not an amount. */
export type MoneyProblem =
  /** nothing typed */
  | 'empty'
  /** not an amount at all ("abc", "6.5.0", "1e5") */
  | 'invalid'
  /** a comma that is not a thousands separator ("12,5") */
  | 'comma'
  /** more than two decimals */
  | 'decimals'
  /** below zero where the caller does not allow it */
  | 'negative'
  /** above the caller's maximum */
  | 'tooLarge';

export type MoneyParse =
  | { ok: true; cents: number }
  | {
      ok: false;
      problem: MoneyProblem;
      /** For 'comma': the amount written with a point, when the comma can only have meant one ("12.50"). */
      suggestion?: string;
    };

export interface MoneyOptions {
  /** Accept a negative amount (a correction). Default: refused. */
  allowNegative?: boolean;
  /** The largest amount accepted, in cents (either sign). Default MAX_CENTS. */
  max?: number;
  /** Read decimals after the second when they are zeros ("12.3400" from a spreadsheet). Default: refused. */
  extraZeroDecimals?: boolean;
}

/** Full-width digits, point and comma (typed with a Chinese IME) as ASCII; every space as ' '. */
function ascii(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uff0e\u3002]/g, '.')
    .replace(/\uff0c/g, ',')
    .replace(/[\u2212\uff0d]/g, '-')
    .replace(/\uff08/g, '(')
    .replace(/\uff09/g, ')')
    .replace(/[\s\u3000\u00a0\u202f]+/g, ' ')
    .trim();
}

const CURRENCY_BEFORE = /^(?:¥|￥|rmb|cny)\s?/i;
const CURRENCY_AFTER = /\s?(?:元|rmb|cny)$/i;
/** Whole yuan with thousands separators in groups of three, all the same separator. */
const GROUPED = /^\d{1,3}([, ])\d{3}(?:\1\d{3})*$/;

/** A typed amount in cents, or why it is not one (the rule is at the top of this file). */
export function parseMoney(text: string, opts: MoneyOptions = {}): MoneyParse {
  let t = ascii(text);
  if (t === '') return { ok: false, problem: 'empty' };
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(t);
  if (bracketed) {
    negative = true;
    t = bracketed[1]!.trim();
  }
  // one sign, before or after the currency: "-¥12", "¥-12", "+12"
  const sign = (): boolean => {
    const s = /^([-+])\s?/.exec(t);
    if (!s) return false;
    if (s[1] === '-') negative = !negative;
    t = t.slice(s[0].length);
    return true;
  };
  const signed = sign();
  t = t.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
  if (!signed) sign();

  if (!/\d/.test(t) || !/^[\d, ]*(?:\.\d*)?$/.test(t)) {
    // "1.250,50", "1,2.5": a comma where a point was meant (or the other way round)
    if (t.includes(',') && /^[\d.,]+$/.test(t)) return commaProblem(t);
    return { ok: false, problem: 'invalid' };
  }
  const point = t.indexOf('.');
  let whole = point < 0 ? t : t.slice(0, point);
  const frac = point < 0 ? '' : t.slice(point + 1);
  if (/[, ]/.test(whole)) {
    if (GROUPED.test(whole)) whole = whole.replace(/[, ]/g, '');
    else return whole.includes(',') ? commaProblem(t) : { ok: false, problem: 'invalid' };
  }
  if (frac.length > 2 && !(opts.extraZeroDecimals && /^0*$/.test(frac.slice(2))))
    return { ok: false, problem: 'decimals' };
  const max = opts.max ?? MAX_CENTS;
  // compare digits, not floats, for absurdly long numbers
  if (whole.replace(/^0+/, '').length > 13) return { ok: false, problem: 'tooLarge' };
  const cents = Number(whole || '0') * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
  if (negative && cents !== 0 && !opts.allowNegative) return { ok: false, problem: 'negative' };
  if (cents > max) return { ok: false, problem: 'tooLarge' };
  return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

/** The refusal of a comma that is not a thousands separator, with the amount it can only have meant. */
function commaProblem(t: string): MoneyParse {
  // "12,5" / "12,50": a decimal comma; "1.250,50": a point between thousands and a decimal comma
  const m = /^(\d{1,3}(?:\.\d{3})+|\d*),(\d{1,2})$/.exec(t);
  if (!m) return { ok: false, problem: 'comma' };
  const whole = m[1]!.replace(/\./g, '').replace(/^0+(?=\d)/, '') || '0';
  return { ok: false, problem: 'comma', suggestion: `${whole}.${m[2]!.padEnd(2, '0')}` };
}

/** The amount in cents, or null when the text is not one (parseMoney says why). */
export function parseCents(text: string, opts?: MoneyOptions): number | null {
  const r = parseMoney(text, opts);
  return r.ok ? r.cents : null;
}

/** Cents as plain yuan with two decimals: 1250 → "12.50", -100 → "-1.00". For amount fields and CSV files. */
export function centsToYuan(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Cents for people, in a locale and currency: "¥12.50" in both languages. The currency's narrow
 * symbol: English would otherwise write "CN¥12.50", which no one at the desk says.
 */
export function formatMoney(cents: number, locale: string, currency = 'CNY'): string {
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f)
    moneyFormats.set(
      key,
      (f = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })),
    );
  return f.format(cents / 100);
}

/**
 * The notes and coins a cash count is made of (the shift's blind count), largest first: the key of
 * each in a count (`Denominations` in the contract) and its face value in cents.
 */
export const DENOMINATIONS = [
  { key: 'n100', cents: 10_000 },
  { key: 'n50', cents: 5_000 },
  { key: 'n20', cents: 2_000 },
  { key: 'n10', cents: 1_000 },
  { key: 'n5', cents: 500 },
  { key: 'n1', cents: 100 },
  { key: 'c50', cents: 50 },
  { key: 'c10', cents: 10 },
] as const;
export type DenominationKey = (typeof DENOMINATIONS)[number]['key'];

/** What a count by denomination adds up to, in cents. */
export function denominationsTotal(counts: Readonly<Record<DenominationKey, number>>): number {
  return DENOMINATIONS.reduce((s, d) => s + counts[d.key] * d.cents, 0);
}

/** A note or coin by its face value: 10000 → "¥100", 50 → "¥0.5", 10 → "¥0.1". */
export function denominationLabel(cents: number): string {
  return cents % 100 === 0 ? `¥${cents / 100}` : `¥${(cents / 100).toFixed(1)}`;
}
