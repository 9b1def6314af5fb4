/**
 * Settings → Shift & handover end to end (browser build, loopback server), in Chinese and in
 * English: a manager adds an item to the opening checklist (an empty one is refused), moves it up,
 * changes the default float (a wrong amount is refused and nothing is saved), saves; after a reload
 * and logging in again the changes are kept; the tab row answers ←/→/Home/End. Reception does not get the tab, and opening a shift shows
 * the new checklist item and the new float prefilled.
 */
import { expect } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, flowLangs } from './i18n';
import { nav, switchUser, openClub } from './steps';

for (const lang of flowLangs('en')) {
  test(`shift settings: checklist item and default float kept, used when a shift opens (${lang})`, async ({
    page,
    server,
  }) => {
    const T = dictionary(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const item = lang === 'en' ? 'First-aid kit checked' : '急救箱已检查';
    const opening = () => page.getByRole('region', { name: T('settings.shift.openingChecklist') });
    const itemField = (n: number) =>
      opening().getByRole('textbox', {
        name: T('settings.shift.item', { list: T('settings.shift.openingChecklist'), n }),
        exact: true,
      });
    const floatField = () => page.getByLabel(T('settings.shift.defaultFloat'));
    const openTab = async () => {
      await nav(page, T, 'settings');
      await page.getByRole('tab', { name: T('settings.tabs.shift') }).click();
      await expect(floatField()).toBeVisible();
    };

    await page.goto(server.url);
    await openClub(page, T, {
      lang,
      name: 'Riverside Fitness',
      manager: '王店长',
      pin: '9876',
      staff: [['Lily', 'reception', '2468']],
    });

    // ---- the manager edits the opening checklist and the default float ----------------------
    await openTab();
    await expect(floatField()).toHaveValue('500.00');
    await expect(itemField(1)).toHaveValue(T('shift.checklistItems.@handover'));
    await expect(itemField(7)).toHaveCount(0);
    // an empty item is refused, with a message; nothing is added
    await opening()
      .getByRole('button', { name: T('settings.shift.add') })
      .click();
    await expect(opening().getByText(T('settings.shift.error.empty'))).toBeVisible();
    await expect(itemField(7)).toHaveCount(0);
    await opening().getByLabel(T('settings.shift.newItem')).fill(item);
    await opening()
      .getByRole('button', { name: T('settings.shift.add') })
      .click();
    await expect(itemField(7)).toHaveValue(item);
    await opening()
      .getByRole('button', { name: T('settings.shift.moveUp', { item }) })
      .click();
    await expect(itemField(6)).toHaveValue(item);
    await expect(itemField(7)).toHaveValue(T('shift.checklistItems.@tags'));
    // a wrong amount is refused and nothing is saved
    await floatField().fill('6.5.0');
    await page.getByRole('button', { name: T('settings.shift.save') }).click();
    await expect(page.getByText(T('settings.shift.error.float'))).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: T('settings.shift.fixFirst') })).toBeVisible();
    await shot(page, `${lang}-settings-shift-refused`);
    await floatField().fill('650');
    await page.locator('.page').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, `${lang}-settings-shift`);
    await page.getByRole('button', { name: T('settings.shift.save') }).click();
    await expect(page.locator('.toast').filter({ hasText: T('settings.shift.saved') })).toBeVisible();
    await expect(floatField()).toHaveValue('650.00');

    // ---- kept after a reload and a new login ------------------------------------------------
    await page.reload();
    await switchUser(page, T, '王店长', '9876');
    await openTab();
    await expect(floatField()).toHaveValue('650.00');
    await expect(itemField(6)).toHaveValue(item);
    await expect(itemField(7)).toHaveValue(T('shift.checklistItems.@tags'));

    // ---- the tab row from the keyboard: ←/→ (round the ends), Home / End ---------------------
    const tabs = page.getByRole('tablist', { name: T('settings.title') }).getByRole('tab');
    const names = await tabs.allInnerTexts();
    const at = names.indexOf(T('settings.tabs.shift'));
    const chosen = async (i: number) => {
      await expect(tabs.nth(i)).toBeFocused();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('.main [tabindex="0"][role="tab"]')).toHaveCount(1);
      await expect(page.getByRole('tabpanel')).toHaveAccessibleName(names[i]!);
    };
    await tabs.nth(at).focus();
    await page.keyboard.press('ArrowRight');
    await chosen(at + 1);
    await page.keyboard.press('End');
    await chosen(names.length - 1);
    await page.keyboard.press('ArrowRight');
    await chosen(0);
    await page.keyboard.press('ArrowLeft');
    await chosen(names.length - 1);
    await page.keyboard.press('Home');
    await chosen(0);
    await expect(floatField()).toHaveCount(0);

    // ---- reception: no tab; opening a shift shows the new item and the float ----------------
    await switchUser(page, T, 'Lily', '2468');
    await nav(page, T, 'settings');
    await expect(page.getByRole('tab', { name: T('settings.tabs.counter') })).toBeVisible();
    await expect(page.getByRole('tab', { name: T('settings.tabs.shift') })).toHaveCount(0);
    await nav(page, T, 'shift');
    await expect(page.getByLabel(T('shift.opening.float'))).toHaveValue('650.00');
    const checks = page.getByRole('group', { name: T('shift.opening.checklist') }).getByRole('checkbox');
    await expect(checks).toHaveCount(7);
    await expect(checks.nth(5)).toHaveAccessibleName(item);
    await page.getByRole('checkbox', { name: item }).check();
    await page.getByRole('button', { name: T('shift.opening.open'), exact: true }).click();
    await expect(page.getByRole('button', { name: T('shift.running.close') })).toBeVisible();

    expect(errors).toEqual([]);
  });
}
