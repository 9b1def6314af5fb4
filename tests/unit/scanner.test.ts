// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScanListener, looksLikeCardNo, type ScanListener } from '../../renderer/src/scanner';

/** Types `text` as keydown events `gapMs` apart (advancing fake timers), then optionally Enter. */
function type(
  text: string,
  gapMs: number,
  opts: { enter?: boolean; enterGapMs?: number; target?: EventTarget } = {},
) {
  const target = opts.target ?? document.activeElement ?? document.body;
  for (const ch of text) {
    vi.advanceTimersByTime(gapMs);
    const ev = new KeyboardEvent('keydown', { key: ch, bubbles: true, cancelable: true });
    target.dispatchEvent(ev);
    // what the browser would do after an unprevented keydown in a text field
    if (!ev.defaultPrevented && target instanceof HTMLInputElement) target.value += ch;
  }
  if (opts.enter) {
    vi.advanceTimersByTime(opts.enterGapMs ?? gapMs);
    const ev = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    target.dispatchEvent(ev);
    return ev;
  }
  return null;
}

describe('createScanListener', () => {
  let listener: ScanListener | null = null;
  let scans: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    scans = [];
    document.body.innerHTML = `
      <input id="scan" type="text" />
      <input id="filter" type="text" />
      <button id="btn">Do</button>`;
  });
  afterEach(() => {
    listener?.dispose();
    listener = null;
    vi.useRealTimers();
  });

  const start = (opts: Parameters<typeof createScanListener>[1] = {}) => {
    listener = createScanListener((c) => scans.push(c), {
      now: () => Date.now(),
      isScanField: (el) => el?.id === 'scan',
      ...opts,
    });
  };

  it('reports a fast burst followed by Enter and swallows the Enter', () => {
    start();
    (document.getElementById('btn') as HTMLButtonElement).focus();
    const clicked = vi.fn();
    document.getElementById('btn')!.addEventListener('keydown', clicked);
    const enter = type('100234', 10, { enter: true });
    expect(scans).toEqual(['100234']);
    expect(enter?.defaultPrevented).toBe(true);
    // stopped in the capture phase: the focused button never saw the Enter
    expect(clicked.mock.calls.filter((c) => (c[0] as KeyboardEvent).key === 'Enter')).toHaveLength(0);
  });

  it('accepts letters, capitals (with Shift) and dashes', () => {
    start();
    document.body.focus();
    vi.advanceTimersByTime(5);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true }));
    type('VIP-0042', 8, { enter: true, target: document.body });
    expect(scans).toEqual(['VIP-0042']);
  });

  it('ignores slow typing (a person) and leaves the Enter alone', () => {
    start();
    const scan = document.getElementById('scan') as HTMLInputElement;
    scan.focus();
    const enter = type('100234', 150, { enter: true });
    expect(scans).toEqual([]);
    expect(enter?.defaultPrevented).toBe(false);
    expect(scan.value).toBe('100234');
  });

  it('needs at least four characters', () => {
    start();
    document.body.focus();
    type('123', 5, { enter: true, target: document.body });
    expect(scans).toEqual([]);
    type('1234', 5, { enter: true, target: document.body });
    expect(scans).toEqual(['1234']);
  });

  it('only counts the fast tail after slow typing (nothing focused)', () => {
    start();
    document.body.focus();
    type('ab', 300, { target: document.body });
    vi.advanceTimersByTime(300);
    type('88001', 5, { enter: true, target: document.body });
    expect(scans).toEqual(['88001']);
  });

  it('in the scan field the whole field is the code: digits typed before are never dropped', () => {
    start();
    const scan = document.getElementById('scan') as HTMLInputElement;
    scan.focus();
    type('10', 300);
    vi.advanceTimersByTime(600);
    type('0234', 5, { enter: true });
    expect(scans).toEqual(['100234']);
  });

  it('a scan with one pause over 40 ms in the middle is one scan (the whole code)', () => {
    start();
    document.body.focus();
    type('1006', 5, { target: document.body });
    vi.advanceTimersByTime(60);
    const enter = type('9606', 5, { enter: true, target: document.body });
    expect(scans).toEqual(['10069606']);
    expect(enter?.defaultPrevented).toBe(true);
    // the same in the scan field
    const scan = document.getElementById('scan') as HTMLInputElement;
    scan.focus();
    vi.advanceTimersByTime(1000);
    type('1006', 5);
    vi.advanceTimersByTime(60);
    type('9606', 5, { enter: true });
    expect(scans).toEqual(['10069606', '10069606']);
  });

  it('two pauses, or a pause after a lone key, are not one scan', () => {
    start();
    document.body.focus();
    type('100', 5, { target: document.body });
    vi.advanceTimersByTime(80);
    type('69', 5, { target: document.body });
    vi.advanceTimersByTime(80);
    type('606', 5, { enter: true, target: document.body });
    // only what followed the first pause: the scan started at the second-to-last run
    expect(scans).toEqual(['69606']);
    vi.advanceTimersByTime(1000);
    type('7', 5, { target: document.body });
    vi.advanceTimersByTime(150);
    type('123', 5, { enter: true, target: document.body });
    expect(scans).toEqual(['69606']);
  });

  it('a person typing a short number and Enter is never a scan', () => {
    start();
    const scan = document.getElementById('scan') as HTMLInputElement;
    scan.focus();
    const enter = type('3', 120, { enter: true });
    expect(scans).toEqual([]);
    expect(enter?.defaultPrevented).toBe(false);
    expect(scan.value).toBe('3');
  });

  it('does not take an Enter that comes long after the burst', () => {
    start();
    document.body.focus();
    type('123456', 5, { enter: true, enterGapMs: 500, target: document.body });
    expect(scans).toEqual([]);
  });

  it('a burst interrupted by another key (Backspace) is not a scan', () => {
    start();
    document.body.focus();
    type('123', 5, { target: document.body });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true }));
    type('45', 5, { enter: true, target: document.body });
    expect(scans).toEqual([]);
  });

  it('ignores characters typed with Ctrl (shortcuts) and auto-repeat', () => {
    start();
    document.body.focus();
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(5);
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '1', repeat: i > 0, bubbles: true }));
    }
    vi.advanceTimersByTime(5);
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    );
    expect(scans).toEqual([]);
  });

  it('in another text field: a moderately fast burst is left to the field', () => {
    start();
    const filter = document.getElementById('filter') as HTMLInputElement;
    filter.focus();
    // 35 ms apart: fast enough on the scan field, not clearly a scanner elsewhere
    const enter = type('1002', 35, { enter: true });
    expect(scans).toEqual([]);
    expect(enter?.defaultPrevented).toBe(false);
    expect(filter.value).toBe('1002');
  });

  it('in another text field: a clear scan is taken and removed from the field', () => {
    start();
    const filter = document.getElementById('filter') as HTMLInputElement;
    filter.focus();
    const seen: string[] = [];
    filter.addEventListener('input', () => seen.push(filter.value));
    type('zh', 400);
    vi.advanceTimersByTime(300);
    const enter = type('10023456', 4, { enter: true });
    expect(scans).toEqual(['10023456']);
    expect(enter?.defaultPrevented).toBe(true);
    expect(filter.value).toBe('zh');
    expect(seen).toEqual(['zh']);
  });

  it('the same burst in the scan field counts with the normal rules', () => {
    start();
    const scan = document.getElementById('scan') as HTMLInputElement;
    scan.focus();
    type('1002', 35, { enter: true });
    expect(scans).toEqual(['1002']);
  });

  it('enabled() = false ignores scans and leaves the Enter alone', () => {
    let on = false;
    start({ enabled: () => on });
    document.body.focus();
    const e1 = type('123456', 5, { enter: true, target: document.body });
    expect(scans).toEqual([]);
    expect(e1?.defaultPrevented).toBe(false);
    on = true;
    type('123456', 5, { enter: true, target: document.body });
    expect(scans).toEqual(['123456']);
  });

  it('two scans in a row are both reported', () => {
    start();
    document.body.focus();
    type('1111', 5, { enter: true, target: document.body });
    vi.advanceTimersByTime(200);
    type('2222', 5, { enter: true, target: document.body });
    expect(scans).toEqual(['1111', '2222']);
  });

  it('dispose() stops listening', () => {
    start();
    listener!.dispose();
    listener = null;
    document.body.focus();
    type('123456', 5, { enter: true, target: document.body });
    expect(scans).toEqual([]);
  });
});

