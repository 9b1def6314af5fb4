import fs from 'node:fs';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import type { MemberDetail, OpArgs } from '../../electron/core/contract';
import { parseCsv } from '../../electron/core/areas/import/read';
import { nationalIdOf, parseDate, parseMoney } from '../../electron/core/areas/import/values';
import {
  IMPORT_COLUMN_KINDS,
  IMPORT_FILE_PROBLEMS,
  IMPORT_MAPPING_REASONS,
  IMPORT_PROBLEM_CODES,
} from '../../electron/core/areas/import/types';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';
import { expectError, makeClub, type TestClub } from './helpers';

const b64 = (b: Buffer) => b.toString('base64');
const utf8Bom = (text: string) =>
  b64(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
const utf8 = (text: string) => b64(Buffer.from(text, 'utf8'));
const gbk = (text: string) => b64(iconv.encode(text, 'gbk'));

const clubs: TestClub[] = [];
afterAll(() => {
  for (const c of clubs) {
    c.core.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  }
});

const ZH_HEADER = '卡号,姓名,性别,手机,卡类型,开卡日期,到期日期,剩余次数,备注';
const ZH_FILE = [
  ZH_HEADER,
  'M001,王小明,男,13800001111,年卡,2026-11-01,2027-10-31,,老会员',
  'M002,李丽,女,13900002222,10次卡,2026/11/5,,8,"备注,带逗号"',
].join('\r\n');
const FULL_MAPPING = {
  cardNo: 0,
  name: 1,
  gender: 2,
  phone: 3,
  cardType: 4,
  startDate: 5,
  expiryDate: 6,
  visitsLeft: 7,
  notes: 8,
};

async function clubWithTypes(): Promise<TestClub> {
  const club = await makeClub();
  clubs.push(club);
  await club.call('mgr', 'cardTypes.create', {
    name: '年卡',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: 100,
  });
  await club.call('mgr', 'cardTypes.create', {
    name: '10次卡',
    kind: 'visits',
    durationDays: null,
    visitCount: 10,
    priceCents: 100,
  });
  return club;
}

function memberCount(club: TestClub): number {
  return (club.core.database.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
}

async function byCard(club: TestClub, cardNo: string, session = 'mgr'): Promise<MemberDetail> {
  const m = (await club.call('mgr', 'members.search', { q: cardNo })).find((x) => x.cardNo === cardNo);
  if (!m) throw new Error(`no member ${cardNo}`);
  return club.call(session, 'members.get', { id: m.id });
}

describe('import preview: decoding and column mapping', () => {
  it('reads UTF-8 with a BOM and Chinese headers, and suggests a mapping for every column', async () => {
    const club = await clubWithTypes();
    const p = await club.call('mgr', 'members.importPreview', {
      fileBase64: utf8Bom(ZH_FILE),
      encoding: 'auto',
    });
    expect(p.jobId).toMatch(/^[a-f0-9]{32}$/);
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8', headerRow: 1, totalRows: 2 });
    expect(p.headers).toEqual(ZH_HEADER.split(','));
    expect(p.sampleRows).toEqual([
      ['M001', '王小明', '男', '13800001111', '年卡', '2026-11-01', '2027-10-31', '', '老会员'],
      ['M002', '李丽', '女', '13900002222', '10次卡', '2026/11/5', '', '8', '备注,带逗号'],
    ]);
    expect(p.suggestedMapping).toEqual(FULL_MAPPING);
    expect(p.columns.map((c) => [c.kind, c.suggestion])).toEqual(
      Object.keys(FULL_MAPPING).map((f) => ['field', f]),
    );
    expect(p.suggestedNoteColumns).toEqual([]);
  });

  it('detects GBK when the bytes are not UTF-8, with the same result', async () => {
    const club = await clubWithTypes();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: gbk(ZH_FILE), encoding: 'auto' });
    expect(p.encoding).toBe('gbk');
    expect(p.headers).toEqual(ZH_HEADER.split(','));
    expect(p.sampleRows[0]).toEqual([
      'M001',
      '王小明',
      '男',
      '13800001111',
      '年卡',
      '2026-11-01',
      '2027-10-31',
      '',
      '老会员',
    ]);
    expect(p.suggestedMapping).toEqual(FULL_MAPPING);
    // Forcing UTF-8 on GBK bytes gives garbage headers: nothing can be mapped.
    const forced = await club.call('mgr', 'members.importPreview', {
      fileBase64: gbk(ZH_FILE),
      encoding: 'utf-8',
    });
    expect(forced.encoding).toBe('utf-8');
    expect(forced.suggestedMapping).toEqual({});
    // The GBK file imports the same members.
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    expect(v).toMatchObject({ total: 2, valid: 2, invalid: 0, duplicates: 0, problems: [] });
    expect(
      await club.call('mgr', 'members.importCommit', { jobId: p.jobId, mapping: p.suggestedMapping }),
    ).toMatchObject({ imported: 2, skipped: 0 });
    const m = (await club.call('mgr', 'members.search', { q: 'M002' }))[0]!;
    expect(m).toMatchObject({
      name: '李丽',
      gender: 'female',
      cardTypeName: '10次卡',
      visitsLeft: 8,
      phone: '139****2222', // search shows phones masked
    });
    // found by the whole number as people type it
    expect((await club.call('mgr', 'members.search', { q: '139 0000 2222' })).map((x) => x.cardNo)).toEqual([
      'M002',
    ]);
    const d = await club.call('mgr', 'members.get', { id: m.id });
    expect(d).toMatchObject({
      startDate: '2026-11-05',
      expiryDate: null,
      notes: '备注,带逗号',
      phone: '139 0000 2222',
    });
    expect(await byCard(club, 'M001')).toMatchObject({
      name: '王小明',
      gender: 'male',
      startDate: '2026-11-01',
      expiryDate: '2027-10-31',
      visitsLeft: null,
      notes: '老会员',
    });
  });

  it('maps English headers (case, underscores and spacing ignored)', async () => {
    const club = await clubWithTypes();
    const text =
      'Card No,NAME,sex,Mobile,Birthday,Card_Type,Start Date,Expiry,Visits Left,Remarks\nE1,Ann,F,,1990-01-02,年卡,2026-11-01,,,\n';
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: utf8(text) });
    expect(p.encoding).toBe('utf-8');
    expect(p.suggestedMapping).toEqual({
      cardNo: 0,
      name: 1,
      gender: 2,
      phone: 3,
      birthDate: 4,
      cardType: 5,
      startDate: 6,
      expiryDate: 7,
      visitsLeft: 8,
      notes: 9,
    });
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    expect(v).toMatchObject({ total: 1, valid: 1, invalid: 0 });
  });

  it('parses quoted fields with commas, doubled quotes and newlines; row numbers follow spreadsheet rows', async () => {
    const club = await clubWithTypes();
    const text = [
      'card no,name,gender,card type,start date,notes',
      'Q1,"Chen, Wei",m,年卡,2026-11-01,"He said ""hi""',
      'second line"',
      'Q2,"",f,年卡,2026-11-01,',
    ].join('\n');
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: utf8(text) });
    expect(p.totalRows).toBe(2);
    expect(p.sampleRows[0]).toEqual([
      'Q1',
      'Chen, Wei',
      'm',
      '年卡',
      '2026-11-01',
      'He said "hi"\nsecond line',
    ]);
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    expect(v.problems).toEqual([{ row: 3, field: 'name', column: 1, code: 'REQUIRED', value: '' }]);
    await club.call('mgr', 'members.importCommit', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
      skipInvalid: true,
    });
    const m = (await club.call('mgr', 'members.search', { q: 'Q1' }))[0]!;
    expect((await club.call('mgr', 'members.get', { id: m.id })).notes).toBe('He said "hi"\nsecond line');
    expect(m.name).toBe('Chen, Wei');
    expect(parseCsv('a;b;c\n1;"x;y";3')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x;y', '3'],
    ]);
    expect(parseCsv('a\tb\n1\t2\n\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('skips blank rows (empty lines, separators only) and a title line, but keeps spreadsheet row numbers', async () => {
    const club = await clubWithTypes();
    const text = [
      '会员列表 2026-11-18',
      'card no,name,gender,card type,start date',
      'B1,Ann,f,年卡,2026-11-01',
      '',
      'B2,,f,年卡,2026-11-01',
      ',,,,',
      ' , ,,,',
      'B3,Bo,x,年卡,2026-11-01',
      ',,,,',
    ].join('\r\n');
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: utf8(text) });
    expect(p.headerRow).toBe(2);
    expect(p.totalRows).toBe(3);
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    expect(v).toMatchObject({ total: 3, valid: 1, invalid: 2 });
    expect(v.problems).toEqual([
      { row: 5, field: 'name', column: 1, code: 'REQUIRED', value: '' },
      { row: 8, field: 'gender', column: 2, code: 'INVALID_GENDER', value: 'x' },
    ]);
    expect(
      await expectError(
        club.call('mgr', 'members.importPreview', { fileBase64: utf8('a,b\n,\n,\n') }),
        'IMPORT_FILE_INVALID',
      ),
    ).toEqual({ reason: 'no_rows' });
  });

  it('refuses a file with only a header, an empty file, a binary file, an old .xls and an unclosed quote (with its row)', async () => {
    const club = await clubWithTypes();
    const refused = async (fileBase64: string) =>
      expectError(club.call('mgr', 'members.importPreview', { fileBase64 }), 'IMPORT_FILE_INVALID');
    expect(await refused(utf8Bom(`${ZH_HEADER}\r\n`))).toEqual({ reason: 'no_rows' });
    expect(await refused(utf8('\n\n'))).toEqual({ reason: 'empty' });
    expect(await refused(utf8('title only\nstill one value\n'))).toEqual({ reason: 'no_header' });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(await refused(b64(png))).toEqual({ reason: 'binary' });
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    expect(await refused(b64(xls))).toEqual({ reason: 'xls_old' });
    expect(await refused(b64(Buffer.from('PK\u0003\u0004 not really a zip')))).toEqual({
      reason: 'xlsx_unreadable',
    });
    expect(await refused(utf8('a,b\n1,2\n3,4\n"5,6\n7,8\n'))).toEqual({ reason: 'unclosed_quote', row: 4 });
    await expectError(club.call('mgr', 'members.importPreview', { fileBase64: '' }), 'VALIDATION');
  });
});

