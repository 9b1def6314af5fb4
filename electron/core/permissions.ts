/**
 * Who may call what: derived from the contract, where every operation declares its `access` next to
 * its schema (see kernel/op.ts). 'public' operations need no login (status, setup, the login itself);
 * 'staff' operations need any logged-in staff member; otherwise the roles listed. docs/roles.md is
 * generated from this table (tests/unit/role-matrix.test.ts).
 */
import { contract, type OpName, type Role } from './contract';
import { type Access, admits } from './kernel/op';

export type { Access } from './kernel/op';

export const PERMISSIONS: Readonly<Record<OpName, Access>> = Object.fromEntries(
  (Object.keys(contract) as OpName[]).map((op) => [op, contract[op].access]),
) as Record<OpName, Access>;

export function isAllowed(op: OpName, role: Role | null): boolean {
  return admits(PERMISSIONS[op], role);
}

export function allowedOps(role: Role): OpName[] {
  return (Object.keys(PERMISSIONS) as OpName[]).filter((op) => isAllowed(op, role));
}
