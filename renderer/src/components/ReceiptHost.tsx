/**
 * The receipt after a payment, or reprinted from a history (stores/receipt.ts).
 *
 * After a payment (check-out, debts, top-up, card sale) the receipt is offered in a corner —
 * "Print receipt" or "Preview", or close it — without taking the focus from the scan field. A
 * reprint opens a dialog with the preview at the paper's width; the core is asked for the copy when
 * Print is pressed (receipts.reprint: audited, counted, marked "重打/REPRINT"). The first print reads
 * the receipt (receipts.get). Nothing on the receipt is computed here.
 *
 * Printing: a copy of the receipt sits directly in <body> while the dialog is open or while printing
 * from the corner (out of sight on screen, laid out so its height is known); print CSS (receipt.css) hides the app and an @page rule gives the paper's size:
 * 58/80 mm wide and as tall as the receipt without margins, or A4. The browser prints with
 * window.print(); Electron silently on the receipt printer named in the settings
 * (electron/main/ipc.ts, the same page size in micrometres).
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PrintedReceipt, ReceiptPaper } from '../../../electron/core/contract';
import { call } from '../api';
import { errorText } from '../errorText';
import { fmtMoney } from '../format';
import { closeReceipt, offerReceipt, useReceiptOffer } from '../stores/receipt';
import { useSession } from '../stores/session';
import { toast } from '../stores/toast';
import { FormError } from './FormParts';
import { Modal } from './Modal';
import { ReceiptView } from './Receipt';

const PX_PER_MM = 96 / 25.4;
const RULE_ID = 'receipt-page-rule';

/** The receipt's length on paper (mm), from its laid-out copy. */
function heightMm(): number {
  const el = document.querySelector('.receipt-print-copy .receipt');
  return el ? Math.ceil(el.getBoundingClientRect().height / PX_PER_MM) + 2 : 100;
}

/** The @page rule for the receipt now in <body>; one style element, replaced each time. */
function setPageRule(paper: ReceiptPaper): number {
  const h = heightMm();
  let el = document.getElementById(RULE_ID);
  if (!el) {
    el = document.createElement('style');
    el.id = RULE_ID;
    document.head.appendChild(el);
  }
  el.textContent =
    paper === 'A4' ? '@page { size: A4; margin: 15mm; }' : `@page { size: ${paper}mm ${h}mm; margin: 0; }`;
  return h;
}

function usePrinter() {
  const paper = useSession((s) => s.settings?.receiptPaper ?? '80');
  const printer = useSession((s) => s.settings?.receiptPrinter ?? '');
  return { paper, printer };
}

/** Prints the receipt whose copy is in <body>; false when the desktop app's printer failed. */
async function printNow(
  r: PrintedReceipt,
  paper: ReceiptPaper,
  printer: string,
  title: string,
): Promise<boolean> {
  const h = setPageRule(paper);
  const bridge = window.frontDesk;
  if (bridge?.print) {
    const res = await bridge.print({
      pdf: false,
      title,
      receipt: { paper, deviceName: printer, heightMm: h },
    });
    return res.ok;
  }
  const before = document.title;
  document.title = `${title} ${r.number}`;
  window.print();
  document.title = before;
  return true;
}

/** The copy that is printed, and the page rule that goes with it while it is there. */
function PrintCopy(props: { receipt: PrintedReceipt; paper: ReceiptPaper }) {
  useEffect(() => {
    setPageRule(props.paper);
  }, [props.receipt, props.paper]);
  useEffect(() => () => document.getElementById(RULE_ID)?.remove(), []);
  return createPortal(
    <div className="receipt-print-copy">
      <ReceiptView receipt={props.receipt} paper={props.paper} />
    </div>,
    document.body,
  );
}

function useReceipt(settlementId: number) {
  const [receipt, setReceipt] = useState<PrintedReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('receipts.get', { settlementId }).then(
      (r) => live && setReceipt(r),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [settlementId]);
  return { receipt, setReceipt, error, setError };
}

