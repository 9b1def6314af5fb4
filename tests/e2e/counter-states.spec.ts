/**
 * The counter at two metres (issue 14), end to end on one server: the scan field never checks a
 * stranger in ("3" + Enter + Enter), a typed issued tag number offers that visit's check-out, a scan
 * with a 60 ms pause in the middle checks the right member in, and a member inside is offered the
 * check-out neutrally. Every result state (可以入场, a birthday on green, 请注意, 不能入场, the
 * double scan, a member inside, no free tag) is rendered at 1366×768 and 1920×1080 in both
 * languages and measured from the rendered page: the state word at least 40 px high, every text in
 * the panel at a contrast of at least 4.5:1 against its background, the key tag number in the state
 * colour, the panel tinted. The check-out takes cash with a quick-tender key and says how it was paid
 * and the stored value left. Screenshots of each state go to test-results/screens.
 */
import { expect, type Page } from '@playwright/test';
import { ManualClock } from '../../electron/core/clock';
import { seededTest, shot } from './fixtures';
import { dictionary, type Lang } from './i18n';
import { login, nav, openShift, seedClub } from './steps';

const LANGS = ['zh-CN', 'en'] as const satisfies readonly Lang[];
const P = { 'zh-CN': 'Z', en: 'E' } as const;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The club's date (Asia/Shanghai), n days from today. */
function clubDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** Members for each language; the one inside has two juices on its tab (written by the real core). */
const seed = (dataDir: string) =>
  seedClub(
    dataDir,
    {
      language: 'zh-CN',
      tags: 40,
      clock: new ManualClock(new Date(Date.now() - 120_000)),
      staff: [['Lily', 'reception', '2468', 'female']],
    },
    async ({ call, member: create, item }) => {
      const member = (cardNo: string, name: string, o: { expiry?: string; birth?: string } = {}) =>
        create(cardNo, name, { ...o, gender: 'female' });
      const juice = await item('Orange juice', 'Juice', 1200, 10);
      // a class in ten minutes: its announcement is due, so its banner stands above the screen
      // all through the test (as the pre-closing one does at night) and must cover no action
      const [day, hm] = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Shanghai',
        dateStyle: 'short',
        timeStyle: 'short',
      })
        .format(new Date(Date.now() + 10 * 60_000))
        .split(' ');
      const sameDay = day === clubDate();
      await call('classes.create', {
        weekday: new Date(`${clubDate()}T00:00:00Z`).getUTCDay(),
        startTime: sameDay ? hm : '23:59',
        className: 'Spinning',
        room: 'Studio 2',
        instructor: 'Coach Ma',
      });
      await member('300101', 'Stranger Liu');
      // a busy evening: fourteen more members inside (tags 21–34); one line a person, at least
      // seven show with the banner up (five showed before, two lines each, without it)
      for (let i = 0; i < 14; i++) {
        const no = `BUSY${String(i).padStart(2, '0')}`;
        await member(no, `Busy Member ${i}`);
        await call('checkin.scan', { ref: { cardNo: no }, tagNumber: 21 + i, scanned: true });
      }
      for (const lang of LANGS) {
        const p = P[lang];
        const ok = await member(`${p}OK001`, `${p} Green`);
        await call('storedValue.topup', { memberId: ok.id, amountCents: 20000, method: 'card' });
        await member(`${p}BDAY01`, `${p} Birthday`, { birth: `1990-${clubDate().slice(5)}` });
        await member(`${p}WARN01`, `${p} Expiring`, { expiry: clubDate(3) });
        await member(`${p}EXP001`, `${p} Expired`, { expiry: '2025-01-01' });
        await member(`${p}1006960`, `${p} Paused Scan`);
        await member(`${p}NOTAG1`, `${p} No Tag`);
        const inside = await member(`${p}IN0001`, `${p} Inside`);
        await call('storedValue.topup', { memberId: inside.id, amountCents: 5000, method: 'card' });
        const v = await call<{ visit: { id: number } }>('checkin.scan', {
          ref: { cardNo: `${p}IN0001` },
          tagNumber: lang === 'zh-CN' ? 5 : 6,
          scanned: true,
        });
        await call('bar.sell', { visitId: v.visit.id, items: [{ itemId: juice.id, quantity: 2 }] });
      }
    },
  );

