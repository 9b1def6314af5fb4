/**
 * Bad input at the boundary: for every operation of the contract, wrong types, missing fields,
 * 10 MB strings, SQL-looking strings, negative and huge numbers give a structured error and leave
 * the database exactly as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../electron/core/contract';
import { EXAMPLES } from './examples';
import { fingerprint } from './fingerprint';
import { makeClub, type TestClub } from './helpers';

const HUGE = 'x'.repeat(10 * 1024 * 1024);
const SQL = "1'; DROP TABLE members; --";

/** Every way one field can be wrong: [label, value, must be refused by validation]. */
function mutations(value: unknown): [string, unknown, boolean][] {
  const out: [string, unknown, boolean][] = [
    ['10 MB string', HUGE, true],
    ['object', { $gt: '' }, true],
    ['array', [1, 2, 3], !Array.isArray(value)],
    ['negative huge', -1e20, true],
    ['huge', 1e20, true],
    ['NaN-like string', 'NaN', typeof value !== 'string'],
    ['SQL', SQL, typeof value !== 'string'],
  ];
  if (typeof value === 'number')
    out.push(['fraction', value + 0.5, true], ['negative', value === 0 ? -1 : -value, true]);
  if (typeof value === 'string') out.push(['number', 42, true]);
  if (typeof value === 'boolean') out.push(['string', 'true', true]);
  return out;
}

describe('bad input at the boundary', () => {
  let club: TestClub;
  beforeAll(async () => {
    club = await makeClub();
    await club.call('mgr', 'cardTypes.create', {
      name: 'Monthly',
      kind: 'time',
      durationDays: 30,
      visitCount: null,
      priceCents: 39900,
    });
    await club.call('mgr', 'members.create', EXAMPLES['members.create'] as never);
  });

  it('has an example for every operation of the contract', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(contract).sort());
  });

  for (const op of Object.keys(EXAMPLES) as OpName[]) {
    it(`${op}: hostile arguments are refused with a structured error and change nothing`, async () => {
      const example = EXAMPLES[op];
      /** Calls and, when the call is refused, checks that nothing changed. */
      const attempt = async (args: unknown) => {
        const before = fingerprint(club.core.database);
        const r = await club.raw('mgr', op, args);
        if (!r.ok) {
          expect(r.error.code, `${op} ${JSON.stringify(args).slice(0, 80)}`).not.toBe('INTERNAL');
          expect(fingerprint(club.core.database), `${op} refused but changed the database`).toBe(before);
        }
        return r;
      };
      const whole: unknown[] = ['string', 42, [], true, { ...example, unexpectedField: 1 }];
      for (const args of whole) {
        const r = await attempt(args);
        expect(r.ok, `${op} accepted ${JSON.stringify(args).slice(0, 80)}`).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('VALIDATION');
      }
      for (const key of Object.keys(example)) {
        // a missing field: refused when required, harmless when optional
        const { [key]: _drop, ...missing } = example;
        await attempt(missing);
        for (const [label, value, mustRefuse] of mutations(example[key])) {
          const r = await attempt({ ...example, [key]: value });
          // A manager's adjustment of a stored-value balance may be negative (it still cannot overdraw).
          const signedOk = op === 'storedValue.adjust' && key === 'amountCents' && label === 'negative';
          if (mustRefuse && !signedOk) {
            expect(r.ok, `${op}.${key} = ${label} was accepted`).toBe(false);
            if (!r.ok) {
              const allowed =
                op === 'members.importPreview' && key === 'fileBase64'
                  ? ['VALIDATION', 'IMPORT_FILE_INVALID']
                  : ['VALIDATION'];
              expect(allowed, `${op}.${key} = ${label} → ${r.error.code}`).toContain(r.error.code);
            }
          }
        }
      }
      // SQL-looking strings accepted as text were data, never SQL:
      expect(
        club.core.database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'members'").get(),
      ).toEqual({ n: 1 });
      // The manager's session is still usable.
      if (op === 'session.logout' || op === 'session.lock' || op === 'session.login') {
        await club.call('mgr', 'session.login', { staffId: club.managerId, pin: '9999' });
      }
    });
  }
});
