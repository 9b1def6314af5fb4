/** Small helpers of the shift screens: checklist wording, CSV download, printing. */
import { flushSync } from 'react-dom';
import type { CashFigures, Denominations } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { PAGINATE_EVENT, UNPAGINATE_EVENT } from '../../components/paginate';
import { toast } from '../../stores/toast';
import { wordIn } from '../../i18n/keys';

/** A built-in checklist item ("@music") in the desk's language; a club's own item as written. */
export function checklistLabel(item: string): string {
  if (item.startsWith('@')) {
    return wordIn('shift.checklistItems', item, item.slice(1));
  }
  return item;
}

export const ZERO_COUNT: Denominations = { n100: 0, n50: 0, n20: 0, n10: 0, n5: 0, n1: 0, c50: 0, c10: 0 };

export function cashRows(c: CashFigures): {
  key: 'float' | 'takings' | 'change' | 'refunds' | 'payouts' | 'drops';
  cents: number;
  sign: '' | '+' | '−';
}[] {
  const rows: ReturnType<typeof cashRows> = [
    { key: 'float', cents: c.floatCents, sign: '' },
    { key: 'takings', cents: c.takingsCents, sign: '+' },
    { key: 'change', cents: c.changeCents, sign: '−' },
    { key: 'refunds', cents: c.refundsCents, sign: '−' },
    { key: 'payouts', cents: c.payoutsCents, sign: '−' },
  ];
  // cash dropped to the safe or bank (a row only when there was a drop)
  if (c.dropsCents) rows.push({ key: 'drops', cents: c.dropsCents, sign: '−' });
  return rows;
}

export function downloadCsv(r: { filename: string; csv: string }, doneText: string): void {
  const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  toast.ok(doneText);
}

/** Electron: the print channel (print dialog or save as PDF); the browser: its own print. */
export async function printReport(title: string, pdf: boolean, stamp: () => void): Promise<void> {
  flushSync(stamp);
  const bridge = window.frontDesk;
  if (bridge?.print) {
    // Electron prints without a beforeprint: the report makes its numbered pages now
    window.dispatchEvent(new Event(PAGINATE_EVENT));
    try {
      const r = await bridge.print({ pdf, title });
      if (pdf && r.ok && r.path) toast.ok(r.path);
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      window.dispatchEvent(new Event(UNPAGINATE_EVENT));
    }
  } else {
    const before = document.title;
    document.title = title;
    window.print();
    document.title = before;
  }
}
