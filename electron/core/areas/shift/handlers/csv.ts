/**
 * The CSV export of a shift's report (anyone who may see the shift) or of a day's (shift leads and
 * managers): the handover book, the cash, every count and pay-out, the corrections or reopenings.
 * Audited; announces nothing.
 */
import { DESK_PAYMENT_METHODS, PAYMENT_METHODS } from '../../../contract/types';
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import { SUPERVISORS } from '../../../kernel/roles';
import { csvDocument, csvMoney, type CsvValue } from '../../../../shared/csv';
import { centsToYuan } from '../../../../shared/money';
import type { shiftContract } from '../contract';
import type { CashCount, CashDrop, HandoverBook, Payout } from '../types';
import { dayReport } from './dayClose';
import { canSee, getShift, shiftReport } from './records';

/** Money in a sentence of the CSV file: "-10.00". */
const yuan = (c: number | null) => (c === null ? '' : centsToYuan(c));

function bookCsvRows(book: HandoverBook, en: boolean): CsvValue[][] {
  const L = en
    ? {
        entries: 'Entries',
        member: 'Members',
        trial: 'Trial guests',
        coach: 'Coaches',
        men: 'men',
        women: 'women',
        unknown: 'gender unknown',
        total: 'Total entries',
        visitors: 'Visitors',
        inquiries: 'Phone inquiries',
        cards: 'Cards sold',
        cardSales: 'Cards sold at the desk',
        topups: 'Stored-value top-ups',
        bar: 'Bar sales',
        paid: 'Bar paid',
        tags: 'Key tags',
        issued: 'Tags issued',
        withTag: 'Entries with a tag',
        withoutTag: 'Entries without a tag',
        mismatches: 'Mismatches',
        stillOut: 'Tags still out',
        lost: 'Tags lost',
      }
    : {
        entries: '入场',
        member: '会员',
        trial: '体验',
        coach: '教练',
        men: '男',
        women: '女',
        unknown: '性别未知',
        total: '入场合计',
        visitors: '访客',
        inquiries: '电话咨询',
        cards: '售卡',
        cardSales: '前台售卡收款',
        topups: '储值充值',
        bar: '水吧销售',
        paid: '水吧收款',
        tags: '手牌',
        issued: '发出手牌',
        withTag: '带手牌入场',
        withoutTag: '无手牌入场',
        mismatches: '不符',
        stillOut: '未归还手牌',
        lost: '丢失手牌',
      };
  const rows: CsvValue[][] = [];
  for (const k of ['member', 'trial', 'coach'] as const) {
    rows.push([L.entries, `${L[k]} ${L.men}`, book.entries[k].male]);
    rows.push([L.entries, `${L[k]} ${L.women}`, book.entries[k].female]);
    // members imported without a gender: counted on a line of their own (books frozen before have none)
    if (book.entries[k].unknown) rows.push([L.entries, `${L[k]} ${L.unknown}`, book.entries[k].unknown]);
  }
  rows.push([L.entries, L.total, book.entries.total]);
  rows.push([L.visitors, L.visitors, book.visitors]);
  rows.push([L.inquiries, L.inquiries, book.phoneInquiries]);
  for (const c of book.cardsSold) rows.push([L.cards, c.cardTypeName, c.count]);
  if (book.cardSales) {
    rows.push([L.cardSales, '#', book.cardSales.count]);
    for (const m of PAYMENT_METHODS) rows.push([L.cardSales, m, csvMoney(book.cardSales.byMethod[m])]);
  }
  rows.push([L.topups, '#', book.topups.count]);
  for (const m of DESK_PAYMENT_METHODS) rows.push([L.topups, m, csvMoney(book.topups.byMethod[m])]);
  rows.push([L.bar, L.bar, csvMoney(book.bar.salesCents)]);
  for (const m of PAYMENT_METHODS) rows.push([L.paid, m, csvMoney(book.bar.byMethod[m])]);
  rows.push([L.tags, L.issued, book.tags.issued]);
  rows.push([L.tags, L.withTag, book.tags.entriesWithTag]);
  rows.push([L.tags, L.withoutTag, book.tags.entriesWithoutTag]);
  rows.push([L.tags, L.mismatches, book.tags.mismatches.length]);
  rows.push([L.tags, L.stillOut, book.tags.stillOut.length]);
  rows.push([L.tags, L.lost, book.tags.lost.length]);
  return rows;
}

/** Every count: when, who, counted, expected, difference; a recount with who authorised it and why. */
function countCsvRows(counts: readonly CashCount[], en: boolean): CsvValue[][] {
  return counts.map((c) => [
    en ? 'Cash count' : '现金清点',
    `${c.at} ${c.byName}`,
    csvMoney(c.countedCents),
    [
      c.expectedCents === null
        ? ''
        : `${en ? 'expected' : '应有'} ${yuan(c.expectedCents)}, ${en ? 'difference' : '差额'} ${yuan(c.differenceCents)}`,
      c.recount
        ? `${en ? 'recount authorised by' : '重点授权'} ${c.recount.authorizedByName}: ${c.recount.reason}`
        : '',
      c.supersededBy ? (en ? 'superseded' : '已被重点取代') : '',
    ]
      .filter(Boolean)
      .join('; '),
  ]);
}