describe('values as other systems write them', () => {
  it('dates with times, slashes, Chinese and compact forms; ambiguous day/month orders refused', () => {
    expect(parseDate('2026/3/1')).toBe('2026-03-01');
    expect(parseDate('2026/03/01 10:22')).toBe('2026-03-01');
    expect(parseDate('2026-03-01 10:22:33')).toBe('2026-03-01');
    expect(parseDate('2026-03-01T10:22:33.000Z')).toBe('2026-03-01');
    expect(parseDate('2026年3月1日')).toBe('2026-03-01');
    expect(parseDate('2026.3.1')).toBe('2026-03-01');
    expect(parseDate('20260301')).toBe('2026-03-01');
    expect(parseDate('01/03/2026')).toBeNull();
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('1800-01-01')).toBeNull();
    expect(parseDate('2026-03-01 25:00')).toBe('2026-03-01'); // the time is dropped as it is written
  });

  it('money in yuan to cents: separators and currency signs taken, negative and fractions of a cent refused', () => {
    expect(parseMoney('1,280.50')).toEqual({ cents: 128050 });
    expect(parseMoney('¥12.5')).toEqual({ cents: 1250 });
    expect(parseMoney('￥ 80元')).toEqual({ cents: 8000 });
    expect(parseMoney('RMB 3')).toEqual({ cents: 300 });
    expect(parseMoney('0')).toEqual({ cents: 0 });
    expect(parseMoney('12.3400')).toEqual({ cents: 1234 });
    expect(parseMoney('-20')).toEqual({ code: 'NEGATIVE_AMOUNT' });
    expect(parseMoney('(3.00)')).toEqual({ code: 'NEGATIVE_AMOUNT' });
    expect(parseMoney('12.345')).toEqual({ code: 'INVALID_AMOUNT' });
    expect(parseMoney('abc')).toEqual({ code: 'INVALID_AMOUNT' });
    expect(parseMoney('1e5')).toEqual({ code: 'INVALID_AMOUNT' });
    expect(parseMoney('99999999999')).toEqual({ code: 'AMOUNT_TOO_LARGE' });
  });

  it('national ID numbers: the check digit of an 18-character resident ID is checked', () => {
    expect(nationalIdOf('11010519491231002x')).toBe('11010519491231002X');
    expect(nationalIdOf('440524 188001010014')).toBe('440524188001010014');
    expect(nationalIdOf('110101199003071234')).toBeNull();
    expect(nationalIdOf('1101011990')).toBeNull();
    expect(nationalIdOf('E12345678')).toBe('E12345678');
  });
});

/**
 * A roster exported by another system, in GBK: other column names (会员卡号, 合同开始时间,
 * 合同结束时间), dates with times and slashes, no gender column, a national ID column, a price paid,
 * a row-number column and a column the app has no field for; balances, frozen members, an expired
 * one, consultants (one who left), and bad rows.
 */
const ROSTER_HEADER =
  '序号,会员卡号,姓名,手机号码,身份证号,卡种,合同开始时间,合同结束时间,剩余次数,储值余额,实收金额,会籍顾问,状态,冻结开始日期,冻结结束日期,办卡门店,备注';
