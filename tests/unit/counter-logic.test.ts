// @vitest-environment jsdom
/** Renderer logic of the counter screens: the words of a check-in result, tag selection, files. */
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from '../../renderer/src/i18n';
import { fmtDate, fmtMoney, moneyRefusal, setClubFormat } from '../../renderer/src/format';
import { blockText, warningText } from '../../renderer/src/screens/checkin/reasons';
import { matchesInside } from '../../renderer/src/screens/checkin/InsideList';
import { bytesToBase64, fitWithin } from '../../renderer/src/screens/members/files';
import { addDays as addDaysStr } from '../../electron/shared/dates';
import { selectedWith, useTags } from '../../renderer/src/stores/tags';
import type { InsideVisit, MemberCard, MemberSummary, TagBoard, KeyTag } from '../../electron/core/contract';
import { decideEnter, tagOffer } from '../../renderer/src/screens/checkin/enterDecision';
import { actionWarnings, insideTag } from '../../renderer/src/stores/checkin';
import { quickTenders } from '../../renderer/src/components/PaymentEditor';

const member: MemberCard = {
  id: 1,
  cardNo: '100234',
  name: '张三',
  gender: 'male',
  cardTypeName: '年卡',
  cardKind: 'time',
  expiryDate: '2026-11-20',
  visitsLeft: null,
  hasPhoto: false,
  storedValueCents: 0,
};

beforeAll(async () => {
  setClubFormat({ timeZone: 'Asia/Shanghai', currency: 'CNY' });
  await i18next.changeLanguage('en');
});

