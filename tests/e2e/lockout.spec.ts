/**
 * Too many wrong PINs (issue 13), in the browser build (English): guessing Lily's PIN at this
 * computer locks this computer out of Lily, with how long to wait, while the manager still logs in;
 * the manager sees Lily as "PIN locked" on the staff screen and unlocks her at once.
 */
import { expect } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary } from './i18n';
import { login, switchUser, openClub } from './steps';

test('a PIN lock from one computer: the manager still logs in and unlocks at once (en)', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  const T = dictionary('en');
  await page.goto(server.url);
  await openClub(page, T, {
    lang: 'en',
    name: 'Riverside Fitness',
    manager: 'Wang',
    pin: '9876',
    staff: [['Lily', 'reception', '2468']],
  });
  await page.getByRole('button', { name: T('common.switchUser') }).click();

  // five wrong PINs for Lily from this computer
  await page.getByRole('button', { name: /Lily/ }).click();
  for (let left = 4; left >= 1; left--) {
    await page.getByLabel(T('login.pinFor', { name: 'Lily' })).fill('1111');
    await page.keyboard.press('Enter');
    await expect(page.getByText(T('errors.PIN_WRONG_left', { attemptsLeft: left }))).toBeVisible();
  }
  await page.getByLabel(T('login.pinFor', { name: 'Lily' })).fill('1111');
  await page.keyboard.press('Enter');
  const wait = T('errors.CLIENT_LOCKED', { minutes: 15 });
  await expect(page.getByText(wait)).toBeVisible();
  await shot(page, 'en-lockout-login');
  // even her right PIN is refused here now
  await page.getByLabel(T('login.pinFor', { name: 'Lily' })).fill('2468');
  await page.keyboard.press('Enter');
  await expect(page.getByText(wait)).toBeVisible();

  // the manager is not locked out, and unlocks Lily on the staff screen
  await page.keyboard.press('Escape');
  await page.reload();
  await login(page, T, 'Wang', '9876');
  await page
    .getByRole('navigation')
    .getByRole('button', { name: new RegExp(`^${T('common.nav.staff')}`) })
    .click();
  const row = page.getByRole('row', { name: /Lily/ });
  await expect(row.getByText(T('staff.pinLocked'))).toBeVisible();
  await shot(page, 'en-lockout-staff');
  await row.getByRole('button', { name: T('staff.unlockNamed', { name: 'Lily' }) }).click();
  await expect(page.getByText(T('staff.unlocked', { name: 'Lily' }))).toBeVisible();
  await expect(row.getByText(T('staff.pinLocked'))).toHaveCount(0);
  await switchUser(page, T, 'Lily', '2468');
});
