/**
 * Keyboard-wedge barcode scanners "type" the card number very fast (a few ms between keys) and
 * press Enter. This listener tells such a burst apart from a person typing: it collects keystrokes
 * of [0-9A-Za-z-] that follow each other within `maxGapMs`, and when Enter comes right after a
 * burst of at least `minLength` characters it reports the code and swallows that Enter (so it
 * neither submits a form nor clicks the focused button).
 *
 * A scanner may pause once mid-code (Bluetooth and buffering scanners do): the keys before the pause
 * still belong to the scan, and in the scan field the whole field is the code at Enter — typed
 * digits are never thrown away.
 *
 * Slow typing is never touched. When the focus is in a text field other than the scan field (a
 * filter box, a dialog's input) a burst only counts if it is clearly a scanner (every gap within
 * `strictGapMs` and at least `strictMinLength` characters); the characters the scanner typed into
 * that field are then taken out again, so the field keeps what the person had typed.
 */
import { CARD_NO_CHARS, isCardNo } from '../../electron/core/contract';

export interface ScanOptions {
  /** Largest gap between two keystrokes of one burst (ms). */
  maxGapMs?: number;
  /** A scanner may pause once (Bluetooth, buffering): the longest such pause (ms). */
  maxPauseMs?: number;
  /** How many such pauses one scan may have. */
  maxPauses?: number;
  /** Largest gap between the last character and Enter (ms). */
  enterGapMs?: number;
  /** Fewest characters that make a scan. */
  minLength?: number;
  /** Stricter rules while another text field has the focus. */
  strictGapMs?: number;
  strictMinLength?: number;
  /** Whether an element is the screen's own scan field (bursts there are always scans). */
  isScanField?: (el: Element | null) => boolean;
  /** Checked at each Enter: return false to ignore scans (e.g. while a PIN dialog is open). */
  enabled?: () => boolean;
  /** Where to listen (default: window). */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Time source (default: the key event's timeStamp, the moment the key was pressed). */
  now?: () => number;
}

export interface ScanListener {
  /** Stops listening. */
  dispose(): void;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

/** A text-entry element (where typed characters land). */
export function isEditable(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    const type = (el.type || 'text').toLowerCase();
    const texty = ['text', 'search', 'tel', 'number', 'password', 'email', 'url', ''].includes(type);
    return texty && !el.readOnly && !el.disabled;
  }
  return (el as HTMLElement).isContentEditable === true;
}

/** Sets a field's value the way typing would, so React's onChange sees it. */
function setFieldValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function createScanListener(onScan: (code: string) => void, opts: ScanOptions = {}): ScanListener {
  const maxGap = opts.maxGapMs ?? 40;
  const maxPause = opts.maxPauseMs ?? 400;
  const maxPauses = opts.maxPauses ?? 1;
  const enterGap = opts.enterGapMs ?? 100;
  const minLength = opts.minLength ?? 4;
  const strictGap = opts.strictGapMs ?? 25;
  const strictMin = opts.strictMinLength ?? 6;
  const isScanField = opts.isScanField ?? (() => false);
  const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  /*
   * When the key was pressed, not when its handler runs: while the page is busy (a list being
   * drawn) the keystrokes of a scan wait in the queue and then come all at once or with one long
   * gap; timed by the handler, a scan was split in two and its tail taken for a card number
   * ("unknown card"). The event's timeStamp is the moment of the key press on the same clock as
   * performance.now().
   */
  const now = opts.now ? (_e: Event) => opts.now!() : (e: Event) => (e.timeStamp > 0 ? e.timeStamp : clock());
  const target = opts.target ?? window;

  /** The card characters typed since the last other key, with the moment each was pressed. */
  let keys: { ch: string; at: number }[] = [];
  /** The field the keys were typed into (to take a scan out of it again). */
  let field: HTMLInputElement | HTMLTextAreaElement | null = null;

  const reset = () => {
    keys = [];
    field = null;
  };

  const onKeyDown = (ev: Event) => {
    const e = ev as KeyboardEvent;
    if (MODIFIER_KEYS.has(e.key)) return; // scanners press Shift for capitals
    const t = now(e);
    if (e.key === 'Enter') {
      const typed = keys;
      const startField = field;
      reset();
      const last = typed[typed.length - 1];
      if (!last || t - last.at > enterGap) return;
      const tail = scanTail(typed, { maxGap, maxPause, maxPauses });
      const active = typeof document !== 'undefined' ? document.activeElement : null;
      const inScanField = isScanField(active);
      const inOtherField = !inScanField && isEditable(active);
      const burst = tail.code.length >= minLength;
      const clear = tail.code.length >= strictMin && tail.pauses === 0 && tail.worstGap <= strictGap;
      if (!burst || (inOtherField && !clear)) return;
      if (opts.enabled && !opts.enabled()) return;
      e.preventDefault();
      e.stopPropagation();
      if (inScanField && isEditable(active)) {
        // The scan field is judged whole: every digit in it counts, typed before a pause or not.
        const whole = active.value.trim();
        onScan(looksLikeCardNo(whole) ? whole : tail.code);
        return;
      }
      if (inOtherField && startField && startField === active && startField.value.endsWith(tail.code)) {
        // Give the field back what the person had typed before the scanner fired.
        setFieldValue(startField, startField.value.slice(0, startField.value.length - tail.code.length));
      }
      onScan(tail.code);
      return;
    }
    if (
      e.key.length === 1 &&
      CARD_NO_CHARS.test(e.key) &&
      !e.ctrlKey &&
      !e.altKey &&
      !e.metaKey &&
      !e.repeat
    ) {
      const prev = keys[keys.length - 1];
      if (!prev || t - prev.at > maxPause) {
        reset();
        const active = typeof document !== 'undefined' ? document.activeElement : null;
        if (isEditable(active) && !(active as HTMLElement).isContentEditable) field = active;
      }
      keys.push({ ch: e.key, at: t });
      if (keys.length > 64) keys = keys.slice(-64);
      return;
    }
    // Any other key (Backspace, arrows, Tab, a space, auto-repeat …) ends a burst.
    reset();
  };

  // Capture phase: we see the Enter before the focused element's own handlers do.
  target.addEventListener('keydown', onKeyDown, true);
  return {
    dispose() {
      target.removeEventListener('keydown', onKeyDown, true);
    },
  };
}

/**
 * The scan at the end of the keys typed: walking back from the last key, gaps up to `maxGap` are a
 * scanner's; up to `maxPauses` gaps up to `maxPause` are a scanner pausing (Bluetooth, buffering);
 * anything slower (or one pause too many) is where the scan started. Nothing in between is dropped.
 */
export function scanTail(
  keys: readonly { ch: string; at: number }[],
  o: { maxGap: number; maxPause: number; maxPauses: number },
): { code: string; pauses: number; worstGap: number } {
  let i = keys.length - 1;
  if (i < 0) return { code: '', pauses: 0, worstGap: 0 };
  let pauses = 0;
  let worstGap = 0;
  while (i > 0) {
    const gap = keys[i]!.at - keys[i - 1]!.at;
    if (gap > o.maxPause) break;
    if (gap > o.maxGap) {
      // a pause only inside a scan: the keys before it came fast too (a person's lone key did not)
      const before = i > 1 ? keys[i - 1]!.at - keys[i - 2]!.at : Infinity;
      if (pauses >= o.maxPauses || before > o.maxGap) break;
      pauses++;
    }
    worstGap = Math.max(worstGap, gap);
    i--;
  }
  const code = keys
    .slice(i)
    .map((k) => k.ch)
    .join('');
  return { code, pauses, worstGap };
}

/** Looks like a card number (as opposed to a name or pinyin): a valid card number with a digit. */
export function looksLikeCardNo(s: string): boolean {
  const v = s.trim();
  return isCardNo(v) && /\d/.test(v);
}
