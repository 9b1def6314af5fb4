/**
 * The 1366×768 walk: on a demo club, each role with its own screens (a manager, the shift lead,
 * reception, the bar, a consultant) visits every screen and tab, opens the main dialogs and steps,
 * in both languages. On each, every primary action (`data-primary` or `.btn-primary`, in the open
 * dialog when there is one) must lie inside the window with nothing on top of it (the element at
 * its centre is the button itself: toasts, banners and other panels included), the page must not
 * scroll sideways and the top bar must not cut anything off. Screenshots go to test-results/screens
 * (walk-<role>-<lang>-<place>.png). All problems are collected and reported together. The demo
 * club's bar gets a real menu of 40 items (the pages of the bar must show them without scrolling).
 */
import type { Page } from '@playwright/test';
import { Core } from '../../electron/core/app';
import { tempDir } from '../support/temp';
import { disposeServer, expect, shot, startServer, test } from './fixtures';
import { dictionary, type Lang } from './i18n';
import { login, switchUser, type Dict } from './steps';

test.use({ locale: 'zh-CN' });

const ROLES = [
  { who: 'manager', name: '王芳', pin: '8001' },
  { who: 'lead', name: '陈静', pin: '5001' },
  { who: 'reception', name: '李娜', pin: '2001' },
  { who: 'bar', name: '赵敏', pin: '3001' },
  { who: 'consultant', name: '张伟', pin: '4001' },
] as const;

/** Waits until the screen has its data and has painted. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-fetching]'));
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/** What is wrong with the layout as it stands (empty when nothing is). */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const label = (el: Element) =>
      `"${(el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().slice(0, 40)}"`;
    const se = document.scrollingElement!;
    if (se.scrollWidth > se.clientWidth + 1) out.push(`page scrolls sideways (${se.scrollWidth}px)`);
    // the bar's menu is paged: it never scrolls
    const menu = document.querySelector('.bar-pick');
    if (menu && menu.scrollHeight > menu.clientHeight + 1) out.push('the bar menu needs scrolling');
    for (const sel of ['.topbar', '.topbar .nav', '.topbar-club', '.topbar-user']) {
      const el = document.querySelector(sel);
      if (el && el.scrollWidth > el.clientWidth + 1) out.push(`${sel} cut off: ${label(el)}`);
    }
    // the open dialog (the last one) is the only place that can be worked
    const dialogs = [...document.querySelectorAll('[role="dialog"], [role="alertdialog"]')].filter((d) =>
      (d as HTMLElement).checkVisibility(),
    );
    const scope: ParentNode = dialogs.at(-1) ?? document;
    const prim = [...scope.querySelectorAll('[data-primary], .btn-primary')].filter((el) =>
      (el as HTMLElement).checkVisibility({ visibilityProperty: true }),
    );
    for (const el of prim) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) {
        out.push(`${label(el)} outside the window (${Math.round(r.left)},${Math.round(r.top)})`);
        continue;
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !(hit === el || el.contains(hit))) {
        out.push(
          `${label(el)} covered by ${hit ? `${hit.tagName.toLowerCase()}.${hit.className} ${label(hit)}` : 'nothing'}`,
        );
      }
    }
    return out;
  });
}

/** The demo club (written by the real core) with 30 more bar items: a menu of 40 in 6 categories. */
async function seedDemo(dataDir: string): Promise<void> {
  const core = await Core.open({ dataDir, dailyBackup: false });
  const call = async (op: string, args: unknown) => {
    const r = await core.call('seed', op, args);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  try {
    await call('system.createDemo', { language: 'zh-CN' });
    const staff = (await call('session.staffList', {})) as { id: number; name: string }[];
    await call('session.login', { staffId: staff.find((s) => s.name === '王芳')!.id, pin: '8001' });
    const more: [string, string[]][] = [
      [
        '茶饮',
        [
          '绿茶',
          '红茶',
          '乌龙茶',
          '柠檬茶',
          '菊花茶',
          '普洱茶',
          '茉莉花茶',
          '大麦茶',
          '冰红茶',
          '奶茶',
          '抹茶拿铁',
          '姜茶',
        ],
      ],
      [
        '轻食',
        [
          '鸡胸肉沙拉',
          '牛油果吐司',
          '燕麦杯',
          '水果杯',
          '全麦三明治',
          '酸奶碗',
          '鸡蛋卷',
          '玉米杯',
          '红薯',
          '坚果包',
        ],
      ],
      ['补剂', ['电解质片', '肌酸', '支链氨基酸', 'BCAA 饮', '维生素饮', '能量饮料', '低糖可乐', '苏打水']],
    ];
    for (const [category, names] of more)
      for (const name of names)
        await call('bar.itemCreate', { name, category, priceCents: 1000 + name.length * 100, notes: '' });
  } finally {
    core.close();
  }
}

test('every screen, tab and step fits 1366×768 with its main action free, in both languages', async ({
  page,
}) => {
  test.setTimeout(200_000);
  const dataDir = tempDir('walk');
  await seedDemo(dataDir);
  const server = await startServer({ dataDir });
  try {
    await walk(page, server.url);
  } finally {
    await disposeServer(server);
  }
});

async function walk(page: Page, url: string) {
  const problems: string[] = [];
  let lang: Lang = 'zh-CN';
  let T: Dict = dictionary(lang);
  let who = 'setup';
  const check = async (place: string) => {
    await settle(page);
    const name = `walk-${who}-${lang}-${place}`;
    for (const p of await layoutProblems(page)) problems.push(`${name}: ${p}`);
    await shot(page, name);
  };

  await page.goto(url);
  await expect(page.getByRole('heading', { name: T('login.whoAreYou') })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(ROLES[0].name) }).click();
  await check('login');

  for (const [i, r] of ROLES.entries()) {
    who = r.who;
    if (i === 0) await login(page, T, r.name, r.pin);
    else await switchUser(page, T, r.name, r.pin);
    for (const round of [0, 1]) {
      if (round === 1) {
        const next: Lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
        await page
          .locator('.topbar')
          .getByRole('button', { name: T(`common.languages.${next}`) })
          .click();
        lang = next;
        T = dictionary(lang);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
      }
      await walkScreens(page, T, check, r.who === 'reception');
    }
  }
  expect(problems).toEqual([]);
}