describe('check-in result in words (en)', () => {
  it('warnings', () => {
    expect(warningText({ code: 'EXPIRES_SOON', params: { days: 2, date: '2026-11-20' } }, member)).toBe(
      'Expires in 2 days, on 20/11/2026',
    );
    expect(warningText({ code: 'EXPIRES_SOON', params: { days: 1, date: '2026-11-19' } }, member)).toBe(
      'Expires in 1 day, on 19/11/2026',
    );
    expect(warningText({ code: 'EXPIRES_SOON', params: { days: 0 } }, member)).toBe(
      'The membership expires today (20/11/2026)',
    );
    expect(warningText({ code: 'FEW_VISITS', params: { visits: 3 } }, member)).toBe('3 visits left');
    expect(warningText({ code: 'FEW_VISITS', params: { visits: 1 } }, member)).toBe('1 visit left');
    expect(warningText({ code: 'BIRTHDAY', params: {} }, member)).toBe(
      'Birthday today — wish them a happy birthday!',
    );
    expect(warningText({ code: 'UNPAID_BALANCE', params: { cents: 5000 } }, member)).toBe(
      'Unpaid balance ¥50.00 — please ask them to settle it',
    );
  });

  it('block reasons with what to do', () => {
    expect(blockText({ code: 'EXPIRED', params: { expiryDate: '2026-10-31' } }, member, null)).toEqual({
      text: 'Membership expired on 31/10/2026',
      todo: 'Send the member to a membership consultant to renew.',
    });
    expect(blockText({ code: 'FROZEN', params: { until: '2026-12-01' } }, member, null).text).toBe(
      'Membership frozen until 01/12/2026',
    );
    expect(blockText({ code: 'NOT_STARTED', params: { startDate: '2026-12-01' } }, member, null).text).toBe(
      'Membership not started yet (starts 01/12/2026)',
    );
    expect(blockText({ code: 'NO_VISITS_LEFT', params: {} }, member, null).text).toBe(
      'No visits left on this card',
    );
    expect(blockText({ code: 'DEACTIVATED', params: {} }, member, null).text).toBe('Card deactivated');
    expect(blockText({ code: 'UNKNOWN_CARD', params: {} }, null, '999').text).toBe('Unknown card 999');
    expect(blockText({ code: 'UNKNOWN_CARD', params: {} }, null, '999').todo).toBe(
      'Check the number, or register a trial guest.',
    );
    // 10:05 in Shanghai = 02:05 UTC
    expect(
      blockText(
        { code: 'ALREADY_INSIDE', params: { since: '2026-11-18T02:05:00.000Z', tagNumber: 17 } },
        member,
        null,
      ).text,
    ).toBe('Already inside since 10:05 with key tag 17');
  });

  it('the same words exist in Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    try {
      expect(blockText({ code: 'EXPIRED', params: { expiryDate: '2026-10-31' } }, member, null).text).toBe(
        '会员卡已于 2026/10/31 到期',
      );
      expect(warningText({ code: 'FEW_VISITS', params: { visits: 2 } }, member)).toBe('仅剩 2 次');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});

describe('inside-now filter', () => {
  const row: InsideVisit = {
    visitId: 5,
    kind: 'member',
    memberId: 1,
    cardNo: 'A-100234',
    name: 'Zhang San',
    gender: 'male',
    tagNumber: 17,
    checkedInAt: '2026-11-18T02:05:00.000Z',
    tabCents: 0,
  };
  it('matches name, card number and the exact tag number', () => {
    expect(matchesInside(row, '')).toBe(true);
    expect(matchesInside(row, 'zhang')).toBe(true);
    expect(matchesInside(row, '100234')).toBe(true);
    expect(matchesInside(row, '17')).toBe(true);
    expect(matchesInside(row, '18')).toBe(false);
    expect(matchesInside(row, 'li')).toBe(false);
  });
});

describe('tag board selection', () => {
  const tag = (number: number, status: KeyTag['status']): KeyTag => ({
    number,
    locker: null,
    status,
    since: '2026-11-18T02:00:00.000Z',
    lastDisinfectedAt: null,
    holder: status === 'issued' ? { visitId: number, name: 'X', kind: 'member', cardNo: '1' } : null,
  });
  const board: TagBoard = {
    tags: [
      tag(1, 'available'),
      tag(2, 'issued'),
      tag(3, 'available'),
      tag(4, 'disinfection'),
      tag(5, 'lost'),
      tag(6, 'retired'),
    ],
    counts: { available: 2, issued: 1, disinfection: 1, lost: 1, retired: 1, total: 6 },
    disinfectionDueToday: false,
  };

  it('shift-click selects a range but never an issued tag', () => {
    useTags.setState({ selected: new Set(), anchor: null });
    useTags.getState().toggle(1);
    useTags.getState().selectRange(4, board.tags);
    expect([...useTags.getState().selected].sort()).toEqual([1, 3, 4]);
  });

  it('"select all available" and the actions that apply to the selection', () => {
    useTags.setState({ selected: new Set(), anchor: null });
    useTags.getState().selectWhere('available', board);
    expect([...useTags.getState().selected].sort()).toEqual([1, 3]);
    const sel = new Set([1, 4, 5, 6]);
    expect(selectedWith(board, sel, ['available'])).toEqual([1]);
    expect(selectedWith(board, sel, ['disinfection'])).toEqual([4]);
    expect(selectedWith(board, sel, ['lost', 'retired'])).toEqual([5, 6]);
  });

  it('a new board drops selections that are gone or now issued', () => {
    useTags.setState({ selected: new Set([1, 3]), anchor: null });
    useTags
      .getState()
      .keepSelectable({ ...board, tags: board.tags.map((t) => (t.number === 3 ? tag(3, 'issued') : t)) });
    expect([...useTags.getState().selected]).toEqual([1]);
  });
});

describe('files', () => {
  it('base64 of bytes, also across chunk boundaries', () => {
    expect(bytesToBase64(new TextEncoder().encode('卡号,姓名\n'))).toBe(
      Buffer.from('卡号,姓名\n').toString('base64'),
    );
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(big.buffer)).toBe(Buffer.from(big).toString('base64'));
  });

  it('photos are made at most 480 px on the longer side, never enlarged', () => {
    expect(fitWithin(1920, 1080, 480)).toEqual({ w: 480, h: 270 });
    expect(fitWithin(600, 800, 480)).toEqual({ w: 360, h: 480 });
    expect(fitWithin(300, 200, 480)).toEqual({ w: 300, h: 200 });
  });

  it('calendar days are added without time-zone surprises', () => {
    expect(addDaysStr('2026-11-18', 365)).toBe('2027-11-18');
    expect(addDaysStr('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('money fields say why an amount is refused', () => {
  it('a decimal comma gets the amount it meant; other refusals their reason; the field its own words', async () => {
    await i18next.changeLanguage('en');
    expect(moneyRefusal('12,5')).toBe(
      'Use a point for cents: 12.50 (a comma only separates thousands: 1,250.50)',
    );
    expect(moneyRefusal('1,25,0')).toContain('Use a point for cents, e.g. 12.50');
    expect(moneyRefusal('12.345')).toBe('At most two decimals (cents), e.g. 12.50');
    expect(moneyRefusal('-5')).toBe('The amount cannot be negative');
    expect(moneyRefusal('2000000')).toBe(`Too large: at most ${fmtMoney(100_000_000)}`);
    // an amount, nothing typed, or no amount at all: the field's own message
    for (const s of ['1,250.50', '12.5', '', 'abc', '6.5.0']) expect(moneyRefusal(s), s).toBeNull();
    await i18next.changeLanguage('zh-CN');
    expect(moneyRefusal('１２，５')).toBe('角分请用小数点：12.50（逗号只用于千位分隔，如 1,250.50）');
    expect(fmtMoney(125_050)).toBe('¥1,250.50');
    expect(fmtDate('2026-12-01')).toBe('2026/12/01');
    await i18next.changeLanguage('en');
  });
});

describe('Enter in the scan field (issue 14: never check a stranger in)', () => {
  const row = (id: number, cardNo: string, name: string): MemberSummary => ({
    id,
    cardNo,
    name,
    gender: 'male',
    phone: null,
    cardTypeName: '年卡',
    cardKind: 'time',
    expiryDate: '2099-12-31',
    visitsLeft: null,
    state: 'active',
    inside: false,
    hasPhoto: false,
  });
  const stranger = row(7, '300101', '陌生人');
  const inside3: InsideVisit = {
    visitId: 11,
    kind: 'member',
    memberId: 2,
    cardNo: '100234',
    name: '张三',
    gender: 'male',
    tagNumber: 3,
    checkedInAt: '2026-11-18T02:05:00.000Z',
    tabCents: 0,
  };

  it('a short number matching a card prefix never acts, however often Enter is pressed', () => {
    const a = decideEnter({ text: '3', rows: [stranger], chosen: -1, tag: null });
    expect(a).toEqual({ do: 'choose' });
    // a second Enter: still nothing chosen
    expect(decideEnter({ text: '3', rows: [stranger], chosen: -1, tag: null })).toEqual({ do: 'choose' });
    // a single name hit is not acted on either
    expect(decideEnter({ text: 'mo', rows: [stranger], chosen: -1, tag: null })).toEqual({ do: 'choose' });
  });

  it('a row chosen with the arrow keys is picked', () => {
    expect(decideEnter({ text: '3', rows: [stranger], chosen: 0, tag: null })).toEqual({
      do: 'pick',
      member: stranger,
    });
  });

  it('a complete card number (exact, any case) checks in; an unknown long card number is checked anyway', () => {
    expect(decideEnter({ text: ' 300101 ', rows: [stranger], chosen: -1, tag: null })).toEqual({
      do: 'card',
      cardNo: '300101',
    });
    const vip = row(8, 'VIP-01', 'V');
    expect(decideEnter({ text: 'vip-01', rows: [vip], chosen: -1, tag: null })).toEqual({
      do: 'card',
      cardNo: 'VIP-01',
    });
    expect(decideEnter({ text: '999999', rows: [], chosen: -1, tag: null })).toEqual({
      do: 'card',
      cardNo: '999999',
    });
    // too short to be a card, nobody found: nothing happens
    expect(decideEnter({ text: '12', rows: [], chosen: -1, tag: null })).toEqual({ do: 'choose' });
  });

  it("an issued key tag's number offers that visit's check-out, before any card prefix", () => {
    expect(tagOffer('3', [inside3])).toBe(inside3);
    expect(tagOffer(' 3 ', [inside3])).toBe(inside3);
    expect(tagOffer('4', [inside3])).toBeNull();
    expect(tagOffer('3a', [inside3])).toBeNull();
    expect(decideEnter({ text: '3', rows: [stranger], chosen: -1, tag: inside3 })).toEqual({
      do: 'checkoutTag',
      tagNumber: 3,
    });
    // unless a row was chosen with the arrow keys
    expect(decideEnter({ text: '3', rows: [stranger], chosen: 0, tag: inside3 }).do).toBe('pick');
  });

  it('no results yet: search first; an empty field is its own case', () => {
    expect(decideEnter({ text: '300101', rows: null, chosen: -1, tag: null })).toEqual({ do: 'search' });
    expect(decideEnter({ text: '  ', rows: null, chosen: -1, tag: null })).toEqual({ do: 'empty' });
  });
});

describe('the result states and quick tender (issue 14)', () => {
  it('a birthday alone is not amber; anything staff must act on is', () => {
    expect(actionWarnings([{ code: 'BIRTHDAY', params: {} }])).toEqual([]);
    expect(
      actionWarnings([
        { code: 'BIRTHDAY', params: {} },
        { code: 'UNPAID_BALANCE', params: { cents: 500 } },
      ]).map((w) => w.code),
    ).toEqual(['UNPAID_BALANCE']);
  });

  it('a scan of a member inside is the way out (with the tag they have)', () => {
    const blocked = (
      blocks: { code: 'ALREADY_INSIDE' | 'EXPIRED'; params: Record<string, number | string> }[],
    ) =>
      ({
        outcome: 'blocked',
        status: 'blocked',
        blocks,
        member,
        cardNo: member.cardNo,
        overridable: false,
      }) as const;
    expect(insideTag(blocked([{ code: 'ALREADY_INSIDE', params: { since: 'x', tag: 2 } }]))).toBe(2);
    expect(insideTag(blocked([{ code: 'ALREADY_INSIDE', params: { since: 'x' } }]))).toBeNull();
    // inside and expired meanwhile: still the way out
    expect(
      insideTag(
        blocked([
          { code: 'EXPIRED', params: { date: '2026-01-01' } },
          { code: 'ALREADY_INSIDE', params: { since: 'x', tag: 5 } },
        ]),
      ),
    ).toBe(5);
    expect(insideTag(blocked([{ code: 'EXPIRED', params: { date: '2026-01-01' } }]))).toBeUndefined();
  });

  it('quick-tender keys: the notes that cover the amount, smallest first', () => {
    expect(quickTenders(3700)).toEqual([4000, 5000, 10000]);
    expect(quickTenders(5000)).toEqual([10000]);
    expect(quickTenders(1200)).toEqual([2000, 5000, 10000]);
    expect(quickTenders(12800)).toEqual([20000]);
    expect(quickTenders(0)).toEqual([]);
  });
});
