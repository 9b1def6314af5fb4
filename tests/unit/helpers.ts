import { Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import type { OpArgs, OpName, OpResult } from '../../electron/core/contract';
import { onCleanup, tempDir } from '../support/temp';

export { onCleanup, tempDir };

export const MANAGER_PIN = '9999';

export interface TestClub {
  core: Core;
  clock: ManualClock;
  dataDir: string;
  /** Calls an operation as the given session and returns its data, or throws the structured error. */
  call<K extends OpName>(session: string, op: K, args: OpArgs<K>): Promise<OpResult<K>>;
  /** Calls an operation and returns the raw response (for error assertions). */
  raw(session: string, op: string, args: unknown): ReturnType<Core['call']>;
  /** Creates a staff member with the role and logs them in on a new session; returns the session id. */
  loginAs(
    role: OpArgs<'staff.create'>['role'],
    name?: string,
    pin?: string,
  ): Promise<{ session: string; staffId: number }>;
  managerSession: string;
  managerId: number;
}

export class CallError extends Error {
  constructor(
    public code: string,
    public params: Record<string, unknown>,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

/**
 * A freshly set-up club in a temporary folder: Asia/Shanghai, 20 key tags, a store manager logged in
 * on session "mgr". The clock starts at 2026-11-18 10:00 club time (a Wednesday) unless told.
 * The Core is closed and its folder removed after the test file (tests/support/temp.ts).
 */
export async function makeClub(
  opts: { start?: string; tags?: number; dataDir?: string } = {},
): Promise<TestClub> {
  const dataDir = opts.dataDir ?? tempDir('club');
  const clock = new ManualClock(opts.start ?? '2026-11-18T02:00:00.000Z');
  const core = await Core.open({ dataDir, clock });
  onCleanup(() => core.close());
  const raw = (session: string, op: string, args: unknown) => core.call(session, op, args);
  const call = async <K extends OpName>(session: string, op: K, args: OpArgs<K>): Promise<OpResult<K>> => {
    const r = await core.call(session, op, args);
    if (!r.ok) throw new CallError(r.error.code, r.error.params);
    return r.data as OpResult<K>;
  };
  await call('setup', 'system.setup', {
    clubName: 'Test Club',
    timeZone: 'Asia/Shanghai',
    language: 'en',
    staffArriveTime: '09:50',
    openTime: '11:00',
    closeTime: '22:00',
    tagCount: opts.tags ?? 20,
    manager: { name: 'Manager Wang', pin: MANAGER_PIN, gender: 'female' },
  });
  const managerId = (await call('x', 'session.staffList', {}))[0]!.id;
  await call('mgr', 'session.login', { staffId: managerId, pin: MANAGER_PIN });
  let n = 0;
  // a PIN identifies one active staff member (authorisations are given by the PIN alone): the
  // default PINs differ (1234, then 1235, …)
  const loginAs: TestClub['loginAs'] = async (role, name, pin) => {
    n += 1;
    pin ??= String(1233 + n);
    const s = await call('mgr', 'staff.create', { name: name ?? `${role} ${n}`, role, pin, gender: 'male' });
    const session = `s-${role}-${n}`;
    await call(session, 'session.login', { staffId: s.id, pin });
    return { session, staffId: s.id };
  };
  return { core, clock, dataDir, call, raw, loginAs, managerSession: 'mgr', managerId };
}

/** Expects a call to fail with the code; returns the error params. */
export async function expectError(p: Promise<unknown>, code: string): Promise<Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CallError) {
      if (e.code !== code) throw new Error(`expected ${code}, got ${e.code} ${JSON.stringify(e.params)}`);
      return e.params;
    }
    throw e;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

type Login = Awaited<ReturnType<TestClub['loginAs']>>;

export interface BarClub {
  club: TestClub;
  /** The time card type (365 days). */
  cardTypeId: number;
  desk: Login;
  bar: Login;
  /** The `staff` asked for, logged in, in that order. */
  staff: Login[];
  cola: number;
  latte: number;
}

/**
 * The club the bar's tests start from: `prepare` (settings) first, a time card type ("Year",
 * ¥3000, unless told), reception (Desk Li, 2222) and the bar (Bar Zhao, 3333) logged in, then the
 * other `staff`; Cola (¥8, 10 in stock) and Latte (¥20, `latteStock` in stock, 5 unless told)
 * for sale at the bar (or the shop: then reception receives them); the desk's shift open with a
 * ¥500 float (cash moves only in an open shift).
 */
export async function makeBarClub(
  o: {
    prepare?: (club: TestClub) => Promise<unknown>;
    cardType?: { name: string; priceCents: number };
    staff?: [OpArgs<'staff.create'>['role'], string, string][];
    point?: 'bar' | 'shop';
    latteStock?: number;
  } = {},
): Promise<BarClub> {
  const club = await makeClub();
  await o.prepare?.(club);
  const type = await club.call('mgr', 'cardTypes.create', {
    name: o.cardType?.name ?? 'Year',
    kind: 'time',
    durationDays: 365,
    visitCount: null,
    priceCents: o.cardType?.priceCents ?? 300000,
  });
  const desk = await club.loginAs('reception', 'Desk Li', '2222');
  const bar = await club.loginAs('bar', 'Bar Zhao', '3333');
  const staff: Login[] = [];
  for (const [role, name, pin] of o.staff ?? []) staff.push(await club.loginAs(role, name, pin));
  const item = (name: string, category: string, priceCents: number) =>
    club.call(bar.session, 'bar.itemCreate', {
      name,
      category,
      priceCents,
      notes: '',
      ...(o.point ? { point: o.point } : {}),
    });
  const cola = await item('Cola', 'Drinks', 800);
  const latte = await item('Latte', 'Coffee', 2000);
  const keeper = o.point === 'shop' ? desk : bar;
  await club.call(keeper.session, 'bar.receive', { itemId: cola.id, quantity: 10 });
  await club.call(keeper.session, 'bar.receive', { itemId: latte.id, quantity: o.latteStock ?? 5 });
  await club.call(desk.session, 'shift.open', {
    staffIds: [desk.staffId],
    floatCents: 50_000,
    acknowledged: false,
    checked: [],
  });
  return { club, cardTypeId: type.id, desk, bar, staff, cola: cola.id, latte: latte.id };
}

type MemberArgs = OpArgs<'members.create'>;

/** A new member's arguments: no phone, birth date, consultant or notes; from 2026-01-01, no expiry. */
export function memberArgs(
  m: Pick<MemberArgs, 'cardNo' | 'name' | 'gender' | 'cardTypeId'> & Partial<MemberArgs>,
): MemberArgs {
  return {
    phone: null,
    birthDate: null,
    startDate: '2026-01-01',
    expiryDate: null,
    visitsLeft: null,
    consultantId: null,
    notes: '',
    ...m,
  };
}
