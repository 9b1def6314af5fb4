/**
 * Receipts end to end (browser build, real core): a member with a bar tab checks out paying part by
 * stored value and part in cash with change; the receipt is offered in a corner (the scan field
 * keeps the focus); its preview is printed to PDF at 58 mm (the page size the receipt sets) and the
 * PDF's text checked; with the paper set to 80 mm in the settings, the receipt is reprinted from
 * the member's stored-value ledger: the copy printed says "重打/REPRINT (1)" and has the same
 * number, and an 80 mm PDF is made. PDFs and PNGs (pdftoppm) go to test-results/receipts/.
 * Both languages: the receipt's words are what this tests.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, type Lang, moneyIn } from './i18n';
import { nav, openClub, pageCall } from './steps';

const OUT = path.join('test-results', 'receipts');

/** The receipt now in <body> as a PDF of its own page size; its text (pdftotext) and a PNG to look at. */
async function receiptPdf(page: Page, name: string, widthMm: number): Promise<string> {
  const rule = await page.locator('#receipt-page-rule').textContent();
  const m = /size: (\d+)mm (\d+)mm/.exec(rule ?? '');
  expect(m?.[1]).toBe(String(widthMm));
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: file, width: `${widthMm}mm`, height: `${m![2]}mm`, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', file, file.replace(/\.pdf$/, '')]);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  // one page: the whole receipt on one length of paper (pdftotext ends each page with a form feed)
  expect(text.split('\f').filter((p) => p.trim() !== '')).toHaveLength(1);
  return text;
}