describe('createScanListener timing by the key press', () => {
  it('a scan whose keystrokes waited behind a busy page is still one scan', () => {
    document.body.innerHTML = '<input id="scan" type="text" />';
    const scans: string[] = [];
    // no `now`: the listener goes by each event's timeStamp (when the key was pressed)
    const l = createScanListener((c) => scans.push(c), { isScanField: (el) => el?.id === 'scan' });
    const scan = document.getElementById('scan') as HTMLInputElement;
    scan.focus();
    const pressed = 1_000;
    const key = (k: string, i: number) => {
      const ev = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
      Object.defineProperty(ev, 'timeStamp', { value: pressed + i * 3 });
      scan.dispatchEvent(ev);
      return ev;
    };
    // pressed 3 ms apart; the handlers ran late and unevenly (a long render between keys 3 and 4)
    [...'10069606'].forEach((ch, i) => {
      if (i === 3) {
        const until = performance.now() + 60;
        while (performance.now() < until) {
          // the page is busy
        }
      }
      key(ch, i);
    });
    const enter = key('Enter', 8);
    expect(scans).toEqual(['10069606']);
    expect(enter.defaultPrevented).toBe(true);
    l.dispose();
  });
});

describe('looksLikeCardNo', () => {
  it('tells card numbers from names and pinyin', () => {
    expect(looksLikeCardNo('100234')).toBe(true);
    expect(looksLikeCardNo('VIP-0042')).toBe(true);
    expect(looksLikeCardNo('zhangsan')).toBe(false);
    expect(looksLikeCardNo('张三')).toBe(false);
    expect(looksLikeCardNo('12 34')).toBe(false);
    expect(looksLikeCardNo('')).toBe(false);
    expect(looksLikeCardNo('1'.repeat(33))).toBe(false);
  });
});
