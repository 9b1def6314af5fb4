/**
 * The repair log's rules. Anyone logged in reports (an optional photo goes to the incidents'
 * attachment store, checked by type and hash); shift leads and managers take the steps: reported →
 * repair requested → fixed, or written off (from reported or requested), each with a note, who and
 * when; the cost (integer cents) at fixing or writing off. A closed item takes no further step. Only
 * supervisors see costs. Every change is audited; the export too. The SQL is in queries.ts.
 */
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { SUPERVISORS } from '../../kernel/roles';
import { csvDocument, csvMoney, type CsvValue } from '../../../shared/csv';
import { localDateTime } from '../../../shared/dates';
import { readAttachment, storeAttachment } from '../incidents';
import type { repairsContract } from './contract';
import {
  REPAIR_CLOSED,
  type OpenRepair,
  type RepairItem,
  type RepairKind,
  type RepairStatus,
  type RepairUrgency,
} from './types';
import * as q from './queries';
import type { RepairRow } from './queries';

const seesCost = (ctx: Ctx) => SUPERVISORS.includes(ctx.requireActor().role);

function toItem(ctx: Ctx, r: RepairRow): RepairItem {
  const cost = seesCost(ctx);
  return {
    id: r.id,
    kind: r.kind,
    what: r.what,
    place: r.place,
    urgency: r.urgency,
    status: r.status,
    hasPhoto: r.photo_sha256 !== null,
    costCents: cost ? r.cost_cents : null,
    reportedAt: r.reported_at,
    reportedBy: { id: r.reported_by, name: r.reported_by_name },
    steps: q.stepsOf(ctx.db, r.id).map((s) => ({
      status: s.status,
      note: s.note,
      costCents: cost ? s.cost_cents : null,
      at: s.at,
      by: { id: s.by, name: s.by_name },
    })),
  };
}

function load(ctx: Ctx, id: number): RepairRow {
  const r = q.repairById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'repair' });
  return r;
}

/** Items open at a moment (the handover, the day close), urgent first, with the status they had then. */
export function openRepairsAt(ctx: Ctx, at: string): OpenRepair[] {
  return q.repairsOpenAt(ctx.db, at).map((r) => ({
    id: r.id,
    kind: r.kind,
    what: r.what,
    place: r.place,
    urgency: r.urgency,
    status: q.statusAt(ctx.db, r.id, at) ?? 'reported',
    reportedAt: r.reported_at,
  }));
}

/** Which step may follow which. */
const NEXT: Record<RepairStatus, readonly RepairStatus[]> = {
  reported: ['requested', 'fixed', 'written_off'],
  requested: ['fixed', 'written_off'],
  fixed: [],
  written_off: [],
};

const WORDS: Record<'zh-CN' | 'en', Record<RepairKind | RepairUrgency | RepairStatus, string>> = {
  'zh-CN': {
    damage: '损坏',
    loss: '丢失',
    repair: '需维修',
    low: '低',
    normal: '一般',
    urgent: '紧急',
    reported: '已报告',
    requested: '已报修',
    fixed: '已修好',
    written_off: '已报损',
  },
  en: {
    damage: 'Damage',
    loss: 'Loss',
    repair: 'Needs repair',
    low: 'Low',
    normal: 'Normal',
    urgent: 'Urgent',
    reported: 'Reported',
    requested: 'Repair requested',
    fixed: 'Fixed',
    written_off: 'Written off',
  },
};
const CSV_HEADERS = {
  'zh-CN': [
    '编号',
    '报告时间',
    '类型',
    '物品/问题',
    '地点',
    '紧急程度',
    '状态',
    '报告人',
    '完结时间',
    '费用',
    '最后备注',
  ],
  en: [
    'No',
    'Reported',
    'Kind',
    'What',
    'Where',
    'Urgency',
    'Status',
    'Reported by',
    'Closed',
    'Cost',
    'Last note',
  ],
} as const;

