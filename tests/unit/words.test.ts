// @vitest-environment jsdom
/**
 * The words a Chinese club uses (README, "Words"): one term per concept in the zh-CN dictionary,
 * no "PIN" on Chinese screens, no space between Chinese words whatever is interpolated, durations
 * and money as the desk says them, in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18next from '../../renderer/src/i18n';
import type { I18nKey } from '../../renderer/src/i18n/keys';
import { closeChineseSpaces } from '../../renderer/src/i18n/spacing';
import zhCN from '../../renderer/src/i18n/zh-CN';
import { fmtDuration, fmtMinutes, fmtMoney, setClubFormat } from '../../renderer/src/format';

/** Every string of a dictionary with its key. */
function strings(o: unknown, prefix = ''): [string, string][] {
  if (typeof o === 'string') return [[prefix, o]];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
    strings(v, prefix ? `${prefix}.${k}` : k),
  );
}
const zh = strings(zhCN);

/**
 * Words that must not appear in zh-CN, each with the glossary's term and, where a key may still
 * use it, the keys that may (a file's own words the import recognises).
 */
const FORBIDDEN: { word: RegExp; use: string; except?: string[] }[] = [
  { word: /PIN/i, use: '密码' },
  { word: /钥匙牌|手环/, use: '手牌' },
  { word: /盲点/, use: '现金盲盘（盲点 = blind spot）' },
  { word: /归还会员卡/, use: '将会员卡交还会员' },
  { word: /俱乐部|会所/, use: '门店' },
  { word: /解冻|冻结/, use: '停卡 / 复卡', except: ['members.problem.INVALID_STATUS'] },
  { word: /事故/, use: '突发事件' },
  { word: /主管授权/, use: '授权放行 (领班 or 经理; 主管 is a department supervisor in complaints)' },
  { word: /在馆/, use: '在场' },
  { word: /抽屉/, use: '钱箱' },
  { word: /左侧|右侧/, use: 'no directions: the layout changes with the screen' },
  { word: /上班(?!时)/, use: '上一班' },
  { word: /你/, use: '您' },
  { word: /"/, use: '“…” (Chinese quotation marks)', except: ['errors.IMPORT_FILE_INVALID_unclosed_quote'] },
  { word: /销售顾问|会籍销售顾问|课程顾问/, use: '会籍顾问' },
  { word: /充值卡|余额卡/, use: '储值' },
];

describe('the zh-CN glossary', () => {
  it.each(FORBIDDEN)('never says $word (use: $use)', ({ word, except }) => {
    const found = zh.filter(([k, v]) => word.test(v) && !except?.includes(k)).map(([k, v]) => `${k}: ${v}`);
    expect(found).toEqual([]);
  });

  it('pays by 银行卡, never 刷卡 (刷卡 is swiping a membership card at the door)', () => {
    const methods = zh.filter(([k]) => /\.methods?\.card$|\.refundTo\.card$/.test(k));
    expect(methods.length).toBeGreaterThanOrEqual(3);
    for (const [k, v] of methods) expect(v, k).toContain('银行卡');
  });

  it('has no space between two Chinese characters in its own text', () => {
    const spaced = zh.filter(([, v]) => closeChineseSpaces(v) !== v).map(([k, v]) => `${k}: ${v}`);
    expect(spaced).toEqual([]);
  });
});

/**
 * The pro shop (专卖区) works the bar's screens with its own words: every word of the bar's screens,
 * as the shop point asks for it (`{ context: 'shop' }`), says goods and sale slips, never drinks,
 * the bar slip or the bar. The bar's own title, the point names and the free water are the bar's.
 */
describe('the pro shop speaks of goods', () => {
  const BAR_ONLY = /^(title|points\.bar|water.*)$/;
  const barKeys = [
    ...new Set(
      strings(zhCN.bar)
        .map(([k]) => k.replace(/_(zero|one|two|few|many|other)$/, ''))
        .filter((k) => !k.endsWith('_shop') && !BAR_ONLY.test(k)),
    ),
  ];
  const words = {
    'zh-CN': /饮品|消水|水吧|吧台|点单|菜单|配料/,
    en: /drink|\bbar\b|menu|ingredient/i,
  } as const;

  // any key of the bar, with the context (typed t() takes a context only on keys that have one)
  const tx = i18next.t.bind(i18next) as unknown as (key: string, o: Record<string, unknown>) => string;

  it.each(['zh-CN', 'en'] as const)('in %s', (lng) => {
    expect(barKeys.length).toBeGreaterThan(100);
    const bad: string[] = [];
    for (const k of barKeys) {
      const out = tx(`bar.${k}`, { lng, context: 'shop', count: 2, name: 'x' });
      if (words[lng].test(out)) bad.push(`bar.${k}: ${out}`);
    }
    expect(bad).toEqual([]);
    // and the bar keeps its words
    expect(i18next.t('bar.slipTitle', { lng })).toMatch(words[lng]);
  });

  it.each(['zh-CN', 'en'] as const)('in the audit log, in %s', (lng) => {
    for (const op of [
      'sell',
      'receive',
      'stocktake',
      'itemCreate',
      'tab',
      'correctLine',
      'void',
      'itemUpdate',
    ])
      expect(tx(`audit.ops.bar.${op}`, { lng, context: 'shop' })).not.toMatch(words[lng]);
  });
});

describe('interpolation spacing by language', () => {
  beforeAll(() => i18next.changeLanguage('zh-CN'));
  afterAll(() => i18next.changeLanguage('en'));

  it('puts no space around a Chinese name, keeps it around Latin names and numbers', async () => {
    expect(i18next.t('checkin.guestOut', { name: '李娜' })).toBe('李娜已离场');
    expect(i18next.t('checkin.guestOut', { name: 'Anna Lee' })).toBe('Anna Lee 已离场');
    expect(i18next.t('checkin.noTagWhat', { name: '李娜' })).toBe(
      '为李娜登记入场，不发手牌（手牌已全部发出）。',
    );
    expect(i18next.t('tags.renumberDone', { from: 3, to: 12 })).toBe('3 号手牌已改为 12 号。');
    expect(i18next.t('login.pinFor', { name: '王店长' })).toBe('王店长的密码');
    await i18next.changeLanguage('en');
    expect(i18next.t('checkin.guestOut', { name: '李娜' })).toBe('李娜 has checked out');
    await i18next.changeLanguage('zh-CN');
  });

  it('leaves no space between Chinese words in any zh-CN string with Chinese names filled in', () => {
    const bad: string[] = [];
    for (const [k, v] of zh) {
      const names = Object.fromEntries([...v.matchAll(/\{\{(\w+)\}\}/g)].map((m) => [m[1]!, '李娜']));
      const key = k.replace(/_(zero|one|two|few|many|other)$/, '') as I18nKey;
      const out = i18next.t(key, { ...names, count: 2 });
      if (/[\u4e00-\u9fff] +[\u4e00-\u9fff]/.test(out)) bad.push(`${k}: ${out}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('durations and money, as the desk says them', () => {
  beforeAll(() => setClubFormat({ timeZone: 'Asia/Shanghai', currency: 'CNY' }));
  afterAll(() => i18next.changeLanguage('en'));

  it('in Chinese: 刚刚 / 40分钟 / 1小时03分', async () => {
    await i18next.changeLanguage('zh-CN');
    expect([0, 0.9, 1, 40, 59, 60, 63, 125, 600].map(fmtMinutes)).toEqual([
      '刚刚',
      '刚刚',
      '1分钟',
      '40分钟',
      '59分钟',
      '1小时',
      '1小时03分',
      '2小时05分',
      '10小时',
    ]);
    const now = new Date('2026-12-07T10:00:00Z');
    expect(fmtDuration('2026-12-07T09:59:30Z', now)).toBe('刚刚');
    expect(fmtDuration('2026-12-07T08:57:00Z', now)).toBe('1小时03分');
    // a clock a little ahead on the client: never a negative duration
    expect(fmtDuration('2026-12-07T10:01:00Z', now)).toBe('刚刚');
    expect(fmtMoney(1250)).toBe('¥12.50');
  });

  it('in English: just now / 40 min / 1 h 03 min, and ¥ (never CN¥)', async () => {
    await i18next.changeLanguage('en');
    expect([0, 40, 60, 63].map(fmtMinutes)).toEqual(['just now', '40 min', '1 h', '1 h 03 min']);
    expect(fmtMoney(125_050)).toBe('¥1,250.50');
    expect(fmtMoney(-300)).toBe('-¥3.00');
  });
});