const test = seededTest('e2e-states', seed);

interface Measured {
  wordPx: number;
  wordContrast: number;
  worst: { contrast: number; text: string };
  tagIsStateColour: boolean | null;
  tinted: boolean;
  /** Buttons of the result that are outside the window or under something else. */
  hiddenActions: string[];
}

/** Reads the rendered sizes and colours of the result panel. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (m) {
        const v = m[1]!
          .split(/[ ,/]+/)
          .filter(Boolean)
          .map(Number);
        return [v[0]!, v[1]!, v[2]!, v[3] ?? 1];
      }
      const s = /color\(srgb ([^)]+)\)/.exec(c);
      if (s) {
        const v = s[1]!.split(/[ /]+/).filter(Boolean).map(Number);
        return [v[0]! * 255, v[1]! * 255, v[2]! * 255, v[3] ?? 1];
      }
      throw new Error(`colour ${c}`);
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (x: number) => {
        const s = x / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    /** The colour behind an element: its own or its nearest ancestor's opaque background. */
    const behind = (el: Element): number[] => {
      let layers: number[][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      if (layers.length === 0 || layers[layers.length - 1]![3]! < 1) layers.push([255, 255, 255, 1]);
      layers = layers.reverse();
      return layers.reduce((acc, c) => acc.map((v, i) => (i < 3 ? v * (1 - c[3]!) + c[i]! * c[3]! : 1)));
    };
    const section = document.querySelector('section.result')!;
    const word = section.querySelector('[data-testid="state-word"]')!;
    const band = section.querySelector('[data-testid="result-band"]')!;
    let worst = { contrast: Infinity, text: '' };
    for (const el of section.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      const style = getComputedStyle(el);
      if (!own || style.visibility === 'hidden' || (el as HTMLElement).offsetParent === null) continue;
      const c = ratio(parse(style.color), behind(el));
      if (c < worst.contrast) worst = { contrast: c, text: el.textContent.trim().slice(0, 40) };
    }
    const tag = section.querySelector('[data-testid="tag-number"]');
    const bandColour = getComputedStyle(band).backgroundColor;
    return {
      wordPx: word.getBoundingClientRect().height,
      wordContrast: ratio(parse(getComputedStyle(word).color), behind(word)),
      worst,
      tagIsStateColour: tag ? getComputedStyle(tag).color === bandColour : null,
      tinted: parse(getComputedStyle(section).backgroundColor).slice(0, 3).join() !== '255,255,255',
      hiddenActions: [...section.querySelectorAll('button')].flatMap((b) => {
        const r = b.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        const inWindow = r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
        return inWindow && hit && b.contains(hit) ? [] : [b.textContent.trim()];
      }),
    };
  });
}

