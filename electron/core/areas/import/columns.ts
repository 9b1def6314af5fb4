/**
 * What each column of a roster is, from its header (Chinese and English names of each field), and
 * what is suggested for it. Money and identity columns are never guessed: a price paid is never a
 * stored-value balance, and a national ID number is never suggested (a manager maps it and confirms).
 */
import { IMPORT_FIELDS, type ImportColumn, type ImportColumnKind, type ImportField } from './types';
import { cell } from './values';

/** Which column each field is taken from. */
export type Mapping = Partial<Record<ImportField, number>>;

/** Header names per field (compared lower-case, spaces and underscores unified). */
const HEADER_NAMES: Record<ImportField, string[]> = {
  cardNo: [
    'card no',
    'card number',
    'cardno',
    'card',
    'member no',
    'membership no',
    'member card no',
    '卡号',
    '会员卡号',
    '会员编号',
    '会员号',
    '卡编号',
    '会籍卡号',
  ],
  name: ['name', 'full name', 'member name', '姓名', '会员姓名', '名字', '会员名称', '客户姓名', '会员'],
  gender: ['gender', 'sex', '性别'],
  phone: [
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phone number',
    'mobile number',
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '联系方式',
    '电话号码',
  ],
  birthDate: ['birth date', 'birthday', 'date of birth', 'dob', 'birthdate', '生日', '出生日期', '出生年月'],
  cardType: [
    'card type',
    'membership',
    'membership type',
    'type',
    'plan',
    '卡类型',
    '卡种',
    '会员卡类型',
    '卡型',
    '卡名称',
    '会籍类型',
    '卡项',
  ],
  startDate: [
    'start date',
    'start',
    'valid from',
    'from',
    'contract start',
    '开卡日期',
    '开始日期',
    '生效日期',
    '起始日期',
    '合同开始时间',
    '合同开始日期',
    '开卡时间',
    '开始时间',
    '激活日期',
    '入会日期',
  ],
  expiryDate: [
    'expiry date',
    'expiry',
    'expires',
    'end date',
    'valid to',
    'valid until',
    'contract end',
    '到期日期',
    '到期日',
    '到期时间',
    '有效期至',
    '截止日期',
    '结束日期',
    '合同结束时间',
    '合同结束日期',
    '失效日期',
  ],
  visitsLeft: [
    'visits left',
    'visits',
    'remaining visits',
    'remaining',
    '剩余次数',
    '次数',
    '剩余课时',
    '可用次数',
  ],
  status: ['state', 'status', 'card status', 'membership status', '状态', '卡状态', '会员状态', '会籍状态'],
  frozenFrom: [
    'frozen from',
    'freeze from',
    'freeze start',
    'frozen since',
    '冻结开始',
    '冻结开始日期',
    '冻结开始时间',
    '冻结日期',
    '停卡开始日期',
    '停卡日期',
  ],
  frozenTo: [
    'frozen until',
    'frozen to',
    'freeze until',
    'freeze end',
    '冻结结束',
    '冻结结束日期',
    '冻结结束时间',
    '解冻日期',
    '停卡结束日期',
  ],
  storedValue: [
    'stored value',
    'stored value balance',
    'balance',
    'account balance',
    '储值',
    '储值余额',
    '储值金额',
    '余额',
    '卡内余额',
    '账户余额',
    '会员余额',
    '剩余金额',
  ],
  consultant: [
    'consultant',
    'membership consultant',
    'sales',
    'salesperson',
    'advisor',
    '会籍顾问',
    '顾问',
    '会籍',
    '销售',
    '销售顾问',
    '所属顾问',
    '业务员',
  ],
  // never suggested: a manager maps it and confirms (see IDENTITY_NAMES)
  nationalId: [],
  notes: ['notes', 'note', 'remarks', 'comment', 'comments', '备注', '说明'],
};

/** A price paid: never a stored-value balance. */
const PRICE_NAMES = [
  'price',
  'price paid',
  'paid',
  'amount paid',
  'card price',
  'fee',
  '价格',
  '售价',
  '卡价',
  '实收',
  '实收金额',
  '实付',
  '实付金额',
  '应收金额',
  '应付金额',
  '购卡金额',
  '办卡金额',
  '开卡金额',
  '卡费',
  '合同金额',
  '成交金额',
  '收款金额',
];
/** Money that is not a balance, or not clearly one: taken only when a manager maps it by hand. */
const MONEY_NAMES = [
  'amount',
  'total',
  'total spent',
  'top-ups',
  '金额',
  '总金额',
  '消费金额',
  '累计消费',
  '充值金额',
  '累计充值',
  '赠送金额',
  '欠款',
];
const IDENTITY_NAMES = [
  'id',
  'id no',
  'id number',
  'id card',
  'id card number',
  'national id',
  'passport',
  '身份证',
  '身份证号',
  '身份证号码',
  '证件号',
  '证件号码',
];
const INDEX_NAMES = ['#', 'no', 'no.', 'index', 'row', '序号', '行号', '编号序号'];

function normHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/[（(].*[)）]$/, '')
    .trim();
}

function fieldOf(h: string): ImportField | undefined {
  return IMPORT_FIELDS.find((f) => HEADER_NAMES[f].includes(h));
}

/** What each column looks like and what is suggested for it. */
export function describeColumns(headers: string[], rows: string[][]): ImportColumn[] {
  const taken = new Set<ImportField>();
  return headers.map((header, index) => {
    const h = normHeader(header);
    const filled = rows.reduce((n, r) => (cell(r, index) !== '' ? n + 1 : n), 0);
    const col = (
      kind: ImportColumnKind,
      suggestion: ImportColumn['suggestion'],
      sameAs: ImportField | null = null,
    ) => ({
      index,
      header,
      kind,
      suggestion,
      sameAs,
      filled,
    });
    if (IDENTITY_NAMES.includes(h)) return col('identity', null);
    if (PRICE_NAMES.includes(h)) return col('price', null);
    if (MONEY_NAMES.includes(h)) return col('money', null);
    const f = fieldOf(h);
    if (f) {
      if (taken.has(f)) return col('repeat', filled > 0 ? 'notes' : null, f);
      taken.add(f);
      return col('field', f);
    }
    if (INDEX_NAMES.includes(h)) return col('index', null);
    if (filled === 0) return col('empty', null);
    return col('other', 'notes');
  });
}

/** The columns recognised as a field: the mapping suggested to the manager. */
export function suggestedMapping(columns: readonly ImportColumn[]): Mapping {
  const out: Mapping = {};
  for (const c of columns) if (c.kind === 'field' && c.suggestion !== null) out[c.suggestion] = c.index;
  return out;
}
