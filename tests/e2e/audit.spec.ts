/**
 * The manager's audit log (issue 14): after real operations (a check-in with a key tag, a bar sale, a
 * void authorised with the shift lead's PIN, and a report export, which is a lookup) the log reads in
 * words, not op codes; each row names the member (name and card), the tag, the amount and who
 * authorised; lookups are hidden until asked for; a row's link opens the member's record. The
 * operations are done by the real core on the data folder before the server starts (as in
 * bar-void.spec.ts).
 */
import { expect } from '@playwright/test';
import { seededTest, shot } from './fixtures';
import { dictionary, moneyIn } from './i18n';
import { login, nav, seedClub } from './steps';

const T = dictionary('en');
const money = moneyIn('en');

const seed = (dataDir: string) =>
  seedClub(
    dataDir,
    { staff: [['Sam Lead', 'shift_lead', '1357', 'male']] },
    async ({ call, member, item }) => {
      await member('AUD001', 'Zhang San');
      const juice = await item('Orange juice', 'Juice', 1200, 10);
      const scan = await call<{ visit: { id: number } }>('checkin.scan', {
        ref: { cardNo: 'AUD001' },
        tagNumber: 4,
        scanned: true,
      });
      const tab = await call<{ lines: { id: number }[] }>('bar.sell', {
        visitId: scan.visit.id,
        items: [{ itemId: juice.id, quantity: 2 }],
      });
      await call('bar.void', {
        lineIds: [tab.lines[0]!.id],
        reason: 'rung up twice',
        authorization: { pin: '1357', reasonCode: 'duplicate_slip', reason: 'Rung up twice' },
      });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      await call('bar.reportCsv', { from: today, to: today });
    },
  );

const test = seededTest('e2e-audit', seed);

test('the audit log reads in words, names member, tag, amount and authoriser, hides lookups', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await login(page, T, 'Wang', '9876');
  await nav(page, T, 'audit');
  const table = page.getByRole('table');
  const row = (op: string) => table.getByRole('row').filter({ hasText: T(`audit.ops.${op}`) });

  const checkin = row('checkin.scan');
  await expect(checkin).toHaveCount(1);
  // words for every operation: the first line of each operation cell is never a code
  const ops = await table.locator('tbody tr td:nth-child(3) > div:first-child').allInnerTexts();
  expect(ops.length).toBeGreaterThanOrEqual(5);
  for (const op of ops) expect(op).not.toMatch(/^[a-z]+\.[A-Za-z]+$/);
  await expect(checkin).toContainText('Zhang San（AUD001）');
  await expect(checkin.getByRole('cell').nth(4)).toHaveText('4');

  const sale = row('bar.sell');
  await expect(sale).toContainText('Zhang San（AUD001）');
  await expect(sale.getByRole('cell').nth(4)).toHaveText('4');
  await expect(sale.getByRole('cell').nth(5)).toHaveText(money(2400));

  const voided = row('bar.void');
  await expect(voided).toContainText('Zhang San（AUD001）');
  await expect(voided.getByRole('cell').nth(6)).toContainText('Sam Lead');
  await expect(voided.getByRole('cell').nth(6)).toContainText(T('checkin.auth.reasons.duplicate_slip'));
  await expect(voided.getByRole('cell').nth(5)).toHaveText(money(2400));

  // lookups (the report export) only when asked for
  await expect(row('bar.reportCsv')).toHaveCount(0);
  await page.getByLabel(T('audit.lookups')).check();
  await page.getByRole('button', { name: T('audit.search'), exact: true }).click();
  await expect(row('bar.reportCsv')).toHaveCount(1);
  await shot(page, 'en-audit-log');

  // a row's link opens its record: the member
  await checkin.getByRole('button', { name: T('audit.open') }).click();
  await expect(page.getByRole('heading', { name: 'Zhang San' })).toBeVisible();
  await expect(page.getByText('AUD001').first()).toBeVisible();
});