const ROSTER = [
  ROSTER_HEADER,
  '1,V0001,王小明,138 0000 1111,11010519491231002X,年卡,2026/01/05 10:22:33,2027/01/04 00:00:00,,"1,280.50",3000,张伟,正常,,,江畔店,老会员', // 2
  '2,V0002,李冻结,13900002222,440524188001010014,年卡,2026-03-01 09:00,2027-02-28,,0,2800,刘洋,冻结,2026-11-01,2026-12-31,江畔店,', // 3
  '3,V0003,陈停卡,13700003333,,年卡,2026-02-01,2027-01-31,,50,2800,张伟,停卡,,,江畔店,', // 4
  '4,V0004,赵过期,13600004444,,年卡,2024/06/01,2025/05/31,,12.5,2500,张伟,已过期,,,,', // 5
  '5,V0005,周次卡,13500005555,,10次卡,2026-10-01,,6,0,800,刘洋,正常,,,,', // 6
  '6,V0006,吴负数,13400006666,,年卡,2026-01-01,2026-12-31,,-20,2800,张伟,正常,,,,', // 7 negative balance
  '7,V0007,郑倒挂,13300007777,,年卡,2026-06-01,2026-05-01,,,2800,张伟,正常,,,,', // 8 end before start
  '8,V0008,孙离职,13200008888,,年卡,2026-01-01,2026-12-31,,100,2800,赵六,正常,,,,', // 9 consultant who left
  '9,V0001,重复卡,13100009999,,年卡,2026-01-01,2026-12-31,,,2800,张伟,正常,,,,', // 10 duplicate
  '10,V0010,钱金卡,15000001010,,金卡,2026-01-01,2026-12-31,,,5000,张伟,正常,,,,', // 11 unknown card type
  '11,V0011,冯日期,15100001111,,年卡,2026-13-01,2026-12-31,,,2800,张伟,正常,,,,', // 12 bad date
].join('\r\n');

async function rosterClub() {
  const club = await clubWithTypes();
  const zw = await club.loginAs('consultant', '张伟');
  const ly = await club.loginAs('consultant', '刘洋');
  const desk = await club.loginAs('reception', '前台小李');
  return { club, zw, ly, desk };
}

