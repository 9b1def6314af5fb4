/**
 * Importing a club's roster from another system, end to end: a GBK export with other column names,
 * no gender, a national ID and a price paid; a wrong choice (the price as the balance) is refused
 * naming the column, which is marked; the check lists the bad rows by row and column, a card type
 * the club lacks (created from the report) and a consultant who left (imported without one); the
 * valid rows are imported; at the counter a frozen member is stopped. Screenshots of every step in
 * both languages (the wording is what this is about).
 */
import iconv from 'iconv-lite';
import { expect } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, flowLangs } from './i18n';
import { addCardType, nav, switchUser, openClub } from './steps';

const ROSTER = [
  '序号,会员卡号,姓名,手机号码,身份证号,卡种,合同开始时间,合同结束时间,剩余次数,储值余额,实收金额,会籍顾问,状态,冻结开始日期,冻结结束日期,办卡门店,备注',
  '1,V0001,王小明,138 0000 1111,11010519491231002X,年卡,2026/01/05 10:22:33,2099/01/04 00:00:00,,"1,280.50",3000,张伟,正常,,,江畔店,老会员',
  '2,V0002,李冻结,13900002222,440524188001010014,年卡,2026-03-01 09:00,2099-02-28,,0,2800,张伟,停卡,,,江畔店,',
  '3,V0003,周次卡,13500005555,,10次卡,2026-10-01,,6,0,800,张伟,正常,,,,',
  '4,V0004,吴负数,13400006666,,年卡,2026-01-01,2099-12-31,,-20,2800,张伟,正常,,,,',
  '5,V0005,郑倒挂,13300007777,,年卡,2026-06-01,2026-05-01,,,2800,张伟,正常,,,,',
  '6,V0006,孙离职,13200008888,,年卡,2026-01-01,2099-12-31,,100,2800,赵六,正常,,,,',
].join('\r\n');

for (const lang of flowLangs('en')) {
  test(`importing a roster from another system (${lang})`, async ({ page, server }) => {
    const T = dictionary(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const s = (name: string) => shot(page, `${lang}-import-${name}`);

    await page.goto(server.url);
    await openClub(page, T, {
      lang,
      name: '江畔健身会所',
      manager: '王店长',
      pin: '9876',
      staff: [
        ['张伟', 'consultant', '4001'],
        ['Lily', 'reception', '2468'],
      ],
    });
    await addCardType(page, T, '年卡', 365, 3000);

    await nav(page, T, 'members');
    await page.getByRole('button', { name: T('members.import.button') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(T('members.import.file')).setInputFiles({
      name: 'roster-gbk.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(ROSTER, 'gbk'),
    });
    await dialog.getByRole('button', { name: T('members.import.read') }).click();

    // Every column with a suggestion; the price paid and the national ID are not taken.
    const target = (header: string) => dialog.getByLabel(`${T('members.import.colTarget')}: ${header}`);
    await expect(target('会员卡号')).toHaveValue('f:cardNo');
    await expect(target('合同开始时间')).toHaveValue('f:startDate');
    await expect(target('储值余额')).toHaveValue('f:storedValue');
    await expect(target('实收金额')).toHaveValue('');
    await expect(target('身份证号')).toHaveValue('');
    await expect(target('办卡门店')).toHaveValue('notes+');
    await expect(dialog.getByText(T('members.import.why.price'))).toBeVisible();
    await expect(dialog.getByText(T('members.import.genderNotInFile'))).toBeVisible();
    await s('1-mapping');

    // A wrong choice: the price paid as the balance. Refused, naming the column, which is marked.
    await target('实收金额').selectOption('f:storedValue');
    await dialog.getByRole('button', { name: T('members.import.check') }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('实收金额');
    await expect(alert).toContainText(T('members.import.columnRef', { n: 11, header: '实收金额' }));
    await expect(dialog.locator('tr.import-marked')).toHaveAttribute('data-column', '10');
    await s('2-mapping-error');
    await target('实收金额').selectOption('');
    await target('储值余额').selectOption('f:storedValue');

    await dialog.getByRole('button', { name: T('members.import.check') }).click();
    const problems = dialog.locator('.import-problems');
    const rowOf = (n: number) =>
      problems.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
    await expect(rowOf(5)).toContainText('-20');
    await expect(rowOf(5)).toContainText(T('members.problem.NEGATIVE_AMOUNT'));
    await expect(rowOf(6)).toContainText(T('members.problem.EXPIRY_BEFORE_START', { start: '2026-06-01' }));
    await expect(rowOf(7)).toContainText('赵六');
    await s('3-report');

    // The missing card type is created from the report; the consultant who left: no consultant.
    const newType = dialog.locator('.import-newtype').filter({ hasText: '10次卡' });
    await newType.getByLabel(T('members.import.typeKind')).selectOption('visits');
    await newType.getByLabel(T('members.import.typeVisits')).fill('10');
    await newType.getByLabel(T('members.import.typePrice')).fill('800');
    await newType.getByRole('button', { name: T('members.import.createType') }).click();
    await expect(dialog.getByText(T('members.import.typeCreated', { name: '10次卡' }))).toBeVisible();
    await dialog
      .getByLabel(T('members.import.consultantRows_one', { name: '赵六', count: 1 }))
      .selectOption('none');
    await dialog.getByRole('button', { name: T('members.import.checkAgain') }).click();
    const commit = dialog.getByRole('button', { name: T('members.import.commit_other', { count: 4 }) });
    await expect(commit).toBeVisible();
    await s('4-report-resolved');
    await commit.click();
    await expect(dialog.getByText(T('members.import.imported_other', { count: 4 }))).toBeVisible();
    await expect(dialog.getByText(T('members.import.skipped_other', { count: 2 }))).toBeVisible();
    await s('5-done');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // At the counter the frozen member is stopped, with the reason in words.
    await switchUser(page, T, 'Lily', '2468');
    await page.keyboard.type('V0002', { delay: 0 });
    await page.keyboard.press('Enter');
    const result = page.getByRole('region', { name: T('checkin.resultLabel') });
    await expect(result.getByText(T('checkin.blocked')).first()).toBeVisible();
    await expect(result).toContainText(T('checkin.todo.FROZEN'));
    await page.keyboard.type('V0001', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect(result.getByTestId('gender-unknown')).toBeVisible();
    await s('6-checkin-gender-unknown');
    expect(errors).toEqual([]);
  });
}