export function ReceiptHost() {
  const offer = useReceiptOffer((s) => s.offer);
  if (!offer) return null;
  const key = `${offer.settlementId}-${offer.mode}`;
  return offer.mode === 'offer' ? (
    <ReceiptCorner key={key} settlementId={offer.settlementId} />
  ) : (
    <ReceiptDialog key={key} settlementId={offer.settlementId} reprint={offer.mode === 'reprint'} />
  );
}

/** After a payment: the receipt on offer in a corner. */
function ReceiptCorner(props: { settlementId: number }) {
  const { t } = useTranslation();
  const { paper, printer } = usePrinter();
  const { receipt, error } = useReceipt(props.settlementId);
  const [busy, setBusy] = useState(false);
  if (error) return null;
  const print = async () => {
    if (!receipt || busy) return;
    // the copy to print exists only while printing (the screen behind keeps its texts to itself)
    flushSync(() => setBusy(true));
    try {
      if (await printNow(receipt, paper, printer, t('receipt.title'))) {
        toast.ok(t('receipt.printed'));
        closeReceipt();
      } else toast.error(t('receipt.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <aside className="receipt-offer" aria-label={t('receipt.title')}>
      <span className="receipt-offer-text">
        <strong>{t('receipt.title')}</strong>
        {receipt && (
          <span className="muted">
            {receipt.number} · {fmtMoney(receipt.totalCents)}
          </span>
        )}
      </span>
      <button
        type="button"
        className="btn btn-primary"
        disabled={!receipt || busy}
        onClick={() => void print()}
      >
        {busy ? t('receipt.printing') : t('receipt.print')}
      </button>
      <button
        type="button"
        className="btn"
        disabled={!receipt}
        onClick={() => offerReceipt(props.settlementId, 'preview')}
      >
        {t('receipt.preview')}
      </button>
      <button
        type="button"
        className="btn"
        aria-label={t('receipt.skip')}
        title={t('receipt.skip')}
        onClick={closeReceipt}
      >
        ×
      </button>
      {receipt && busy && <PrintCopy receipt={receipt} paper={paper} />}
    </aside>
  );
}

/** The preview, and a reprint from a history. */
function ReceiptDialog(props: { settlementId: number; reprint: boolean }) {
  const { t } = useTranslation();
  const { paper, printer } = usePrinter();
  const { receipt, setReceipt, error, setError } = useReceipt(props.settlementId);
  const [busy, setBusy] = useState(false);
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (receipt) printButton.current?.focus();
  }, [receipt]);

  const print = async () => {
    if (!receipt || busy) return;
    setBusy(true);
    setError(null);
    try {
      let r = receipt;
      if (props.reprint) {
        r = await call('receipts.reprint', { settlementId: props.settlementId });
        flushSync(() => setReceipt(r));
      }
      if (await printNow(r, paper, printer, t('receipt.title'))) {
        toast.ok(t('receipt.printed'));
        closeReceipt();
      } else setError(t('receipt.failed'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={props.reprint ? t('receipt.reprint') : t('receipt.title')} onClose={closeReceipt}>
      <div className="receipt-preview">
        {receipt ? <ReceiptView receipt={receipt} paper={paper} /> : !error && <p>{t('common.loading')}</p>}
      </div>
      <FormError error={error} />
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={closeReceipt}>
          {props.reprint ? t('common.close') : t('receipt.skip')}
        </button>
        <button
          ref={printButton}
          type="button"
          className="btn btn-primary"
          disabled={!receipt || busy}
          onClick={() => void print()}
        >
          {busy ? t('receipt.printing') : props.reprint ? t('receipt.reprint') : t('receipt.print')}
        </button>
      </div>
      {receipt && <PrintCopy receipt={receipt} paper={paper} />}
    </Modal>
  );
}
