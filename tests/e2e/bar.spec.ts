/**
 * The drink bar end to end through the real UI and the real core (browser build, loopback server):
 * a manager adds two drinks and receives a delivery; reception tops up a member's stored value and
 * checks the member in; the bar sells two drinks on the key tag (an unissued tag is refused); the
 * desk sees the tab on "inside now"; check-out pays part by stored value and part in cash with
 * change; the tag is free; stock has dropped by two and the day's bar report shows those figures.
 * Once in Chinese and once in English, with screenshots of the bar screens.
 */
import { expect } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, escapeRe, flowLangs, moneyIn } from './i18n';
import { importRoster, nav, openShift, switchUser, openClub } from './steps';

const CSV = [
  '卡号,姓名,性别,手机,卡类型,开卡日期,到期日期,备注',
  'BAR001,张三丰,男,13800001111,Year card,2026-01-01,2099-12-31,',
].join('\r\n');

for (const lang of flowLangs('zh-CN')) {
  test(`the drink bar: a tab on the key tag, settled at check-out (${lang})`, async ({ page, server }) => {
    const T = dictionary(lang);
    const money = moneyIn(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const s = (name: string) => shot(page, `${lang}-bar-${name}`);
    const juice = lang === 'en' ? 'Orange juice' : '鲜榨橙汁';
    const shake = lang === 'en' ? 'Protein shake' : '蛋白奶昔';

    await page.goto(server.url);
    await openClub(page, T, {
      lang,
      name: 'Riverside Fitness',
      manager: '王店长',
      pin: '9876',
      yearCard: true,
      staff: [
        ['Lily', 'reception', '2468'],
        ['Zoe', 'bar', '3579'],
        ['Sam', 'shift_lead', '1357'],
      ],
    });
    await importRoster(page, T, CSV, 1);

    // ---- the manager sets up the bar: two drinks and a delivery of each ----------------------
    await nav(page, T, 'barShop');
    await page.getByRole('tab', { name: T('bar.section.stock'), exact: true }).click();
    for (const [name, category, price] of [
      [juice, lang === 'en' ? 'Juice' : '果汁', '12'],
      [shake, lang === 'en' ? 'Shakes' : '奶昔', '25'],
    ] as const) {
      await page.getByRole('button', { name: T('bar.stock.addItem') }).click();
      const dialog = page.getByRole('dialog');
      // bad input first: nothing is created, the field says why
      await dialog.getByRole('button', { name: T('bar.itemDialog.create') }).click();
      await expect(dialog.getByText(T('bar.itemDialog.needName'))).toBeVisible();
      await dialog.getByLabel(T('bar.itemDialog.name')).fill(name);
      await dialog.getByLabel(T('bar.itemDialog.category')).fill(category);
      await dialog.getByLabel(T('bar.itemDialog.price')).fill(price);
      // the shake is a favourite: first on the bar's menu
      if (name === shake) await dialog.getByLabel(T('bar.itemDialog.favourite')).check();
      await dialog.getByRole('button', { name: T('bar.itemDialog.create') }).click();
      await expect(dialog).toBeHidden();
      await page.getByRole('button', { name: T('bar.stock.receiveItem', { name }) }).click();
      const receive = page.getByRole('dialog');
      await receive.getByLabel(T('bar.receiveDialog.quantity')).fill('10');
      await receive.getByRole('button', { name: T('bar.receiveDialog.submit') }).click();
      await expect(receive).toBeHidden();
    }
    const stockRow = (name: string) => page.getByRole('row').filter({ hasText: name });
    await expect(stockRow(juice)).toContainText(money(1200));
    await expect(stockRow(juice).getByRole('cell').nth(3)).toHaveText('10');
    await s('01-stock');

    // ---- reception tops up the member's stored value and checks them in ---------------------
    await switchUser(page, T, 'Lily', '2468');
    await nav(page, T, 'members');
    await page.getByLabel(T('members.searchLabel')).fill('BAR001');
    await page.getByRole('cell', { name: '张三丰', exact: true }).click();
    await page.getByRole('button', { name: T('members.sv.topup'), exact: true }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('members.sv.topupAmount')).fill('20');
    await dialog.getByRole('button', { name: T('members.sv.topupSubmit', { amount: money(2000) }) }).click();
    // cash is taken only in an open shift: the desk is asked to open one first, and taken there
    await expect(dialog.getByText(T('errors.SHIFT_NOT_OPEN'))).toBeVisible();
    await s('02a-no-shift');
    await dialog.getByRole('button', { name: T('shift.goTo') }).click();
    await openShift(page, T);
    await nav(page, T, 'members');
    await page.getByLabel(T('members.searchLabel')).fill('BAR001');
    await page.getByRole('cell', { name: '张三丰', exact: true }).click();
    await page.getByRole('button', { name: T('members.sv.topup'), exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('members.sv.topupAmount')).fill('20');
    await dialog.getByRole('button', { name: T('members.sv.topupSubmit', { amount: money(2000) }) }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('table', { name: T('members.sv.ledger') })).toContainText(money(2000));
    await s('02-stored-value');

    await nav(page, T, 'checkin');
    await expect(page.getByLabel(T('checkin.scanLabel'))).toBeFocused();
    // typed at the desk (the scanner's burst is covered by the counter test)
    await page.getByLabel(T('checkin.scanLabel')).fill('BAR001');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-number')).toHaveText('1');

    // ---- the bar: an unissued tag is refused; two drinks go on tag 1 ------------------------
    await switchUser(page, T, 'Zoe', '3579');
    // the bar is where bar staff land, ready for a tag number
    const tagField = page.getByLabel(T('bar.tagLabel'));
    await expect(tagField).toBeFocused();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('alert').filter({ hasText: T('errors.TAG_NOT_ISSUED', { number: 7 }) }),
    ).toBeVisible();
    await tagField.fill('1');
    await page.keyboard.press('Enter');
    await expect(page.locator('.bar-slip-target')).toHaveText(T('bar.slipFor', { tag: 1, name: '张三丰' }));
    // the favourites' page comes first and is open: the shake has key 1 there
    const pageTabs = page.getByRole('tablist', { name: T('bar.pickPages') }).getByRole('tab');
    await expect(pageTabs).toHaveCount(3);
    await expect(pageTabs.first()).toHaveText(T('bar.pickFavourites'));
    await expect(pageTabs.first()).toHaveAttribute('aria-selected', 'true');
    const tiles = page.locator('.bar-pick-grid').getByRole('button');
    await expect(tiles).toHaveCount(1);
    await expect(tiles.first()).toHaveAccessibleName(new RegExp(`^${escapeRe(shake)}`));
    await expect(tiles.first()).toHaveAttribute('aria-keyshortcuts', '1');
    // the juice from its category's page by a click; back on the favourites, the shake by its key
    await page.getByRole('tab', { name: lang === 'en' ? 'Juice' : '果汁' }).click();
    await page.getByRole('button', { name: new RegExp(`^${escapeRe(juice)}`) }).click();
    await pageTabs.first().click();
    await page.keyboard.press('1');
    // PageDown turns to the next page
    await page.keyboard.press('PageDown');
    await expect(pageTabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText(money(3700)).first()).toBeVisible();
    await s('03-slip');
    await page.getByRole('button', { name: T('bar.saveSlip') }).click();
    await expect(page.getByText(T('bar.slipSaved', { name: '张三丰', unpaid: money(3700) }))).toBeVisible();
    const tabLines = page.getByRole('table', { name: T('bar.linesCaption', { name: '张三丰' }) });
    await expect(tabLines.getByRole('row').filter({ hasText: juice })).toBeVisible();
    await expect(tabLines.getByRole('row').filter({ hasText: shake })).toBeVisible();
    await s('04-tab');

    // ---- the desk sees the tab and settles it: 20 from stored value, 17 in cash (20 given) ---
    await switchUser(page, T, 'Lily', '2468');
    await nav(page, T, 'checkin');
    const insideRow = page.getByRole('row').filter({ hasText: '张三丰' });
    await expect(insideRow).toContainText(money(3700));
    await page
      .getByRole('button', { name: T('checkin.inside.checkoutWho', { name: '张三丰', tag: 1 }) })
      .click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('region', { name: T('checkin.out.tab') })).toContainText(juice);
    await expect(dialog.getByRole('region', { name: T('checkin.out.tab') })).toContainText(money(3700));
    const pay = dialog.getByRole('region', { name: T('checkin.out.payment') });
    // the tag cannot be handed back before the tab adds up
    await pay.getByLabel(T('checkin.pay.amount')).first().fill('30');
    await expect(
      pay.getByText(T('checkin.pay.remaining', { paid: money(3000), due: money(3700), rest: money(700) })),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: T('checkin.out.returned') })).toBeDisabled();
    // first row: stored value 20; second row: cash 17, received 20 → change 3
    await pay.getByText(T('checkin.pay.method.stored_value'), { exact: true }).first().click();
    await pay.getByLabel(T('checkin.pay.amount')).first().fill('20');
    await pay.getByRole('button', { name: new RegExp(escapeRe(T('checkin.pay.addMethod'))) }).click();
    await pay.getByLabel(T('checkin.pay.amount')).nth(1).fill('17');
    await pay.getByLabel(T('checkin.pay.tendered')).fill('20');
    await expect(
      pay.getByText(T('checkin.pay.paidAll', { paid: money(3700), due: money(3700) })),
    ).toBeVisible();
    await expect(pay).toContainText(money(300));
    await s('05-checkout-split');
    await dialog.getByRole('button', { name: T('checkin.out.returned') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(T('checkin.tagFreeAgain', { tag: 1 }))).toBeVisible();
    // the result panel says the change and the card in large type; no toast repeats them
    const result = page.getByRole('region', { name: T('checkin.resultLabel') });
    await expect(result.getByTestId('change-due')).toHaveText(money(300));
    await expect(result).toContainText(T('checkin.handBackCard', { cardNo: 'BAR001' }));
    await expect(page.locator('.toasts')).not.toContainText(
      T('checkin.out.changeToast', { amount: money(300) }),
    );
    await expect(page.locator('.toasts')).not.toContainText(T('checkin.handBackCard', { cardNo: 'BAR001' }));
    await expect(page.getByRole('row').filter({ hasText: '张三丰' })).toHaveCount(0);
    await s('06-checked-out');

    // ---- the manager: stock dropped by two, the day's bar report shows the figures -----------
    await switchUser(page, T, '王店长', '9876');
    await nav(page, T, 'barShop');
    await page.getByRole('tab', { name: T('bar.section.stock'), exact: true }).click();
    await expect(stockRow(juice).getByRole('cell').nth(3)).toHaveText('9');
    await expect(stockRow(shake).getByRole('cell').nth(3)).toHaveText('9');

    await nav(page, T, 'barReport');
    await page.getByRole('button', { name: T('barReport.presets.today') }).click();
    const summary = page.getByRole('region', { name: T('barReport.summary') });
    await expect(summary).toContainText(money(3700));
    const byMethod = summary.getByRole('group', { name: T('barReport.byMethod') });
    const method = (m: string) => byMethod.locator('div').filter({ hasText: T(`barReport.methods.${m}`) });
    await expect(method('stored_value')).toContainText(money(2000));
    await expect(method('cash')).toContainText(money(1700));
    await expect(method('card')).toContainText(money(0));
    const items = page.getByRole('region', { name: T('barReport.itemsTitle') });
    await expect(items.getByRole('row').filter({ hasText: juice })).toContainText(money(1200));
    await s('07-report');

    expect(errors).toEqual([]);
  });
}
