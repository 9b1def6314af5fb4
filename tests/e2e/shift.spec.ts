/**
 * Shift close and handover end to end (browser build, loopback server, real clock), in Chinese and
 * in English: reception opens the shift (checklist, float); a small day — three check-ins at the
 * counter, a drink on a key tag sold at the bar and paid in cash at check-out, a visitor handed to a
 * consultant who sells a card, a phone inquiry (these two seeded through the API with the desk's
 * session: the visitors screen is built separately), a pay-out authorised with the shift lead's PIN —
 * then the closing wizard: figures, key tags, a blind count, a recount the shift lead authorises with
 * a PIN (the first count stays listed), one 100 note short, expected vs counted with the shortage and
 * its reason, a message, two PIN signatures; the report shows the exact figures, both counts, the
 * pay-out with who authorised it, and the shortage; it is printed to PDF
 * (Chromium's PDF output, turned into a PNG with pdftoppm); the next shift opens and sees the handover.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, escapeRe, flowLangs, moneyIn } from './i18n';
import { importRoster, nav, switchUser, openClub } from './steps';

const CSV = [
  '卡号,姓名,性别,手机,卡类型,开卡日期,到期日期,备注',
  'SH001,张伟,男,13800001111,Year card,2026-01-01,2099-12-31,',
  'SH002,李娜,女,13800002222,Year card,2026-01-01,2099-12-31,',
  'SH003,王强,男,13800003333,Year card,2026-01-01,2099-12-31,',
].join('\r\n');

async function api<T = unknown>(page: Page, base: string, op: string, args: unknown): Promise<T> {
  const r = await page.request.post(`${base}api/${op}`, { data: args });
  const j = (await r.json()) as { ok: boolean; data: T; error?: unknown };
  if (!j.ok) throw new Error(`${op}: ${JSON.stringify(j.error)}`);
  return j.data;
}

for (const lang of flowLangs('zh-CN')) {
  test(`shift close and handover: blind count one note short, signed, next shift sees it (${lang})`, async ({
    page,
    server,
  }) => {
    test.setTimeout(240_000);
    const T = dictionary(lang);
    const money = moneyIn(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const s = (name: string) => shot(page, `${lang}-shift-${name}`);
    const drink = lang === 'en' ? 'Iced tea' : '冰红茶';

    await page.goto(server.url);
    await openClub(page, T, {
      lang,
      name: 'Riverside Fitness',
      manager: '王店长',
      pin: '9876',
      yearCard: true,
      staff: [
        ['Lily', 'reception', '2468'],
        ['Mia', 'reception', '1357'],
        ['Zoe', 'bar', '3579'],
        ['Anna', 'consultant', '7000'],
        ['Sam', 'shift_lead', '5791'],
      ],
    });
    await importRoster(page, T, CSV, 3);
    // the bar's catalogue (the bar itself has its own test): one drink at 12, ten in stock
    const item = await api<{ id: number }>(page, server.url, 'bar.itemCreate', {
      name: drink,
      category: 'Tea',
      priceCents: 1200,
      notes: '',
    });
    await api(page, server.url, 'bar.receive', { itemId: item.id, quantity: 10 });

    // ---- reception opens the shift: no previous handover, checklist, float 500 -----------------
    await switchUser(page, T, 'Lily', '2468');
    await nav(page, T, 'shift');
    await expect(page.getByText(T('shift.opening.noPrevious'))).toBeVisible();
    await expect(page.getByLabel(T('shift.opening.float'))).toHaveValue('500.00');
    for (const item of ['@handover', '@forms', '@supplies', '@music', '@screens', '@tags'])
      await page.getByRole('checkbox', { name: T(`shift.checklistItems.${item}`) }).check();
    await s('01-opening');
    await page.getByRole('button', { name: T('shift.opening.open'), exact: true }).click();
    await expect(page.getByRole('button', { name: T('shift.running.close') })).toBeVisible();

    // ---- the small day: three check-ins at the counter ----------------------------------------
    await nav(page, T, 'checkin');
    for (const [card, tag] of [
      ['SH001', '1'],
      ['SH002', '2'],
      ['SH003', '3'],
    ] as const) {
      // typed at the desk (the scanner's burst is covered by the counter test)
      await page.getByLabel(T('checkin.scanLabel')).fill(card);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('tag-number')).toHaveText(tag);
    }

    // a drink on tag 1 at the bar
    await switchUser(page, T, 'Zoe', '3579');
    await page.getByLabel(T('bar.tagLabel')).fill('1');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: new RegExp(`^${escapeRe(drink)}`) }).click();
    await page.getByRole('button', { name: T('bar.saveSlip') }).click();
    await expect(page.getByText(T('bar.slipSaved', { name: '张伟', unpaid: money(1200) }))).toBeVisible();

    // check-out: 12 in cash, 20 handed over (change 8)
    await switchUser(page, T, 'Lily', '2468');
    await nav(page, T, 'checkin');
    await page
      .getByRole('button', { name: T('checkin.inside.checkoutWho', { name: '张伟', tag: 1 }) })
      .click();
    const dialog = page.getByRole('dialog');
    const pay = dialog.getByRole('region', { name: T('checkin.out.payment') });
    await pay.getByLabel(T('checkin.pay.amount')).first().fill('12');
    await pay.getByLabel(T('checkin.pay.tendered')).fill('20');
    await dialog.getByRole('button', { name: T('checkin.out.returned') }).click();
    await expect(dialog).toBeHidden();

    // a visitor handed to a consultant who sells a year card, and a phone inquiry (API, desk session)
    const staff = await api<{ id: number; name: string }[]>(page, server.url, 'session.staffList', {});
    const anna = staff.find((x) => x.name === 'Anna')!;
    const types = await api<{ id: number; name: string }[]>(page, server.url, 'cardTypes.list', {});
    await api(page, server.url, 'rotation.signIn', { staffId: anna.id, pin: '7000' });
    const visitor = await api<{ id: number }>(page, server.url, 'visitors.register', {
      name: '赵敏',
      phone: '13900001111',
      gender: 'female',
      heardFrom: 'friend',
      interests: ['yoga'],
      firstVisit: true,
      metBefore: false,
      metConsultantId: null,
      hasAppointment: false,
      appointmentWithId: null,
    });
    await api(page, server.url, 'visitors.accept', { visitorId: visitor.id, staffId: anna.id, pin: '7000' });
    await api(page, server.url, 'visitors.outcome', {
      visitorId: visitor.id,
      outcome: 'joined',
      cardTypeId: types.find((x) => x.name === 'Year card')!.id,
    });
    await api(page, server.url, 'inquiries.create', {
      callerName: '孙先生',
      callbackPhone: '13700002222',
      hasAppointment: false,
      appointmentWithId: null,
      topic: '游泳',
    });

    // ---- the running shift: live figures, no cash before the count ------------------------------
    await nav(page, T, 'shift');
    await expect(page.getByTestId('book-visitors')).toHaveText('1');
    await expect(page.getByTestId('book-inquiries')).toHaveText('1');
    await expect(page.getByTestId('bar-sales')).toHaveText(money(1200));
    await expect(page.getByText(T('shift.running.cashHidden'))).toBeVisible();
    await s('02-running');
    /** The shift lead authorises on the spot: her PIN (it names her), the reason in words. */
    const authorise = async (reason: string, confirm: string) => {
      const d = page.getByRole('dialog');
      await d.getByLabel(T('checkin.auth.pin')).fill('5791');
      await d.getByLabel(T('checkin.auth.more')).fill(reason);
      await d.getByRole('button', { name: confirm }).click();
      await expect(d).toBeHidden();
    };
    // a pay-out of 7 for stamps, authorised with the shift lead's PIN, listed with who and why
    const stamps = lang === 'en' ? 'Stamps' : '邮票';
    await page.getByLabel(T('shift.running.payoutAmount')).fill('7');
    await page.getByRole('button', { name: T('shift.running.addPayout') }).click();
    await s('02a-payout-pin');
    await authorise(stamps, T('shift.payout.confirm', { amount: money(700) }));
    const payouts = page.getByRole('table', { name: T('shift.payout.listCaption') });
    await expect(payouts.getByRole('row').filter({ hasText: stamps })).toContainText('Sam');

    // ---- the closing wizard -----------------------------------------------------------------------
    await page.getByRole('button', { name: T('shift.running.close') }).click();
    await expect(
      page.getByRole('heading', { name: new RegExp(escapeRe(T('shift.wizard.steps.book'))) }),
    ).toBeVisible();
    await expect(page.getByText('Year card')).toBeVisible();
    await s('03-wizard-book');
    await page.getByRole('button', { name: T('shift.wizard.next') }).click();
    // the used tags counted by hand, blind: the records show only after "compare"
    await expect(page.getByTestId('tags-issued')).toHaveCount(0);
    await page.getByLabel(T('shift.wizard.tagsCounted')).fill('2');
    await page.getByRole('button', { name: T('shift.wizard.tagsCompare') }).click();
    await expect(page.getByText(T('shift.wizard.tagsDiffer', { counted: 2, issued: 3 }))).toBeVisible();
    await page.getByRole('button', { name: T('shift.wizard.next') }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: T('shift.wizard.tagsReasonNeeded') }),
    ).toBeVisible();
    await page
      .getByLabel(T('shift.wizard.tagsReason'))
      .fill(lang === 'en' ? 'Tag 7 still in the shower' : '7号手牌落在淋浴间');
    await expect(page.getByTestId('tags-issued')).toHaveText('3');
    await expect(page.getByTestId('tags-entries')).toHaveText('3');
    await expect(page.getByText(T('shift.book.tagsMatch'))).toBeVisible();
    await s('04-wizard-tags');
    await page.getByRole('button', { name: T('shift.wizard.next') }).click();
    // the blind count: the expected figure is nowhere on the page
    await expect(page.getByText(T('shift.wizard.countIntro'))).toBeVisible();
    await expect(page.getByText(T('shift.cash.expected'))).toHaveCount(0);
    await expect(page.getByText(money(50_500))).toHaveCount(0);
    const count = async (pieces: [string, string][], total: number) => {
      for (const [value, n] of pieces)
        await page.getByLabel(T('shift.wizard.countLabel', { value }), { exact: true }).fill(n);
      await expect(page.getByTestId('count-total')).toHaveText(money(total));
    };
    // 500 float + 20 taken − 8 change − 7 paid out = 505; first counted 395 (110 short)
    await count(
      [
        ['¥100', '3'],
        ['¥10', '9'],
        ['¥1', '5'],
      ],
      39_500,
    );
    await s('05-wizard-count');
    await page.getByRole('button', { name: T('shift.wizard.submitCount') }).click();
    await expect(page.getByTestId('cash-expected')).toHaveText(money(50_500));
    await expect(page.getByTestId('cash-counted')).toHaveText(money(39_500));
    // a 100 note turns up under the tray: a recount, authorised with the shift lead's PIN
    await page.getByRole('button', { name: T('shift.recount.button') }).click();
    await authorise(lang === 'en' ? 'Note under the tray' : '托盘下有一张', T('shift.recount.confirm'));
    await expect(page.getByText(T('shift.wizard.countIntro'))).toBeVisible();
    await expect(page.getByRole('table', { name: T('shift.counts.sofar') }).getByRole('row')).toHaveCount(2);
    // the recount is blind too: one 100 note short still, 4×100 + 5×1 = 405
    await count(
      [
        ['¥100', '4'],
        ['¥10', '0'],
        ['¥1', '5'],
      ],
      40_500,
    );
    await s('05a-wizard-recount');
    await page.getByRole('button', { name: T('shift.wizard.submitCount') }).click();
    await expect(page.getByTestId('cash-expected')).toHaveText(money(50_500));
    await expect(page.getByTestId('cash-counted')).toHaveText(money(40_500));
    await expect(page.getByTestId('cash-difference')).toContainText(
      T('shift.cash.short', { amount: money(10_000) }),
    );
    // a shortage needs its reason
    await page.getByRole('button', { name: T('shift.wizard.next') }).click();
    await expect(page.getByRole('alert').filter({ hasText: T('shift.wizard.reasonNeeded') })).toBeVisible();
    await page
      .getByLabel(T('shift.cash.reason'))
      .fill(lang === 'en' ? 'One 100 note missing' : '少一张100元');
    await page.getByLabel(T('shift.cash.floatHanded')).fill('400');
    await s('06-wizard-result');
    await page.getByRole('button', { name: T('shift.wizard.next') }).click();
    const message = lang === 'en' ? 'Locker 12 door sticks' : '12号柜门卡住';
    await page.getByLabel(T('shift.running.messages')).fill(message);
    await s('07-wizard-messages');
    await page.getByRole('button', { name: T('shift.wizard.next') }).click();
    for (const [who, name, pin] of [
      ['outgoing', 'Lily', '2468'],
      ['incoming', 'Mia', '1357'],
    ] as const) {
      const group = page.getByRole('group', { name: T(`shift.wizard.${who}`) });
      await group
        .getByLabel(T('shift.wizard.who'))
        .selectOption({ label: `${name} · ${T('common.roles.reception')}` });
      await group.getByLabel(T('shift.wizard.pinOf', { name })).fill(pin);
    }
    await s('08-wizard-sign');
    await page.getByRole('button', { name: T('shift.wizard.sign') }).click();

    // ---- the report: exact figures, the shortage, both signatories --------------------------------
    const report = page.getByRole('article', { name: T('shift.report.title') });
    await expect(report).toBeVisible();
    await expect(report.getByText('Riverside Fitness')).toBeVisible();
    const all = report.getByRole('row', { name: new RegExp(`^${escapeRe(T('shift.book.allEntries'))}`) });
    await expect(all.getByRole('cell')).toHaveText(['2', '1', '3']);
    await expect(report.getByTestId('book-visitors')).toHaveText('1');
    await expect(report.getByTestId('book-inquiries')).toHaveText('1');
    await expect(report.getByTestId('bar-sales')).toHaveText(money(1200));
    await expect(report.getByText('Year card')).toBeVisible();
    await expect(report.getByTestId('cash-expected')).toHaveText(money(50_500));
    await expect(report.getByTestId('cash-counted')).toHaveText(money(40_500));
    await expect(report.getByTestId('report-tag-count')).toContainText(
      T('shift.wizard.tagsDiffer', { counted: 2, issued: 3 }),
    );
    // every count with its difference (the first superseded), the pay-out with who authorised it
    const counts = report.getByRole('table', { name: T('shift.counts.title') });
    await expect(counts.getByRole('row')).toHaveCount(3);
    await expect(counts).toContainText(T('shift.cash.short', { amount: money(11_000) }));
    await expect(counts).toContainText(T('shift.counts.superseded'));
    await expect(report.getByRole('table', { name: T('shift.running.payouts') })).toContainText('Sam');
    await expect(report.getByTestId('cash-difference')).toContainText(
      T('shift.cash.short', { amount: money(10_000) }),
    );
    await expect(report.getByTestId('signed-out')).toHaveText('Lily');
    await expect(report.getByTestId('signed-in')).toHaveText('Mia');
    await expect(report.getByText(message)).toBeVisible();
    await s('09-report');

    // the A4 PDF, as Chromium prints it, then a PNG of its first page to look at
    const dir = path.join('test-results', 'shift');
    fs.mkdirSync(dir, { recursive: true });
    // as the browser prints: beforeprint lays the report out as numbered pages (handover-print.spec.ts)
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(dir, `${lang}-handover.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, `${lang}-handover`)]);
    expect(fs.readdirSync(dir).some((f) => f.startsWith(`${lang}-handover`) && f.endsWith('.png'))).toBe(
      true,
    );

    // ---- the next shift opens and sees the handover -------------------------------------------------
    await switchUser(page, T, 'Mia', '1357');
    await nav(page, T, 'shift');
    await expect(page.getByRole('heading', { name: T('shift.opening.previous') })).toBeVisible();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByText(T('shift.cash.short', { amount: money(10_000) }))).toBeVisible();
    await expect(page.getByLabel(T('shift.opening.float'))).toHaveValue('400.00');
    // two tags are still out (the two members inside)
    await expect(
      page.getByRole('heading', { name: new RegExp(escapeRe(T('shift.opening.tagsOut'))) }),
    ).toBeVisible();
    await s('10-next-opening');
    await page.getByRole('button', { name: T('shift.opening.open'), exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: T('shift.opening.ackNeeded') })).toBeVisible();
    await page.getByRole('checkbox', { name: T('shift.opening.acknowledge') }).check();
    await page.getByRole('button', { name: T('shift.opening.open'), exact: true }).click();
    await expect(page.getByRole('button', { name: T('shift.running.close') })).toBeVisible();
    await s('11-next-running');

    // history with the charts; the manager sees the day close (a shift is still open)
    await page.getByRole('tab', { name: T('shift.tabs.history') }).click();
    await expect(page.getByRole('button', { name: T('shift.history.open') }).first()).toBeVisible();
    await s('12-history');
    await switchUser(page, T, '王店长', '9876');
    await nav(page, T, 'shift');
    await page.getByRole('tab', { name: T('shift.tabs.day') }).click();
    await expect(page.getByTestId('day-blockers')).toContainText(T('shift.dayClose.blocked'));
    await expect(page.getByRole('button', { name: T('shift.dayClose.close') })).toBeDisabled();
    await s('13-day-close');

    expect(errors).toEqual([]);
  });
}
