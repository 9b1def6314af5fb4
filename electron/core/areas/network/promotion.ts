/**
 * Promoting a standby station to the club's host (issue 15, standby copy): the manager whose PIN
 * promotes it is found among the copy's active managers with the core's own PIN check, and the
 * promotion is written to the new host's audit log with the club network on.
 */
import type { DB } from '../../db/database';
import { writeAudit } from '../../kernel/ctx';
import { MANAGERS } from '../../kernel/roles';
import { stmt } from '../../kernel/statements';
import type { Actor } from '../../kernel/ctx';
import { pinMatches } from '../staff';
import * as q from './queries';

interface ManagerRow {
  id: number;
  name: string;
  role: Actor['role'];
  pin_hash: string;
}

/** The one active manager of this database whose PIN this is (null: nobody, or not unique). */
export function managerByPin(db: DB, pin: string): Actor | null {
  const rows = stmt<unknown[], ManagerRow>(
    db,
    `SELECT id, name, role, pin_hash FROM staff WHERE active = 1 AND role IN (${MANAGERS.map(() => '?').join(', ')})`,
  ).all(...MANAGERS);
  const hits = rows.filter((r) => pinMatches(pin, r.pin_hash));
  if (hits.length !== 1) return null;
  const m = hits[0]!;
  return { id: m.id, name: m.name, role: m.role };
}

/**
 * Writes the promotion (who, from which host, this computer's device id there) and turns the club
 * network on; a standby this database named is no longer one (this computer is the host now).
 * Run inside a write transaction, on a database the core opened (its schema current).
 */
export function recordPromotion(
  db: DB,
  at: string,
  by: Actor,
  p: { deviceId: number; previousHost: string | null },
): void {
  q.setNetworkEnabled(db, true, at, by.id);
  q.setStandby(db, null);
  writeAudit(db, by, at, {
    op: 'network.promoted',
    entity: 'device',
    entityId: p.deviceId,
    detail: p.previousHost ?? undefined,
  });
}
