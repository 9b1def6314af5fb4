/**
 * The pro shop at the desk (issue 16 §6): reception sells a towel from the 专卖区 screen onto the
 * member's tag and counts the shop at close (one short, with a reason); the manager's day close then
 * lists only what the bar has not counted. The club is prepared by the real core (no test-only
 * option in the server). In both languages: the words matter here.
 */
import { expect } from '@playwright/test';
import { ManualClock } from '../../electron/core/clock';
import { seededTest, shot } from './fixtures';
import { dictionary, escapeRe } from './i18n';
import { login, nav, seedClub, switchUser } from './steps';

const seed = (dataDir: string, language: 'en' | 'zh-CN') =>
  seedClub(
    dataDir,
    { language, clock: new ManualClock(new Date()), staff: [['Lily', 'reception', '2468', 'female']] },
    async ({ call, member, item }) => {
      await member('SHOP01', 'Zhang San');
      await item('Orange juice', 'Juice', 1200, 10);
      await item('Towel', 'Goods', 3000, 5, 'shop');
      await call('checkin.scan', { ref: { cardNo: 'SHOP01' }, tagNumber: 1, scanned: true });
    },
  );

for (const lang of ['en', 'zh-CN'] as const) {
  const T = dictionary(lang);
  const test = seededTest('e2e-shop', (dataDir) => seed(dataDir, lang));

  test(`${lang}: reception sells a towel at the shop and counts the shop at close`, async ({
    page,
    server,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('button', { name: T(`common.languages.${lang}`) }).click();
    await login(page, T, 'Lily', '2468');
    // reception's screen is the pro shop: only the shop's goods
    await nav(page, T, 'shop');
    await expect(page.getByRole('heading', { name: T('bar.points.shop') })).toBeVisible();
    await page.getByLabel(T('bar.tagLabel')).fill('1');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /^Orange juice/ })).toHaveCount(0);
    // the shop's words, not the bar's: goods on a sale slip
    await expect(
      page.getByRole('heading', { name: new RegExp(`^${escapeRe(T('bar.pickTitle_shop'))}`) }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: T('bar.slipTitle_shop') })).toBeVisible();
    await expect(page.getByText(T('bar.slipTitle'), { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: /^Towel/ }).click();
    await page.getByRole('button', { name: T('bar.saveSlip_shop') }).click();
    const lines = page.getByRole('table', { name: T('bar.linesCaption', { name: 'Zhang San' }) });
    await expect(lines.getByRole('row').filter({ hasText: 'Towel' })).toBeVisible();
    await shot(page, `${lang}-shop-01-sold`);

    // the shop's stock: its goods under the shop's words
    await page.getByRole('tab', { name: T('bar.section.stock'), exact: true }).click();
    await expect(page.getByRole('table', { name: T('bar.stock.caption_shop') })).toBeVisible();
    await shot(page, `${lang}-shop-01b-stock`);

    // the count at close: four expected, three there, the reason given
    await page.getByRole('tab', { name: T('bar.section.stocktake') }).click();
    await page.getByLabel(T('bar.stocktake.countedFor', { name: 'Towel' })).fill('3');
    await page.getByLabel(T('bar.stocktake.reasonFor', { name: 'Towel' })).fill('one missing');
    await expect(page.getByText(T('bar.stocktake.hint_shop'))).toBeVisible();
    await shot(page, `${lang}-shop-02-count`);
    await page.getByRole('button', { name: T('bar.stocktake.submit') }).click();
    await expect(page.getByRole('heading', { name: T('bar.stocktake.resultTitle') })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'Towel' });
    await expect(row).toContainText(T('bar.stocktake.diffShort_one', { count: 1 }));

    // the manager's day close: the shop is counted, the bar is not yet
    await switchUser(page, T, 'Wang', '9876');
    await nav(page, T, 'shift');
    await page.getByRole('tab', { name: T('shift.tabs.day') }).click();
    await expect(
      page.getByText(new RegExp(escapeRe(T('shift.dayClose.stocktakeMissing', { items: 'Orange juice' })))),
    ).toBeVisible();
    await expect(page.getByText(/Towel/)).toHaveCount(0);
    await shot(page, `${lang}-shop-03-day-close`);
    expect(errors).toEqual([]);
  });
}
