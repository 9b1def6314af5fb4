/**
 * The role matrix: every operation × every role → allowed or refused. It is written down in
 * docs/roles.md (generated from electron/core/permissions.ts; run with UPDATE_ROLES_DOC=1 to rewrite
 * it) and checked here against the core's real responses: each role calls every operation with
 * valid arguments, and the core must refuse exactly the calls the document says are refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, ROLES, type OpName, type Role } from '../../electron/core/contract';
import { PERMISSIONS } from '../../electron/core/permissions';
import { REVEALS_PER_HOUR } from '../../electron/core/areas/members';
import { EXAMPLES } from './examples';
import { makeClub, MANAGER_PIN } from './helpers';

const DOC = path.join(__dirname, '..', '..', 'docs', 'roles.md');
const OPS = Object.keys(contract).sort() as OpName[];

/**
 * Operations whose service narrows the role's access further by ownership (a consultant acts on
 * their own state and visitors, reception on its own incidents and shifts): with the examples'
 * arguments such a call may be refused by the service although the role may call the operation.
 */
const OWN_ONLY: ReadonlySet<OpName> = new Set<OpName>([
  'rotation.signIn',
  'rotation.setState',
  'rotation.signOut',
  'visitors.accept',
  'visitors.outcome',
  'visitors.dispute',
  'appointments.create',
  'appointments.cancel',
  'inquiries.markCalledBack',
  'incidents.get',
  'incidents.attach',
  'incidents.attachment',
  'incidents.completeFollowUp',
  'shift.report',
  'shift.addCorrection',
  'shift.reportCsv',
  'shift.history',
  'messages.markDone',
]);

const ROLE_TITLES: Record<Role, string> = {
  reception: 'reception',
  bar: 'bar',
  consultant: 'consultant',
  shift_lead: 'shift lead',
  cs_manager: 'cs manager',
  duty_manager: 'duty manager',
  store_manager: 'store manager',
};

function allowed(op: OpName, role: Role | null): boolean {
  const a = PERMISSIONS[op];
  if (a === 'public') return true;
  if (role === null) return false;
  return a === 'staff' || a.includes(role);
}

/** docs/roles.md, generated from the permissions. */
function renderDoc(): string {
  const head = ['operation', 'no login', ...ROLES.map((r) => ROLE_TITLES[r])];
  const rows = OPS.map((op) => {
    const cells = [null, ...ROLES].map((r) => (allowed(op, r) ? 'yes' : '—'));
    return `| \`${op}\`${OWN_ONLY.has(op) ? ' ¹' : ''} | ${cells.join(' | ')} |`;
  });
  return [
    '# Who may call what',
    '',
    'Every operation of the contract and every role: **yes** = the core carries the call out, **—** =',
    'the core refuses it (`FORBIDDEN` for a logged-in staff member, `UNAUTHENTICATED` without a login).',
    'Authorisation is decided in the core (`electron/core/permissions.ts`), never in the screens; this',
    'table is generated from it and `tests/unit/role-matrix.test.ts` checks it against the core’s',
    'answers for every cell.',
    '',
    '¹ The service narrows it further by ownership: a consultant acts on their own rotation state,',
    'visitors, appointments and call-backs; reception sees the incidents it opened (without medical',
    'details) and its own shifts; an attachment is opened by a manager or whoever uploaded it; a message',
    'for staff is marked done by its addressee or a manager.',
    '',
    'Prices of membership cards are left out of every answer to reception and bar staff, and medical',
    'and compensation details of incidents out of every answer to non-managers (tested in',
    '`tests/unit/roles.test.ts` and `tests/unit/incidents.test.ts`).',
    '',
    'Phone numbers are masked (138****5678) in every list and search result, except the number typed',
    'in full; opening one member shows it to reception, consultants and supervisors (below manager: up',
    `to ${REVEALS_PER_HOUR} different members an hour), and a lead’s number is shown in full only to its own consultant`,
    'and to managers (tested in `tests/unit/seams-phones.test.ts`).',
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : ':-:')).join(' | ')} |`,
    ...rows,
    '',
  ].join('\n');
}

/** The table as written in docs/roles.md: op → column → allowed. */
function readDoc(): Map<string, boolean[]> {
  const m = new Map<string, boolean[]>();
  for (const line of fs.readFileSync(DOC, 'utf8').split('\n')) {
    const cells = /^\| `([a-zA-Z.]+)`/.exec(line)
      ? line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim())
      : null;
    if (!cells) continue;
    const op = /`([a-zA-Z.]+)`/.exec(cells[0]!)![1]!;
    m.set(
      op,
      cells.slice(1).map((c) => c === 'yes'),
    );
  }
  return m;
}

describe('the role matrix', () => {
  it('docs/roles.md is the matrix of the permissions in force', () => {
    if (process.env.UPDATE_ROLES_DOC === '1') fs.writeFileSync(DOC, renderDoc());
    expect(fs.readFileSync(DOC, 'utf8')).toBe(renderDoc());
    expect([...readDoc().keys()].sort()).toEqual(OPS);
  });

  for (const role of [null, ...ROLES] as (Role | null)[]) {
    it(`${role ?? 'no login'}: the core refuses exactly what the document refuses`, async () => {
      const doc = readDoc();
      const column = role === null ? 0 : ROLES.indexOf(role) + 1;
      const club = await makeClub();
      try {
        const me = role === null ? { session: 'nobody' } : await club.loginAs(role, 'Tester', '2468');
        const relogin = async () => {
          if (role === null) return;
          await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
          const id = (me as { staffId: number }).staffId;
          await club.call(me.session, 'session.login', { staffId: id, pin: '2468' });
        };
        const wrong: string[] = [];
        for (const op of OPS) {
          const mayCall = doc.get(op)![column]!;
          const r = await club.raw(me.session, op, EXAMPLES[op]);
          const code = r.ok ? null : r.error.code;
          expect(code, `${op} as ${role}`).not.toBe('INTERNAL');
          expect(code, `${op} as ${role}: arguments of the example are invalid`).not.toBe('VALIDATION');
          const refused = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
          if (!mayCall && !refused)
            wrong.push(`${op}: the document refuses it, the core answered ${code ?? 'ok'}`);
          if (mayCall && refused && !(code === 'FORBIDDEN' && OWN_ONLY.has(op)))
            wrong.push(`${op}: the document allows it, the core answered ${code}`);
          // a restore (the example names the backup just made) logs everyone out, as do logout and lock
          const loggedOut = op.startsWith('session.') || op === 'backups.restore';
          if (loggedOut || code === 'SESSION_LOCKED' || code === 'UNAUTHENTICATED') await relogin();
        }
        expect(wrong).toEqual([]);
      } finally {
        club.core.close();
      }
    });
  }
});
