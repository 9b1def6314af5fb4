/** Steps shared by the end-to-end tests: logging in, switching user, moving between screens. */
import { expect, type Page } from '@playwright/test';
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
