/**
 * Visitors and the consultant rotation end to end through the real UI and the real core (browser
 * build, loopback server): a manager adds three consultants and a receptionist, sets the time to
 * come to the desk to the minimum (10 s) and adds a class; the three consultants sign in at the desk
 * with their PINs; a first-time visitor registers (bad input first: nothing is registered) and the
 * first consultant is called (public-address text shown) and accepts with the PIN; the next visitor
 * goes to the second, who does not come in time; the third is proposed with one click and accepts.
 * The rotation panel shows the states and who is next and why; the manager sees the consultant
 * report. Once in Chinese and once in English, with screenshots.
 */
import { expect, type Page } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, flowLangs } from './i18n';
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

async function register(
  page: Page,
  T: Dict,
  v: { name: string; phone: string; gender: 'male' | 'female' },
): Promise<void> {
  const form = page.getByRole('form', { name: T('visitors.form.title') });
  await form.getByLabel(T('visitors.form.name'), { exact: true }).fill(v.name);
  await form.getByLabel(T('visitors.form.phone'), { exact: true }).fill(v.phone);
  await form.getByRole('radio', { name: T(`common.${v.gender}`), exact: true }).check();
  await form.getByLabel(T('visitors.form.heardFrom')).selectOption({ label: T('visitors.heard.friend') });
  await form.getByRole('checkbox', { name: T('visitors.interest.yoga') }).check();
  await form
    .getByRole('group', { name: T('visitors.form.firstVisit') })
    .getByRole('radio', { name: T('common.yes'), exact: true })
    .check();
}

