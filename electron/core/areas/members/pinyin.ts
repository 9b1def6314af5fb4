/**
 * Search terms for a member: card number, phone, name words, and for Chinese names the full
 * pinyin ("zhangsan"), the initials ("zs") and the given name's pinyin ("san"). Each term has a
 * rank (lower is a better match); search is a prefix match over the terms (phone terms: exact only).
 */
import { pinyin } from 'pinyin-pro';
import { phoneDigits } from '../../../shared/phone';

export const RANK = {
  cardExact: 0,
  card: 1,
  name: 2,
  pinyin: 3,
  initials: 4,
  given: 5,
  phone: 6,
  phoneTail: 7,
} as const;

const HAN = /\p{Script=Han}/u;

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/** Lower-case, no spaces: the form every term and query is compared in. */
export function norm(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export interface Term {
  term: string;
  rank: number;
}

export function nameTerms(name: string): Term[] {
  const out: Term[] = [{ term: norm(name), rank: RANK.name }];
  if (hasHan(name)) {
    const syllables = pinyin(name, {
      toneType: 'none',
      type: 'array',
      surname: 'head',
      nonZh: 'consecutive',
      v: true,
    }).map((s) => norm(s));
    const initials = syllables.map((s) => s.charAt(0)).join('');
    out.push({ term: syllables.join(''), rank: RANK.pinyin });
    out.push({ term: initials, rank: RANK.initials });
    // Given name: everything after a one-character surname (two-character surnames are rare enough
    // that both splits are indexed).
    if (syllables.length > 1) out.push({ term: syllables.slice(1).join(''), rank: RANK.given });
    if (syllables.length > 2) out.push({ term: syllables.slice(2).join(''), rank: RANK.given });
    const chars = [...name.replace(/\s+/g, '')];
    if (chars.length > 1) out.push({ term: norm(chars.slice(1).join('')), rank: RANK.given });
  } else {
    for (const w of name.split(/[\s,.-]+/)) if (w) out.push({ term: norm(w), rank: RANK.name });
  }
  return out;
}

/**
 * Every term of a member. The phone gives two terms, matched only when equal to the query (never as
 * a prefix, see handlers/search.ts): its digits as a person types them ("13812345678",
 * phone.ts `phoneDigits`, however the number was written) and its last four digits.
 */
export function memberTerms(m: { cardNo: string; name: string; phone: string | null }): Term[] {
  const terms: Term[] = [{ term: norm(m.cardNo), rank: RANK.card }, ...nameTerms(m.name)];
  const digits = phoneDigits(m.phone);
  if (digits) {
    terms.push({ term: digits, rank: RANK.phone });
    if (digits.length > 4) terms.push({ term: digits.slice(-4), rank: RANK.phoneTail });
  }
  // Keep the best rank of each distinct term.
  const best = new Map<string, number>();
  for (const t of terms) {
    if (!t.term) continue;
    const prev = best.get(t.term);
    if (prev === undefined || t.rank < prev) best.set(t.term, t.rank);
  }
  return [...best].map(([term, rank]) => ({ term, rank }));
}

/** The upper bound of a prefix range: "zs" → "zt" (so `term >= 'zs' AND term < 'zt'` uses the index). */
export function prefixEnd(prefix: string): string {
  const cps = [...prefix];
  const last = cps.pop()!;
  return cps.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}
