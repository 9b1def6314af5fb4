/**
 * A consultant's disputes end to end through the real UI and the real core (browser build, loopback
 * server): two consultants sign in at the desk, a first-time visitor goes to the first by rotation
 * and is accepted; the second consultant logs in and disputes the assignment with a reason; the
 * customer-service manager moves the credit with a note; the second consultant logs in again and
 * sees the decision, who decided and the note under "My disputes" (read-only), and so does the
 * first, whose credit moved. Once in Chinese and once in English, with screenshots.
 */
import { expect, type Page } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, escapeRe, flowLangs } from './i18n';
import { nav, switchUser, type Dict, openClub } from './steps';

async function signIn(page: Page, T: Dict, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: T('visitors.rotation.signIn') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(T('visitors.rotation.signInWho')).selectOption({ label: name });
  await dialog.getByLabel(T('visitors.rotation.signInPin', { name })).fill(pin);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`consultant-${name}`)).toContainText(T('visitors.state.available'));
}

for (const lang of flowLangs('en')) {
  test(`disputes: a consultant disputes, the manager moves the credit, the consultant sees it (${lang})`, async ({
    page,
    server,
  }) => {
    test.setTimeout(180_000);
    const T = dictionary(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const s = async (name: string) => {
      // the corner messages would cover the screen
      for (const b of await page.locator('.toasts button').all())
        await b.click({ timeout: 500 }).catch(() => undefined);
      await shot(page, `${lang}-disputes-${name}`);
    };
    const [A, B, CS] = lang === 'en' ? ['Zhang Wei', 'Li Na', 'Zhou Min'] : ['张伟', '李娜', '周敏'];
    const v =
      lang === 'en' ? { name: 'Emma Liu', phone: '139 0000 0001' } : { name: '刘洋', phone: '13900000001' };
    const reason =
      lang === 'en'
        ? 'I met Emma at the mall event last week; she has my card.'
        : '上周商场活动时我接待过刘洋，她有我的名片。';
    const note = lang === 'en' ? 'Event sign-up sheet confirms it.' : '活动登记表可以证实。';

    await page.goto(server.url);
    await openClub(page, T, {
      lang,
      name: 'Riverside Fitness',
      manager: '王店长',
      pin: '9876',
      staff: [
        [A, 'consultant', '1111'],
        [B, 'consultant', '2222'],
        ['Lily', 'reception', '2468'],
        [CS, 'cs_manager', '4444'],
      ],
    });

    // ---- reception: both sign in; a first-time visitor goes to the first, who accepts ----------
    await switchUser(page, T, 'Lily', '2468');
    await nav(page, T, 'visitors');
    await signIn(page, T, A, '1111');
    await signIn(page, T, B, '2222');
    const form = page.getByRole('form', { name: T('visitors.form.title') });
    await form.getByLabel(T('visitors.form.name'), { exact: true }).fill(v.name);
    await form.getByLabel(T('visitors.form.phone'), { exact: true }).fill(v.phone);
    await form.getByRole('radio', { name: T('common.female'), exact: true }).check();
    await form.getByLabel(T('visitors.form.heardFrom')).selectOption({ label: T('visitors.heard.friend') });
    await form
      .getByRole('group', { name: T('visitors.form.firstVisit') })
      .getByRole('radio', { name: T('common.yes'), exact: true })
      .check();
    await form.getByRole('button', { name: T('visitors.form.submit') }).click();
    await expect(page.getByTestId('decision')).toContainText(T('visitors.decision.calling', { name: A }));
    const card = page.getByTestId(`call-${v.name}`);
    await card.getByRole('button', { name: T('visitors.call.accept') }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('visitors.call.acceptPin', { name: A })).fill('1111');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`consultant-${A}`)).toContainText(T('visitors.state.with_visitor'));

    // ---- the second consultant logs in and disputes it with a reason ---------------------------
    await switchUser(page, T, B, '2222');
    await nav(page, T, 'visitors');
    await page.getByRole('tab', { name: new RegExp(escapeRe(T('visitors.section.today'))) }).click();
    await page
      .getByRole('row')
      .filter({ hasText: v.name })
      .getByRole('button', { name: T('visitors.list.dispute') })
      .click();
    dialog = page.getByRole('dialog', { name: T('visitors.dispute.title', { visitor: v.name }) });
    // a logged-in consultant disputes as themselves: no PIN asked; a reason is required
    await expect(dialog.getByLabel(T('visitors.dispute.pin'))).toHaveCount(0);
    await dialog.getByRole('button', { name: T('visitors.dispute.submit') }).click();
    await expect(dialog.getByText(T('visitors.dispute.needReason'))).toBeVisible();
    await dialog.getByLabel(T('visitors.dispute.reason')).fill(reason);
    await dialog.getByRole('button', { name: T('visitors.dispute.submit') }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('tab', { name: T('visitors.section.myDisputes') }).click();
    const mine = page.getByTestId(`my-dispute-${v.name}`);
    await expect(mine).toContainText(T('visitors.disputes.byYou'));
    await expect(mine).toContainText(reason);
    await expect(mine).toContainText(T('visitors.disputes.status_open'));
    await expect(mine).toContainText(T('visitors.disputes.pending'));
    // read-only: nothing to decide here
    await expect(page.getByRole('button', { name: T('visitors.disputes.submit') })).toHaveCount(0);
    await s('01-my-disputes-open');

    // ---- the customer-service manager moves the credit with a note -----------------------------
    await switchUser(page, T, CS, '4444');
    await nav(page, T, 'visitors');
    await page.getByRole('tab', { name: T('visitors.section.disputes') }).click();
    const queued = page.locator('.vis-dispute').filter({ hasText: reason });
    await expect(queued).toContainText(T('visitors.disputes.creditBefore', { name: A }));
    await queued.getByRole('radio', { name: T('visitors.disputes.move') }).check();
    await queued.getByRole('combobox', { name: T('visitors.disputes.move') }).selectOption({ label: B });
    await queued.getByLabel(T('visitors.disputes.note')).fill(note);
    await s('02-manager-decides');
    await queued.getByRole('button', { name: T('visitors.disputes.submit') }).click();
    await expect(page.locator('.vis-dispute').filter({ hasText: reason })).toContainText(note);
    await expect(page.getByRole('button', { name: T('visitors.disputes.submit') })).toHaveCount(0);

    // ---- the consultant sees the decision, who decided and the note ----------------------------
    await switchUser(page, T, B, '2222');
    await nav(page, T, 'visitors');
    await page.getByRole('tab', { name: T('visitors.section.myDisputes') }).click();
    await expect(mine).toContainText(T('visitors.disputes.status_decided'));
    await expect(mine).toContainText(T('visitors.disputes.outcomeMove', { from: A, name: B }));
    await expect(mine).toContainText(CS);
    await expect(mine).toContainText(note);
    await s('03-my-disputes-decided');

    // ---- the first consultant, whose credit moved, sees it too (raised by the other) -----------
    await switchUser(page, T, A, '1111');
    await nav(page, T, 'visitors');
    await page.getByRole('tab', { name: T('visitors.section.myDisputes') }).click();
    await expect(mine).toContainText(B);
    await expect(mine).toContainText(T('visitors.disputes.outcomeMove', { from: A, name: B }));

    expect(errors).toEqual([]);
  });
}