async function accept(page: Page, T: Dict, visitor: string, name: string, pin: string): Promise<void> {
  const card = page.getByTestId(`call-${visitor}`);
  await card.getByRole('button', { name: T('visitors.call.accept') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(T('visitors.call.acceptPin', { name })).fill(pin);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(card).toBeHidden();
}

for (const lang of flowLangs('zh-CN')) {
  test(`visitors: rotation, calling, hand-off and the next consultant on a no-show (${lang})`, async ({
    page,
    server,
  }) => {
    test.setTimeout(180_000);
    const T = dictionary(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const s = (name: string) => shot(page, `${lang}-visitors-${name}`);
    const [A, B, C] = lang === 'en' ? ['Zhang Wei', 'Li Na', 'Wang Qiang'] : ['张伟', '李娜', '王强'];
    const v1 =
      lang === 'en'
        ? { name: 'Emma Liu', phone: '139 0000 0001', gender: 'female' as const }
        : { name: '刘洋', phone: '13900000001', gender: 'female' as const };
    const v2 =
      lang === 'en'
        ? { name: 'Tom Chen', phone: '139 0000 0002', gender: 'male' as const }
        : { name: '陈静', phone: '13900000002', gender: 'male' as const };

    await page.goto(server.url);
    await openClub(page, T, {
      lang,
      name: 'Riverside Fitness',
      manager: '王店长',
      pin: '9876',
      staff: [
        [A, 'consultant', '1111'],
        [B, 'consultant', '2222'],
        [C, 'consultant', '3333'],
        ['Lily', 'reception', '2468'],
      ],
    });

    // ---- the manager sets the time to come to the desk to the minimum and adds a class ----------
    await nav(page, T, 'settings');
    await page.getByRole('tab', { name: T('settings.tabs.visitors') }).click();
    const timeout = page.getByLabel(T('visitors.settings.callTimeoutSeconds'));
    await timeout.fill('5');
    await page.getByRole('button', { name: T('visitors.settings.save') }).click();
    await expect(page.getByText(T('visitors.settings.error.callTimeoutSeconds'))).toBeVisible();
    await timeout.fill('10');
    await page.getByRole('button', { name: T('visitors.settings.save') }).click();
    await expect(page.getByText(T('visitors.settings.saved'))).toBeVisible();
    await page.getByRole('button', { name: T('visitors.settings.addClass') }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('visitors.settings.className')).fill(lang === 'en' ? 'Yoga' : '瑜伽');
    await dialog.getByLabel(T('visitors.settings.room')).fill(lang === 'en' ? 'Studio 1' : '一号教室');
    await dialog.getByLabel(T('visitors.settings.instructor')).fill('Anna');
    await dialog.getByRole('button', { name: T('visitors.settings.createClass') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('cell', { name: lang === 'en' ? 'Yoga' : '瑜伽' })).toBeVisible();

    // ---- reception: the three consultants sign in at the desk ---------------------------------
    await switchUser(page, T, 'Lily', '2468');
    await nav(page, T, 'visitors');
    const next = page.getByTestId('next-visitor');
    await expect(next).toContainText(T('visitors.rotation.why.nobody_signed_in'));
    await signIn(page, T, A, '1111');
    await signIn(page, T, B, '2222');
    await signIn(page, T, C, '3333');
    await expect(next).toContainText(A);
    await expect(next).toContainText(T('visitors.rotation.why.first_turn', { name: A }));
    await s('01-rotation');

    // ---- a first-time visitor registers; bad input first changes nothing -----------------------
    const form = page.getByRole('form', { name: T('visitors.form.title') });
    await form.getByRole('button', { name: T('visitors.form.submit') }).click();
    await expect(form.getByText(T('visitors.form.error.name'))).toBeVisible();
    await expect(form.getByText(T('visitors.form.error.fix'))).toBeVisible();
    await expect(page.getByTestId(`call-${v1.name}`)).toHaveCount(0);
    await register(page, T, v1);
    await form.getByLabel(T('visitors.form.phone'), { exact: true }).fill('abc');
    await form.getByRole('button', { name: T('visitors.form.submit') }).click();
    await expect(form.getByText(T('visitors.form.error.phone'))).toBeVisible();
    await form.getByLabel(T('visitors.form.phone'), { exact: true }).fill(v1.phone);
    await s('02-registration-form');
    await form.getByRole('button', { name: T('visitors.form.submit') }).click();

    const decision = page.getByTestId('decision');
    await expect(decision).toContainText(T('visitors.decision.code.first_visit'));
    await expect(decision).toContainText(T('visitors.decision.calling', { name: A }));
    const card1 = page.getByTestId(`call-${v1.name}`);
    await expect(card1).toContainText(T('visitors.call.pa', { name: A }));
    await expect(card1).toContainText(
      T('visitors.call.introduce', {
        title: T('visitors.call.ms', { surname: lang === 'en' ? 'Liu' : '刘' }),
      }),
    );
    await expect(page.getByTestId(`consultant-${A}`)).toContainText(T('visitors.state.being_called'));
    await s('03-calling-card');

    // ---- the first consultant accepts with the PIN; the next visitor goes to the second ---------
    await accept(page, T, v1.name, A, '1111');
    await expect(page.getByTestId(`consultant-${A}`)).toContainText(T('visitors.state.with_visitor'));
    await expect(next).toContainText(T('visitors.rotation.why.after_last', { after: A, name: B }));

    await page.getByRole('button', { name: T('visitors.decision.dismiss'), exact: true }).click();
    await register(page, T, v2);
    await form.getByRole('button', { name: T('visitors.form.submit') }).click();
    await expect(decision).toContainText(T('visitors.decision.calling', { name: B }));
    const card2 = page.getByTestId(`call-${v2.name}`);
    await expect(card2).toContainText(T('visitors.call.pa', { name: B }));
    await expect(card2).toContainText(T('visitors.call.pages', { pages: 1, max: 2 }));

    // ---- the second does not come in time: the third is proposed (one click) and accepts --------
    const callNext = card2.getByRole('button', { name: T('visitors.call.callNext', { name: C }) });
    await expect(callNext).toBeVisible({ timeout: 20_000 });
    await expect(card2).toContainText(T('visitors.call.overdue'));
    await s('04-calling-card-overdue');
    await callNext.click();
    await expect(card2).toContainText(T('visitors.call.pa', { name: C }));
    await expect(page.getByTestId(`consultant-${C}`)).toContainText(T('visitors.state.being_called'));
    await accept(page, T, v2.name, C, '3333');

    await expect(page.getByTestId(`consultant-${A}`)).toContainText(T('visitors.state.with_visitor'));
    await expect(page.getByTestId(`consultant-${B}`)).toContainText(T('visitors.state.available'));
    await expect(page.getByTestId(`consultant-${C}`)).toContainText(T('visitors.state.with_visitor'));
    await expect(next).toContainText(T('visitors.rotation.why.after_last', { after: C, name: B }));
    await expect(next).toContainText(
      T('visitors.rotation.passOver', { name: A, reason: T('visitors.skip.with_visitor') }),
    );
    await s('05-rotation-after');

    // ---- the first visitor's outcome: follow-up; the consultant is free again ------------------
    await page.getByRole('tab', { name: new RegExp(T('visitors.section.today')) }).click();
    const row1 = page.getByRole('row').filter({ hasText: v1.name });
    await row1.getByRole('button', { name: T('visitors.list.recordOutcome') }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: T('visitors.outcome.follow_up') }).check();
    await dialog.getByLabel(T('visitors.outcome.followUpDate')).fill('2099-01-15');
    await dialog.getByRole('button', { name: T('visitors.outcome.submit') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`consultant-${A}`)).toContainText(T('visitors.state.available'));
    await s('06-today');

    // ---- the manager's consultant report ------------------------------------------------------
    await switchUser(page, T, '王店长', '9876');
    await nav(page, T, 'visitors');
    await page.getByRole('tab', { name: T('visitors.section.report') }).click();
    const cells = (name: string) => page.getByTestId(`report-${name}`).getByRole('cell');
    await expect(cells(A).nth(1)).toHaveText('1');
    await expect(cells(A).nth(9)).toHaveText('1');
    await expect(cells(B).nth(5)).toHaveText('1');
    await expect(cells(C).nth(1)).toHaveText('1');
    await s('07-consultant-report');

    expect(errors).toEqual([]);
  });
}