/** Settings → this counter → receipts: the paper. */
async function setPaper(page: Page, T: ReturnType<typeof dictionary>, paper: '58' | '80'): Promise<void> {
  await nav(page, T, 'settings');
  await page.getByRole('tab', { name: T('settings.tabs.counter'), exact: true }).click();
  const radio = page.getByRole('radio', { name: T(`receipt.paper.${paper}`) });
  await radio.check();
  await page
    .locator('form')
    .filter({ has: radio })
    .getByRole('button', { name: T('common.save') })
    .click();
  await expect(page.getByText(T('settings.club.saved')).last()).toBeVisible();
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`a receipt at check-out, printed at 58 mm, reprinted at 80 mm (${lang})`, async ({ page, server }) => {
    const T = dictionary(lang);
    const money = moneyIn(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const club = lang === 'en' ? 'Riverside Fitness' : '江畔健身会所';
    const juice = lang === 'en' ? 'Orange juice' : '鲜榨橙汁';

    await page.goto(server.url);
    await openClub(page, T, { lang, name: club, manager: '王店长', pin: '9876' });
    // the records the check-out settles, made through the core's API
    const me = (await pageCall<Record<string, unknown>>(page, 'session.current', {})) as {
      staff: { id: number };
    };
    const type = await pageCall<Record<string, unknown>>(page, 'cardTypes.create', {
      name: 'Year card',
      kind: 'time',
      durationDays: 365,
      visitCount: null,
      priceCents: 300_000,
    });
    const member = await pageCall<Record<string, unknown>>(page, 'members.create', {
      cardNo: 'RC001',
      name: '张三丰',
      gender: 'male',
      phone: null,
      birthDate: null,
      cardTypeId: type.id,
      startDate: '2026-01-01',
      expiryDate: null,
      visitsLeft: null,
      consultantId: null,
      notes: '',
    });
    const item = await pageCall<Record<string, unknown>>(page, 'bar.itemCreate', {
      name: juice,
      category: 'Juice',
      priceCents: 1200,
      notes: '',
    });
    await pageCall<Record<string, unknown>>(page, 'bar.receive', { itemId: item.id, quantity: 10 });
    await pageCall<Record<string, unknown>>(page, 'shift.open', {
      staffIds: [me.staff.id],
      floatCents: 50_000,
      acknowledged: false,
      checked: [],
    });
    await pageCall<Record<string, unknown>>(page, 'storedValue.topup', {
      memberId: member.id,
      amountCents: 2000,
      method: 'card',
      reference: 'POS-1',
    });
    const visit = (await pageCall<Record<string, unknown>>(page, 'checkin.scan', {
      ref: { cardNo: 'RC001' },
      scanned: true,
    })) as {
      visit: { id: number };
    };
    await pageCall<Record<string, unknown>>(page, 'bar.sell', {
      visitId: visit.visit.id,
      items: [{ itemId: item.id, quantity: 3 }],
    });

    // ---- check-out: 20 from stored value, 16 in cash with 50 given → change 34 -------------
    await nav(page, T, 'checkin');
    await page
      .getByRole('button', { name: T('checkin.inside.checkoutWho', { name: '张三丰', tag: 1 }) })
      .click();
    const dialog = page.getByRole('dialog');
    const pay = dialog.getByRole('region', { name: T('checkin.out.payment') });
    await pay.getByText(T('checkin.pay.method.stored_value'), { exact: true }).first().click();
    await pay.getByLabel(T('checkin.pay.amount')).first().fill('20');
    await pay.getByRole('button', { name: T('checkin.pay.addMethod') }).click();
    await pay.getByLabel(T('checkin.pay.amount')).nth(1).fill('16');
    await pay.getByLabel(T('checkin.pay.tendered')).fill('50');
    await dialog.getByRole('button', { name: T('checkin.out.returned') }).click();
    await expect(dialog).toBeHidden();

    // ---- offered in a corner; the desk keeps the scan field ---------------------------------
    const offer = page.getByRole('complementary', { name: T('receipt.title') });
    await expect(offer).toContainText(money(3600));
    await expect(page.getByLabel(T('checkin.scanLabel'))).toBeFocused();
    await shot(page, `${lang}-receipt-01-offer`);
    await offer.getByRole('button', { name: T('receipt.preview') }).click();
    const preview = page.getByRole('dialog', { name: T('receipt.title') });
    const paper = preview.getByTestId('receipt');
    for (const text of [
      club,
      T('receipt.heading.checkout'),
      '张三丰',
      'RC001',
      juice,
      money(3600),
      money(3400),
      T('receipt.storedValueLeft'),
      '王店长',
    ]) {
      await expect(paper).toContainText(text);
    }
    const number = (await paper.locator('.rc-row').first().locator('span').nth(1).textContent())!;
    expect(number).toMatch(/^\d{8}$/);
    await shot(page, `${lang}-receipt-02-preview`);
    // default paper is 80 mm; the desk's printer here takes 58 mm
    await preview.getByRole('button', { name: T('receipt.skip') }).click();
    await setPaper(page, T, '58');
    await nav(page, T, 'members');
    await page.getByLabel(T('members.searchLabel')).fill('RC001');
    await page.getByRole('cell', { name: '张三丰', exact: true }).click();
    const ledger = page.getByRole('table', { name: T('members.sv.ledger') });
    const deduction = ledger.getByRole('row').filter({ hasText: T('members.sv.kind.deduction') });
    await deduction.getByRole('button', { name: T('receipt.reprint') }).click();
    const reprint = page.getByRole('dialog', { name: T('receipt.reprint') });
    await expect(reprint.getByTestId('receipt')).toHaveClass(/receipt-58/);
    const text58 = await receiptPdf(page, `${lang}-58mm`, 58);
    for (const text of [club, juice, '3', number, '王店长', T('receipt.change'), T('receipt.thanks')]) {
      expect(text58).toContain(text);
    }

    // ---- 80 mm, chosen in the settings; the copy printed is marked and counted ----------------
    await reprint
      .locator('.dialog-buttons')
      .getByRole('button', { name: T('common.close') })
      .click();
    await setPaper(page, T, '80');
    await nav(page, T, 'members');
    await page.getByLabel(T('members.searchLabel')).fill('RC001');
    await page.getByRole('cell', { name: '张三丰', exact: true }).click();
    await deduction.getByRole('button', { name: T('receipt.reprint') }).click();
    await expect(reprint.getByTestId('receipt')).toHaveClass(/receipt-80/);
    const text80 = await receiptPdf(page, `${lang}-80mm`, 80);
    expect(text80).toContain(number);
    await shot(page, `${lang}-receipt-03-reprint`);
    // what window.print() prints: the copy in <body>, now the counted reprint
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { printed: string }).printed =
          document.querySelector('.receipt-print-copy')!.textContent ?? '';
      };
    });
    await reprint.getByRole('button', { name: T('receipt.reprint') }).click();
    await expect(reprint).toBeHidden();
    const printed = await page.evaluate(() => (window as unknown as { printed: string }).printed);
    expect(printed).toContain(T('receipt.copy', { n: 1 }));
    expect(printed).toContain(number);
    expect(errors).toEqual([]);
  });
}
