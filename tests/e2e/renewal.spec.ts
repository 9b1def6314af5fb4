/**
 * A renewal sold at the desk, end to end (browser build, loopback server, real clock; English): the
 * manager registers a member whose year card has expired; reception opens the shift, finds the
 * member, renews the card without ever seeing its catalogue price (the amount is typed from the
 * consultant's sales slip), takes it in cash with change; the member is active again and the
 * membership history shows the renewal with who and what was paid; the running shift's handover
 * counts the card as sold at the desk, and the blind count's expected cash includes it.
 */
import { expect, type Page } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, moneyIn } from './i18n';
import { nav, switchUser, openClub } from './steps';

async function api<T = unknown>(page: Page, base: string, op: string, args: unknown): Promise<T> {
  const r = await page.request.post(`${base}api/${op}`, { data: args });
  const j = (await r.json()) as { ok: boolean; data: T; error?: unknown };
  if (!j.ok) throw new Error(`${op}: ${JSON.stringify(j.error)}`);
  return j.data;
}

test('a renewal sold at the desk shows in the shift’s handover and cash (en)', async ({ page, server }) => {
  test.setTimeout(180_000);
  const T = dictionary('en');
  const money = moneyIn('en');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const s = (name: string) => shot(page, `en-renewal-${name}`);

  await page.goto(server.url);
  await openClub(page, T, {
    lang: 'en',
    name: 'Riverside Fitness',
    manager: 'Wang',
    pin: '9876',
    yearCard: true,
    staff: [
      ['Lily', 'reception', '2468'],
      ['Anna', 'consultant', '7000'],
    ],
  });
  const types = await api<{ id: number; name: string }[]>(page, server.url, 'cardTypes.list', {});
  await api(page, server.url, 'members.create', {
    cardNo: 'RN001',
    name: 'Zhang Wei',
    gender: 'male',
    phone: '13800001111',
    birthDate: null,
    cardTypeId: types.find((x) => x.name === 'Year card')!.id,
    startDate: '2024-01-01',
    expiryDate: '2024-12-31',
    visitsLeft: null,
    consultantId: null,
    notes: '',
  });

  // ---- reception opens the shift (float 500) -----------------------------------------------------
  await switchUser(page, T, 'Lily', '2468');
  await nav(page, T, 'shift');
  for (const item of ['@handover', '@forms', '@supplies', '@music', '@screens', '@tags'])
    await page.getByRole('checkbox', { name: T(`shift.checklistItems.${item}`) }).check();
  await page.getByRole('button', { name: T('shift.opening.open'), exact: true }).click();
  await expect(page.getByRole('button', { name: T('shift.running.close') })).toBeVisible();

  // ---- the member: expired; the desk cannot edit the expiry, only renew -------------------------
  await nav(page, T, 'members');
  await page.getByLabel(T('members.searchLabel')).fill('RN001');
  await page.keyboard.press('Enter');
  const detail = page.locator('.member-detail');
  await expect(detail.getByRole('heading', { name: 'Zhang Wei' })).toBeVisible();
  await expect(detail.getByText(T('members.state.expired')).first()).toBeVisible();
  await detail.getByRole('button', { name: T('members.edit') }).click();
  const edit = page.getByRole('dialog');
  await expect(edit.getByText(T('members.form.personalOnly'))).toBeVisible();
  await expect(edit.getByLabel(T('members.fields.expiryDate'))).toHaveCount(0);
  await page.keyboard.press('Escape');

  await detail.getByRole('button', { name: T('members.sell.renewButton') }).click();
  const sale = page.getByRole('dialog', { name: T('members.sell.renewTitle', { name: 'Zhang Wei' }) });
  await expect(sale.getByLabel(T('members.sell.cardType'))).toHaveValue(/\d+/);
  await expect(sale.getByText(T('members.sell.renewal'))).toBeVisible();
  // the catalogue price (3,000) is nowhere: the amount is typed from the sales slip
  await expect(sale.getByLabel(T('members.sell.amount'))).toHaveValue('');
  await expect(sale.getByText(money(300_000))).toHaveCount(0);
  await sale.getByLabel(T('members.sell.amount')).fill('2800');
  await sale.getByLabel(T('members.sell.soldBy')).selectOption({ label: 'Anna' });
  await s('01-renew-card');
  await sale.getByRole('button', { name: T('members.sell.next') }).click();
  await sale.getByLabel(T('checkin.pay.tendered')).fill('3000');
  await expect(sale.locator('.pay-change-amount')).toHaveText(money(20_000));
  await s('02-renew-payment');
  await sale.getByRole('button', { name: T('members.sell.submitRenew', { amount: money(280_000) }) }).click();
  await expect(sale).toBeHidden();
  await expect(
    page.getByText(T('members.sell.renewed', { name: 'Zhang Wei' }), { exact: false }),
  ).toBeVisible();

  // active again; the history says who renewed, for what, and what was paid
  await expect(detail.getByText(T('members.state.active')).first()).toBeVisible();
  const history = detail.getByTestId('entitlement-history');
  const row = history.getByRole('row').nth(1);
  await expect(row).toContainText(T('members.history.kind.renewal'));
  await expect(row).toContainText(T('members.history.typeQty', { type: 'Year card', count: 1 }));
  await expect(row).toContainText(money(280_000));
  await expect(row).toContainText('Lily');
  await expect(row).toContainText(T('members.history.soldBy', { name: 'Anna' }));
  await expect(history.getByText(T('members.history.kind.registered'))).toBeVisible();
  await history.scrollIntoViewIfNeeded();
  await s('03-member-history');

  // ---- the handover: one card sold at the desk; cash withheld until the blind count -----------------
  await nav(page, T, 'shift');
  const cards = page.locator('.shift-block').filter({ hasText: T('shift.book.cardsSold') });
  await expect(cards.getByText('Year card').first()).toBeVisible();
  await expect(cards.getByText(T('shift.book.cardsAtDesk', { count: 1 }), { exact: false })).toBeVisible();
  await expect(page.getByTestId('card-sales')).toContainText('Zhang Wei');
  await expect(page.getByTestId('card-sales')).toContainText(T('shift.book.cardSaleKind.renewal'));
  await s('04-running-book');

  await page.getByRole('button', { name: T('shift.running.close') }).click();
  await page.getByRole('button', { name: T('shift.wizard.next') }).click();
  // the used tags counted by hand: nobody came in, none used
  await page.getByLabel(T('shift.wizard.tagsCounted')).fill('0');
  await page.getByRole('button', { name: T('shift.wizard.tagsCompare') }).click();
  await expect(page.getByText(T('shift.wizard.tagsAgree', { issued: 0 }))).toBeVisible();
  await page.getByRole('button', { name: T('shift.wizard.next') }).click();
  await expect(page.getByText(money(330_000))).toHaveCount(0);
  // 500 float + 3,000 handed over − 200 change = 3,300: 33 × 100
  await page.getByLabel(T('shift.wizard.countLabel', { value: '¥100' }), { exact: true }).fill('33');
  await page.getByRole('button', { name: T('shift.wizard.submitCount') }).click();
  await expect(page.getByTestId('cash-expected')).toHaveText(money(330_000));
  await expect(page.getByRole('row', { name: new RegExp(T('shift.cash.takings')) })).toContainText(
    money(300_000),
  );
  await expect(page.getByRole('row', { name: new RegExp(T('shift.cash.change')) })).toContainText(
    money(20_000),
  );
  await expect(page.getByTestId('cash-difference')).toContainText(T('shift.cash.exact'));
  await s('05-count');
  expect(errors).toEqual([]);
});
