/** Steps shared by the end-to-end tests: logging in, switching user, moving between screens. */
import { expect, type Page } from '@playwright/test';
import { Core } from '../../electron/core/app';
import type { ManualClock } from '../../electron/core/clock';
import { escapeRe, type dictionary } from './i18n';

export type Dict = ReturnType<typeof dictionary>;

export async function login(page: Page, T: Dict, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(escapeRe(name)) }).click();
  await page.getByLabel(T('login.pinFor', { name })).fill(pin);
  await page.keyboard.press('Enter');
  await expect(page.locator('.topbar-user .who')).toHaveText(name);
}

export async function nav(page: Page, T: Dict, screen: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: new RegExp(`^${escapeRe(T(`common.nav.${screen}`))}(\\s|$)`) })
    .click();
}

export async function switchUser(page: Page, T: Dict, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: T('common.switchUser') }).click();
  await login(page, T, name, pin);
}

/** First run: the club with its manager; the login screen is showing afterwards. */
export async function setupClub(
  page: Page,
  T: Dict,
  lang: string,
  club: { name: string; tags: number; manager: string; pin: string },
): Promise<void> {
  await page.getByRole('button', { name: T(`common.languages.${lang}`) }).click();
  await expect(page.getByRole('heading', { name: T('setup.title') })).toBeVisible();
  await page.getByLabel(T('setup.clubName')).fill(club.name);
  await page.getByLabel(T('setup.tagCount')).fill(String(club.tags));
  await page.getByLabel(T('setup.managerName')).fill(club.manager);
  await page.getByLabel(T('setup.pin'), { exact: true }).fill(club.pin);
  await page.getByLabel(T('setup.pin2')).fill(club.pin);
  await page.getByRole('button', { name: T('setup.create') }).click();
  await expect(page.getByRole('heading', { name: T('login.whoAreYou') })).toBeVisible();
}

/**
 * The usual opening of a spec that sets the club up through the screens: the setup page in the
 * language (10 key tags unless told), the manager logs in, then (as asked) adds the year card type
 * (365 days, ¥3000) on the settings screen and the staff on the staff screen.
 */
export async function openClub(
  page: Page,
  T: Dict,
  club: {
    lang: string;
    name: string;
    manager: string;
    pin: string;
    tags?: number;
    yearCard?: boolean;
    staff?: readonly (readonly [name: string, role: string, pin: string])[];
  },
): Promise<void> {
  await setupClub(page, T, club.lang, { tags: 10, ...club });
  await login(page, T, club.manager, club.pin);
  if (club.yearCard) await addCardType(page, T, 'Year card', 365, 3000);
  if (club.staff) await addStaff(page, T, club.staff);
}

