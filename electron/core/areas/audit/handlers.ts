/**
 * The audit log's search (managers). Each entry as written, plus what a manager reads it by — the
 * member (name, card), the tag, the amount, who authorised — taken at read time from the entry's
 * before/after JSON and the records it names (the log stays append-only and unchanged). Audited
 * reads (commands marked announce: false: exports, reports opened) are left out when asked (the
 * audit screen hides them by default).
 */
import type { HandlersOf } from '../../kernel/ctx';
import { dayBoundsUtc } from '../../../shared/dates';
import { contract } from '../../contract';
import type { auditContract, AuditRecord } from './contract';
import * as q from './queries';
import type { AuditLogRow } from './queries';

/** The commands that only read (audited): the "lookups" of the log. */
function lookupOps(): string[] {
  return Object.entries(contract)
    .filter(([, d]) => d.kind === 'command' && 'announce' in d && d.announce === false)
    .map(([name]) => name);
}

type Json = Record<string, unknown>;

function parse(s: string | null): Json {
  if (!s) return {};
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
  } catch {
    return {};
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The first number among `keys` in the after, then the before JSON (and one level down). */
function pick(after: Json, before: Json, keys: readonly string[]): number | null {
  for (const o of [after, before, ...[after, before].flatMap((x) => Object.values(x))]) {
    if (!o || typeof o !== 'object' || Array.isArray(o)) continue;
    for (const k of keys) {
      const n = num((o as Json)[k]);
      if (n !== null) return n;
    }
  }
  return null;
}

const AMOUNT_KEYS = [
  'amountCents',
  'paidCents',
  'totalCents',
  'unpaidLeftCents',
  'differenceCents',
  'countedCents',
  'priceCents',
];
const AUTH_KEYS = ['authorizedBy', 'overrideBy', 'unpaidAllowedBy'];

interface Derived {
  memberId: number | null;
  visitId: number | null;
  tag: number | null;
  amountCents: number | null;
  authorizerId: number | null;
  reasonCode: string | null;
}

function derive(r: AuditLogRow): Derived {
  const after = parse(r.after_json);
  const before = parse(r.before_json);
  const entityId = r.entity_id !== null && /^\d+$/.test(r.entity_id) ? Number(r.entity_id) : null;
  const code = [after.reasonCode, ...Object.values(after).map((v) => (v as Json | null)?.reasonCode)].find(
    (c) => typeof c === 'string',
  );
  return {
    memberId: r.entity === 'member' ? entityId : pick(after, before, ['memberId']),
    visitId: r.entity === 'visit' ? entityId : pick(after, before, ['visitId']),
    tag: pick(after, before, ['tag', 'tagNumber']),
    amountCents: pick(after, before, AMOUNT_KEYS),
    authorizerId: pick(after, before, AUTH_KEYS),
    reasonCode: typeof code === 'string' ? code : null,
  };
}

export const auditHandlers: HandlersOf<typeof auditContract> = {
  'audit.search': (ctx, { q: text, from, to, staffId, hideLookups, limit = 100, offset = 0 }) => {
    const tz = ctx.settings.timeZone;
    const filter: q.AuditFilter = {
      fromIso: from ? dayBoundsUtc(from, tz).from : undefined,
      toIso: to ? dayBoundsUtc(to, tz).to : undefined,
      staffId,
      text: text?.trim() || undefined,
      excludeOps: hideLookups ? lookupOps() : undefined,
    };
    const rows = q.auditEntries(ctx.db, filter, limit, offset);
    const derived = rows.map(derive);
    const visits = new Map(
      q
        .visitsByIds(ctx.db, [...new Set(derived.flatMap((d) => (d.visitId ? [d.visitId] : [])))])
        .map((v) => [v.id, v]),
    );
    const memberIdOf = (d: Derived) =>
      d.memberId ?? (d.visitId ? (visits.get(d.visitId)?.member_id ?? null) : null);
    const members = new Map(
      q.membersByIds(ctx.db, [...new Set(derived.flatMap((d) => memberIdOf(d) ?? []))]).map((m) => [m.id, m]),
    );
    const staff = new Map(
      q
        .staffNames(ctx.db, [...new Set(derived.flatMap((d) => d.authorizerId ?? []))])
        .map((s) => [s.id, s.name]),
    );
    const lookups = new Set(lookupOps());
    return {
      rows: rows.map((r, i): AuditRecord => {
        const d = derived[i]!;
        const m = members.get(memberIdOf(d) ?? -1);
        return {
          id: r.id,
          at: r.at,
          staffId: r.staff_id,
          staffName: r.staff_name,
          op: r.op,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before_json,
          after: r.after_json,
          detail: r.detail,
          member: m ? { id: m.id, name: m.name, cardNo: m.card_no } : null,
          tag: d.tag ?? (d.visitId ? (visits.get(d.visitId)?.tag_number ?? null) : null),
          amountCents: d.amountCents,
          authorizer: d.authorizerId !== null ? (staff.get(d.authorizerId) ?? null) : null,
          reasonCode: d.reasonCode,
          lookup: lookups.has(r.op),
        };
      }),
      total: q.countAuditEntries(ctx.db, filter),
    };
  },
};
