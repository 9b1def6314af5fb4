/**
 * Incidents end to end through the real UI and the real core (browser build, loopback server):
 * reception reports an injury from the top bar in seconds (member picked by card number, details
 * filled in) and sees it on the open list without medical details, and reports one for a visitor
 * who is not a member (name, gender, age); the manager completes the record, adds a follow-up and
 * marks it done, attaches a photo (a changed file is refused), tries to close with a field missing
 * (the checklist), then closes it; the review lists it with its costs
 * and totals; the written report prints to an A4 PDF (converted to PNG to be looked at). A complaint
 * goes through its steps and closes with what the member wanted and what was agreed. Once in Chinese
 * and once in English, with screenshots.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { shot, test } from './fixtures';
import { dictionary, escapeRe, flowLangs, moneyIn } from './i18n';
import { importRoster, nav, switchUser, openClub } from './steps';

const CSV = [
  '卡号,姓名,性别,出生日期,手机,卡类型,开卡日期,到期日期,备注',
  'INC001,李小龙,男,1990-05-12,13800002222,Year card,2026-01-01,2099-12-31,',
].join('\r\n');

/** A 2×2 PNG (a real image: the core checks the file's signature). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

for (const lang of flowLangs('zh-CN')) {
  test(`incidents: reported at the desk, completed, closed, reviewed and printed (${lang})`, async ({
    page,
    server,
  }) => {
    const T = dictionary(lang);
    const money = moneyIn(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const s = async (name: string) => {
      // the corner messages would cover the screen
      for (const b of await page.locator('.toasts button').all())
        await b.click({ timeout: 500 }).catch(() => undefined);
      await shot(page, `${lang}-incidents-${name}`);
    };
    const manager = lang === 'en' ? 'Mia Wang' : '王店长';
    const managerOption = `${manager} (${T('common.roles.store_manager')})`;
    const lilyOption = `Lily (${T('common.roles.reception')})`;

    await page.goto(server.url);
    await openClub(page, T, {
      lang,
      name: 'Riverside Fitness',
      manager,
      pin: '9876',
      yearCard: true,
      staff: [['Lily', 'reception', '2468']],
    });
    await importRoster(page, T, CSV, 1);

    // ---- reception reports an injury from the top bar ---------------------------------------
    await switchUser(page, T, 'Lily', '2468');
    await page.getByRole('button', { name: T('incidents.reportButton') }).click();
    let dialog = page.getByRole('dialog', { name: T('incidents.open.title') });
    await expect(dialog.getByRole('radio', { name: T('incidents.kinds.injury') })).toBeChecked();
    // nothing filled in: the form says what is missing
    await dialog.getByRole('button', { name: T('incidents.open.submit') }).click();
    await expect(dialog.getByText(T('incidents.open.needPlace'))).toBeVisible();
    await expect(dialog.getByText(T('incidents.open.needWhat'))).toBeVisible();
    await dialog.getByLabel(T('incidents.open.member')).fill('INC001');
    await expect(dialog.getByRole('option', { name: /李小龙/ })).toBeVisible();
    await dialog.getByLabel(T('incidents.open.member')).press('Enter');
    await expect(dialog.locator('.inc-picked')).toContainText('INC001');
    await expect(dialog.locator('.inc-picked')).toContainText('李小龙');
    await expect(dialog.locator('.inc-picked')).toContainText(T('common.male'));
    await expect(dialog.locator('.inc-picked')).toContainText(/\d+/);
    const occurred = await dialog.getByLabel(T('incidents.fields.occurredAt')).inputValue();
    expect(occurred).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await dialog.getByLabel(T('incidents.fields.place')).fill(T('incidents.places.gym'));
    const what =
      lang === 'en'
        ? 'Slipped on a wet floor by the treadmills and fell on his wrist.'
        : '在跑步机旁地面湿滑摔倒，手腕着地。';
    await dialog.getByLabel(T('incidents.fields.what')).fill(what);
    await s('01-report-dialog');
    await dialog.getByRole('button', { name: T('incidents.open.submit') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(T('incidents.open.done', { id: 1 }))).toBeVisible();

    // the desk view: on the open list, no medical details or money
    await nav(page, T, 'incidents');
    const openList = page.getByRole('table', { name: T('incidents.desk.openTitle') });
    await expect(openList.getByRole('row').filter({ hasText: '李小龙' })).toContainText(
      T('incidents.status.open'),
    );
    await expect(page.getByRole('columnheader', { name: T('incidents.col.examCost') })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: T('incidents.tabs.complaints') })).toHaveCount(0);
    // someone who is not a member: a name (gender, age if known) instead of the member picker
    await page
      .locator('.topbar')
      .getByRole('button', { name: T('incidents.reportButton') })
      .click();
    dialog = page.getByRole('dialog', { name: T('incidents.open.title') });
    await dialog.getByRole('radio', { name: T('incidents.open.whoOther') }).check();
    await expect(dialog.getByLabel(T('incidents.open.member'))).toHaveCount(0);
    const guest = lang === 'en' ? 'Ms Gao (visitor)' : '高女士（访客）';
    await dialog.getByLabel(T('incidents.open.personName')).fill(guest);
    await dialog.getByLabel(T('incidents.open.personGender')).selectOption({ label: T('common.female') });
    await dialog.getByLabel(T('incidents.open.personAge')).fill('200');
    await dialog.getByLabel(T('incidents.fields.place')).fill(T('incidents.places.bar'));
    await dialog
      .getByLabel(T('incidents.fields.what'))
      .fill(lang === 'en' ? 'Cut her finger on a broken glass.' : '被碎玻璃划伤手指。');
    await dialog.getByRole('button', { name: T('incidents.open.submit') }).click();
    await expect(dialog.getByText(T('incidents.open.badAge'))).toBeVisible();
    await dialog.getByLabel(T('incidents.open.personAge')).fill('34');
    await s('01b-report-non-member');
    await dialog.getByRole('button', { name: T('incidents.open.submit') }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(T('incidents.open.done', { id: 2 }))).toBeVisible();
    await expect(openList.getByRole('row').filter({ hasText: guest })).toContainText(
      T('incidents.status.open'),
    );
    await s('02-desk-list');

    // ---- the manager completes the record -----------------------------------------------------
    await switchUser(page, T, manager, '9876');
    await nav(page, T, 'incidents');
    await page.getByRole('button', { name: T('incidents.openRecord', { id: 1 }) }).click();
    await expect(page.getByRole('heading', { name: T('incidents.detailTitle', { id: 1 }) })).toBeVisible();
    await expect(page.getByLabel(T('incidents.fields.memberName'))).toHaveValue('李小龙');
    await page
      .getByLabel(T('incidents.fields.severity'))
      .selectOption({ label: T('incidents.severities.moderate') });
    await page
      .getByLabel(T('incidents.fields.harm'))
      .fill(lang === 'en' ? 'Sprained left wrist, swelling.' : '左手腕扭伤，肿胀。');
    await page
      .getByLabel(T('incidents.fields.csManager'), { exact: true })
      .selectOption({ label: managerOption });
    await page.getByLabel(T('incidents.fields.csManagerToldAt')).fill(occurred);
    await page
      .getByLabel(T('incidents.fields.dutyCoach'), { exact: true })
      .fill(lang === 'en' ? 'Coach Chen' : '陈教练');
    await page.getByLabel(T('incidents.fields.dutyCoachToldAt')).fill(occurred);
    await page.getByLabel(T('incidents.fields.firstAidBy')).fill(lang === 'en' ? 'Coach Chen' : '陈教练');
    await page
      .getByLabel(T('incidents.fields.firstAid'), { exact: true })
      .fill(lang === 'en' ? 'Ice pack, wrist support.' : '冰敷，护腕固定。');
    await page.getByLabel(T('incidents.fields.statementTakenBy')).selectOption({ label: lilyOption });
    await page.getByLabel(T('incidents.fields.statementSignedAt')).fill(occurred);
    await page.getByLabel(T('incidents.fields.hospital'), { exact: true }).check();
    await page
      .getByLabel(T('incidents.fields.hospitalName'))
      .fill(lang === 'en' ? 'City No. 1 Hospital' : '市第一人民医院');
    await page.getByLabel(T('incidents.fields.hospitalAccompaniedBy')).selectOption({ label: lilyOption });
    await page.getByLabel(T('incidents.fields.examinationCost')).fill('350.50');
    await page
      .getByLabel(T('incidents.fields.examinationResult'))
      .fill(lang === 'en' ? 'X-ray: no fracture.' : 'X光：无骨折。');
    await page
      .getByLabel(T('incidents.fields.memberRequest'))
      .fill(lang === 'en' ? 'Costs refunded.' : '报销费用。');
    await page.getByLabel(T('incidents.fields.compensationAsked')).fill('500');
    await page.getByLabel(T('incidents.fields.compensationAgreed')).fill('300');
    await page
      .getByLabel(T('incidents.fields.handlingOpinion'))
      .fill(
        lang === 'en'
          ? 'Pay the examination and a one-month extension; mop schedule checked.'
          : '报销检查费并延期一个月；检查拖地安排。',
      );
    await page.getByRole('button', { name: T('incidents.save') }).click();
    await expect(page.getByText(T('incidents.savedToast'))).toBeVisible();

    // a follow-up, then marked done
    await page
      .getByLabel(T('incidents.fu.note'), { exact: true })
      .fill(lang === 'en' ? 'Call about the wrist' : '电话询问手腕情况');
    await page.getByRole('button', { name: T('incidents.fu.add') }).click();
    await expect(page.getByText(T('incidents.fu.addedToast'))).toBeVisible();
    await expect(page.locator('.inc-detail-header')).toContainText(T('incidents.status.follow_up'));
    const fuRow = page.locator('.inc-fu-table tbody tr').first();
    await expect(fuRow).toContainText(T('incidents.followUpState.due_today'));
    await fuRow.getByRole('button', { name: T('incidents.fu.markDone'), exact: false }).click();
    await fuRow.getByPlaceholder(T('incidents.fu.outcome')).fill(lang === 'en' ? 'Feeling better' : '已好转');
    await fuRow.getByRole('button', { name: T('incidents.fu.confirmDone'), exact: true }).click();
    await expect(fuRow).toContainText(T('incidents.followUpState.done'));

    // a photo attached and opened; then the stored file is changed: it is refused, clearly
    await page
      .getByLabel(T('incidents.att.file'))
      .setInputFiles({ name: 'floor.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByText(T('incidents.att.added', { name: 'floor.png' }))).toBeVisible();
    await page.getByRole('button', { name: T('incidents.att.openNamed', { name: 'floor.png' }) }).click();
    dialog = page.getByRole('dialog', { name: 'floor.png' });
    await expect(dialog.getByRole('img', { name: 'floor.png' })).toBeVisible();
    await expect(dialog.getByText(T('incidents.att.verified'))).toBeVisible();
    await dialog
      .getByRole('button', { name: T('common.close') })
      .last()
      .click();
    await expect(dialog).toBeHidden();
    const hash = crypto.createHash('sha256').update(PNG).digest('hex');
    fs.writeFileSync(path.join(server.dataDir, 'attachments', hash), Buffer.concat([PNG, Buffer.from('x')]));
    await page.getByRole('button', { name: T('incidents.att.openNamed', { name: 'floor.png' }) }).click();
    const bad = page.locator('.inc-att.bad');
    await expect(bad.getByRole('alert')).toContainText(T('errors.ATTACHMENT_TAMPERED'));
    await expect(bad).toContainText(T('incidents.att.tampered'));
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // a scanned statement as a PDF opens in the app's own viewer: the CSP lets a blob: frame show it
    if (lang === 'en') {
      const maker = await page.context().newPage();
      await maker.setContent('<h1 style="font-size:64px">Signed statement</h1>');
      const PDF = await maker.pdf({ format: 'A5' });
      await maker.close();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (m.text().includes('Content Security Policy')) violations.push(m.text());
      });
      await page
        .getByLabel(T('incidents.att.file'))
        .setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: PDF });
      await expect(page.getByText(T('incidents.att.added', { name: 'statement.pdf' }))).toBeVisible();
      await page
        .getByRole('button', { name: T('incidents.att.openNamed', { name: 'statement.pdf' }) })
        .click();
      dialog = page.getByRole('dialog', { name: 'statement.pdf' });
      const viewer = dialog.locator('iframe.inc-viewer-pdf');
      await expect(viewer).toHaveAttribute('src', /^blob:http:\/\/127\.0\.0\.1:\d+\//);
      await expect.poll(() => page.frames().some((f) => f.url().startsWith('blob:'))).toBe(true);
      await page.waitForTimeout(1000); // the viewer draws the page
      await shot(page, 'incidents-pdf-attachment');
      expect(violations).toEqual([]);
      await dialog
        .getByRole('button', { name: T('common.close') })
        .last()
        .click();
      await expect(dialog).toBeHidden();
    }

    // the rulebook's steps for an injury: all done but the hospital decision's signed confirmation
    const stepList = page.locator('.inc-steps');
    await expect(
      stepList.getByRole('button', { name: new RegExp(escapeRe(T('incidents.steps.hospitalDecision'))) }),
    ).toBeVisible();
    await expect(stepList.locator('li.ok')).toContainText([
      T('incidents.steps.csManagerTold'),
      T('incidents.steps.dutyCoachTold'),
      T('incidents.steps.firstAid'),
      T('incidents.steps.statement'),
      T('incidents.steps.writtenReport'),
    ]);
    // closing with the "no serious harm" signature missing: refused, with the checklist
    await page.getByRole('button', { name: T('incidents.close'), exact: true }).click();
    const checklist = page.locator('.inc-checklist');
    await expect(checklist).toContainText(T('incidents.refused.title'));
    const item = checklist
      .getByRole('listitem')
      .filter({ hasText: T('incidents.reportFields.examConfirmedAt') });
    await expect(item).toContainText(T('incidents.refused.missing'));
    await expect(checklist.getByRole('listitem')).toHaveCount(1);
    await s('03-detail-refused');
    await item.getByRole('button').click();
    await expect(page.getByLabel(T('incidents.fields.examConfirmedAt'))).toBeFocused();
    await page.getByLabel(T('incidents.fields.examConfirmedAt')).fill(occurred);
    await page.getByRole('button', { name: T('incidents.save') }).click();
    await expect(item).toContainText(T('incidents.refused.done'));
    await expect(page.locator('.inc-detail-header')).toContainText(T('incidents.reportComplete'));
    await page.getByRole('button', { name: T('incidents.close'), exact: true }).click();
    await expect(page.getByText(T('incidents.closedToast', { id: 1 }))).toBeVisible();
    await expect(page.locator('.inc-closed-banner')).toBeVisible();
    await expect(page.getByLabel(T('incidents.fields.harm'))).toBeDisabled();
    await expect(page.getByRole('button', { name: T('incidents.close'), exact: true })).toHaveCount(0);
    // read-only, but a dated addendum can still be added
    const addendum = lang === 'en' ? 'Member called: fully recovered.' : '会员来电：已完全康复。';
    await page.getByRole('textbox', { name: T('incidents.addenda.text') }).fill(addendum);
    await page.getByRole('button', { name: T('incidents.addenda.add') }).click();
    await expect(page.locator('.inc-addenda')).toContainText(addendum);
    await page.locator('.inc-detail-header').scrollIntoViewIfNeeded();
    await s('04-detail-closed');

    // ---- the review lists it with its costs -----------------------------------------------------
    await page.getByRole('button', { name: T('incidents.backToList') }).click();
    const row = page
      .getByRole('table', { name: T('incidents.review.listTitle') })
      .getByRole('row')
      .filter({ hasText: '李小龙' });
    await expect(row).toContainText(T('incidents.status.closed'));
    await expect(row).toContainText(money(35050));
    await expect(row).toContainText(money(30000));
    await expect(page.getByTestId('total-exam')).toContainText(money(35050));
    await expect(page.getByTestId('total-comp')).toContainText(money(30000));
    await expect(page.locator('.inc-chart-col')).not.toHaveCount(0);
    await expect(
      page.getByRole('button', { name: new RegExp(escapeRe(T('incidents.review.overdue'))) }),
    ).toContainText('0');
    // filters: kind "conflict" shows nothing, "injury" shows it
    await page
      .getByLabel(T('incidents.fields.kind'), { exact: true })
      .selectOption({ label: T('incidents.kinds.conflict') });
    await expect(page.getByText(T('incidents.review.none'))).toBeVisible();
    await page
      .getByLabel(T('incidents.fields.kind'), { exact: true })
      .selectOption({ label: T('incidents.kinds.injury') });
    await expect(row).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: T('incidents.review.exportCsv') }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await expect(page.locator('.toast').last()).toContainText('.csv');
    await s('05-review');

    // ---- the written report, printed to PDF -----------------------------------------------------
    await page.getByRole('button', { name: T('incidents.openRecord', { id: 1 }) }).click();
    await page.getByRole('button', { name: T('incidents.printReport') }).click();
    const sheet = page.getByRole('article', { name: T('incidents.report.title') });
    await expect(sheet).toContainText('Riverside Fitness');
    await expect(sheet).toContainText('INC001');
    await expect(sheet).toContainText('李小龙');
    await expect(sheet).toContainText(money(35050));
    await expect(sheet).toContainText(T('incidents.report.sign.member'));
    await expect(sheet.locator('.ir-draft')).toHaveCount(0);
    await s('06-report');
    await page.emulateMedia({ media: 'print' });
    const dir = path.join('test-results', 'screens');
    const pdf = path.join(dir, `${lang}-incidents-report.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    for (const f of fs.readdirSync(dir))
      if (f.startsWith(`${lang}-incidents-report-`) && f.endsWith('.png')) fs.rmSync(path.join(dir, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, `${lang}-incidents-report`)]);
    const pngs = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith(`${lang}-incidents-report-`) && f.endsWith('.png'));
    expect(pngs.length).toBe(1);
    await page.getByRole('button', { name: T('incidents.report.back') }).click();
    await page.getByRole('button', { name: T('incidents.backToList') }).click();

    // ---- a complaint through its steps ----------------------------------------------------------
    await page.getByRole('tab', { name: T('incidents.tabs.complaints') }).click();
    await page.getByRole('button', { name: T('incidents.complaints.new') }).click();
    dialog = page.getByRole('dialog', { name: T('incidents.complaints.newTitle') });
    await dialog.getByLabel(T('incidents.complaints.member')).fill('INC001');
    await dialog.getByLabel(T('incidents.complaints.member')).press('ArrowDown');
    await expect(dialog.getByRole('option', { name: /李小龙/ })).toBeVisible();
    await dialog.getByLabel(T('incidents.complaints.member')).press('Enter');
    await dialog
      .getByLabel(T('incidents.complaints.channel'))
      .selectOption({ label: T('incidents.channels.phone') });
    await dialog
      .getByLabel(T('incidents.complaints.department'))
      .selectOption({ label: T('incidents.departments.fitness') });
    await dialog
      .getByLabel(T('incidents.complaints.what'))
      .fill(lang === 'en' ? 'Coach was late for a personal session.' : '私教课教练迟到。');
    await dialog.getByRole('button', { name: T('incidents.complaints.create') }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('heading', { name: T('incidents.complaints.detailTitle', { id: 1 }) }),
    ).toBeVisible();
    await page
      .getByLabel(T('incidents.complaints.supervisorName'))
      .fill(lang === 'en' ? 'Head coach Zhao' : '赵教练主管');
    await page.getByRole('button', { name: T('incidents.complaints.assign'), exact: true }).click();
    await expect(page.locator('.page-header')).toContainText(T('incidents.complaintStatus.assigned'));
    await page
      .getByLabel(T('incidents.complaints.findings'))
      .fill(lang === 'en' ? 'Traffic; did not call ahead.' : '堵车，未提前通知。');
    await page.getByRole('button', { name: T('incidents.complaints.saveFindings') }).click();
    await expect(page.locator('.page-header')).toContainText(T('incidents.complaintStatus.investigated'));
    await page
      .getByLabel(T('incidents.complaints.resolution'))
      .fill(lang === 'en' ? 'One free session.' : '补一节免费课。');
    await page
      .getByLabel(T('incidents.complaints.staffAction'))
      .fill(lang === 'en' ? 'Verbal warning' : '口头警告');
    await page.getByRole('button', { name: T('incidents.complaints.resolve') }).click();
    await expect(page.locator('.page-header')).toContainText(T('incidents.complaintStatus.resolved'));
    // the close asks for what the member wanted and what was agreed
    await page.getByRole('button', { name: T('incidents.complaints.close') }).click();
    await expect(page.getByText(T('incidents.complaints.needDesired'))).toBeVisible();
    await expect(page.getByText(T('incidents.complaints.needAgreed'))).toBeVisible();
    await page
      .getByLabel(T('incidents.complaints.desiredOutcome'))
      .fill(lang === 'en' ? 'A free session.' : '补一节课。');
    await page
      .getByLabel(T('incidents.complaints.agreedOutcome'))
      .fill(lang === 'en' ? 'One free session; the member accepted.' : '补一节免费课，会员接受。');
    await s('07-complaint');
    await page.getByRole('button', { name: T('incidents.complaints.close') }).click();
    await expect(page.locator('.page-header')).toContainText(T('incidents.complaintStatus.closed'));
    await expect(page.locator('.page-header')).toContainText(T('incidents.deadline.met'));
    await page.getByRole('button', { name: T('incidents.backToList') }).click();
    await page.getByRole('button', { name: T('incidents.complaints.all') }).click();
    await expect(page.getByRole('row').filter({ hasText: '李小龙' })).toContainText(
      T('incidents.complaints.sameDay'),
    );
    await s('08-complaints');

    expect(errors).toEqual([]);
  });
}
