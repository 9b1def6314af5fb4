/**
 * Phones at the desk, end to end (browser build, loopback server), in Chinese: reception logs a
 * phone call whose caller left neither name nor number, and one who left a number typed with
 * full-width digits (a number that is not one is refused first); the list shows the number masked
 * and says what was not left. Reception records an appointment for a consultant, who confirms it
 * with their PIN. In the members search every phone is masked, and the whole number
 * typed as the member says it ("+86 138-…") finds that member with the number in full; opening one
 * member shows it.
 */
import { expect } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary } from './i18n';
import { addCardType, importRoster, nav, switchUser, openClub } from './steps';

const CSV = [
  '卡号,姓名,性别,手机,卡类型,开卡日期,到期日期,备注',
  'PH001,张三丰,男,13800001111,Year card,2026-01-01,2099-12-31,',
  'PH002,张无忌,男,+86 138-0000-2222,Year card,2026-01-01,2099-12-31,',
].join('\r\n');

test('phones: a call without name or number, masked numbers, the whole number found (zh-CN)', async ({
  page,
  server,
}) => {
  const T = dictionary('zh-CN');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(server.url);
  await openClub(page, T, {
    lang: 'zh-CN',
    name: '江畔健身会所',
    manager: '王店长',
    pin: '9876',
    staff: [
      ['张伟', 'consultant', '4001'],
      ['Lily', 'reception', '2468'],
    ],
  });
  await addCardType(page, T, 'Year card', 365, 3000);
  await importRoster(page, T, CSV, 2);

  // ---- reception: phone calls ----------------------------------------------------------------
  await switchUser(page, T, 'Lily', '2468');
  await nav(page, T, 'visitors');
  await page.getByRole('tab', { name: T('visitors.section.phone') }).click();
  const form = page.getByRole('form', { name: T('visitors.phone.title') });
  const list = page.locator('.vis-side-list');
  // A caller who leaves nothing: the call is logged all the same.
  await form.getByLabel(T('visitors.phone.topic')).fill('营业时间');
  await form.getByRole('button', { name: T('visitors.phone.submit') }).click();
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText(T('visitors.phone.noName'));
  await expect(list).toContainText(T('visitors.phone.noNumber'));
  // Something that is not a number: refused at the field, nothing logged.
  await form.getByLabel(T('visitors.phone.callbackPhone')).fill('微信同号');
  await form.getByRole('button', { name: T('visitors.phone.submit') }).click();
  await expect(form.getByText(T('visitors.phone.error.callbackPhone'))).toBeVisible();
  // Full-width digits from the Chinese input method are a number.
  await form.getByLabel(T('visitors.phone.callerName')).fill('孙先生');
  await form.getByLabel(T('visitors.phone.callbackPhone')).fill('１３７ ００００ １１１１');
  await form.getByRole('button', { name: T('visitors.phone.submit') }).click();
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(form.getByText(T('visitors.phone.error.callbackPhone'))).toBeHidden();
  await expect(list.locator('[data-masked="true"]')).toHaveText([
    `137****1111 (${T('common.phoneMaskedShort')})`,
  ]);
  await shot(page, 'zh-CN-phones-01-calls');

  // ---- reception records an appointment for a consultant: the consultant confirms with the PIN --
  await page.getByRole('tab', { name: T('visitors.section.appointments') }).click();
  const appt = page.getByRole('form', { name: T('visitors.appt.title') });
  await appt.getByLabel(T('visitors.appt.consultant'), { exact: true }).selectOption({ label: '张伟' });
  await appt.getByLabel(T('visitors.appt.visitorName')).fill('赵女士');
  await appt.getByLabel(T('visitors.appt.phone')).fill('１３９－０００１－２３４５');
  await appt.getByRole('button', { name: T('visitors.appt.submit') }).click();
  await expect(appt.getByText(T('visitors.appt.error.pin'))).toBeVisible();
  await appt.getByLabel(T('visitors.appt.pin', { name: '张伟' })).fill('4001');
  await appt.getByRole('button', { name: T('visitors.appt.submit') }).click();
  const apptRow = page.locator('.vis-side-list').getByRole('row').filter({ hasText: '赵女士' });
  await expect(apptRow).toContainText('139****2345');
  await apptRow.scrollIntoViewIfNeeded();
  await shot(page, 'zh-CN-phones-02-appointment');

  // ---- reception: member search ----------------------------------------------------------------
  await nav(page, T, 'members');
  const q = page.getByLabel(T('members.searchLabel'));
  await q.fill('张');
  const rows = page.locator('table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.locator('[data-masked="true"]')).toHaveCount(2);
  await expect(page.getByText('13800001111')).toHaveCount(0);
  await shot(page, 'zh-CN-phones-03-search-masked');
  // The first digits find nobody; the whole number, however written, finds that member in full.
  await q.fill('1380000');
  await expect(rows).toHaveCount(0);
  await q.fill('+86 138-0000-2222');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('张无忌');
  await expect(rows.first()).toContainText('138 0000 2222');
  await shot(page, 'zh-CN-phones-04-search-whole-number');
  // Opening one member shows the number in full.
  await q.fill('张三丰');
  await rows.first().getByRole('button', { name: '张三丰' }).click();
  await expect(page.locator('.md-fields')).toContainText('138 0000 1111');
  await shot(page, 'zh-CN-phones-05-member-opened');
  expect(errors).toEqual([]);
});
