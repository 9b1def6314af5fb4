/**
 * Paper margins do not leak between screens: each screen's printed paper has its own named @page,
 * so the incident report's margin 0 (it draws its own frame), whose stylesheet stays in the page
 * once that screen was opened, never takes the bar report's 12 mm away. The bar report is opened,
 * then the incidents, then the bar report again, and printed to PDF at the page's own size: its
 * text must start at the 12 mm margin, not at the paper's edge (where a printer clips it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { seededTest } from './fixtures';
import { dictionary } from './i18n';
import { login, nav, seedClub } from './steps';

const T = dictionary('en');
const OUT = path.resolve(__dirname, '..', '..', 'test-results', 'print-margins');
/** 12 mm in PDF points, less a little for the glyphs' side bearings. */
const MARGIN_PT = (12 / 25.4) * 72 - 2;

const test = seededTest('e2e-print-margins', (dataDir) =>
  seedClub(dataDir, {}, async ({ call, member, item }) => {
    await member('PRN001', 'Zhang San');
    const juice = await item('Orange juice', 'Juice', 1200, 10);
    const scan = await call<{ visit: { id: number } }>('checkin.scan', {
      ref: { cardNo: 'PRN001' },
      tagNumber: 3,
      scanned: true,
    });
    await call('bar.sell', { visitId: scan.visit.id, items: [{ itemId: juice.id, quantity: 2 }] });
  }),
);

test('the bar report keeps its 12 mm margins after the incident report’s stylesheet was loaded', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await login(page, T, 'Wang', '9876');
  await nav(page, T, 'barReport');
  await expect(page.getByText('Orange juice').first()).toBeVisible();
  await nav(page, T, 'incidents');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await nav(page, T, 'barReport');
  await expect(page.getByText('Orange juice').first()).toBeVisible();

  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, 'bar-report.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  // every word's box on the first page (pdftotext -bbox: xMin in points from the left edge)
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']).toString();
  const page1 = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html);
  expect(Number(page1?.[1])).toBeCloseTo(595.3, 0); // A4
  const xs = [...html.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1]));
  expect(xs.length).toBeGreaterThan(5);
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(MARGIN_PT);
});
