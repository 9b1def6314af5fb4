import type { DB } from './db/database';
import type { Clock } from './clock';
import type { OpName, OpParsedArgs, OpResult, Role, Settings } from './contract';
import { AppError } from './errors';
import { localDate } from '../shared/dates';

export interface Actor {
  id: number;
  name: string;
  role: Role;
}

export interface AuditEntry {
  op: string;
  entity?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
  detail?: string;
}

/** What every handler gets: the database, the clock, the club's settings and who is acting. */
export interface Ctx {
  db: DB;
  clock: Clock;
  dataDir: string;
  settings: Settings;
  /** null only for public operations */
  actor: Actor | null;
  now(): Date;
  nowIso(): string;
  today(): string;
  audit(entry: AuditEntry): void;
  requireActor(): Actor;
}

export type Handler<K extends OpName> = (ctx: Ctx, args: OpParsedArgs<K>) => OpResult<K>;
export type Handlers<K extends OpName = OpName> = { [P in K]: Handler<P> };

/** Typed helper for a service's handlers. */
export function handlers<K extends OpName>(h: Handlers<K>): Handlers<K> {
  return h;
}

export function makeCtx(base: {
  db: DB;
  clock: Clock;
  dataDir: string;
  settings: Settings;
  actor: Actor | null;
}): Ctx {
  const ctx: Ctx = {
    ...base,
    now: () => base.clock.now(),
    nowIso: () => base.clock.now().toISOString(),
    today: () => localDate(base.clock.now(), base.settings.timeZone),
    audit: (e) => writeAudit(base.db, base.actor, base.clock.now().toISOString(), e),
    requireActor: () => {
      if (!base.actor) throw new AppError('UNAUTHENTICATED');
      return base.actor;
    },
  };
  return ctx;
}

export function writeAudit(db: DB, actor: Actor | null, at: string, e: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (at, staff_id, staff_name, op, entity, entity_id, before_json, after_json, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at,
    actor?.id ?? null,
    actor?.name ?? null,
    e.op,
    e.entity ?? null,
    e.entityId === undefined ? null : String(e.entityId),
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.detail ?? null,
  );
}
