/**
 * The message book and the repair log through the real UI and core (browser build, one server):
 * reception leaves a message for the shift lead and reports an urgent repair; the shift lead logs
 * in, sees the message in the notice after login, marks it done, sees the urgent repair in the top
 * bar and moves it to fixed with the cost; what is still open (a message for the manager, a second
 * repair) shows in the shift's open items. In Chinese, with screenshots in both languages.
 */
import { expect, type Page } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, escapeRe } from './i18n';
import { login, nav, switchUser, openClub } from './steps';

test('messages and repairs: left at the desk, dealt with by the shift lead, open ones in the handover', async ({
  page,
  server,
}) => {
  const T = dictionary('zh-CN');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const s = async (p: Page, name: string) => {
    for (const b of await p.locator('.toasts button').all())
      await b.click({ timeout: 500 }).catch(() => undefined);
    await shot(p, name);
  };
  const manager = '王店长';
  const lead = '陈领班';
  const desk = '李前台';

  await page.goto(server.url);
  await openClub(page, T, {
    lang: 'zh-CN',
    name: '滨江健身',
    manager,
    pin: '9876',
    staff: [
      [desk, 'reception', '2468'],
      [lead, 'shift_lead', '1357'],
    ],
  });

  // ---- reception: two messages and two repairs -----------------------------------------------
  await switchUser(page, T, desk, '2468');
  await nav(page, T, 'notes');
  const form = page.locator('form', {
    has: page.getByRole('heading', { name: T('notes.messages.newTitle') }),
  });
  const leave = async (to: string, role: string, from: string, phone: string, text: string) => {
    await form
      .getByLabel(T('notes.messages.to'))
      .selectOption({ label: `${to} · ${T(`common.roles.${role}`)}` });
    await form.getByLabel(T('notes.messages.fromName')).fill(from);
    await form.getByLabel(T('notes.messages.phone')).fill(phone);
    await form.getByLabel(T('notes.messages.text')).fill(text);
    await form.getByRole('button', { name: T('notes.messages.save') }).click();
    await expect(page.getByTestId('message').filter({ hasText: text })).toBeVisible();
  };
  // a number that is not one is refused, nothing saved
  await form.getByLabel(T('notes.messages.phone')).fill('找前台');
  await form.getByRole('button', { name: T('notes.messages.save') }).click();
  await expect(form.getByText(T('notes.messages.badPhone'))).toBeVisible();
  await leave(lead, 'shift_lead', '赵先生', '138 0013 8000', '3号柜子锁坏了，请回电');
  await leave(manager, 'store_manager', '孙女士', '', '想咨询团体卡');

  await page.getByRole('tab', { name: T('notes.tabs.repairs') }).click();
  const report = page.locator('form', {
    has: page.getByRole('heading', { name: T('notes.repairs.reportTitle') }),
  });
  const reportOne = async (what: string, place: string, urgency: string) => {
    await report.getByLabel(T('notes.repairs.what')).fill(what);
    await report.getByRole('button', { name: T(`notes.places.${place}`), exact: true }).click();
    await report.getByRole('radio', { name: T(`notes.repairs.urgencies.${urgency}`), exact: true }).check();
    await report.getByRole('button', { name: T('notes.repairs.report') }).click();
    await expect(page.getByTestId('repair').filter({ hasText: what })).toBeVisible();
  };
  await reportOne('3号跑步机跑带破损', '@gym', 'urgent');
  await reportOne('淋浴间花洒漏水', '@showers', 'low');
  // reception cannot take the steps
  await expect(page.getByRole('button', { name: T('notes.repairs.steps.fixed') })).toHaveCount(0);
  await s(page, 'zh-CN-repairs-desk');

  // ---- the shift lead: the notice after login, then the repair ----------------------------------
  await switchUser(page, T, lead, '1357');
  const notice = page.getByRole('dialog', { name: T('notes.messages.noticeTitle') });
  await expect(notice).toBeVisible();
  await expect(notice.getByText('3号柜子锁坏了，请回电')).toBeVisible();
  await expect(notice.getByText('138 0013 8000')).toBeVisible();
  await s(page, 'zh-CN-messages-notice');
  await notice.getByRole('button', { name: T('notes.messages.markDone') }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByTestId('messages-badge')).toHaveCount(0);

  const badge = page.getByTestId('repairs-badge');
  await expect(badge).toContainText(T('notes.repairs.badgeUrgent'));
  await badge.click();
  const treadmill = page.getByTestId('repair').filter({ hasText: '3号跑步机跑带破损' });
  const step = async (to: string, note: string, cost?: string) => {
    await treadmill.getByRole('button', { name: T(`notes.repairs.steps.${to}`), exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('notes.repairs.note')).fill(note);
    if (cost) await dialog.getByLabel(T('notes.repairs.cost')).fill(cost);
    await dialog.getByRole('button', { name: T('notes.repairs.save') }).click();
    await expect(dialog).toBeHidden();
  };
  await step('requested', '已联系器械维修');
  await expect(treadmill.getByText(T('notes.repairs.status.requested')).first()).toBeVisible();
  // the cost is checked before it is sent: "12,5" is refused with a clear word
  await treadmill.getByRole('button', { name: T('notes.repairs.steps.fixed'), exact: true }).click();
  await page.getByRole('dialog').getByLabel(T('notes.repairs.note')).fill('更换跑带');
  await page.getByRole('dialog').getByLabel(T('notes.repairs.cost')).fill('abc');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: T('notes.repairs.save') })
    .click();
  await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: T('common.cancel') })
    .click();
  await step('fixed', '更换跑带', '120');
  // fixed: off the open list, in "all" with its cost and steps
  await expect(treadmill).toHaveCount(0);
  await page
    .getByRole('button', { name: T('notes.show.all'), exact: true })
    .last()
    .click();
  await expect(treadmill).toContainText(T('notes.repairs.status.fixed'));
  await expect(treadmill).toContainText('120.00');
  await expect(treadmill).toContainText('更换跑带');
  await s(page, 'zh-CN-repairs-lead');

  // ---- the handover: what is still open -------------------------------------------------------
  await nav(page, T, 'shift');
  const open = page.locator('section', {
    has: page.getByRole('heading', { name: T('shift.opening.openItems') }),
  });
  await expect(
    open.getByRole('heading', { name: new RegExp(escapeRe(T('shift.opening.staffMessages'))) }),
  ).toBeVisible();
  await expect(open).toContainText(`→ ${manager}`);
  await expect(open).toContainText('淋浴间花洒漏水');
  await expect(open).not.toContainText('3号跑步机跑带破损');
  await expect(open).not.toContainText(`→ ${lead}`);
  await s(page, 'zh-CN-handover-open-items');

  // ---- the same screens in English ------------------------------------------------------------
  const E = dictionary('en');
  await page.getByRole('button', { name: T('common.switchUser') }).click();
  await page.getByRole('button', { name: E('common.languages.en') }).click();
  await login(page, E, manager, '9876');
  const en = page.getByRole('dialog', { name: E('notes.messages.noticeTitle') });
  await expect(en).toBeVisible();
  await s(page, 'en-messages-notice');
  await en.getByRole('button', { name: E('notes.messages.later') }).click();
  await nav(page, E, 'notes');
  await s(page, 'en-messages-book');
  await page.getByRole('tab', { name: E('notes.tabs.repairs') }).click();
  await s(page, 'en-repairs-manager');
  expect(errors).toEqual([]);
});