describe('a GBK roster from another system: balances, frozen members, consultants and bad rows', () => {
  it('suggests a mapping for every column, never taking the price paid or the national ID', async () => {
    const { club } = await rosterClub();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: gbk(ROSTER), encoding: 'auto' });
    expect(p.encoding).toBe('gbk');
    expect(p.totalRows).toBe(11);
    expect(p.columns.map((c) => [c.header, c.kind, c.suggestion])).toEqual([
      ['序号', 'index', null],
      ['会员卡号', 'field', 'cardNo'],
      ['姓名', 'field', 'name'],
      ['手机号码', 'field', 'phone'],
      ['身份证号', 'identity', null],
      ['卡种', 'field', 'cardType'],
      ['合同开始时间', 'field', 'startDate'],
      ['合同结束时间', 'field', 'expiryDate'],
      ['剩余次数', 'field', 'visitsLeft'],
      ['储值余额', 'field', 'storedValue'],
      ['实收金额', 'price', null],
      ['会籍顾问', 'field', 'consultant'],
      ['状态', 'field', 'status'],
      ['冻结开始日期', 'field', 'frozenFrom'],
      ['冻结结束日期', 'field', 'frozenTo'],
      ['办卡门店', 'other', 'notes'],
      ['备注', 'field', 'notes'],
    ]);
    expect(p.suggestedMapping).toEqual({
      cardNo: 1,
      name: 2,
      phone: 3,
      cardType: 5,
      startDate: 6,
      expiryDate: 7,
      visitsLeft: 8,
      storedValue: 9,
      consultant: 11,
      status: 12,
      frozenFrom: 13,
      frozenTo: 14,
      notes: 16,
    });
    expect(p.suggestedNoteColumns).toEqual([15]);
  });

  it('exact counts, balances on the ledger, frozen and expired members blocked at check-in, nothing half-imported', async () => {
    const { club, zw, ly, desk } = await rosterClub();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: gbk(ROSTER) });
    const mapping = p.suggestedMapping;
    const options = { noteColumns: p.suggestedNoteColumns };
    const v = await club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping, options });
    expect(v).toMatchObject({ total: 11, valid: 5, invalid: 6, duplicates: 1 });
    expect(v.problems).toEqual([
      { row: 7, field: 'storedValue', column: 9, code: 'NEGATIVE_AMOUNT', value: '-20' },
      {
        row: 8,
        field: 'expiryDate',
        column: 7,
        code: 'EXPIRY_BEFORE_START',
        value: '2026-05-01',
        params: { start: '2026-06-01' },
      },
      { row: 9, field: 'consultant', column: 11, code: 'UNKNOWN_CONSULTANT', value: '赵六' },
      {
        row: 10,
        field: 'cardNo',
        column: 1,
        code: 'DUPLICATE_IN_FILE',
        value: 'V0001',
        params: { firstRow: '2' },
      },
      { row: 11, field: 'cardType', column: 5, code: 'UNKNOWN_CARD_TYPE', value: '金卡' },
      { row: 12, field: 'startDate', column: 6, code: 'INVALID_DATE', value: '2026-13-01' },
    ]);
    expect(v.unknownConsultants).toEqual([{ name: '赵六', rows: 1 }]);
    expect(v.unknownCardTypes).toEqual([{ name: '金卡', rows: 1 }]);
    expect(v.summary).toEqual({
      members: 5,
      storedValueCents: 128050 + 5000 + 1250,
      withBalance: 3,
      frozen: 2,
      expired: 1,
      deactivated: 0,
      withConsultant: 5,
      genderUnknown: 5,
      nationalIds: 0,
    });

    // The manager decides: the consultant who left → no consultant.
    const decided = { ...options, consultants: [{ name: '赵六', staffId: null }] };
    const v2 = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping,
      options: decided,
    });
    expect(v2).toMatchObject({ valid: 6, invalid: 5, unknownConsultants: [] });

    // Rows with problems: nothing is imported unless the manager chose to skip them.
    expect(
      await expectError(
        club.call('mgr', 'members.importCommit', { jobId: p.jobId, mapping, options: decided }),
        'IMPORT_HAS_PROBLEMS',
      ),
    ).toEqual({
      invalid: 5,
      valid: 6,
      row: 7,
      field: 'storedValue',
      column: 10,
      header: '储值余额',
      problem: 'NEGATIVE_AMOUNT',
      value: '-20',
    });
    expect(memberCount(club)).toBe(0);

    const r = await club.call('mgr', 'members.importCommit', {
      jobId: p.jobId,
      mapping,
      options: decided,
      skipInvalid: true,
    });
    expect(r).toEqual({
      imported: 6,
      skipped: 5,
      members: 6,
      storedValueCents: 128050 + 5000 + 1250 + 10000,
      withBalance: 4,
      frozen: 2,
      expired: 1,
      deactivated: 0,
      withConsultant: 5,
      genderUnknown: 6,
      nationalIds: 0,
    });
    expect(memberCount(club)).toBe(6);

    // Every member as the file says; no gender column → unknown; the store column in the notes.
    const a = await byCard(club, 'V0001');
    expect(a).toMatchObject({
      name: '王小明',
      gender: 'unknown',
      phone: '138 0000 1111',
      startDate: '2026-01-05',
      expiryDate: '2027-01-04',
      consultantId: zw.staffId,
      consultantName: '张伟',
      storedValueCents: 128050,
      notes: '老会员\n办卡门店: 江畔店',
      nationalId: null,
      state: 'active',
    });
    expect(await byCard(club, 'V0005')).toMatchObject({
      cardKind: 'visits',
      visitsLeft: 6,
      consultantId: ly.staffId,
      storedValueCents: 0,
    });
    expect(await byCard(club, 'V0008')).toMatchObject({ consultantId: null, storedValueCents: 10000 });

    // Balances are opening entries "imported balance" on the ledger: balance = ledger everywhere.
    const account = await club.call('mgr', 'storedValue.account', { memberId: a.id });
    expect(account.entries).toEqual([
      expect.objectContaining({
        kind: 'opening',
        amountCents: 128050,
        balanceAfterCents: 128050,
        reason: 'imported balance',
        method: null,
      }),
    ]);
    const ledger = club.core.database
      .prepare("SELECT count(*) AS n, sum(amount_cents) AS c FROM stored_value_ledger WHERE kind = 'opening'")
      .get();
    expect(ledger).toEqual({ n: 4, c: 144300 });
    const check = await club.call('mgr', 'storedValue.check', { from: '2026-11-18', to: '2026-11-18' });
    expect(check.problems).toEqual([]);
    // The price paid went nowhere.
    const all = JSON.stringify(club.core.database.prepare('SELECT * FROM members').all());
    expect(all).not.toContain('3000');
    expect(all).not.toContain('2800');

    // Frozen members (with dates, and "停卡" without: until the card expires) are frozen.
    const frozen = await byCard(club, 'V0002');
    expect(frozen).toMatchObject({ state: 'frozen', frozenFrom: '2026-11-01', frozenTo: '2026-12-31' });
    expect(frozen.freezes).toHaveLength(1);
    // The membership history starts with the import: who imported it and the entitlement as imported.
    expect(frozen.entitlements).toEqual([
      expect.objectContaining({
        kind: 'import',
        byName: 'Manager Wang',
        after: expect.objectContaining({ frozenFrom: '2026-11-01', frozenTo: '2026-12-31', active: true }),
      }),
    ]);
    expect(frozen.freezes[0]).toMatchObject({
      fromDate: '2026-11-01',
      toDate: '2026-12-31',
      extendedDays: 0,
    });
    expect(await byCard(club, 'V0003')).toMatchObject({
      state: 'frozen',
      frozenFrom: '2026-11-18',
      frozenTo: '2027-01-31',
      expiryDate: '2027-01-31',
    });

    // At the counter: frozen and expired members are blocked, the others walk in.
    const scan = (cardNo: string) =>
      club.call(desk.session, 'checkin.scan', { ref: { cardNo }, scanned: true });
    for (const [card, code] of [
      ['V0002', 'FROZEN'],
      ['V0003', 'FROZEN'],
      ['V0004', 'EXPIRED'],
    ] as const) {
      const res = await scan(card);
      expect(res.outcome, card).toBe('blocked');
      if (res.outcome === 'blocked') expect(res.blocks.map((b) => b.code)).toContain(code);
    }
    const ok = await scan('V0001');
    expect(ok.outcome).toBe('checked_in');
    if (ok.outcome === 'checked_in') expect(ok.member.gender).toBe('unknown');
    // An entry of unknown gender is counted, on its own.
    const today = await club.call(desk.session, 'checkin.today', {});
    expect(today.entries.member).toEqual({ male: 0, female: 0, unknown: 1 });
    // …and in the handover book: a column of its own and in the total
    const day = await club.call('mgr', 'shift.dayPreview', { day: '2026-11-18' });
    expect(day.book.entries.member).toEqual({ male: 0, female: 0, unknown: 1 });
    expect(day.book.entries.total).toBe(1);

    // One audit entry for the import.
    const audit = await club.call('mgr', 'audit.search', { q: 'members.import' });
    expect(audit.total).toBe(1);
    expect(JSON.parse(audit.rows[0]!.after!)).toMatchObject({
      imported: 6,
      skipped: 5,
      format: 'csv',
      encoding: 'gbk',
      rows: 11,
      storedValueCents: 144300,
      frozen: 2,
    });
  });

  it('a missing card type is created by the manager from the preview, and the row then imports', async () => {
    const { club } = await rosterClub();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: gbk(ROSTER) });
    await club.call('mgr', 'cardTypes.create', {
      name: '金卡',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 500_000,
    });
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    expect(v.unknownCardTypes).toEqual([]);
    expect(v.problems.map((x) => x.row)).toEqual([7, 8, 9, 10, 12]);
  });

  it('the commit is one transaction: a failure on the last row leaves nothing imported', async () => {
    const { club } = await rosterClub();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: gbk(ROSTER) });
    // a failure no check can foresee, on the last member written
    club.core.database.exec(`CREATE TRIGGER fail_v0008 BEFORE INSERT ON members WHEN NEW.card_no = 'V0008'
      BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const r = await club.raw('mgr', 'members.importCommit', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
      options: { consultants: [{ name: '赵六', staffId: null }] },
      skipInvalid: true,
    });
    expect(r.ok).toBe(false);
    expect(memberCount(club)).toBe(0);
    expect(club.core.database.prepare('SELECT count(*) AS n FROM stored_value_ledger').get()).toEqual({
      n: 0,
    });
    expect(club.core.database.prepare('SELECT count(*) AS n FROM member_freezes').get()).toEqual({ n: 0 });
  });
});

describe('columns the app must not take by mistake', () => {
  it('a national ID is kept only when a manager maps it and confirms; only managers ever receive it', async () => {
    const { club, zw, desk } = await rosterClub();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: gbk(ROSTER) });
    const mapping = { ...p.suggestedMapping, nationalId: 4 };
    expect(
      await expectError(
        club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping }),
        'IMPORT_MAPPING_INVALID',
      ),
    ).toMatchObject({ field: 'nationalId', column: 5, header: '身份证号', reason: 'keep_not_confirmed' });
    // nor into the notes (shown at the desk), nor as any other field
    expect(
      await expectError(
        club.call('mgr', 'members.importValidate', {
          jobId: p.jobId,
          mapping: p.suggestedMapping,
          options: { noteColumns: [4], keepNationalId: true },
        }),
        'IMPORT_MAPPING_INVALID',
      ),
    ).toMatchObject({ field: 'notes', column: 5, reason: 'identity_in_notes' });
    expect(
      await expectError(
        club.call('mgr', 'members.importValidate', {
          jobId: p.jobId,
          mapping: { ...p.suggestedMapping, cardNo: 4 },
          options: { keepNationalId: true },
        }),
        'IMPORT_MAPPING_INVALID',
      ),
    ).toMatchObject({ field: 'cardNo', column: 5, reason: 'identity_elsewhere' });

    const options = { keepNationalId: true, consultants: [{ name: '赵六', staffId: null }] };
    const v = await club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping, options });
    expect(v.summary.nationalIds).toBe(2);
    await club.call('mgr', 'members.importCommit', { jobId: p.jobId, mapping, options, skipInvalid: true });
    expect((await byCard(club, 'V0001')).nationalId).toBe('11010519491231002X');
    expect((await byCard(club, 'V0002', 'mgr')).nationalId).toBe('440524188001010014');
    // reception and the consultant: never
    expect((await byCard(club, 'V0001', desk.session)).nationalId).toBeNull();
    expect((await byCard(club, 'V0001', zw.session)).nationalId).toBeNull();
    for (const s of [desk.session, zw.session, 'mgr']) {
      const found = await club.call(s, 'members.search', { q: '110105' });
      expect(found).toEqual([]);
      expect(JSON.stringify(await club.call(s, 'members.search', { q: 'V0001' }))).not.toContain(
        '1101051949',
      );
    }
    const terms = club.core.database
      .prepare("SELECT count(*) AS n FROM member_search WHERE term LIKE '%1231002%'")
      .get();
    expect(terms).toEqual({ n: 0 });
    // not in the audit entry either
    const audit = await club.call('mgr', 'audit.search', { q: 'members.import' });
    expect(JSON.stringify(audit.rows)).not.toContain('1101051949');
  });

  it('a price paid is never a stored-value balance, even when mapped by hand; other money only by hand', async () => {
    const { club } = await rosterClub();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: gbk(ROSTER) });
    expect(
      await expectError(
        club.call('mgr', 'members.importValidate', {
          jobId: p.jobId,
          mapping: { ...p.suggestedMapping, storedValue: 10 },
        }),
        'IMPORT_MAPPING_INVALID',
      ),
    ).toMatchObject({ field: 'storedValue', column: 11, header: '实收金额', reason: 'price_not_balance' });
    const text = '卡号,姓名,卡种,开卡日期,金额,充值金额\nA1,Ann,年卡,2026-01-01,88,500\n';
    const q = await club.call('mgr', 'members.importPreview', { fileBase64: utf8(text) });
    expect(q.columns.map((c) => [c.kind, c.suggestion])).toEqual([
      ['field', 'cardNo'],
      ['field', 'name'],
      ['field', 'cardType'],
      ['field', 'startDate'],
      ['money', null],
      ['money', null],
    ]);
    expect(q.suggestedMapping.storedValue).toBeUndefined();
    await club.call('mgr', 'members.importCommit', {
      jobId: q.jobId,
      mapping: { ...q.suggestedMapping, storedValue: 4 },
    });
    expect((await byCard(club, 'A1')).storedValueCents).toBe(8800);
  });

  it('a mapping without the required columns, with a column twice or out of range is refused, naming field and column', async () => {
    const club = await clubWithTypes();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: utf8Bom(ZH_FILE) });
    const noName = { ...FULL_MAPPING } as Partial<typeof FULL_MAPPING>;
    delete noName.name;
    expect(
      await expectError(
        club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping: noName }),
        'IMPORT_MAPPING_INVALID',
      ),
    ).toEqual({
      field: 'name',
      column: null,
      header: null,
      reason: 'required',
      other: null,
      count: 1,
      issues: [{ field: 'name', column: null, header: null, reason: 'required' }],
    });
    expect(
      await expectError(
        club.call('mgr', 'members.importValidate', {
          jobId: p.jobId,
          mapping: { ...FULL_MAPPING, notes: 0 },
        }),
        'IMPORT_MAPPING_INVALID',
      ),
    ).toMatchObject({ field: 'notes', column: 1, header: '卡号', reason: 'column_twice', other: 'cardNo' });
    expect(
      await expectError(
        club.call('mgr', 'members.importValidate', {
          jobId: p.jobId,
          mapping: { ...FULL_MAPPING, notes: 9 },
        }),
        'IMPORT_MAPPING_INVALID',
      ),
    ).toMatchObject({ field: 'notes', column: 10, reason: 'no_such_column' });
    expect(
      await expectError(
        club.call('mgr', 'members.importValidate', {
          jobId: p.jobId,
          mapping: FULL_MAPPING,
          options: { noteColumns: [1] },
        }),
        'IMPORT_MAPPING_INVALID',
      ),
    ).toMatchObject({ field: 'notes', column: 2, header: '姓名', reason: 'column_twice', other: 'name' });
    // a roster without gender still maps: gender is not required
    const { gender: _g, ...noGender } = FULL_MAPPING;
    const v = await club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping: noGender });
    expect(v).toMatchObject({ valid: 2, summary: { genderUnknown: 2 } });
    // a staff member chosen for a consultant name must exist
    await expectError(
      club.call('mgr', 'members.importValidate', {
        jobId: p.jobId,
        mapping: FULL_MAPPING,
        options: { consultants: [{ name: 'X', staffId: 999 }] },
      }),
      'VALIDATION',
    );
  });
});

describe('every value that cannot be carried is a row problem with its reason', () => {
  const HEADER =
    '卡号,姓名,性别,手机,卡种,开卡日期,到期日期,剩余次数,状态,冻结开始,冻结结束,储值余额,会籍顾问';
  const rows = [
    'R01,好行,男,,年卡,2026-01-01,2026-12-31,0,正常,,,0,', // 2 ok (0 visits on a time card is nothing)
    'R02,时间卡次数,男,,年卡,2026-01-01,2026-12-31,12,正常,,,,', // 3
    'R03,次卡无次数,女,,10次卡,2026-01-01,,,正常,,,,', // 4
    'R04,负次数,女,,10次卡,2026-01-01,,-3,正常,,,,', // 5
    'R05,怪状态,女,,年卡,2026-01-01,2026-12-31,,VIP,,,,', // 6
    'R06,没过期,女,,年卡,2026-01-01,2026-12-31,,已过期,,,,', // 7
    'R07,过期无日,女,,年卡,2024-01-01,,,已过期,,,,', // 8
    'R08,冻结已完,男,,年卡,2026-01-01,2026-12-31,,冻结,2026-01-01,2026-02-01,,', // 9
    'R09,冻结到期,男,,10次卡,2026-01-01,,5,冻结,,,,', // 10 frozen, no end, no expiry
    'R10,冻结倒挂,男,,年卡,2026-01-01,2026-12-31,,冻结,2026-12-01,2026-11-01,,', // 11
    'R11,状态不符,男,,年卡,2026-01-01,2026-12-31,,正常,2026-11-01,2026-11-30,,', // 12
    'R12,冻结半截,男,,年卡,2026-01-01,2026-12-31,,,2026-11-01,,,', // 13 (status empty: normal)
    'R13,两个张伟,男,,年卡,2026-01-01,2026-12-31,,,,,,张伟', // 14
    'R14,坏手机,男,12345,年卡,2026-01-01,2026-12-31,,,,,,', // 15
    'R15,过期停用,女,,年卡,2024-01-01,2024-12-31,,注销,,,1.5,', // 16 ok: deactivated
    'R16,以后冻结,女,,年卡,2026-01-01,2026-12-31,,冻结,2026-12-01,2026-12-10,,', // 17
    'R17,计划冻结,女,,年卡,2026-01-01,2026-12-31,,正常,2026-12-01,2026-12-10,,', // 18 ok: a planned freeze
    'R18,冻结过期,男,,年卡,2024-01-01,2024-12-31,,冻结,,,,', // 19 frozen until the expiry, which passed
    'R19,Chen, Wei,男,,年卡,2026-01-01,2026-12-31,,正常,,,0,张伟', // 20 an unquoted comma: a value too many
  ];

  it('names the row, the column, the value and the reason', async () => {
    const club = await clubWithTypes();
    await club.loginAs('consultant', '张伟');
    await club.loginAs('shift_lead', '张伟');
    const p = await club.call('mgr', 'members.importPreview', {
      fileBase64: utf8([HEADER, ...rows].join('\n')),
    });
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    const v2 = v.problems;
    expect(
      v2.filter((x) => x.row < 20).map((x) => [x.row, x.field, x.column, x.code, x.value, x.params ?? null]),
    ).toEqual([
      [3, 'visitsLeft', 7, 'VISITS_ON_TIME_CARD', '12', { cardType: '年卡' }],
      [4, 'visitsLeft', 7, 'VISITS_REQUIRED', '', { cardType: '10次卡' }],
      [5, 'visitsLeft', 7, 'NEGATIVE_NUMBER', '-3', null],
      [6, 'status', 8, 'INVALID_STATUS', 'VIP', null],
      [7, 'status', 8, 'EXPIRED_NOT_PASSED', '已过期', { expiry: '2026-12-31' }],
      [8, 'status', 8, 'EXPIRED_WITHOUT_DATE', '已过期', null],
      [9, 'frozenTo', 10, 'FROZEN_ENDED', '2026-02-01', { to: '2026-02-01' }],
      [10, 'status', 8, 'FROZEN_NO_END', '冻结', null],
      [11, 'frozenTo', 10, 'FREEZE_END_BEFORE_START', '2026-11-01', { from: '2026-12-01' }],
      [12, 'status', 8, 'FREEZE_NOT_IN_STATUS', '正常', { from: '2026-11-01', to: '2026-11-30' }],
      [13, 'frozenTo', 10, 'FREEZE_DATES_INCOMPLETE', '', null],
      [14, 'consultant', 12, 'AMBIGUOUS_CONSULTANT', '张伟', null],
      [15, 'phone', 3, 'INVALID_PHONE', '12345', null],
      [17, 'frozenFrom', 9, 'FROZEN_STARTS_LATER', '2026-12-01', { from: '2026-12-01' }],
      [19, 'status', 8, 'FROZEN_AFTER_EXPIRY', '冻结', { expiry: '2024-12-31' }],
    ]);
    // a shifted row: said as such first, then what the shift did to its columns
    const shifted = v2.filter((x) => x.row === 20);
    expect(shifted[0]).toEqual({
      row: 20,
      field: 'row',
      column: null,
      code: 'EXTRA_CELLS',
      value: '张伟',
      params: { columns: '13' },
    });
    expect(shifted.map((x) => x.code)).toContain('INVALID_GENDER');
    expect(v.unknownConsultants).toContainEqual({ name: '张伟', rows: 1, ambiguous: true });
    expect(v.problemCounts).toContainEqual({ field: 'status', code: 'INVALID_STATUS', count: 1 });
    expect(v).toMatchObject({ total: 19, valid: 3, invalid: 16 });
    await club.call('mgr', 'members.importCommit', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
      skipInvalid: true,
    });
    expect(await byCard(club, 'R15')).toMatchObject({ state: 'deactivated', storedValueCents: 150 });
    expect(await byCard(club, 'R17')).toMatchObject({
      state: 'active',
      frozenFrom: '2026-12-01',
      frozenTo: '2026-12-10',
    });
  });
});

describe('Excel files import as CSV does', () => {
  it('reads an .xlsx (dates, numbers, a title row, blank rows) with the same suggestions and result', async () => {
    const club = await clubWithTypes();
    const date = (y: number, m: number, d: number, h = 0, min = 0) => ({
      value: new Date(Date.UTC(y, m - 1, d, h, min)),
      format: h || min ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd',
    });
    const xlsx = await writeXlsxFile([
      ['会员名单', null, null, null, null, null, null, null],
      ['会员卡号', '姓名', '性别', '手机号码', '卡种', '开卡日期', '到期日期', '储值余额'],
      ['X1', '王小明', '男', 13800001111, '年卡', date(2026, 1, 5, 10, 22), date(2027, 1, 4), 1280.5],
      [null, null, null, null, null, null, null, null],
      ['X2', '李丽', '女', '13900002222', '10次卡', '2026/11/5', null, 0.1 + 0.2],
    ]).toBuffer();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: b64(xlsx) });
    expect(p).toMatchObject({ format: 'xlsx', headerRow: 2, totalRows: 2 });
    expect(p.sampleRows).toEqual([
      ['X1', '王小明', '男', '13800001111', '年卡', '2026-01-05 10:22:00', '2027-01-04', '1280.5'],
      ['X2', '李丽', '女', '13900002222', '10次卡', '2026/11/5', '', '0.3'],
    ]);
    expect(p.suggestedMapping).toEqual({
      cardNo: 0,
      name: 1,
      gender: 2,
      phone: 3,
      cardType: 4,
      startDate: 5,
      expiryDate: 6,
      storedValue: 7,
    });
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    // the visit card has no visits column: never guessed
    expect(v.problems).toEqual([
      {
        row: 5,
        field: 'visitsLeft',
        column: null,
        code: 'VISITS_REQUIRED',
        value: '',
        params: { cardType: '10次卡' },
      },
    ]);
    await club.call('mgr', 'members.importCommit', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
      skipInvalid: true,
    });
    expect(await byCard(club, 'X1')).toMatchObject({
      phone: '138 0000 1111',
      startDate: '2026-01-05',
      expiryDate: '2027-01-04',
      storedValueCents: 128050,
    });
  });

  it('imports a 20,000-row roster completely (timing: npm run bench:import)', async () => {
    const club = await clubWithTypes();
    const lines = ['会员卡号,姓名,手机号码,卡种,合同开始时间,合同结束时间,储值余额,状态'];
    for (let i = 0; i < 20_000; i++) {
      lines.push(
        `C${100_000 + i},会员${i},1${String(3_800_000_000 + i)},年卡,2026/01/01 09:00,2027/01/01,${i % 7},${i % 50 === 0 ? '冻结' : '正常'}`,
      );
    }
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: gbk(lines.join('\r\n')) });
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    expect(v).toMatchObject({ total: 20_000, valid: 20_000, invalid: 0 });
    const r = await club.call('mgr', 'members.importCommit', { jobId: p.jobId, mapping: p.suggestedMapping });
    const expectedCents = Array.from({ length: 20_000 }, (_, i) => (i % 7) * 100).reduce((a, b) => a + b, 0);
    expect(r).toMatchObject({ imported: 20_000, frozen: 400, storedValueCents: expectedCents });
    expect(memberCount(club)).toBe(20_000);
    const db = club.core.database;
    expect(db.prepare('SELECT sum(stored_value_cents) AS c FROM members').get()).toEqual({
      c: expectedCents,
    });
    expect(db.prepare('SELECT sum(amount_cents) AS c FROM stored_value_ledger').get()).toEqual({
      c: expectedCents,
    });
  }, 120_000);
});

describe('validation, cancel and commit', () => {
  const BAD_FILE = [
    ZH_HEADER,
    'G001,Good Guy,m,13800003333,年卡,2026-11-01,,,', // 2 valid
    'G002,,f,,年卡,2026-11-01,,,', // 3 missing name
    'G003,Xgender,x,,年卡,2026-11-01,,,', // 4 bad gender
    'G004,Bad Date,m,,年卡,2026-13-01,,,', // 5 bad date
    'G005,Unknown Type,f,,金卡,2026-11-01,,,', // 6 unknown card type
    'G001,Dup In File,m,,年卡,2026-11-01,,,', // 7 duplicate in file
    'EXIST1,Exists,m,,年卡,2026-11-01,,,', // 8 already in the database
    'G006,Bad Phone,m,abc,年卡,2026-11-01,,,', // 9 bad phone
    'G007,Ten Visits,f,,10次卡,2026-11-01,,ten,', // 10 bad number
    'G008,Valid Visits,f,,10次卡,2026-11-01,,5,', // 11 valid
  ].join('\n');

  async function setup() {
    const club = await clubWithTypes();
    const year = (await club.call('mgr', 'cardTypes.list', {})).find((t) => t.name === '年卡')!;
    const a: OpArgs<'members.create'> = {
      cardNo: 'EXIST1',
      name: 'Already Here',
      gender: 'male',
      phone: null,
      birthDate: null,
      cardTypeId: year.id,
      startDate: '2026-11-18',
      expiryDate: null,
      visitsLeft: null,
      consultantId: null,
      notes: '',
    };
    await club.call('mgr', 'members.create', a);
    const p = await club.call('mgr', 'members.importPreview', {
      fileBase64: utf8Bom(BAD_FILE),
      encoding: 'auto',
    });
    expect(p.suggestedMapping).toEqual(FULL_MAPPING);
    return { club, p };
  }

  it('reports every bad row with its spreadsheet row number, field, column and code', async () => {
    const { club, p } = await setup();
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    expect(v).toMatchObject({ jobId: p.jobId, total: 10, valid: 2, invalid: 8, duplicates: 2 });
    expect(v.problems).toEqual([
      { row: 3, field: 'name', column: 1, code: 'REQUIRED', value: '' },
      { row: 4, field: 'gender', column: 2, code: 'INVALID_GENDER', value: 'x' },
      { row: 5, field: 'startDate', column: 5, code: 'INVALID_DATE', value: '2026-13-01' },
      { row: 6, field: 'cardType', column: 4, code: 'UNKNOWN_CARD_TYPE', value: '金卡' },
      {
        row: 7,
        field: 'cardNo',
        column: 0,
        code: 'DUPLICATE_IN_FILE',
        value: 'G001',
        params: { firstRow: '2' },
      },
      { row: 8, field: 'cardNo', column: 0, code: 'CARD_NO_EXISTS', value: 'EXIST1' },
      { row: 9, field: 'phone', column: 3, code: 'INVALID_PHONE', value: 'abc' },
      { row: 10, field: 'visitsLeft', column: 7, code: 'INVALID_NUMBER', value: 'ten' },
    ]);
    expect(memberCount(club)).toBe(1); // validating writes nothing
  });

  it('cancel writes nothing and forgets the job', async () => {
    const { club, p } = await setup();
    await club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping: p.suggestedMapping });
    expect(await club.call('mgr', 'members.importCancel', { jobId: p.jobId })).toEqual({ ok: true });
    expect(memberCount(club)).toBe(1);
    expect(await club.call('mgr', 'members.search', { q: 'G00' })).toEqual([]);
    expect((await club.call('mgr', 'audit.search', { q: 'members.import' })).total).toBe(0);
    await expectError(
      club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping: p.suggestedMapping }),
      'IMPORT_JOB_UNKNOWN',
    );
    await expectError(
      club.call('mgr', 'members.importCommit', { jobId: p.jobId, mapping: p.suggestedMapping }),
      'IMPORT_JOB_UNKNOWN',
    );
    await expectError(club.call('mgr', 'members.importCancel', { jobId: p.jobId }), 'IMPORT_JOB_UNKNOWN');
  });

  it('commit writes exactly the valid rows when the manager chose to skip the others, audited; the job is then gone', async () => {
    const { club, p } = await setup();
    const r = await club.call('mgr', 'members.importCommit', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
      skipInvalid: true,
    });
    expect(r).toMatchObject({ imported: 2, skipped: 8 });
    expect(memberCount(club)).toBe(3);
    const found = (await club.call('mgr', 'members.search', { q: 'G00' })).map((m) => [
      m.cardNo,
      m.name,
      m.visitsLeft,
      m.expiryDate,
    ]);
    expect(found).toEqual([
      ['G001', 'Good Guy', null, '2027-10-31'],
      ['G008', 'Valid Visits', 5, null],
    ]);
    const audit = await club.call('mgr', 'audit.search', { q: 'members.import' });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({ op: 'members.import', staffId: club.managerId });
    expect(JSON.parse(audit.rows[0]!.after!)).toMatchObject({
      imported: 2,
      skipped: 8,
      encoding: 'utf-8',
      rows: 10,
    });
    await expectError(
      club.call('mgr', 'members.importCommit', { jobId: p.jobId, mapping: p.suggestedMapping }),
      'IMPORT_JOB_UNKNOWN',
    );
    // The imported members are searchable like any other.
    expect((await club.call('mgr', 'members.search', { q: 'good' })).map((m) => m.cardNo)).toEqual(['G001']);
  });
});

describe('export', () => {
  async function exportingClub() {
    const club = await clubWithTypes();
    const types = await club.call('mgr', 'cardTypes.list', {});
    const year = types.find((t) => t.name === '年卡')!;
    const ten = types.find((t) => t.name === '10次卡')!;
    const consultant = await club.loginAs('consultant', 'Zhang Wei');
    const base: OpArgs<'members.create'> = {
      cardNo: 'X1',
      name: '=HYPERLINK("x")',
      gender: 'male',
      phone: '+8613800001234',
      birthDate: '1991-02-03',
      cardTypeId: year.id,
      startDate: '2026-11-18',
      expiryDate: null,
      visitsLeft: null,
      consultantId: consultant.staffId,
      notes: '-5 kg, "strong"',
    };
    await club.call('mgr', 'members.create', base);
    const x2 = await club.call('mgr', 'members.create', {
      ...base,
      cardNo: 'X2',
      name: '李丽',
      gender: 'female',
      phone: null,
      birthDate: null,
      cardTypeId: ten.id,
      consultantId: null,
      notes: 'line1\nline2',
    });
    await club.call('mgr', 'members.freeze', {
      id: x2.id,
      fromDate: '2026-11-18',
      toDate: '2026-11-30',
      reason: 'trip',
    });
    await club.call('mgr', 'storedValue.adjust', {
      memberId: x2.id,
      amountCents: 4550,
      reason: 'opening',
    });
    return club;
  }

  it('has a BOM and a header, neutralises formulas, and is audited', async () => {
    const club = await exportingClub();
    const r = await club.call('mgr', 'members.exportCsv', {});
    expect(r.count).toBe(2);
    expect(r.filename).toBe('members-2026-11-18.csv');
    expect(r.csv.startsWith('\ufeff')).toBe(true);
    const lines = r.csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Card no,Name,Gender,Phone,Birth date,Card type,Start date,Expiry date,Visits left,State,Frozen from,Frozen until,Stored value,Consultant,Notes',
    );
    expect(lines[1]).toBe(
      `X1,"'=HYPERLINK(""x"")",male,138 0000 1234,1991-02-03,年卡,2026-11-18,2027-11-17,,active,,,0.00,Zhang Wei,"'-5 kg, ""strong"""`,
    );
    const rows = parseCsv(r.csv.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[1]![1]).toBe(`'=HYPERLINK("x")`);
    expect(rows[2]).toEqual([
      'X2',
      '李丽',
      'female',
      '',
      '',
      '10次卡',
      '2026-11-18',
      '',
      '10',
      'frozen',
      '2026-11-18',
      '2026-11-30',
      '45.50',
      '',
      'line1\nline2',
    ]);
    const audit = await club.call('mgr', 'audit.search', { q: 'members.exportCsv' });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({
      op: 'members.exportCsv',
      staffId: club.managerId,
      detail: '2 members',
    });
  });

  it('an exported file re-imports into a fresh club with every column mapped and the same members', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const club = await exportingClub();
      await club.call('mgr', 'settings.update', { language });
      const { csv } = await club.call('mgr', 'members.exportCsv', {});
      const fresh = await clubWithTypes();
      await fresh.loginAs('consultant', 'Zhang Wei');
      const p = await fresh.call('mgr', 'members.importPreview', {
        fileBase64: b64(Buffer.from(csv, 'utf8')),
        encoding: 'auto',
      });
      expect(p.encoding).toBe('utf-8');
      expect(p.headers).toHaveLength(15);
      expect(p.suggestedMapping).toEqual({
        cardNo: 0,
        name: 1,
        gender: 2,
        phone: 3,
        birthDate: 4,
        cardType: 5,
        startDate: 6,
        expiryDate: 7,
        visitsLeft: 8,
        status: 9,
        frozenFrom: 10,
        frozenTo: 11,
        storedValue: 12,
        consultant: 13,
        notes: 14,
      });
      expect(p.columns.every((c) => c.kind === 'field')).toBe(true);
      const v = await fresh.call('mgr', 'members.importValidate', {
        jobId: p.jobId,
        mapping: p.suggestedMapping,
      });
      expect(v).toMatchObject({ total: 2, valid: 2, invalid: 0, problems: [] });
      await fresh.call('mgr', 'members.importCommit', { jobId: p.jobId, mapping: p.suggestedMapping });
      const pick = (d: MemberDetail) => ({
        cardNo: d.cardNo,
        name: d.name,
        gender: d.gender,
        phone: d.phone,
        birthDate: d.birthDate,
        cardTypeName: d.cardTypeName,
        startDate: d.startDate,
        expiryDate: d.expiryDate,
        visitsLeft: d.visitsLeft,
        state: d.state,
        frozenFrom: d.frozenFrom,
        frozenTo: d.frozenTo,
        storedValueCents: d.storedValueCents,
        consultantName: d.consultantName,
        notes: d.notes,
      });
      for (const id of [1, 2]) {
        expect(pick(await fresh.call('mgr', 'members.get', { id }))).toEqual(
          pick(await club.call('mgr', 'members.get', { id })),
        );
      }
    }
  });
});

