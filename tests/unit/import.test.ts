import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { MemberDetail, OpArgs } from '../../electron/core/contract';
import { parseCsv } from '../../electron/core/services/memberImport';
import { expectError, makeClub, type TestClub } from './helpers';

const b64 = (b: Buffer) => b.toString('base64');
const utf8Bom = (text: string) =>
  b64(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
const utf8 = (text: string) => b64(Buffer.from(text, 'utf8'));

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

describe('import preview: decoding and column mapping', () => {
  it('reads UTF-8 with a BOM and Chinese headers, and suggests a mapping for every column', async () => {
    const club = await clubWithTypes();
    const p = await club.call('mgr', 'members.importPreview', {
      fileBase64: utf8Bom(ZH_FILE),
      encoding: 'auto',
    });
    expect(p.jobId).toMatch(/^[a-f0-9]{32}$/);
    expect(p.encoding).toBe('utf-8');
    expect(p.headers).toEqual(ZH_HEADER.split(','));
    expect(p.totalRows).toBe(2);
    expect(p.sampleRows).toEqual([
      ['M001', '王小明', '男', '13800001111', '年卡', '2026-11-01', '2027-10-31', '', '老会员'],
      ['M002', '李丽', '女', '13900002222', '10次卡', '2026/11/5', '', '8', '备注,带逗号'],
    ]);
    expect(p.suggestedMapping).toEqual(FULL_MAPPING);
  });

  it('detects GBK when the bytes are not UTF-8, with the same result', async () => {
    const club = await clubWithTypes();
    const p = await club.call('mgr', 'members.importPreview', {
      fileBase64: b64(iconv.encode(ZH_FILE, 'gbk')),
      encoding: 'auto',
    });
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
      fileBase64: b64(iconv.encode(ZH_FILE, 'gbk')),
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
    ).toEqual({ imported: 2, skipped: 0 });
    const m = (await club.call('mgr', 'members.search', { q: 'M002' }))[0]!;
    expect(m).toMatchObject({
      name: '李丽',
      gender: 'female',
      cardTypeName: '10次卡',
      visitsLeft: 8,
      phone: '139****2222', // search shows phones masked
    });
    const d = await club.call('mgr', 'members.get', { id: m.id });
    expect(d).toMatchObject({
      startDate: '2026-11-05',
      expiryDate: null,
      notes: '备注,带逗号',
      phone: '139 0000 2222',
    });
    const y = await club.call('mgr', 'members.get', {
      id: (await club.call('mgr', 'members.search', { q: 'M001' }))[0]!.id,
    });
    expect(y).toMatchObject({
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
    expect(v.problems).toEqual([{ row: 3, field: 'name', code: 'REQUIRED', value: '' }]);
    await club.call('mgr', 'members.importCommit', { jobId: p.jobId, mapping: p.suggestedMapping });
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

  it('skips blank rows (empty lines, separators only) but keeps spreadsheet row numbers', async () => {
    const club = await clubWithTypes();
    const text = [
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
    expect(p.totalRows).toBe(3);
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    expect(v).toMatchObject({ total: 3, valid: 1, invalid: 2 });
    expect(v.problems).toEqual([
      { row: 4, field: 'name', code: 'REQUIRED', value: '' },
      { row: 7, field: 'gender', code: 'INVALID_GENDER', value: 'x' },
    ]);
    expect(
      await expectError(
        club.call('mgr', 'members.importPreview', { fileBase64: utf8('a,b\n,\n,\n') }),
        'IMPORT_FILE_INVALID',
      ),
    ).toEqual({
      reason: 'no_rows',
    });
  });

  it('refuses a file with only a header, an empty file, a binary file and an unclosed quote', async () => {
    const club = await clubWithTypes();
    expect(
      await expectError(
        club.call('mgr', 'members.importPreview', { fileBase64: utf8Bom(`${ZH_HEADER}\r\n`) }),
        'IMPORT_FILE_INVALID',
      ),
    ).toEqual({
      reason: 'no_rows',
    });
    expect(
      await expectError(
        club.call('mgr', 'members.importPreview', { fileBase64: utf8('\n\n') }),
        'IMPORT_FILE_INVALID',
      ),
    ).toEqual({
      reason: 'empty',
    });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(
      await expectError(
        club.call('mgr', 'members.importPreview', { fileBase64: b64(png) }),
        'IMPORT_FILE_INVALID',
      ),
    ).toEqual({
      reason: 'binary',
    });
    expect(
      await expectError(
        club.call('mgr', 'members.importPreview', { fileBase64: utf8('a,b\n"1,2\n') }),
        'IMPORT_FILE_INVALID',
      ),
    ).toEqual({
      reason: 'unclosed_quote',
    });
    await expectError(club.call('mgr', 'members.importPreview', { fileBase64: '' }), 'VALIDATION');
  });
});

describe('import validation, cancel and commit', () => {
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

  it('reports every bad row with its spreadsheet row number, field and code', async () => {
    const { club, p } = await setup();
    const v = await club.call('mgr', 'members.importValidate', {
      jobId: p.jobId,
      mapping: p.suggestedMapping,
    });
    expect(v).toEqual({
      jobId: p.jobId,
      total: 10,
      valid: 2,
      invalid: 8,
      duplicates: 2,
      problems: [
        { row: 3, field: 'name', code: 'REQUIRED', value: '' },
        { row: 4, field: 'gender', code: 'INVALID_GENDER', value: 'x' },
        { row: 5, field: 'startDate', code: 'INVALID_DATE', value: '2026-13-01' },
        { row: 6, field: 'cardType', code: 'UNKNOWN_CARD_TYPE', value: '金卡' },
        { row: 7, field: 'cardNo', code: 'DUPLICATE_IN_FILE', value: 'G001' },
        { row: 8, field: 'cardNo', code: 'CARD_NO_EXISTS', value: 'EXIST1' },
        { row: 9, field: 'phone', code: 'INVALID_PHONE', value: 'abc' },
        { row: 10, field: 'visitsLeft', code: 'INVALID_NUMBER', value: 'ten' },
      ],
    });
    expect(memberCount(club)).toBe(1); // validating writes nothing
  });

  it('a mapping without the required columns, or with a column twice, is refused', async () => {
    const { club, p } = await setup();
    const noName = { ...FULL_MAPPING } as Partial<typeof FULL_MAPPING>;
    delete noName.name;
    const e = await expectError(
      club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping: noName }),
      'VALIDATION',
    );
    expect(e).toEqual({ issues: [{ path: 'mapping.name', code: 'required' }] });
    await expectError(
      club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping: { ...FULL_MAPPING, notes: 0 } }),
      'VALIDATION',
    );
    await expectError(
      club.call('mgr', 'members.importValidate', { jobId: p.jobId, mapping: { ...FULL_MAPPING, notes: 9 } }),
      'VALIDATION',
    );
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

  it('commit writes exactly the valid rows, audited; the job is then gone', async () => {
    const { club, p } = await setup();
    const r = await club.call('mgr', 'members.importCommit', { jobId: p.jobId, mapping: p.suggestedMapping });
    expect(r).toEqual({ imported: 2, skipped: 8 });
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
    expect(JSON.parse(audit.rows[0]!.after!)).toEqual({
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

  it('another manager cannot use someone else’s job; reception may not import or export', async () => {
    const { club, p } = await setup();
    const other = await club.loginAs('duty_manager');
    await expectError(
      club.call(other.session, 'members.importValidate', { jobId: p.jobId, mapping: p.suggestedMapping }),
      'IMPORT_JOB_UNKNOWN',
    );
    const desk = await club.loginAs('reception');
    await expectError(
      club.call(desk.session, 'members.importPreview', { fileBase64: utf8Bom(ZH_FILE) }),
      'FORBIDDEN',
    );
    await expectError(
      club.call(desk.session, 'members.importCommit', { jobId: p.jobId, mapping: p.suggestedMapping }),
      'FORBIDDEN',
    );
    await expectError(club.call(desk.session, 'members.exportCsv', {}), 'FORBIDDEN');
    expect(memberCount(club)).toBe(1);
  });
});

describe('export', () => {
  async function exportingClub() {
    const club = await clubWithTypes();
    const types = await club.call('mgr', 'cardTypes.list', {});
    const year = types.find((t) => t.name === '年卡')!;
    const ten = types.find((t) => t.name === '10次卡')!;
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
      consultantId: null,
      notes: '-5 kg, "strong"',
    };
    await club.call('mgr', 'members.create', base);
    await club.call('mgr', 'members.create', {
      ...base,
      cardNo: 'X2',
      name: '李丽',
      gender: 'female',
      phone: null,
      birthDate: null,
      cardTypeId: ten.id,
      notes: 'line1\nline2',
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
      'Card no,Name,Gender,Phone,Birth date,Card type,Start date,Expiry date,Visits left,State,Stored value,Notes',
    );
    expect(lines[1]).toBe(
      `X1,"'=HYPERLINK(""x"")",male,'+8613800001234,1991-02-03,年卡,2026-11-18,2027-11-17,,active,0.00,"'-5 kg, ""strong"""`,
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
      'active',
      '0.00',
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
      const p = await fresh.call('mgr', 'members.importPreview', {
        fileBase64: b64(Buffer.from(csv, 'utf8')),
        encoding: 'auto',
      });
      expect(p.encoding).toBe('utf-8');
      expect(p.headers).toHaveLength(12);
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
        notes: 11,
      });
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
