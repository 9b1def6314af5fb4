/** The review's incidents as a CSV file (managers only, audited), headed in the club's language. */
import { csvDocument, csvMoney, type CsvValue } from '../../../../shared/csv';
import { localDateTime } from '../../../../shared/dates';
import { type IncidentHandlers, staffRef } from './shared';
import { findIncidents } from './review';
import { pendingByIncident } from './views';

const CSV_HEADERS = {
  'zh-CN': [
    '编号',
    '发生时间',
    '地点',
    '类型',
    '严重程度',
    '状态',
    '卡号',
    '姓名',
    '性别',
    '年龄',
    '事件经过',
    '伤情',
    '检查费用',
    '会员诉求',
    '要求赔偿',
    '同意赔偿',
    '处理意见',
    '登记人',
    '登记时间',
    '结案时间',
    '未完成回访',
  ],
  en: [
    'No',
    'Occurred',
    'Place',
    'Kind',
    'Severity',
    'Status',
    'Card no',
    'Name',
    'Gender',
    'Age',
    'What happened',
    'Harm',
    'Examination costs',
    'Member asks',
    'Compensation asked',
    'Compensation agreed',
    'Handling opinion',
    'Opened by',
    'Opened at',
    'Closed at',
    'Follow-ups pending',
  ],
} as const;

/** An instant as club-local "YYYY-MM-DD HH:MM" for the CSV file; no instant, an empty cell. */
const csvDateTime = (iso: string | null, tz: string) => (iso ? localDateTime(iso, tz) : null);

export const csvHandlers: Pick<IncidentHandlers, 'incidents.exportCsv'> = {
  'incidents.exportCsv': (ctx, a) => {
    const rows = findIncidents(ctx, a);
    const tz = ctx.settings.timeZone;
    const lang = ctx.settings.language;
    const pending = pendingByIncident(
      ctx.db,
      rows.map((r) => r.id),
    );
    const name = (id: number) => staffRef(ctx.db, id)?.name ?? '';
    const lines: (readonly CsvValue[])[] = [CSV_HEADERS[lang]];
    for (const r of rows) {
      lines.push([
        r.id,
        csvDateTime(r.occurred_at, tz),
        r.place,
        r.kind,
        r.severity,
        r.status,
        r.member_card_no,
        r.member_name,
        r.member_gender,
        r.member_age,
        r.what,
        r.harm,
        csvMoney(r.examination_cost_cents),
        r.member_request,
        csvMoney(r.compensation_asked_cents),
        csvMoney(r.compensation_agreed_cents),
        r.handling_opinion,
        name(r.opened_by),
        csvDateTime(r.opened_at, tz),
        csvDateTime(r.closed_at, tz),
        (pending.get(r.id) ?? []).length,
      ]);
    }
    ctx.audit({
      op: 'incidents.exportCsv',
      entity: 'incidents',
      detail: `${rows.length} incidents ${JSON.stringify(a)}`,
    });
    return {
      filename: `incidents-${ctx.today()}.csv`,
      csv: csvDocument(lines),
      count: rows.length,
    };
  },
};
