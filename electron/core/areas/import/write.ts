/**
 * The writer: a checked row becomes a member (through the members area's insertMember, like every
 * new member) with what the import adds; and the roster export to CSV in the club's language.
 */
import type { Ctx } from '../../kernel/ctx';
import { formatPhone } from '../../../shared/phone';
import { csvDocument, csvMoney, type CsvValue } from '../../../shared/csv';
import { entitlementOf, getMemberRow, insertMember, memberState, recordEntitlement } from '../members';
import { ledgerEntry } from '../payments';
import type { ImportRow } from './check';
import * as q from './queries';

/**
 * Creates one imported member: through insertMember like every new member, then what the import
 * adds — deactivated, the freeze (with its record, no extension of the expiry: the file's expiry is
 * taken as it is), the national ID, and the stored-value balance as an opening ledger entry.
 * The member's entitlement history starts with an 'import' entry (the manager who imported it, and
 * the entitlement as imported: card, dates, visits, deactivated or frozen).
 */
export function insertImportedMember(ctx: Ctx, r: ImportRow, nowIso: string): number {
  const db = ctx.db;
  const id = insertMember(db, r.member, nowIso, null);
  if (!r.active || r.freeze || r.nationalId) {
    const reason =
      ctx.settings.language === 'zh-CN' ? '导入：原系统中已冻结' : 'Imported: frozen in the previous system';
    q.setImportedState(db, id, {
      active: r.active,
      frozenFrom: r.freeze?.from ?? null,
      frozenTo: r.freeze?.to ?? null,
      frozenReason: r.freeze ? reason : null,
      nationalId: r.nationalId,
    });
    if (r.freeze) {
      q.insertImportedFreeze(db, {
        memberId: id,
        from: r.freeze.from,
        to: r.freeze.to,
        reason,
        at: nowIso,
        by: ctx.requireActor().id,
      });
    }
  }
  if (r.storedValueCents > 0) {
    const reason = ctx.settings.language === 'zh-CN' ? '导入余额' : 'imported balance';
    ledgerEntry(ctx, id, 'opening', r.storedValueCents, null, reason);
  }
  recordEntitlement(db, {
    memberId: id,
    kind: 'import',
    at: nowIso,
    by: ctx.requireActor().id,
    before: null,
    after: entitlementOf(db, getMemberRow(db, id)),
  });
  return id;
}

// ---- export --------------------------------------------------------------------------------

const EXPORT = {
  'zh-CN': {
    headers: [
      '卡号',
      '姓名',
      '性别',
      '手机',
      '出生日期',
      '卡类型',
      '开卡日期',
      '到期日期',
      '剩余次数',
      '状态',
      '冻结开始',
      '冻结结束',
      '储值余额',
      '会籍顾问',
      '备注',
    ],
    gender: { male: '男', female: '女', unknown: '未知' },
    state: {
      active: '正常',
      frozen: '冻结',
      expired: '过期',
      not_started: '未开始',
      no_visits: '次数用完',
      deactivated: '停用',
    },
  },
  en: {
    headers: [
      'Card no',
      'Name',
      'Gender',
      'Phone',
      'Birth date',
      'Card type',
      'Start date',
      'Expiry date',
      'Visits left',
      'State',
      'Frozen from',
      'Frozen until',
      'Stored value',
      'Consultant',
      'Notes',
    ],
    gender: { male: 'male', female: 'female', unknown: 'unknown' },
    state: {
      active: 'active',
      frozen: 'frozen',
      expired: 'expired',
      not_started: 'not started',
      no_visits: 'no visits left',
      deactivated: 'deactivated',
    },
  },
} as const;

/** Every member as CSV, in the club's language (phones as people read them, formulas neutralised). */
export function rosterCsv(ctx: Ctx): { filename: string; csv: string; count: number } {
  const L = EXPORT[ctx.settings.language];
  const rows = q.rosterRows(ctx.db);
  const today = ctx.today();
  const lines: (readonly CsvValue[])[] = [L.headers];
  for (const m of rows) {
    lines.push([
      m.card_no,
      m.name,
      L.gender[m.gender],
      formatPhone(m.phone),
      m.birth_date,
      m.type_name,
      m.start_date,
      m.expiry_date,
      m.visits_left,
      L.state[memberState(m, today)],
      m.frozen_from,
      m.frozen_to,
      csvMoney(m.stored_value_cents),
      m.consultant_name,
      m.notes,
    ]);
  }
  return { filename: `members-${today}.csv`, csv: csvDocument(lines), count: rows.length };
}