describe('import is a manager’s operation', () => {
  it('as the lowest roles, through Core.call: refused and nothing written; another manager cannot use the job', async () => {
    const club = await clubWithTypes();
    const p = await club.call('mgr', 'members.importPreview', { fileBase64: utf8Bom(ZH_FILE) });
    const args = { jobId: p.jobId, mapping: p.suggestedMapping };
    for (const role of ['reception', 'consultant', 'bar', 'shift_lead'] as const) {
      const who = await club.loginAs(role);
      await expectError(
        club.call(who.session, 'members.importPreview', { fileBase64: utf8Bom(ZH_FILE) }),
        'FORBIDDEN',
      );
      await expectError(club.call(who.session, 'members.importValidate', args), 'FORBIDDEN');
      await expectError(
        club.call(who.session, 'members.importCommit', { ...args, skipInvalid: true }),
        'FORBIDDEN',
      );
      await expectError(club.call(who.session, 'members.importCancel', { jobId: p.jobId }), 'FORBIDDEN');
      await expectError(club.call(who.session, 'members.exportCsv', {}), 'FORBIDDEN');
    }
    const other = await club.loginAs('cs_manager');
    await expectError(club.call(other.session, 'members.importCommit', args), 'IMPORT_JOB_UNKNOWN');
    expect(memberCount(club)).toBe(0);
    // the lowest manager role can import a file of its own
    const own = await club.call(other.session, 'members.importPreview', { fileBase64: utf8Bom(ZH_FILE) });
    expect(
      await club.call(other.session, 'members.importCommit', {
        jobId: own.jobId,
        mapping: own.suggestedMapping,
      }),
    ).toMatchObject({ imported: 2 });
  });
});

describe('the import’s reasons as values', () => {
  it('every problem code, file reason, mapping reason and column kind has words in both languages', () => {
    const get = (o: unknown, key: string): unknown =>
      key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
    const keys = [
      ...IMPORT_PROBLEM_CODES.map((c) => `members.problem.${c}`),
      ...IMPORT_FILE_PROBLEMS.map((r) => `errors.IMPORT_FILE_INVALID_${r}`),
      ...IMPORT_MAPPING_REASONS.map((r) => `errors.IMPORT_MAPPING_INVALID_${r}`),
      ...IMPORT_COLUMN_KINDS.map((k) => `members.import.why.${k}`),
    ];
    for (const k of keys) {
      expect(typeof get(en, k), k).toBe('string');
      expect(typeof get(zhCN, k), k).toBe('string');
    }
  });
});
