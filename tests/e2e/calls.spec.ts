/**
 * Follow-up calls through the real UI and core (browser build): a member's card ends in ten days;
 * the manager opens the call windows for the whole day (the test runs at any hour); the consultant
 * opens today's list, sees the renewal reminder with its reason, records the call with the keyboard
 * (5 = appointment made) and the appointment enters the visitors' appointments; the manager sees
 * 100% called and the month's summary. In English, with screenshots in both languages.
 */
import { expect } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary } from './i18n';
import { addCardType, addStaff, importRoster, login, nav, setupClub, switchUser } from './steps';

// the club is set up in the browser's time zone: Shanghai, as the dates below are
test.use({ timezoneId: 'Asia/Shanghai' });

/** The club's (Asia/Shanghai) calendar date, days from today. */
const clubDay = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

test('a consultant works today’s call list: a renewal reminder that ends in an appointment', async ({
  page,
  server,
}) => {
  const T = dictionary('en');
  const Z = dictionary('zh-CN');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const CSV = [
    '卡号,姓名,性别,手机,卡类型,开卡日期,到期日期,备注',
    `RN001,Li Lei,男,13800001111,Year card,${clubDay(0)},${clubDay(10)},`,
  ].join('\r\n');

  await page.goto(server.url);
  await setupClub(page, T, 'en', {
    name: 'Riverside Fitness',
    tags: 10,
    manager: 'Manager Wang',
    pin: '9876',
  });
  await login(page, T, 'Manager Wang', '9876');
  await addStaff(page, T, [['Anna', 'consultant', '7000']]);
  await addCardType(page, T, 'Year card', 365, 3000);
  await importRoster(page, T, CSV, 1);

  // the manager: call windows all day (the list would otherwise wait outside 10–12 and 15–17)
  await nav(page, T, 'calls');
  await page.getByRole('tab', { name: T('calls.tabs.settings') }).click();
  await page.getByLabel(T('calls.settings.windows')).fill('00:00-23:59');
  // today a holiday first: the list waits, and says until when
  await page.getByLabel(T('calls.settings.holidays')).fill(`${clubDay(0)} Club day`);
  await page.getByRole('button', { name: T('calls.settings.save') }).click();
  await expect(page.getByText(T('calls.settings.saved'))).toBeVisible();
  await page.getByRole('tab', { name: T('calls.tabs.list') }).click();
  await expect(page.getByTestId('call-window')).toContainText('Club day');
  await expect(
    page.getByTestId('call-entry').getByRole('button', { name: T('calls.form.record') }),
  ).toBeDisabled();
  await shot(page, 'calls-holiday-en');
  await page.getByRole('tab', { name: T('calls.tabs.settings') }).click();
  await page.getByLabel(T('calls.settings.holidays')).fill('');
  await page.getByRole('button', { name: T('calls.settings.save') }).click();
  await expect(page.getByText(T('calls.settings.saved')).first()).toBeVisible();

  // the consultant: today's list, the reminder with its reason
  await switchUser(page, T, 'Anna', '7000');
  await nav(page, T, 'calls');
  const entry = page.getByTestId('call-entry').filter({ hasText: 'Li Lei' });
  await expect(entry).toContainText(T('calls.states.new'));
  await expect(entry).toContainText('138 0000 1111');
  await expect(entry.locator('.calls-reasons')).toContainText('(within 15 days)');
  await expect(page.getByTestId('call-window')).toContainText(T('calls.window.open', { to: '23:59' }));
  await shot(page, 'calls-list-en');
  await entry.getByRole('button', { name: T('calls.form.record') }).click();
  const form = entry.getByTestId('call-form');
  // the keyboard: 5 = appointment made (focus starts on the outcomes)
  await page.keyboard.press('5');
  await expect(form.getByLabel(`5 ${T('calls.outcomes.appointment')}`)).toBeChecked();
  await form.getByLabel(T('calls.form.apptDate')).fill(clubDay(1));
  await form.getByLabel(T('calls.form.apptTime')).fill('19:00');
  await form.getByLabel(`${T('calls.satisfaction.satisfied')}`, { exact: true }).check();
  await form.getByLabel(T('calls.form.requests')).fill('Wants the two-year price');
  await shot(page, 'calls-form-en');
  await form.getByRole('button', { name: T('calls.form.save') }).click();
  await expect(entry).toContainText(T('calls.states.done'));
  await expect(entry).toContainText(T('calls.outcomes.appointment'));
  await expect(page.getByText(T('calls.rate', { called: 1, onList: 1 }))).toBeVisible();

  // the appointment is the visitors' own: on Anna's appointments for tomorrow
  await nav(page, T, 'visitors');
  await expect(page.getByText('Li Lei').first()).toBeVisible();

  // the manager: 100% called; the month's summary
  await switchUser(page, T, 'Manager Wang', '9876');
  await nav(page, T, 'calls');
  await expect(page.locator('.calls-rate-list')).toContainText('100%');
  await page.getByRole('tab', { name: T('calls.tabs.summary') }).click();
  const anna = page.locator('.calls-table tbody tr').filter({ hasText: 'Anna' });
  await expect(anna.locator('td').nth(0)).toHaveText('1');
  await expect(anna.locator('td').nth(6)).toHaveText('1');
  await expect(page.locator('.calls-requests')).toContainText('Wants the two-year price');
  await shot(page, 'calls-summary-en');
  // the printed page: the summary alone
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await shot(page, 'calls-summary-print');
  await page.emulateMedia({ media: 'screen' });
  // the same screens in Chinese
  await page.getByRole('button', { name: T('common.languages.zh-CN') }).click();
  await expect(page.getByRole('tab', { name: Z('calls.tabs.summary') })).toBeVisible();
  await shot(page, 'calls-summary-zh');
  await page.getByRole('tab', { name: Z('calls.tabs.list') }).click();
  await expect(page.getByTestId('call-entry')).toContainText(Z('calls.states.done'));
  await shot(page, 'calls-list-zh');
  expect(errors).toEqual([]);
});