/** The main dialogs: opened from the screen (any tab) whose button is on show, closed with Escape. */
const DIALOGS: readonly { screen: string; button: string }[] = [
  { screen: 'members', button: 'members.sell.button' },
  { screen: 'members', button: 'members.new' },
  { screen: 'members', button: 'members.import.button' },
  { screen: 'members', button: 'members.svCheck.button' },
  { screen: 'staff', button: 'staff.add' },
  { screen: 'settings', button: 'settings.cardTypes.add' },
  { screen: 'bar', button: 'bar.stock.receive' },
  { screen: 'bar', button: 'bar.stock.addItem' },
];

const SCREENS = [
  'checkin',
  'visitors',
  'bar',
  'shift',
  'members',
  'tags',
  'incidents',
  'barReport',
  'barShop',
  'shop',
  'notes',
  'calls',
  'settings',
  'staff',
  'audit',
];

/** Every screen in the top bar, every tab on it and the main dialogs; the shift close's steps. */
async function walkScreens(page: Page, T: Dict, check: (place: string) => Promise<void>, closer: boolean) {
  const navButtons = page.getByRole('navigation').getByRole('button');
  const count = await navButtons.count();
  for (let i = 0; i < count; i++) {
    const label = await navButtons.nth(i).innerText();
    // the longest name that the button starts with ('水吧报表' is not '水吧'); an unknown one fails
    const screen = SCREENS.filter((s) => label.startsWith(T(`common.nav.${s}`))).sort(
      (a, b) => T(`common.nav.${b}`).length - T(`common.nav.${a}`).length,
    )[0];
    if (!screen) throw new Error(`the walk does not know the screen "${label}"`);
    await navButtons.nth(i).click();
    // the screen is shown and loaded before its tabs are counted
    await expect(navButtons.nth(i)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.main').getByText(T('common.loading'), { exact: true })).toHaveCount(0);
    // the bar's dialogs are the shop's too
    const kind = screen === 'barShop' || screen === 'shop' ? 'bar' : screen;
    const tabs = page.locator('.main [role="tablist"]:not(.bar-pick-pages) > [role="tab"]:visible');
    const n = Math.max(await tabs.count(), 1);
    for (let k = 0; k < n; k++) {
      if (k > 0) await tabs.nth(k).click();
      const place = `${screen}${k ? `-${k}` : ''}`;
      await check(place);
      for (const d of DIALOGS.filter((x) => x.screen === kind)) {
        const open = page.locator('.main').getByRole('button', { name: T(d.button), exact: true });
        if (!(await open.isVisible())) continue;
        await open.click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        await check(`${place}-${d.button}`);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    }
    if (screen === 'shift' && closer) await walkCloseSteps(page, T, check);
  }
}

/**
 * The shift close, step by step (reception, whose shift is open in the demo): the blind count is
 * entered once (3 of the largest note: a difference), the used tags counted by hand (1) and compared,
 * differences explained; the wizard is left before the signatures.
 */
async function walkCloseSteps(page: Page, T: Dict, check: (place: string) => Promise<void>) {
  await page.locator('.main [role="tab"]').first().click();
  const close = page.getByRole('button', { name: T('shift.running.close') });
  await expect(close).toBeVisible();
  await close.click();
  const signBtn = page.getByRole('button', { name: T('shift.wizard.sign') });
  const submitCount = page.getByRole('button', { name: T('shift.wizard.submitCount') });
  for (let s = 1; s < 10; s++) {
    await expect(page.locator('.shift-wizard-head')).toContainText(T('shift.wizard.title'));
    await check(`shift-close-${s}`);
    if (await signBtn.isVisible()) break;
    if (await submitCount.isVisible()) {
      await page.locator('.shift-wizard-body input').first().fill('3');
      await submitCount.click();
      continue;
    }
    const tagCount = page.getByLabel(T('shift.wizard.tagsCounted'));
    if ((await tagCount.isVisible()) && (await tagCount.isEditable())) {
      await tagCount.fill('1');
      await page.getByRole('button', { name: T('shift.wizard.tagsCompare') }).click();
      await check(`shift-close-${s}-compared`);
    }
    const tagWhy = page.getByLabel(T('shift.wizard.tagsReason'));
    if (await tagWhy.isVisible()) await tagWhy.fill('walk');
    const reason = page.getByLabel(T('shift.cash.reason'));
    if (await reason.isVisible()) await reason.fill('walk');
    await page.getByRole('button', { name: T('shift.wizard.next') }).click();
  }
  await expect(signBtn).toBeVisible();
  await page.getByRole('button', { name: T('shift.wizard.cancel') }).click();
}
