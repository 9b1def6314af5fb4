/**
 * Complaint deadlines and what reception sees, on the demo club (its escalated complaint was
 * registered five days ago: its 6-day deadline is today or tomorrow): the customer-service manager's
 * home screen shows the notice in colour and words, a click opens the complaints due or overdue;
 * reception's shift opening lists the open complaints without who complained or what about.
 * Chinese only (the words are checked in both languages by the other incident tests).
 */
import { expect } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary } from './i18n';
import { login, nav, switchUser } from './steps';

test("complaints due show on the manager's home and review; reception sees them without details on the shift screen", async ({
  page,
  server,
}) => {
  const T = dictionary('zh-CN');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(server.url);
  await page.getByRole('button', { name: T('common.languages.zh-CN') }).click();
  await page.getByRole('button', { name: T('setup.createDemo') }).click();
  await expect(page.getByRole('heading', { name: T('setup.demoReady') })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: T('setup.toLogin') }).click();

  // the customer-service manager's home: the check-in screen, with the notice
  await login(page, T, '孙梅', '6001');
  const notice = page.locator('.complaint-notice');
  await expect(notice).toContainText(T('incidents.deadline.notice'));
  await expect(notice.locator('.badge-warn')).toHaveText(T('incidents.deadline.dueN_one', { count: 1 }));
  await expect(notice.locator('.badge-block')).toHaveCount(0);
  await shot(page, 'zh-CN-complaints-01-home-notice');

  // a click: the complaints due or overdue, with the deadline in colour and words
  await notice.click();
  await expect(page.getByRole('tab', { name: T('incidents.tabs.complaints') })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(
    page.getByRole('button', { name: new RegExp(T('incidents.deadline.filter')) }),
  ).toHaveAttribute('aria-pressed', 'true');
  const rows = page.getByRole('table', { name: T('incidents.tabs.complaints') }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(T('incidents.complaintStatus.escalated'));
  await expect(rows.first().locator('.badge-warn').last()).toHaveText(
    new RegExp(`${T('incidents.deadline.dueToday')}|${T('incidents.deadline.dueTomorrow')}`),
  );
  await shot(page, 'zh-CN-complaints-02-review-due');

  // reception on the running shift (the demo is mid-day): open complaints, without who complained or what about
  await switchUser(page, T, '李娜', '2001');
  await expect(page.locator('.complaint-notice')).toHaveCount(0);
  await nav(page, T, 'shift');
  const group = page.locator('.shift-open-group').filter({ hasText: T('shift.opening.complaints') });
  await expect(group.locator('li')).toHaveCount(2);
  await expect(group).toContainText(T('incidents.departments.sales'));
  await expect(group).toContainText(T('incidents.departments.facilities'));
  await expect(group).toContainText('*');
  for (const secret of ['私教课被重复扣费', '淋浴间热水不足', '退还重复扣除的费用'])
    await expect(group).not.toContainText(secret);
  await group.scrollIntoViewIfNeeded();
  await shot(page, 'zh-CN-complaints-03-opening-desk');

  expect(errors).toEqual([]);
});