export const repairsHandlers: HandlersOf<typeof repairsContract> = {
  'repairs.report': (ctx, a) => {
    const me = ctx.requireActor();
    const photo = a.photo ? storeAttachment(ctx.dataDir, a.photo.mime, a.photo.contentBase64) : null;
    const at = ctx.nowIso();
    const id = q.insertRepair(ctx.db, {
      kind: a.kind,
      what: a.what,
      place: a.place,
      urgency: a.urgency,
      photoSha256: photo?.sha256 ?? null,
      photoMime: photo ? a.photo!.mime : null,
      at,
      by: me.id,
    });
    q.insertStep(ctx.db, { repairId: id, status: 'reported', note: '', costCents: null, at, by: me.id });
    ctx.audit({
      op: 'repairs.report',
      entity: 'repair',
      entityId: id,
      after: { kind: a.kind, what: a.what, place: a.place, urgency: a.urgency, photo: photo?.sha256 ?? null },
    });
    return toItem(ctx, load(ctx, id));
  },

  'repairs.list': (ctx, a) =>
    q.findRepairs(ctx.db, a.filter === 'open', a.urgency ?? null).map((r) => toItem(ctx, r)),

  'repairs.photo': (ctx, a) => {
    const r = load(ctx, a.id);
    if (r.photo_sha256 === null || r.photo_mime === null)
      throw new AppError('NOT_FOUND', { entity: 'photo' });
    const bytes = readAttachment(ctx.dataDir, r.photo_sha256);
    return { dataUrl: `data:${r.photo_mime};base64,${bytes.toString('base64')}` };
  },

  'repairs.step': (ctx, a) => {
    const me = ctx.requireActor();
    const r = load(ctx, a.id);
    if (REPAIR_CLOSED.includes(r.status)) throw new AppError('REPAIR_CLOSED', { id: r.id, status: r.status });
    if (!NEXT[r.status].includes(a.to))
      throw new AppError('REPAIR_STEP_INVALID', { from: r.status, to: a.to });
    const costCents = a.to === 'requested' ? null : (a.costCents ?? null);
    const at = ctx.nowIso();
    const closedAt = REPAIR_CLOSED.includes(a.to) ? at : null;
    if (!q.setStatus(ctx.db, { id: r.id, from: r.status, to: a.to, costCents, closedAt }))
      throw new AppError('CONFLICT', { id: r.id });
    q.insertStep(ctx.db, { repairId: r.id, status: a.to, note: a.note, costCents, at, by: me.id });
    ctx.audit({
      op: 'repairs.step',
      entity: 'repair',
      entityId: r.id,
      before: { status: r.status },
      after: { status: a.to, note: a.note, costCents },
    });
    return toItem(ctx, load(ctx, r.id));
  },

  'repairs.exportCsv': (ctx, a) => {
    const rows = q.findRepairs(ctx.db, a.filter === 'open', a.urgency ?? null);
    const lang = ctx.settings.language;
    const tz = ctx.settings.timeZone;
    const w = WORDS[lang];
    const lines: (readonly CsvValue[])[] = [CSV_HEADERS[lang]];
    for (const r of rows) {
      const steps = q.stepsOf(ctx.db, r.id);
      lines.push([
        r.id,
        localDateTime(r.reported_at, tz),
        w[r.kind],
        r.what,
        r.place,
        w[r.urgency],
        w[r.status],
        r.reported_by_name,
        r.closed_at ? localDateTime(r.closed_at, tz) : null,
        csvMoney(r.cost_cents),
        steps[steps.length - 1]?.note ?? '',
      ]);
    }
    ctx.audit({
      op: 'repairs.exportCsv',
      entity: 'repairs',
      detail: `${rows.length} items ${JSON.stringify(a)}`,
    });
    return { filename: `repairs-${ctx.today()}.csv`, csv: csvDocument(lines), count: rows.length };
  },
};