function payoutCsvRows(list: readonly Payout[], en: boolean): CsvValue[][] {
  return list.map((p) => [
    en ? 'Pay-out' : '支出',
    `${p.at} ${p.byName}`,
    csvMoney(p.amountCents),
    `${p.reason}${p.authorizedByName ? ` (${en ? 'authorised by' : '授权'} ${p.authorizedByName})` : ''}`,
  ]);
}

function dropCsvRows(list: readonly CashDrop[], en: boolean): CsvValue[][] {
  const where = (d: CashDrop) => (en ? d.destination : d.destination === 'safe' ? '保险柜' : '银行');
  return list.map((d) => [
    en ? 'Cash drop' : '投款',
    `${d.at} ${d.byName}`,
    csvMoney(d.amountCents),
    en
      ? `${where(d)}, slip ${d.slipNo}, witnessed by ${d.witnessName}`
      : `${where(d)}，缴款单 ${d.slipNo}，见证人 ${d.witnessName}`,
  ]);
}

function cashCsvRows(c: { label: string; value: number | null }[], en: boolean): CsvValue[][] {
  return c.map((x) => [en ? 'Cash' : '现金', x.label, csvMoney(x.value)]);
}

export const csvHandlers: HandlersOf<Pick<typeof shiftContract, 'shift.reportCsv'>> = {
  'shift.reportCsv': (ctx, a) => {
    const en = ctx.settings.language === 'en';
    const head = en ? ['Section', 'Figure', 'Value', 'Note'] : ['项目', '明细', '数值', '备注'];
    let rows: CsvValue[][];
    let filename: string;
    if ('shiftId' in a) {
      const s = getShift(ctx.db, a.shiftId);
      if (!canSee(ctx, s)) throw new AppError('FORBIDDEN', { op: 'shift.reportCsv' });
      const r = shiftReport(ctx, s);
      const label = en
        ? [
            'Float',
            'Cash takings',
            'Change given',
            'Refunds',
            'Pay-outs',
            'Expected',
            'Counted',
            'Difference',
            'Float handed over',
          ]
        : ['备用金', '现金收入', '找零', '退款', '支出', '应有现金', '实点现金', '差额', '移交备用金'];
      const c = r.cash;
      rows = [
        [en ? 'Shift' : '班次', en ? 'Opened' : '开班', r.shift.openedAt],
        [en ? 'Shift' : '班次', en ? 'Closed' : '交班', r.shift.closedAt],
        [en ? 'Shift' : '班次', en ? 'Signed out by' : '交班人', r.signedOutBy.name],
        [en ? 'Shift' : '班次', en ? 'Signed in by' : '接班人', r.signedInBy.name],
        ...bookCsvRows(r.book, en),
        ...cashCsvRows(
          [
            c.floatCents,
            c.takingsCents,
            c.changeCents,
            c.refundsCents,
            c.payoutsCents,
            c.expectedCents,
            r.countedCents,
            r.differenceCents,
            r.floatHandedCents,
          ].map((value, i) => ({ label: label[i]!, value })),
          en,
        ),
        ...countCsvRows(r.shift.counts, en),
        ...payoutCsvRows(r.shift.payouts, en),
        ...dropCsvRows(r.shift.drops, en),
        ...r.corrections.map((x) => [en ? 'Correction' : '更正', x.figure ?? '', x.value, x.text]),
      ];
      filename = `shift-${r.shift.day}-${r.shift.id}.csv`;
    } else {
      if (!SUPERVISORS.includes(ctx.requireActor().role))
        throw new AppError('FORBIDDEN', { op: 'shift.reportCsv' });
      const r = dayReport(ctx, a.day);
      rows = [
        ...bookCsvRows(r.book, en),
        ...cashCsvRows(
          (en
            ? ['Expected', 'Counted', 'Cash over', 'Cash short']
            : ['应有现金', '实点现金', '长款', '短款']
          ).map((label, i) => ({
            label,
            value: [r.cash.expectedCents, r.cash.countedCents, r.cash.overCents, r.cash.shortCents][i]!,
          })),
          en,
        ),
        ...countCsvRows(r.counts, en),
        ...payoutCsvRows(r.payouts, en),
        ...dropCsvRows(r.drops, en),
        ...r.reopenings.map((x) => [
          en ? 'Day reopened' : '日结重开',
          x.at,
          null,
          `${x.authorizedByName}: ${x.reason} (${en ? 'closed' : '原日结'} ${x.closedAt} ${x.closedByName})`,
        ]),
      ];
      filename = `day-${a.day}.csv`;
    }
    ctx.audit({ op: 'shift.reportCsv', entity: 'shift', detail: filename });
    return { filename, csv: csvDocument([head, ...rows]) };
  },
};
