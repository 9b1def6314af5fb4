/**
 * The one rule for typed amounts (electron/shared/money.ts), used by every money field in the
 * renderer and by the roster import. Before it there were four parsers that disagreed: "12,5" was
 * ¥125.00 in the payment editor and in an imported file, ¥12.50 at the bar, and refused in settings.
 * Their code is kept below, verbatim, so that every form they accepted is checked against the rule.
 */
import { describe, expect, it } from 'vitest';
import { DenominationsSchema } from '../../electron/core/contract';
import {
  DENOMINATIONS,
  MAX_CENTS,
  centsToYuan,
  denominationLabel,
  denominationsTotal,
  formatMoney,
  parseCents,
  parseMoney,
  type MoneyParse,
} from '../../electron/shared/money';
import { BOM, csvCell, csvDocument, csvMoney, csvRow, withBom } from '../../electron/shared/csv';

// ---- the old parsers, as they were ---------------------------------------------------------------

/** renderer/src/stores/bar.ts */
function oldBar(s: string): number | null {
  const v = s.trim();
  if (!/^\d{1,7}([.,]\d{1,2})?$/.test(v)) return null;
  const [whole = '0', frac = ''] = v.replace(',', '.').split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** renderer/src/components/PaymentEditor.tsx (payments, shift float/count/pay-out, stored value, card sale, incident costs) */
function oldEditor(input: string): number | null {
  const s = input
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\s,\uFF0C]/g, '');
  const m = /^(\d{0,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m || s === '' || s === '.') return null;
  return Number(m[1] || '0') * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** renderer/src/screens/SettingsScreen.tsx (lost-tag fee, card-type prices) */
function oldSettings(s: string): number | null {
  const v = s.trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(v)) return null;
  const [whole = '0', frac = ''] = v.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** electron/core/areas/import/values.ts (stored-value balances in an imported roster) */
function oldImport(s: string): number | null {
  let t = s.trim().replace(/[\s,，]/g, '');
  const negative = /^[-−]|^\(.*\)$/.test(t);
  t = t.replace(/^[-−+]/, '').replace(/^\((.*)\)$/, '$1');
  t = t.replace(/^(?:rmb|cny|¥|￥)/i, '').replace(/(?:元|rmb|cny)$/i, '');
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  if (negative && Number(t) !== 0) return null;
  const [whole, frac = ''] = t.split('.') as [string, string?];
  if (/[1-9]/.test(frac.slice(2))) return null;
  if (whole.replace(/^0+/, '').length > 10) return null;
  const cents = Number(whole) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
  return cents > 1_000_000_000 ? null : cents;
}

const ok = (cents: number): MoneyParse => ({ ok: true, cents });
const refused = (problem: string, suggestion?: string) =>
  suggestion === undefined ? { ok: false, problem } : { ok: false, problem, suggestion };

describe('what a typed amount means', () => {
  it('reads yuan with a point for cents', () => {
    expect(parseMoney('12')).toEqual(ok(1200));
    expect(parseMoney('12.5')).toEqual(ok(1250));
    expect(parseMoney('12.50')).toEqual(ok(1250));
    expect(parseMoney('12.05')).toEqual(ok(1205));
    expect(parseMoney('0.5')).toEqual(ok(50));
    expect(parseMoney('.5')).toEqual(ok(50));
    expect(parseMoney('12.')).toEqual(ok(1200));
    expect(parseMoney('0')).toEqual(ok(0));
    expect(parseMoney('0012.30')).toEqual(ok(1230));
    expect(parseMoney('  12.5  ')).toEqual(ok(1250));
  });

  it('takes a comma only as a thousands separator, in groups of three', () => {
    expect(parseMoney('1,250.50')).toEqual(ok(125_050));
    expect(parseMoney('1,250')).toEqual(ok(125_000));
    expect(parseMoney('12,500')).toEqual(ok(1_250_000));
    expect(parseMoney('999,999.99')).toEqual(ok(99_999_999));
    expect(parseMoney('1,000,000')).toEqual(ok(100_000_000));
    expect(parseMoney('1 250.50')).toEqual(ok(125_050));
    expect(parseMoney('1，250．50')).toEqual(ok(125_050));
  });

  it('refuses "12,5" and every other comma that is not a thousands separator, saying what was meant', () => {
    expect(parseMoney('12,5')).toEqual(refused('comma', '12.50'));
    expect(parseMoney('12,50')).toEqual(refused('comma', '12.50'));
    expect(parseMoney('0,5')).toEqual(refused('comma', '0.50'));
    expect(parseMoney(',5')).toEqual(refused('comma', '0.50'));
    expect(parseMoney('１２，５')).toEqual(refused('comma', '12.50'));
    expect(parseMoney('¥12,5')).toEqual(refused('comma', '12.50'));
    expect(parseMoney('12,5元')).toEqual(refused('comma', '12.50'));
    expect(parseMoney('1.250,50')).toEqual(refused('comma', '1250.50'));
    // no single reading: refused without a suggestion
    expect(parseMoney('1,25,0')).toEqual(refused('comma'));
    expect(parseMoney('12,5000')).toEqual(refused('comma'));
    expect(parseMoney('1234,567')).toEqual(refused('comma'));
    expect(parseMoney('1,2.5')).toEqual(refused('comma'));
    expect(parseMoney('12,')).toEqual(refused('comma'));
    expect(parseMoney('1,250 000')).toEqual(refused('comma'));
    expect(parseCents('12,5')).toBeNull();
  });

  it('reads full-width digits, point and comma, the IME full stop, ¥ / ￥ before and 元 after', () => {
    expect(parseMoney('１２．５')).toEqual(ok(1250));
    expect(parseMoney('１２。５')).toEqual(ok(1250));
    expect(parseMoney('12。50')).toEqual(ok(1250));
    expect(parseMoney('¥12.5')).toEqual(ok(1250));
    expect(parseMoney('￥12.5')).toEqual(ok(1250));
    expect(parseMoney('¥ 12.5')).toEqual(ok(1250));
    expect(parseMoney('12.5元')).toEqual(ok(1250));
    expect(parseMoney('12.5 元')).toEqual(ok(1250));
    expect(parseMoney('￥ 80元')).toEqual(ok(8000));
    expect(parseMoney('RMB 3')).toEqual(ok(300));
    expect(parseMoney('80 cny')).toEqual(ok(8000));
    expect(parseMoney('\u300012\u3000')).toEqual(ok(1200));
  });

  it('refuses more than two decimals, unless a file may carry zeros', () => {
    expect(parseMoney('12.345')).toEqual(refused('decimals'));
    expect(parseMoney('12.340')).toEqual(refused('decimals'));
    expect(parseMoney('12.3400', { extraZeroDecimals: true })).toEqual(ok(1234));
    expect(parseMoney('12.345', { extraZeroDecimals: true })).toEqual(refused('decimals'));
  });

  it('refuses a negative amount unless the caller allows it', () => {
    for (const s of ['-20', '−20', '－20', '(20)', '（20）', '-¥20', '¥-20', '- 20'])
      expect(parseMoney(s), s).toEqual(refused('negative'));
    expect(parseMoney('-20', { allowNegative: true })).toEqual(ok(-2000));
    expect(parseMoney('(3.00)', { allowNegative: true })).toEqual(ok(-300));
    expect(parseMoney('¥-1,250.5', { allowNegative: true })).toEqual(ok(-125_050));
    expect(parseMoney('-0')).toEqual(ok(0));
    expect(parseMoney('+12')).toEqual(ok(1200));
    // one sign only
    expect(parseMoney('--12', { allowNegative: true })).toEqual(refused('invalid'));
    expect(parseMoney('+-12', { allowNegative: true })).toEqual(refused('invalid'));
  });

  it('refuses amounts above the maximum (the contract’s by default), exactly at the cent', () => {
    expect(MAX_CENTS).toBe(100_000_000);
    expect(parseMoney('1000000')).toEqual(ok(MAX_CENTS));
    expect(parseMoney('1000000.01')).toEqual(refused('tooLarge'));
    expect(parseMoney('99999999999999999999')).toEqual(refused('tooLarge'));
    expect(parseMoney('500.01', { max: 50_000 })).toEqual(refused('tooLarge'));
    expect(parseMoney('-500.01', { max: 50_000, allowNegative: true })).toEqual(refused('tooLarge'));
    expect(parseMoney('500', { max: 50_000 })).toEqual(ok(50_000));
  });

  it('says what is wrong with text that is no amount', () => {
    expect(parseMoney('')).toEqual(refused('empty'));
    expect(parseMoney('   ')).toEqual(refused('empty'));
    for (const s of [
      'abc',
      '.',
      '¥',
      '元',
      '1e5',
      '6.5.0',
      '12a',
      '12 5',
      '0x10',
      'Infinity',
      'NaN',
      '1_000',
      '¥¥12',
    ])
      expect(parseMoney(s), s).toEqual(refused('invalid'));
  });

  it('is the same rule in every field: what the old parsers agreed on stays, "12,5" is now refused everywhere', () => {
    // Every form the old parsers took, built from parts: wholes, fractions, wrappings.
    const wholes = ['0', '1', '12', '123', '1234', '1,234', '12,345', '999,999', '1234567', '0012', ''];
    const fracs = ['', '.', '.5', '.50', '.05', '.99', '.123', '.500', ',5', ',50', ',05', ',500'];
    const wraps: ((s: string) => string)[] = [
      (s) => s,
      (s) => ` ${s} `,
      (s) => `¥${s}`,
      (s) => `￥ ${s}`,
      (s) => `${s}元`,
      (s) => `RMB ${s}`,
      (s) => `-${s}`,
      (s) => `(${s})`,
      (s) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace('.', '．'),
      (s) => s.replace('.', '。'),
      (s) => s.replace(',', '，'),
    ];
    let checked = 0;
    for (const w of wholes)
      for (const f of fracs)
        for (const wrap of wraps) {
          const text = wrap(w + f);
          const now = parseMoney(text);
          const before = { bar: oldBar(text), editor: oldEditor(text), settings: oldSettings(text) };
          const imported = oldImport(text);
          // what a typed field accepts now is what every old field that accepted it meant
          if (now.ok) {
            for (const [where, cents] of Object.entries(before))
              if (cents !== null) expect(cents, `${where}: ${text}`).toBe(now.cents);
            if (imported !== null) expect(imported, `import: ${text}`).toBe(now.cents);
            checked++;
            continue;
          }
          // refused now although an old parser took it: only for a reason the rule states
          const tookIt = Object.values(before).some((c) => c !== null) || imported !== null;
          if (!tookIt) continue;
          const plain = text.replace(/，/g, ',').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
          const grouped = /(?:^|[^\d,])\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:$|[^\d,])/.test(plain);
          const comma = plain.includes(',') && !grouped;
          if (now.problem === 'comma') expect(comma, text).toBe(true);
          else if (now.problem === 'negative') expect(text).toMatch(/^-|^\(/);
          else if (now.problem === 'decimals') expect(text).toMatch(/\.\d{3}/);
          else if (now.problem === 'tooLarge') {
            for (const c of [...Object.values(before), imported])
              if (c !== null) expect(c).toBeGreaterThan(MAX_CENTS);
          } else expect.fail(`${text}: ${now.problem}, but an old parser took it`);
        }
    expect(checked).toBeGreaterThan(200);
  });

  it('settles each case where the old parsers disagreed', () => {
    // [typed, bar, payment editor, settings, import, now]
    const cases: [string, number | null, number | null, number | null, number | null, number | null][] = [
      ['12,5', 1250, 12_500, null, 12_500, null],
      ['12,50', 1250, 125_000, null, 125_000, null],
      ['1,250.50', null, 125_050, null, 125_050, 125_050],
      ['1,250', null, 125_000, null, 125_000, 125_000],
      ['１２.５', null, 1250, null, null, 1250],
      ['12。5', null, 1250, null, null, 1250],
      ['.5', null, 50, null, null, 50],
      ['12.', null, 1200, null, null, 1200],
      ['¥12.5', null, null, null, 1250, 1250],
      ['12元', null, null, null, 1200, 1200],
      ['1 2 5', null, 12_500, null, 12_500, null],
      ['1,2,3', null, 12_300, null, 12_300, null],
      ['12.3400', null, null, null, 1234, null],
      ['9999999', 999_999_900, 999_999_900, 999_999_900, 999_999_900, null],
    ];
    for (const [text, bar, editor, settings, imported, now] of cases) {
      expect([oldBar(text), oldEditor(text), oldSettings(text), oldImport(text)], text).toEqual([
        bar,
        editor,
        settings,
        imported,
      ]);
      expect(parseCents(text), text).toBe(now);
    }
  });

  it('round-trips what it writes into a field', () => {
    for (const cents of [0, 1, 5, 10, 99, 100, 1250, 125_050, MAX_CENTS]) {
      expect(parseCents(centsToYuan(cents)), String(cents)).toBe(cents);
      expect(parseCents(formatMoney(cents, 'zh-CN')), `zh ${cents}`).toBe(cents);
      expect(parseCents(formatMoney(cents, 'en-GB')), `en ${cents}`).toBe(cents);
    }
    expect(centsToYuan(1250)).toBe('12.50');
    expect(centsToYuan(-100)).toBe('-1.00');
    expect(centsToYuan(-5)).toBe('-0.05');
    expect(centsToYuan(0)).toBe('0.00');
  });
});

describe('money for people', () => {
  it('formats in the locale and currency', () => {
    expect(formatMoney(125_050, 'zh-CN')).toBe('¥1,250.50');
    // the narrow symbol in English too: never "CN¥"
    expect(formatMoney(1250, 'en-GB')).toBe('¥12.50');
    expect(formatMoney(-125_050, 'en-GB')).toBe('-¥1,250.50');
    expect(formatMoney(-300, 'zh-CN')).toBe('-¥3.00');
  });
  it('names notes and coins', () => {
    expect([10_000, 5000, 100, 50, 10].map(denominationLabel)).toEqual(['¥100', '¥50', '¥1', '¥0.5', '¥0.1']);
  });
  it('counts the drawer by denomination, with the contract’s keys', () => {
    expect(DENOMINATIONS.map((d) => d.key).sort()).toEqual(Object.keys(DenominationsSchema.shape).sort());
    const counts = { n100: 3, n50: 1, n20: 2, n10: 0, n5: 1, n1: 4, c50: 3, c10: 7 };
    expect(denominationsTotal(counts)).toBe(30_000 + 5_000 + 4_000 + 500 + 400 + 150 + 70);
  });
});

describe('CSV cells', () => {
  it('quotes what needs quoting and neutralises formulas in text, not in numbers or money', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(csvMoney(125_050))).toBe('1250.50');
    expect(csvCell(csvMoney(-1000))).toBe('-10.00');
    expect(csvCell(csvMoney(null))).toBe('');
  });
  it('writes a file with a byte-order mark and CRLF line ends', () => {
    expect(csvRow(['a', 1, csvMoney(50), null])).toBe('a,1,0.50,');
    expect(csvDocument([['h1', 'h2'], [], ['x', csvMoney(-1)]])).toBe(`${BOM}h1,h2\r\n\r\nx,-0.01\r\n`);
    expect(withBom('a')).toBe(`${BOM}a`);
    expect(withBom(`${BOM}a`)).toBe(`${BOM}a`);
  });
});
