/**
 * The places a loss or repair is reported at are the manager's list (settings.repairPlaces): added,
 * renamed, reordered, removed — and a report keeps the place it was made with, so removing or
 * renaming a place in use leaves old reports readable. Reception cannot change the list.
 */
import { describe, expect, it } from 'vitest';
import { expectError, makeClub } from './helpers';

describe('repair places', () => {
  it('a manager edits the list; reports keep their place; reception cannot edit', async () => {
    const club = await makeClub();
    const desk = await club.loginAs('reception');
    const before = (await club.call('mgr', 'settings.get', {})).repairPlaces;
    expect(before).toContain('@showers');
    const old = await club.call(desk.session, 'repairs.report', {
      kind: 'repair',
      what: 'Shower head leaking',
      place: '@showers',
      urgency: 'normal',
    });
    const pool = await club.call(desk.session, 'repairs.report', {
      kind: 'damage',
      what: 'Ladder loose',
      place: 'Pool',
      urgency: 'urgent',
    });

    // removed "@showers", "Pool" renamed, a new place first
    const next = ['Swimming pool', ...before.filter((p) => p !== '@showers')];
    const s = await club.call('mgr', 'settings.update', { repairPlaces: next });
    expect(s.repairPlaces).toEqual(next);
    await expectError(club.call(desk.session, 'settings.update', { repairPlaces: ['Gym'] }), 'FORBIDDEN');
    await expectError(club.call('mgr', 'settings.update', { repairPlaces: [' '] }), 'VALIDATION');
    expect((await club.call('mgr', 'settings.get', {})).repairPlaces).toEqual(next);

    const open = await club.call(desk.session, 'repairs.list', { filter: 'open' });
    expect(Object.fromEntries(open.map((r) => [r.id, r.place]))).toEqual({
      [old.id]: '@showers',
      [pool.id]: 'Pool',
    });
  });
});
