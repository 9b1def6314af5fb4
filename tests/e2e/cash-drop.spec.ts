/**
 * A cash drop with a witness, through the real UI and core (browser build; zh-CN: the words 投款 and
 * 见证人 matter): reception counts the change float at the opening, drops 200 yuan to the safe — her
 * own PIN as witness is refused, a colleague's is taken — and the drop with both names shows on the
 * running shift and on the handover report of the closed shift (closed through the API).
 */
import { expect, type Page } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary } from './i18n';
import { nav, switchUser, openClub } from './steps';

async function api<T = unknown>(page: Page, base: string, op: string, args: unknown): Promise<T> {
  const r = await page.request.post(`${base}api/${op}`, { data: args });
  const j = (await r.json()) as { ok: boolean; data: T; error?: unknown };
  if (!j.ok) throw new Error(`${op}: ${JSON.stringify(j.error)}`);
  return j.data;
}

/** The words matter here (投款, 见证人); en is looked at by changing this. */
const LANG: 'zh-CN' | 'en' = 'zh-CN';
const NO_NOTES = { n100: 0, n50: 0, n20: 0, n10: 0, n5: 0, n1: 0, c50: 0, c10: 0 };

test('a cash drop witnessed by a colleague shows on the shift and in the handover', async ({
  page,
  server,
}) => {
  const T = dictionary(LANG);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const desk = '李前台';
  const witness = '张前台';
  await page.goto(server.url);
  await openClub(page, T, {
    lang: LANG,
    name: '滨江健身',
    manager: '王店长',
    pin: '9876',
    staff: [
      [desk, 'reception', '2468'],
      [witness, 'reception', '1357'],
    ],
  });
  await switchUser(page, T, desk, '2468');

  // the opening: the change float counted note by note (5 × 100 = the 500 handed over)
  await nav(page, T, 'shift');
  const floatCount = page.getByTestId('float-count');
  await floatCount.getByLabel('¥100', { exact: true }).fill('5');
  await expect(page.getByTestId('float-counted')).toHaveText('¥500.00');
  await page.getByTestId('float-counted').scrollIntoViewIfNeeded();
  await shot(page, `${LANG}-float-count`);
  await page.getByRole('button', { name: T('shift.opening.open'), exact: true }).click();
  await expect(page.getByRole('button', { name: T('shift.running.close') })).toBeVisible();

  // the drop: two 100 notes to the safe, slip B-0001; her own PIN witnesses nothing
  await page.getByRole('button', { name: T('shift.drop.button') }).click();
  const dialog = page.getByRole('dialog', { name: T('shift.drop.dialogTitle') });
  await dialog.getByLabel('¥100', { exact: true }).fill('2');
  await expect(dialog.getByTestId('drop-total')).toHaveText('¥200.00');
  await dialog.getByLabel(T('shift.drop.slipNo')).fill('B-0001');
  await dialog.getByLabel(T('shift.drop.witnessPin')).fill('2468');
  const confirm = dialog.getByRole('button', { name: T('shift.drop.confirm', { amount: '¥200.00' }) });
  await confirm.click();
  await expect(dialog.getByText(T('errors.DROP_WITNESS_SELF'))).toBeVisible();
  await shot(page, `${LANG}-drop-dialog`);
  await dialog.getByLabel(T('shift.drop.witnessPin')).fill('1357');
  await confirm.click();
  await expect(dialog).toBeHidden();
  const drops = page.getByTestId('drops-table');
  await expect(drops.getByRole('row').filter({ hasText: 'B-0001' })).toContainText(desk);
  await expect(drops.getByRole('row').filter({ hasText: 'B-0001' })).toContainText(witness);
  await shot(page, `${LANG}-drop-running`);

  // closed through the API: 305 counted against 500 − 200 dropped (5 yuan over)
  const staff = await api<{ id: number; name: string }[]>(page, server.url, 'session.staffList', {});
  const li = staff.find((x) => x.name === desk)!;
  const zhang = staff.find((x) => x.name === witness)!;
  const cur = await api<{ shift: { id: number } }>(page, server.url, 'shift.current', {});
  const count = await api<{ differenceCents: number }>(page, server.url, 'shift.count', {
    shiftId: cur.shift.id,
    denominations: { ...NO_NOTES, n100: 3, n1: 5 },
  });
  expect(count.differenceCents).toBe(500);
  await api(page, server.url, 'shift.close', {
    shiftId: cur.shift.id,
    floatHandedCents: 30_000,
    differenceReason: '多收了五元',
    tagsCounted: 0,
    messages: '',
    notes: '',
    outgoing: { staffId: li.id, pin: '2468' },
    incoming: { staffId: zhang.id, pin: '1357' },
  });

  // the handover report: the drop with both names, the expected cash net of it
  await page.reload();
  await nav(page, T, 'shift');
  await page.getByRole('tab', { name: T('shift.tabs.history') }).click();
  await page
    .getByRole('button', { name: T('shift.history.open') })
    .first()
    .click();
  const report = page.getByRole('article', { name: T('shift.report.title') });
  await expect(report).toBeVisible();
  const row = report.getByTestId('drops-table').getByRole('row').filter({ hasText: 'B-0001' });
  await expect(row).toContainText(desk);
  await expect(row).toContainText(witness);
  await expect(row).toContainText(T('shift.drop.destinations.safe'));
  await expect(report.getByTestId('cash-expected')).toHaveText('¥300.00');
  await expect(report.getByTestId('report-float-count')).toBeVisible();
  await report.getByTestId('drops-table').scrollIntoViewIfNeeded();
  await shot(page, `${LANG}-drop-handover`);

  // the manager's review: the 5 yuan over is open until handed in, recorded against that shift
  await page.getByRole('button', { name: T('shift.report.back') }).click();
  await switchUser(page, T, '王店长', '9876');
  await nav(page, T, 'shift');
  await page.getByRole('tab', { name: T('shift.tabs.history') }).click();
  const overShort = page.getByTestId('over-short');
  await expect(overShort).toContainText('¥5.00');
  await overShort.getByRole('button', { name: T('shift.settle.button') }).click();
  const settle = page.getByRole('dialog');
  await settle.getByLabel(T('shift.settle.who')).selectOption({ label: desk });
  await shot(page, `${LANG}-settle-dialog`);
  await settle.getByRole('button', { name: T('shift.settle.confirm'), exact: true }).click();
  await expect(settle).toBeHidden();
  // only what is still open is listed: nothing now
  await expect(page.getByText(T('shift.settle.none'))).toBeVisible();
  await page.getByRole('checkbox', { name: T('shift.settle.openOnly') }).uncheck();
  await expect(overShort).toContainText(T('shift.settle.settledAll'));
  await shot(page, `${LANG}-settle-done`);
  expect(errors).toEqual([]);
});
