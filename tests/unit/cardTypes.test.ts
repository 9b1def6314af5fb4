import { describe, expect, it } from 'vitest';
import { expectError, makeClub } from './helpers';

describe('card types', () => {
  it('shows prices to managers and consultants only; reception and bar get no price field at all', async () => {
    const club = await makeClub();
    const year = await club.call('mgr', 'cardTypes.create', {
      name: 'Year',
      kind: 'time',
      durationDays: 365,
      visitCount: 5,
      priceCents: 298_000,
    });
    expect(year).toEqual({
      id: year.id,
      name: 'Year',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 298_000,
      active: true,
      memberCount: 0,
    });
    await club.call('mgr', 'cardTypes.create', {
      name: '10 visits',
      kind: 'visits',
      durationDays: 30,
      visitCount: 10,
      priceCents: 80_000,
    });

    const mgr = await club.call('mgr', 'cardTypes.list', {});
    expect(mgr.map((t) => [t.name, t.priceCents, t.durationDays, t.visitCount])).toEqual([
      ['Year', 298_000, 365, null],
      ['10 visits', 80_000, null, 10],
    ]);
    const consultant = await club.loginAs('consultant');
    expect((await club.call(consultant.session, 'cardTypes.list', {})).map((t) => t.priceCents)).toEqual([
      298_000, 80_000,
    ]);
    for (const role of ['reception', 'bar', 'shift_lead'] as const) {
      const { session } = await club.loginAs(role);
      const list = await club.call(session, 'cardTypes.list', {});
      expect(list.map((t) => t.name)).toEqual(['Year', '10 visits']);
      for (const t of list) expect(Object.keys(t)).not.toContain('priceCents');
    }
  });

  it('names are unique (also ignoring case, as import matches them), on create and on rename', async () => {
    const club = await makeClub();
    await club.call('mgr', 'cardTypes.create', {
      name: 'Gold',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 1,
    });
    const b = await club.call('mgr', 'cardTypes.create', {
      name: 'Silver',
      kind: 'time',
      durationDays: 180,
      visitCount: null,
      priceCents: 1,
    });
    expect(
      await expectError(
        club.call('mgr', 'cardTypes.create', {
          name: 'Gold',
          kind: 'visits',
          durationDays: null,
          visitCount: 5,
          priceCents: 1,
        }),
        'CARD_TYPE_NAME_TAKEN',
      ),
    ).toEqual({
      name: 'Gold',
    });
    await expectError(
      club.call('mgr', 'cardTypes.create', {
        name: ' Gold ',
        kind: 'time',
        durationDays: 1,
        visitCount: null,
        priceCents: 1,
      }),
      'CARD_TYPE_NAME_TAKEN',
    );
    await expectError(
      club.call('mgr', 'cardTypes.create', {
        name: 'GOLD',
        kind: 'time',
        durationDays: 1,
        visitCount: null,
        priceCents: 1,
      }),
      'CARD_TYPE_NAME_TAKEN',
    );
    await expectError(
      club.call('mgr', 'cardTypes.update', { id: b.id, name: 'gold' }),
      'CARD_TYPE_NAME_TAKEN',
    );
    // Renaming to itself in another case is fine.
    expect((await club.call('mgr', 'cardTypes.update', { id: b.id, name: 'SILVER' })).name).toBe('SILVER');
    expect((await club.call('mgr', 'cardTypes.list', {})).map((t) => t.name)).toEqual(['Gold', 'SILVER']);
  });

  it('a time type needs a duration, a visit type a count', async () => {
    const club = await makeClub();
    await expectError(
      club.call('mgr', 'cardTypes.create', {
        name: 'T',
        kind: 'time',
        durationDays: null,
        visitCount: 3,
        priceCents: 1,
      }),
      'VALIDATION',
    );
    await expectError(
      club.call('mgr', 'cardTypes.create', {
        name: 'V',
        kind: 'visits',
        durationDays: 3,
        visitCount: null,
        priceCents: 1,
      }),
      'VALIDATION',
    );
    expect(await club.call('mgr', 'cardTypes.list', {})).toEqual([]);
  });

  it('only managers create or change card types, audited', async () => {
    const club = await makeClub();
    const { session } = await club.loginAs('reception');
    await expectError(
      club.call(session, 'cardTypes.create', {
        name: 'X',
        kind: 'time',
        durationDays: 30,
        visitCount: null,
        priceCents: 1,
      }),
      'FORBIDDEN',
    );
    const lead = await club.loginAs('shift_lead');
    await expectError(
      club.call(lead.session, 'cardTypes.create', {
        name: 'X',
        kind: 'time',
        durationDays: 30,
        visitCount: null,
        priceCents: 1,
      }),
      'FORBIDDEN',
    );
    const t = await club.call('mgr', 'cardTypes.create', {
      name: 'X',
      kind: 'time',
      durationDays: 30,
      visitCount: null,
      priceCents: 100,
    });
    await expectError(club.call(session, 'cardTypes.update', { id: t.id, priceCents: 1 }), 'FORBIDDEN');
    const u = await club.call('mgr', 'cardTypes.update', { id: t.id, priceCents: 150, active: false });
    expect(u).toMatchObject({ priceCents: 150, active: false });
    expect(await club.call(session, 'cardTypes.list', {})).toEqual([]);
    expect(
      (await club.call(session, 'cardTypes.list', { includeInactive: true })).map((x) => x.name),
    ).toEqual(['X']);
    const a = (await club.call('mgr', 'audit.search', { q: 'cardTypes.update' })).rows[0]!;
    expect(JSON.parse(a.before!)).toMatchObject({ priceCents: 100, active: true });
    expect(JSON.parse(a.after!)).toMatchObject({ priceCents: 150, active: false });
    expect((await club.call('mgr', 'audit.search', { q: 'cardTypes.create' })).total).toBe(1);
  });
});
