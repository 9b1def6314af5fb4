/**
 * The counter, end to end through the real UI and the real core (browser build, loopback server):
 * first-run setup → card type → staff → CSV import → reception logs in → scan → key tag shown →
 * "inside now" → check-out → tag free; an expired card is red with the reason in words and a shift
 * lead lets the member in. Once in Chinese and once in English; a screenshot of every main screen.
 */
import { expect } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, escapeRe, flowLangs } from './i18n';
import { login, nav, switchUser } from './steps';

const CSV = [
  '卡号,姓名,性别,手机,卡类型,开卡日期,到期日期,备注',
  'E2E001,张三丰,男,13800001111,Year card,2026-01-01,2099-12-31,',
  'E2E002,李过期,女,13800002222,Year card,2024-01-01,2025-01-01,expired card',
  'E2E003,Alice Chen,女,13800003333,Year card,2026-01-01,2099-12-31,',
  'E2E004,Bad Gender,x,13800004444,Year card,2026-01-01,2099-12-31,',
  'E2E005,No Type,男,13800005555,Gold card,2026-01-01,2099-12-31,',
].join('\r\n');

for (const lang of flowLangs('en')) {
  test(`the check-in counter end to end (${lang})`, async ({ page, server }) => {
    const T = dictionary(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const s = (name: string) => shot(page, `${lang}-${name}`);

    // ---- first run: set up the club and its manager ----------------------------------------
    await page.goto(server.url);
    await page.getByRole('button', { name: T(`common.languages.${lang}`) }).click();
    await expect(page.getByRole('heading', { name: T('setup.title') })).toBeVisible();
    // Bad input first: nothing is created and the fields say why.
    await page.getByRole('button', { name: T('setup.create') }).click();
    await expect(page.getByText(T('setup.required')).first()).toBeVisible();
    await page.getByLabel(T('setup.clubName')).fill(lang === 'en' ? 'Riverside Fitness' : '江畔健身会所');
    await page.getByLabel(T('setup.tagCount')).fill('10');
    await page.getByLabel(T('setup.managerName')).fill('王店长');
    await page.getByLabel(T('setup.pin'), { exact: true }).fill('9876');
    await page.getByLabel(T('setup.pin2')).fill('9876');
    await s('01-setup');
    await page.getByRole('button', { name: T('setup.create') }).click();

    // ---- the manager: card type, staff, roster import -------------------------------------
    await expect(page.getByRole('heading', { name: T('login.whoAreYou') })).toBeVisible();
    await s('02-login');
    await login(page, T, '王店长', '9876');

    await nav(page, T, 'settings');
    await page.getByRole('tab', { name: T('settings.tabs.cardTypes') }).click();
    await page.getByRole('button', { name: T('settings.cardTypes.add') }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('settings.cardTypes.name')).fill('Year card');
    await dialog.getByLabel(T('settings.cardTypes.durationDays')).fill('365');
    await dialog.getByLabel(T('settings.cardTypes.price')).fill('3000');
    await dialog.getByRole('button', { name: T('settings.cardTypes.create') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('cell', { name: 'Year card', exact: true })).toBeVisible();
    await s('03-settings-card-types');

    await nav(page, T, 'staff');
    for (const [name, role, pin] of [
      ['Lily', 'reception', '2468'],
      ['Sam', 'shift_lead', '1357'],
    ] as const) {
      await page.getByRole('button', { name: T('staff.add') }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel(T('staff.fields.name')).fill(name);
      await dialog.getByLabel(T('staff.fields.role')).selectOption({ label: T(`common.roles.${role}`) });
      await dialog.getByLabel(T('staff.fields.pin'), { exact: true }).fill(pin);
      await dialog.getByLabel(T('staff.fields.repeat')).fill(pin);
      await dialog.getByRole('button', { name: T('staff.create') }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
    }
    await s('04-staff');

    await nav(page, T, 'members');
    await page.getByRole('button', { name: T('members.import.button') }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('members.import.file')).setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\ufeff${CSV}`, 'utf8'),
    });
    await dialog.getByRole('button', { name: T('members.import.read') }).click();
    await dialog.getByRole('button', { name: T('members.import.check') }).click();
    // The report: 3 valid rows; row 5 has a bad gender, row 6 an unknown card type.
    const commit = dialog.getByRole('button', { name: T('members.import.commit_other', { count: 3 }) });
    await expect(commit).toBeVisible();
    await expect(dialog.getByRole('cell', { name: 'Gold card', exact: true })).toBeVisible();
    await expect(
      dialog.getByRole('row').filter({ hasText: 'Gold card' }).getByRole('cell').first(),
    ).toHaveText('6');
    await expect(
      dialog
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'x', exact: true }) })
        .getByRole('cell')
        .first(),
    ).toHaveText('5');
    await s('05-import-report');
    await commit.click();
    await expect(dialog.getByText(T('members.import.imported_other', { count: 3 }))).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.getByLabel(T('members.searchLabel')).fill('zsf');
    await expect(page.getByRole('cell', { name: '张三丰', exact: true })).toBeVisible();
    await s('06-members');

    // ---- reception at the counter -----------------------------------------------------------
    await switchUser(page, T, 'Lily', '2468');
    // Reception sees no prices and no admin screens.
    await expect(
      page.getByRole('navigation').getByRole('button', { name: new RegExp(escapeRe(T('common.nav.staff'))) }),
    ).toHaveCount(0);

    const scan = page.getByLabel(T('checkin.scanLabel'));
    await expect(scan).toBeFocused();
    // A barcode scanner types the digits and Enter.
    await page.keyboard.type('E2E001', { delay: 0 });
    await page.keyboard.press('Enter');
    const result = page.getByRole('region', { name: T('checkin.resultLabel') });
    await expect(result.getByText(T('checkin.ok'), { exact: false }).first()).toBeVisible();
    await expect(result.getByText('张三丰').first()).toBeVisible();
    await expect(page.getByTestId('tag-number')).toHaveText('1');
    await s('07-checkin-ok');

    const insideRow = page.getByRole('row').filter({ hasText: '张三丰' });
    await expect(insideRow).toBeVisible();
    await expect(insideRow.getByRole('cell').first()).toHaveText('1');

    // Check out from "inside now": the tag comes back and is free again.
    await page
      .getByRole('button', { name: T('checkin.inside.checkoutWho', { name: '张三丰', tag: 1 }) })
      .click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByText(T('checkin.out.noTab'))).toBeVisible();
    await s('08-checkout');
    await dialog.getByRole('button', { name: T('checkin.out.returned') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(T('checkin.tagFreeAgain', { tag: 1 }))).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '张三丰' })).toHaveCount(0);

    await nav(page, T, 'tags');
    await expect(page.getByText(T('tags.status.available')).first()).toBeVisible();
    await s('09-tags');
    await nav(page, T, 'checkin');

    // ---- an expired card: red, the reason in words; a shift lead lets them in ---------------
    await page.getByLabel(T('checkin.scanLabel')).fill('E2E002');
    await page.keyboard.press('Enter');
    await expect(result.getByText(T('checkin.blocked')).first()).toBeVisible();
    const expiredPrefix = T('checkin.block.EXPIRED', { date: '\u0000' }).split('\u0000')[0]!.trim();
    await expect(result.getByText(new RegExp(escapeRe(expiredPrefix))).first()).toBeVisible();
    await expect(page.getByTestId('tag-number')).toHaveCount(0);
    await s('10-checkin-blocked');
    await result.getByRole('button', { name: T('checkin.override') }).click();
    dialog = page.getByRole('dialog');
    // the shift lead types only her PIN and picks a preset reason
    await dialog.getByLabel(T('checkin.auth.pin')).fill('1357');
    const why = lang === 'en' ? 'Renewing today' : '今天续卡';
    await dialog.getByRole('button', { name: why }).click();
    await s('11-override');
    await dialog.getByRole('button', { name: T('checkin.overrideConfirm') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('tag-number')).toHaveText('1');
    await expect(result.getByText(T('checkin.letInBy', { name: 'Sam', reason: why }))).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '李过期' })).toBeVisible();

    // ---- lock the counter and come back ---------------------------------------------------
    await page.getByRole('button', { name: T('common.lock') }).click();
    await expect(page.getByRole('dialog', { name: T('login.lockedTitle') })).toBeVisible();
    await s('12-locked');
    await page.getByLabel(T('login.pinFor', { name: 'Lily' })).fill('2468');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: T('login.lockedTitle') })).toBeHidden();

    // ---- the manager's audit log shows what happened ----------------------------------------
    await switchUser(page, T, '王店长', '9876');
    await nav(page, T, 'audit');
    await expect(page.getByRole('cell', { name: 'Lily' }).first()).toBeVisible();
    await s('13-audit');

    // The same screen on a 1920×1080 counter monitor.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await nav(page, T, 'checkin');
    await expect(page.getByRole('row').filter({ hasText: '李过期' })).toBeVisible();
    // The next person at the counter does not see the previous user's last result.
    await expect(result.getByText('李过期')).toHaveCount(0);
    await s('14-checkin-1920x1080');

    expect(errors).toEqual([]);
  });
}
