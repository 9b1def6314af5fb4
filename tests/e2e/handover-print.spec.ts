/**
 * The printed handover report (zh-CN: the words matter): numbered pages "第 N 页 / 共 M 页", the
 * running header on every page, both shifts' PIN confirmations with ink signature lines. Two shifts
 * closed through the API with the desk's session — a short one (one page) and one with a long
 * message book (more pages) — each opened from the history, printed the way the browser prints
 * (beforeprint, then Chromium's PDF), read back with pdftotext, and turned into PNGs to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures';
import { dictionary } from './i18n';
import { nav, switchUser, openClub } from './steps';

async function api<T = unknown>(page: Page, base: string, op: string, args: unknown): Promise<T> {
  const r = await page.request.post(`${base}api/${op}`, { data: args });
  const j = (await r.json()) as { ok: boolean; data: T; error?: unknown };
  if (!j.ok) throw new Error(`${op}: ${JSON.stringify(j.error)}`);
  return j.data;
}

const NO_NOTES = { n100: 0, n50: 0, n20: 0, n10: 0, n5: 0, n1: 0, c50: 0, c10: 0 };

test('the printed handover: page numbers, the header on every page, ink signature lines (zh-CN)', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  const T = dictionary('zh-CN');
  const dir = path.join('test-results', 'handover-print');
  fs.mkdirSync(dir, { recursive: true });
  await page.goto(server.url);
  await openClub(page, T, {
    lang: 'zh-CN',
    name: '江畔健身',
    manager: '王店长',
    pin: '9876',
    staff: [
      ['李娜', 'reception', '2468'],
      ['张敏', 'reception', '1357'],
    ],
  });
  await switchUser(page, T, '李娜', '2468');
  const staff = await api<{ id: number; name: string }[]>(page, server.url, 'session.staffList', {});
  const lina = staff.find((x) => x.name === '李娜')!;
  const zhang = staff.find((x) => x.name === '张敏')!;

  const closeShift = async (messages: string) => {
    const open = await api<{ id: number }>(page, server.url, 'shift.open', {
      staffIds: [lina.id],
      floatCents: 50_000,
      acknowledged: true,
      checked: [],
    });
    await api(page, server.url, 'shift.count', { shiftId: open.id, denominations: { ...NO_NOTES, n100: 5 } });
    await api(page, server.url, 'shift.close', {
      shiftId: open.id,
      floatHandedCents: 50_000,
      tagsCounted: 0,
      messages,
      notes: '',
      outgoing: { staffId: lina.id, pin: '2468' },
      incoming: { staffId: zhang.id, pin: '1357' },
    });
    return open.id;
  };
  const short = await closeShift('明早八点有人来修淋浴。');
  const long = await closeShift(
    Array.from(
      { length: 90 },
      (_, i) => `第 ${i + 1} 条：${i % 2 ? '器械区跑步机需报修' : '请核对储值充值记录'}`,
    ).join('\n'),
  );

  /** Prints shift `id`'s report to PDF as the browser would; the text of each page. */
  const print = async (id: number): Promise<string[]> => {
    await nav(page, T, 'shift');
    await page.getByRole('tab', { name: T('shift.tabs.history') }).click();
    // the history lists the shifts newest first
    await page
      .getByRole('button', { name: T('shift.history.open') })
      .nth(id === long ? 0 : 1)
      .click();
    const report = page.getByRole('article', { name: T('shift.report.title') });
    await expect(report).toBeVisible();
    await expect(report).toContainText(`#${id}`);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(dir, `shift-${id}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    // a heading never ends a page (in the page's reading order), also before a block that splits
    const endsWithHeading = await page.evaluate(() =>
      [...document.querySelectorAll('.print-page-body')].flatMap((b, i) => {
        const leaves = [...b.querySelectorAll('*')].filter(
          (e) => e.children.length === 0 && e.textContent.trim(),
        );
        const last = leaves.at(-1);
        return last && /^H[1-6]$/.test(last.tagName) ? [`page ${i + 1}: ${last.textContent}`] : [];
      }),
    );
    expect(endsWithHeading).toEqual([]);
    // the type is never made smaller than can be read on paper (85%: body 8.5 pt)
    const scale = await page.evaluate(() =>
      Number(document.querySelector<HTMLElement>('.print-pages')!.style.getPropertyValue('--print-scale')),
    );
    expect(scale).toBeGreaterThanOrEqual(0.85);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.locator('.print-page')).toHaveCount(0);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, `shift-${id}`)]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // pdftotext ends each page with a form feed
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    await page.getByRole('button', { name: T('shift.report.back') }).click();
    return pages;
  };

  // the short one fits two pages at most (one at 76% type, which is too small to read on paper)
  for (const [id, most] of [
    [short, 2],
    [long, 0],
  ] as const) {
    const pages = await print(id);
    if (most) expect(pages.length).toBeLessThanOrEqual(most);
    else expect(pages.length).toBeGreaterThanOrEqual(2);
    const total = pages.length;
    // pdftotext keeps some spaces and drops others: compare without any
    const squash = (s: string) => s.replace(/\s+/g, '');
    pages.forEach((p, i) => {
      const text = squash(p);
      // the number, and the running header, on every page
      expect(text, `page ${i + 1}`).toContain(squash(T('common.print.page', { n: i + 1, total })));
      expect(text, `page ${i + 1}`).toContain('江畔健身');
      expect(text, `page ${i + 1}`).toContain(squash(T('shift.report.title')));
      expect(text, `page ${i + 1}`).toContain(`#${id}`);
      // Chinese printouts say 密码, never PIN
      expect(text, `page ${i + 1}`).not.toMatch(/PIN/);
    });
    // both shifts: the name, the PIN confirmation and a line to sign, on the last page
    const last = squash(pages[total - 1]!);
    expect(last).toContain(T('shift.report.signedOut'));
    expect(last).toContain(T('shift.report.signedIn'));
    expect(last).toMatch(/李娜[\s\S]*张敏|张敏[\s\S]*李娜/);
    expect(last.split(squash(T('shift.report.pinConfirmed', { at: '' }))).length - 1).toBe(2);
    expect(last.split(T('shift.report.inkSign')).length - 1).toBeGreaterThanOrEqual(2);
    if (id === long) {
      // the message book goes on over the page break, line by line: nothing lost
      const all = squash(pages.join(' '));
      for (const n of [1, 45, 90]) expect(all).toContain(`第${n}条：`);
    }
  }
});
