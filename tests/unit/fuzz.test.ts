/**
 * Property-based hostile input over every operation of the contract (fast-check): random values of
 * every JSON and JavaScript shape, hostile strings, huge and negative numbers, prototype-pollution
 * keys, put in the places of each operation's real argument names. The core may accept or refuse a
 * call, but it answers with a structured result every time — never a crash and never an INTERNAL
 * error — and a refused call leaves the database exactly as it was.
 *
 * FUZZ_RUNS sets the number of random argument sets per operation (default 12; `npm run test:fuzz`
 * runs 200).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../electron/core/contract';
import { fingerprint } from './fingerprint';
import { makeClub, MANAGER_PIN, type TestClub } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "'; DROP TABLE members; --",
    '" OR 1=1 --',
    '\u0000',
    '\u202e\u0000\uffff',
    '../../../../etc/passwd',
    '=HYPERLINK("http://x")',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    '9'.repeat(400),
    'x'.repeat(200_000),
    '2026-02-30',
    '25:61',
    'NaN',
    '-0',
    '',
    ' ',
  ),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -1,
    -0,
    1,
    2 ** 31,
    2 ** 53 + 1,
    -(2 ** 53) - 1,
    Number.MAX_VALUE,
    NaN,
    Infinity,
    -Infinity,
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, [], {}, [[]], { __proto__: { admin: true } }) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true }) },
);

type Shaped = { shape?: Record<string, unknown>; def?: { options?: unknown[] } };

/** The argument names of a schema: an object's keys, or every option's keys for a union. */
function keysOf(schema: unknown): string[] {
  const s = schema as Shaped;
  if (s.shape) return Object.keys(s.shape);
  return [...new Set((s.def?.options ?? []).flatMap(keysOf))];
}

/** The argument names of an operation. */
function argNames(op: OpName): string[] {
  return keysOf(contract[op].input);
}

/** Arguments with the operation's own field names (some kept, some dropped) and hostile values. */
function hostileArgs(op: OpName): fc.Arbitrary<unknown> {
  const names = argNames(op);
  const named =
    names.length === 0
      ? fc.constant({})
      : fc.record(Object.fromEntries(names.map((n) => [n, hostileValue])), { requiredKeys: [] });
  return fc.oneof(
    { weight: 6, arbitrary: named },
    {
      weight: 1,
      arbitrary: fc
        .tuple(named, fc.constantFrom('__proto__', 'constructor', 'extra'), hostileValue)
        .map(([o, k, v]) => {
          const copy = { ...o } as Record<string, unknown>;
          Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
          return copy;
        }),
    },
    { weight: 1, arbitrary: hostileValue },
  );
}

describe('hostile input, property-based, over every operation', () => {
  let club: TestClub;
  beforeAll(async () => {
    club = await makeClub();
    const ct = await club.call('mgr', 'cardTypes.create', {
      name: 'Monthly',
      kind: 'time',
      durationDays: 30,
      visitCount: null,
      priceCents: 39_900,
    });
    await club.call('mgr', 'members.create', {
      cardNo: '100001',
      name: '张三',
      gender: 'male',
      phone: '13800001111',
      birthDate: null,
      cardTypeId: ct.id,
      startDate: '2026-11-01',
      expiryDate: null,
      visitsLeft: null,
      consultantId: null,
      notes: '',
    });
  });
  afterAll(() => club.core.close());

  const ops = Object.keys(contract) as OpName[];
  it('knows the argument names of every operation (objects and unions of objects)', () => {
    // an operation whose names it cannot see would only ever get whole hostile values
    const blind = ops.filter((op) => {
      const s = contract[op].input as unknown as Shaped;
      return argNames(op).length === 0 && !(s.shape && Object.keys(s.shape).length === 0);
    });
    expect(blind).toEqual([]);
  });

  for (const op of ops) {
    it(`${op}: a structured answer every time; a refusal changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileArgs(op), async (args) => {
          const before = fingerprint(club.core.database);
          let r: Awaited<ReturnType<TestClub['raw']>>;
          try {
            r = await club.raw('mgr', op, args);
          } catch (e) {
            throw new Error(`${op} threw instead of answering: ${String(e)}`);
          }
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) {
            expect(r.error.code, `${op} → INTERNAL`).not.toBe('INTERNAL');
            expect(typeof r.error.code).toBe('string');
            expect(fingerprint(club.core.database), `${op} refused but changed the database`).toBe(before);
          }
          // keep the manager's session usable for the next run
          if (!r.ok && (r.error.code === 'UNAUTHENTICATED' || r.error.code === 'SESSION_LOCKED')) {
            await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
          } else if (op === 'session.logout' || op === 'session.lock' || op === 'session.login') {
            await club.call('mgr', 'session.login', { staffId: club.managerId, pin: MANAGER_PIN });
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
