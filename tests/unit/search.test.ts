import { beforeAll, describe, expect, it } from 'vitest';
import type { OpArgs } from '../../electron/core/contract';
import { memberTerms, nameTerms, norm, prefixEnd } from '../../electron/core/areas/members/pinyin';
import { makeClub, type TestClub } from './helpers';

describe('search terms (pinyin.ts)', () => {
  it('indexes a Chinese name as characters, full pinyin, initials and given name', () => {
    const terms = Object.fromEntries(nameTerms('张珊珊').map((t) => [t.term, t.rank]));
    expect(terms).toEqual({ 张珊珊: 2, zhangshanshan: 3, zss: 4, shanshan: 5, shan: 5, 珊珊: 5 });
  });

  it('indexes card, name words, the whole phone and its last four digits', () => {
    const terms = Object.fromEntries(
      memberTerms({ cardNo: 'AB-12', name: 'Alice Chen', phone: '138 0000-1234' }).map((t) => [
        t.term,
        t.rank,
      ]),
    );
    expect(terms).toEqual({ 'ab-12': 1, alicechen: 2, alice: 2, chen: 2, '13800001234': 6, '1234': 7 });
  });

  it('normalises queries and computes prefix bounds', () => {
    expect(norm(' Zhang  San ')).toBe('zhangsan');
    expect(norm('ＡＢ１２')).toBe('ab12');
    expect(prefixEnd('zs')).toBe('zt');
  });
});

describe('members.search', () => {
  let club: TestClub;
  let desk: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    club = await makeClub();
    desk = (await club.loginAs('reception')).session;
    const t = await club.call('mgr', 'cardTypes.create', {
      name: 'Year',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 1,
    });
    const add = async (cardNo: string, name: string, phone: string | null) => {
      const a: OpArgs<'members.create'> = {
        cardNo,
        name,
        gender: 'male',
        phone,
        birthDate: null,
        cardTypeId: t.id,
        startDate: '2026-11-18',
        expiryDate: null,
        visitsLeft: null,
        consultantId: null,
        notes: '',
      };
      ids[name] = (await club.call('mgr', 'members.create', a)).id;
    };
    await add('A1001', '张三', '13800001234');
    await add('A1002', '张珊珊', '13900005678');
    await add('B2001', '李四', null);
    await add('B2002', 'Alice Chen', '13700002468');
    await add('C3001', 'Bob Li', null);
    await add('A100', 'Zed Longname', null);
  }, 30_000);

  const names = async (q: string, limit?: number) =>
    (await club.call(desk, 'members.search', limit === undefined ? { q } : { q, limit })).map((m) => m.name);

  it('finds by pinyin initials, full pinyin (spaces ignored) and given name', async () => {
    expect(await names('zs')).toEqual(['张三', '张珊珊']);
    expect(await names('ZS')).toEqual(['张三', '张珊珊']);
    expect(await names('zhangsan')).toEqual(['张三']);
    expect(await names('zhang san')).toEqual(['张三']);
    expect(await names('zhang')).toEqual(['张三', '张珊珊']);
    expect(await names('zss')).toEqual(['张珊珊']);
    expect(await names('san')).toEqual(['张三']);
    expect(await names('shan')).toEqual(['张珊珊']);
    expect(await names('lisi')).toEqual(['李四']);
  });

  it('finds by Chinese characters', async () => {
    expect(await names('张')).toEqual(['张三', '张珊珊']);
    expect(await names('张三')).toEqual(['张三']);
    expect(await names('珊')).toEqual(['张珊珊']);
    expect(await names('李')).toEqual(['李四']);
  });

  it('finds by card-number prefix; an exact card number ranks first', async () => {
    expect(await names('B2')).toEqual(['李四', 'Alice Chen']);
    expect(await names('b2002')).toEqual(['Alice Chen']);
    // 'A100' is Zed's exact card and a prefix of the other two: Zed first despite the longer name.
    expect(await names('A100')).toEqual(['Zed Longname', '张三', '张珊珊']);
    expect(await names('A1')).toEqual(['张三', '张珊珊', 'Zed Longname']);
    const hit = (await club.call(desk, 'members.search', { q: 'C3001' }))[0]!;
    expect(hit).toMatchObject({
      id: ids['Bob Li'],
      cardNo: 'C3001',
      cardTypeName: 'Year',
      state: 'active',
      inside: false,
    });
  });

  it('finds by the whole phone number (however written) and its last four digits, never by its start', async () => {
    expect(await names('13800001234')).toEqual(['张三']);
    expect(await names('+86 138-0000-1234')).toEqual(['张三']);
    expect(await names('１３８ ００００ １２３４')).toEqual(['张三']);
    expect(await names('1234')).toEqual(['张三']);
    expect(await names('5678')).toEqual(['张珊珊']);
    expect(await names('2468')).toEqual(['Alice Chen']);
    // The first digits find nobody: with the masked result (139****5678) they would give the number.
    expect(await names('139')).toEqual([]);
    expect(await names('1390000')).toEqual([]);
    expect(await names('1380000123')).toEqual([]);
    expect(await names('00001234')).toEqual([]); // middle digits are not indexed
  });

  it('shows phones masked, except the number typed in full', async () => {
    const hits = await club.call(desk, 'members.search', { q: 'zs' });
    expect(hits.map((m) => m.phone)).toEqual(['138****1234', '139****5678']);
    const typed = await club.call(desk, 'members.search', { q: '+86 139 0000 5678' });
    expect(typed.map((m) => m.phone)).toEqual(['139 0000 5678']);
    // The last four digits are not the full number.
    expect((await club.call(desk, 'members.search', { q: '5678' })).map((m) => m.phone)).toEqual([
      '139****5678',
    ]);
    // Managers too: a search is not an export.
    expect((await club.call('mgr', 'members.search', { q: 'zs' })).map((m) => m.phone)).toEqual([
      '138****1234',
      '139****5678',
    ]);
  });

  it('finds western names by any word, case-insensitively, best match first', async () => {
    expect(await names('alice')).toEqual(['Alice Chen']);
    expect(await names('CHEN')).toEqual(['Alice Chen']);
    expect(await names('alice chen')).toEqual(['Alice Chen']);
    expect(await names('bob')).toEqual(['Bob Li']);
    // 'li' is Bob Li's whole surname (exact) and the start of 李四's pinyin.
    expect(await names('li')).toEqual(['Bob Li', '李四']);
  });

  it('treats SQL-looking and odd input as plain text', async () => {
    expect(await names("' OR 1=1 --")).toEqual([]);
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
    expect(await names('   ')).toEqual([]);
    expect(await names('"; DROP TABLE members; --')).toEqual([]);
    expect(await names('张三')).toEqual(['张三']);
  });

  it('honours the limit', async () => {
    expect(await names('A1', 2)).toEqual(['张三', '张珊珊']);
    expect(await names('A1', 1)).toEqual(['张三']);
    expect(await names('A1')).toHaveLength(3);
  });
});
