/** The bar report as a CSV file (audited): the items, the totals by method, and the void list. */
import { PAYMENT_METHODS } from '../../../contract/types';
import type { HandlersOf } from '../../../kernel/ctx';
import { csvDocument, csvMoney, type CsvValue } from '../../../../shared/csv';
import { localDateTime } from '../../../../shared/dates';
import type { barContract } from '../contract';
import { barReport } from './reports';

const CSV_HEADERS = {
  'zh-CN': ['品类', '商品', '期初', '进货', '售出', '作废', '更正', '应有', '实盘', '差异', '原因', '销售额'],
  en: [
    'Category',
    'Item',
    'Opening',
    'Received',
    'Sold',
    'Voided',
    'Corrected',
    'Expected',
    'Counted',
    'Difference',
    'Reason',
    'Sales',
  ],
} as const;

const VOID_CSV_HEADERS = {
  'zh-CN': [
    '作废时间',
    '商品',
    '数量',
    '金额',
    '会员/客人',
    '原因',
    '作废人',
    '授权人',
    '退款',
    '退款方式',
    '离场后作废',
    '储值退现金',
  ],
  en: [
    'Voided at',
    'Item',
    'Qty',
    'Amount',
    'Member / guest',
    'Reason',
    'Voided by',
    'Authorised by',
    'Refund',
    'Refunded to',
    'After check-out',
    'Stored value paid back in cash',
  ],
} as const;

export const csvHandlers: HandlersOf<Pick<typeof barContract, 'bar.reportCsv'>> = {
  'bar.reportCsv': (ctx, a) => {
    const r = barReport(ctx, a.from, a.to);
    const lang = ctx.settings.language;
    const rows: (readonly CsvValue[])[] = [CSV_HEADERS[lang]];
    for (const x of r.rows) {
      rows.push([
        x.category,
        x.name,
        x.opening,
        x.received,
        x.sold,
        x.voided,
        x.corrected,
        x.expected,
        x.counted,
        x.difference,
        x.reason,
        csvMoney(x.salesCents),
      ]);
    }
    rows.push([]);
    const label =
      lang === 'en'
        ? { total: 'Sales', unpaid: 'Unpaid', water: 'Water served' }
        : { total: '销售额', unpaid: '未付', water: '免费饮水' };
    rows.push([label.total, csvMoney(r.salesCents)]);
    for (const m of PAYMENT_METHODS) rows.push([m, csvMoney(r.byMethod[m])]);
    rows.push([label.unpaid, csvMoney(r.unpaidCents)]);
    rows.push([label.water, r.water]);
    // The void list, as on the screen: who voided, who authorised, why, and where the money went.
    rows.push([]);
    rows.push(VOID_CSV_HEADERS[lang]);
    for (const v of r.voids) {
      rows.push([
        localDateTime(v.at, ctx.settings.timeZone),
        v.name,
        v.quantity,
        csvMoney(v.amountCents),
        v.visitName,
        v.reason,
        v.byName,
        v.authorizedByName,
        csvMoney(v.refundCents),
        v.refundTo.join(' + '),
        v.afterCheckout ? 1 : 0,
        v.cashBack ? 1 : 0,
      ]);
    }
    ctx.audit({ op: 'bar.reportCsv', entity: 'barReport', detail: `${a.from}..${a.to}` });
    return { filename: `bar-${a.from}_${a.to}.csv`, csv: csvDocument(rows) };
  },
};