/** A manager adds staff members on the staff screen. */
export async function addStaff(
  page: Page,
  T: Dict,
  staff: readonly (readonly [name: string, role: string, pin: string])[],
): Promise<void> {
  await nav(page, T, 'staff');
  for (const [name, role, pin] of staff) {
    await page.getByRole('button', { name: T('staff.add') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('staff.fields.name')).fill(name);
    await dialog.getByLabel(T('staff.fields.role')).selectOption({ label: T(`common.roles.${role}`) });
    await dialog.getByLabel(T('staff.fields.pin'), { exact: true }).fill(pin);
    await dialog.getByLabel(T('staff.fields.repeat')).fill(pin);
    await dialog.getByRole('button', { name: T('staff.create') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  }
}

/** A manager adds a card type on the settings screen. */
export async function addCardType(page: Page, T: Dict, name: string, days: number, price: number) {
  await nav(page, T, 'settings');
  await page.getByRole('tab', { name: T('settings.tabs.cardTypes') }).click();
  await page.getByRole('button', { name: T('settings.cardTypes.add') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(T('settings.cardTypes.name')).fill(name);
  await dialog.getByLabel(T('settings.cardTypes.durationDays')).fill(String(days));
  await dialog.getByLabel(T('settings.cardTypes.price')).fill(String(price));
  await dialog.getByRole('button', { name: T('settings.cardTypes.create') }).click();
  await expect(dialog).toBeHidden();
}

/** A manager imports a roster CSV on the members screen (all rows valid). */
export async function importRoster(page: Page, T: Dict, csv: string, count: number): Promise<void> {
  await nav(page, T, 'members');
  await page.getByRole('button', { name: T('members.import.button') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(T('members.import.file')).setInputFiles({
    name: 'roster.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\ufeff${csv}`, 'utf8'),
  });
  await dialog.getByRole('button', { name: T('members.import.read') }).click();
  await dialog.getByRole('button', { name: T('members.import.check') }).click();
  await dialog
    .getByRole('button', {
      name: T(count === 1 ? 'members.import.commitAll_one' : 'members.import.commitAll_other', { count }),
    })
    .click();
  await expect(
    dialog.getByText(
      T(count === 1 ? 'members.import.imported_one' : 'members.import.imported_other', { count }),
    ),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/**
 * The logged-in desk opens the shift on the shift screen (cash is taken only in an open shift): the
 * float as proposed, the previous handover acknowledged when there is one.
 */
export async function openShift(page: Page, T: Dict): Promise<void> {
  await nav(page, T, 'shift');
  const open = page.getByRole('button', { name: T('shift.opening.open'), exact: true });
  await expect(open).toBeVisible();
  const ack = page.getByRole('checkbox', { name: T('shift.opening.acknowledge') });
  if (await ack.count()) await ack.check();
  await open.click();
  await expect(page.getByRole('button', { name: T('shift.running.close') })).toBeVisible();
}

/** An operation on the seeding core as the club's manager (session 'seed'); throws on an error. */
export type SeedCall = <R = { id: number }>(op: string, args: unknown) => Promise<R>;

export interface Seed {
  call: SeedCall;
  /** A member on the club's year card, from 2026-01-01 to 2099-12-31 unless told. */
  member(
    cardNo: string,
    name: string,
    o?: { gender?: 'female' | 'male'; expiry?: string; birth?: string },
  ): Promise<{ id: number }>;
  /** An item for sale with stock received (at the bar unless the point says the shop). */
  item(
    name: string,
    category: string,
    priceCents: number,
    quantity: number,
    point?: 'shop',
  ): Promise<{ id: number }>;
}

/**
 * The opening of the specs whose club the real core prepares before the server starts (no
 * test-only option in the server): "Riverside Fitness" in Asia/Shanghai with `tags` key tags, the
 * manager Wang (PIN 9876) logged in, the staff given ([name, role, PIN, gender]) and a year card
 * type (365 days, ¥3000); then `body`, then the core is closed.
 */
export async function seedClub(
  dataDir: string,
  opts: {
    language?: 'en' | 'zh-CN';
    tags?: number;
    clock?: ManualClock;
    /** staffArriveTime, openTime, closeTime (09:50, 11:00, 22:00 unless told) */
    hours?: [string, string, string];
    staff?: [string, 'reception' | 'shift_lead' | 'bar' | 'consultant', string, 'female' | 'male'][];
  },
  body: (seed: Seed) => Promise<void>,
): Promise<void> {
  const core = await Core.open({ dataDir, dailyBackup: false, ...(opts.clock ? { clock: opts.clock } : {}) });
  const call: SeedCall = async <R = { id: number }>(op: string, args: unknown): Promise<R> => {
    const r = await core.call('seed', op, args);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.data as R;
  };
  try {
    const [staffArriveTime, openTime, closeTime] = opts.hours ?? ['09:50', '11:00', '22:00'];
    await call('system.setup', {
      clubName: 'Riverside Fitness',
      timeZone: 'Asia/Shanghai',
      language: opts.language ?? 'en',
      staffArriveTime,
      openTime,
      closeTime,
      tagCount: opts.tags ?? 10,
      manager: { name: 'Wang', pin: SEED_MANAGER_PIN, gender: 'female' },
    });
    const staff = await call<{ id: number }[]>('session.staffList', {});
    await call('session.login', { staffId: staff[0]!.id, pin: SEED_MANAGER_PIN });
    for (const [name, role, pin, gender] of opts.staff ?? [])
      await call('staff.create', { name, role, pin, gender });
    const year = await call('cardTypes.create', {
      name: 'Year card',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 300000,
    });
    await body({
      call,
      member: (cardNo, name, o = {}) =>
        call('members.create', {
          cardNo,
          name,
          gender: o.gender ?? 'male',
          phone: null,
          birthDate: o.birth ?? null,
          cardTypeId: year.id,
          startDate: o.expiry && o.expiry < '2026-01-01' ? '2024-01-01' : '2026-01-01',
          expiryDate: o.expiry ?? '2099-12-31',
          visitsLeft: null,
          consultantId: null,
          notes: '',
        }),
      item: async (name, category, priceCents, quantity, point) => {
        const item = await call('bar.itemCreate', {
          name,
          category,
          priceCents,
          notes: '',
          ...(point ? { point } : {}),
        });
        await call('bar.receive', { itemId: item.id, quantity });
        return item;
      },
    });
  } finally {
    core.close();
  }
}

/** The manager's PIN in a club made by seedClub. */
export const SEED_MANAGER_PIN = '9876';

/**
 * An operation called from a page with that browser's own session (what a screen's buttons send):
 * for a spec's setting up and checking in between what it drives through the screens.
 */
export async function pageCall<T>(page: Page, op: string, args: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([o, a]) => {
      const res = await fetch(`/api/${o}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(a),
      });
      return (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
    },
    [op, args] as const,
  );
  if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}