test('the counter at two metres: safe Enter, pausing scans, readable states, quick tender', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);

  for (const lang of LANGS) {
    const T = dictionary(lang);
    const p = P[lang];
    await page.evaluate((l) => localStorage.setItem('fd.lang', l), lang);
    await page.reload();
    const loginHeading = page.getByRole('heading', { name: T('login.whoAreYou') });
    await expect(page.getByLabel(T('checkin.scanLabel')).or(loginHeading)).toBeVisible();
    if (await loginHeading.isVisible()) await login(page, T, 'Lily', '2468');
    if (lang === 'zh-CN') {
      await openShift(page, T);
      await nav(page, T, 'checkin');
    }
    const scanField = page.getByLabel(T('checkin.scanLabel'));
    await expect(scanField).toBeFocused();
    const result = page.getByRole('region', { name: T('checkin.resultLabel') });
    const insideRow = page.getByRole('row').filter({ hasText: `${p} Inside` });
    const scan = async (code: string) => {
      await scanField.focus();
      await page.keyboard.type(code, { delay: 0 });
      await page.keyboard.press('Enter');
    };
    const check = async (state: string, tone: string, o: { tag: boolean; tinted: boolean }) => {
      await expect(result).toHaveClass(new RegExp(`result-${tone}\\b`));
      for (const size of SIZES) {
        await page.setViewportSize(size);
        // the layout settles after a resize (two frames), and a result's actions are judged once it has
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await expect.poll(async () => (await measure(page)).hiddenActions, { timeout: 3000 }).toEqual([]);
        const m = await measure(page);
        const where = `${lang} ${state} ${size.width}x${size.height}`;
        expect(m.wordPx, `${where}: state word height`).toBeGreaterThanOrEqual(40);
        expect(m.wordContrast, `${where}: state word contrast`).toBeGreaterThanOrEqual(4.5);
        expect(m.worst.contrast, `${where}: weakest text "${m.worst.text}"`).toBeGreaterThanOrEqual(4.5);
        expect(m.tagIsStateColour, `${where}: tag number in the state colour`).toBe(o.tag ? true : null);
        expect(m.tinted, `${where}: tinted panel`).toBe(o.tinted);
        expect(m.hiddenActions, `${where}: actions of the result out of sight or covered`).toEqual([]);
        await shot(page, `states-${lang}-${state}-${size.width}`);
      }
      await page.setViewportSize(SIZES[0]);
    };

    // ---- Enter never checks a stranger in ------------------------------------------------
    if (lang === 'zh-CN') {
      // tag 3 is not out; "300101" is a stranger's card that starts with 3
      await scanField.focus();
      await page.keyboard.press('3');
      await expect(page.getByRole('option', { name: /Stranger Liu/ })).toBeVisible();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('choose-hint')).toHaveText(T('checkin.scanSafety.chooseRow'));
      await expect(result.getByText('Stranger Liu')).toHaveCount(0);
      await expect(page.getByRole('row').filter({ hasText: 'Stranger Liu' })).toHaveCount(0);
      await page.keyboard.press('Escape');
    }
    // a typed issued tag number offers that visit's check-out
    const tag = lang === 'zh-CN' ? 5 : 6;
    await scanField.focus();
    await page.keyboard.type(String(tag), { delay: 120 });
    await expect(page.getByTestId('tag-offer')).toHaveText(
      T('checkin.scanSafety.tagOffer', { tag, name: `${p} Inside` }),
    );
    await page.keyboard.press('Enter');
    let dialog = page.getByRole('dialog');
    await expect(dialog.getByText(`${p} Inside`).first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // ---- who is inside: one line a person, so a busy evening shows many at 1366×768 ---------
    {
      const busy = page.getByRole('row').filter({ hasText: 'Busy Member' });
      await expect(busy).toHaveCount(14);
      const fit = await page.evaluate(() => {
        const box = document.querySelector('.inside-scroll')!.getBoundingClientRect();
        const rows = [...document.querySelectorAll('.inside-table tbody tr')];
        return {
          visible: rows.filter((r) => {
            const b = r.getBoundingClientRect();
            return b.top >= box.top - 0.5 && b.bottom <= box.bottom + 0.5;
          }).length,
          // a cell's text on more than one line (the duration "刚刚" / "just now" included)
          wrapped: rows.flatMap((r) =>
            [...r.querySelectorAll('td')]
              .filter((td) => {
                const range = document.createRange();
                range.selectNodeContents(td);
                const rs = [...range.getClientRects()].filter((q) => q.width > 0 && q.height > 0);
                return rs.some((x) => rs.some((y) => y.top >= x.bottom - 1));
              })
              .map((td) => td.textContent.trim()),
          ),
        };
      });
      expect(fit.wrapped, `${lang}: cells of "inside now" on two lines`).toEqual([]);
      expect(fit.visible, `${lang}: rows of "inside now" shown at 1366×768`).toBeGreaterThanOrEqual(7);
      await shot(page, `states-${lang}-inside-list`);
    }

    // ---- the states ------------------------------------------------------------------------
    await scan(`${p}OK001`);
    await expect(result.getByTestId('state-word')).toHaveText(T('checkin.ok'));
    await expect(result.getByTestId('stored-value')).toContainText('200');
    await check('ok', 'ok', { tag: true, tinted: true });

    await scan(`${p}OK001`);
    await expect(result.getByTestId('state-word')).toHaveText(T('checkin.state.duplicate'));
    await check('duplicate', 'quiet', { tag: true, tinted: false });

    await scan(`${p}BDAY01`);
    await expect(result.getByTestId('birthday')).toBeVisible();
    await expect(result.getByTestId('state-word')).toHaveText(T('checkin.ok'));
    await check('birthday', 'ok', { tag: true, tinted: true });

    await scan(`${p}WARN01`);
    await expect(result.getByTestId('state-word')).toHaveText(T('checkin.okWarn'));
    await check('warning', 'warn', { tag: true, tinted: true });

    await scan(`${p}EXP001`);
    await expect(result.getByTestId('state-word')).toHaveText(T('checkin.blocked'));
    // with the announcement's banner shown, the expired member's override stays on the panel
    await expect(page.getByRole('region', { name: T('visitors.ann.reminder') })).toBeVisible();
    await expect(result.getByRole('button', { name: T('checkin.override') })).toBeVisible();
    await check('blocked', 'block', { tag: false, tinted: true });

    // a scan with a 60 ms pause in the middle is the whole card
    await scanField.focus();
    await page.keyboard.type(`${p}100`, { delay: 0 });
    await page.waitForTimeout(60);
    await page.keyboard.type('6960', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect(result.getByText(`${p} Paused Scan`)).toBeVisible();
    await expect(result.getByTestId('state-word')).toHaveText(T('checkin.ok'));

    // no free tag: every free tag out for disinfection, then back
    const free = await page.evaluate(async () => {
      const post = (op: string, args: unknown) =>
        fetch(`/api/${op}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        }).then(
          (r) => r.json() as Promise<{ ok: boolean; data: { tags: { number: number; status: string }[] } }>,
        );
      const board = await post('tags.board', {});
      const numbers = board.data.tags.filter((t) => t.status === 'available').map((t) => t.number);
      await post('tags.sendToDisinfection', { numbers });
      return numbers;
    });
    await scan(`${p}NOTAG1`);
    await expect(result.getByTestId('state-word')).toHaveText(T('checkin.noFreeTag'));
    await check('no-free-tag', 'block', { tag: false, tinted: true });
    await page.evaluate(
      (numbers) =>
        fetch('/api/tags.returnFromDisinfection', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ numbers }),
        }),
      free,
    );

    // a member inside: neutral, Enter goes to the check-out
    await scan(`${p}IN0001`);
    await expect(result.getByTestId('state-word')).toHaveText(T('checkin.scanSafety.insideWord', { tag }));
    await expect(result.getByText(T('checkin.blocked'))).toHaveCount(0);
    await check('inside', 'inside', { tag: false, tinted: true });
    await scanField.focus();
    await page.keyboard.press('Enter');
    dialog = page.getByRole('dialog');
    await expect(dialog.getByText(`${p} Inside`).first()).toBeVisible();
    // quick tender: the member hands over ¥50 for a ¥24 tab
    await dialog
      .getByRole('group', { name: T('checkin.pay.quick.label') })
      .getByRole('button', { name: /50/ })
      .click();
    await expect(dialog.locator('.pay-change-amount')).toContainText('26');
    await shot(page, `states-${lang}-quick-tender`);
    await dialog.getByRole('button', { name: T('checkin.out.returned') }).click();
    await expect(dialog).toBeHidden();
    await expect(result.getByTestId('paid-how')).toContainText('50');
    await expect(result.getByTestId('change-due')).toContainText('26');
    await expect(result.getByTestId('sv-left')).toContainText('50');
    await expect(insideRow).toHaveCount(0);
    await shot(page, `states-${lang}-checked-out`);
  }
  expect(errors).toEqual([]);
});
