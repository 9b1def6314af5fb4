/**
 * The receipt offered after a payment, or reprinted from a history (stores/receipt.ts): a preview
 * at the paper's width with "Print receipt" (Enter) and "No receipt" (Esc). The first print reads
 * the receipt (receipts.get); a reprint is asked of the core when Print is pressed
 * (receipts.reprint: audited, counted, marked "重打/REPRINT").
 *
 * Printing: a copy of the receipt is put directly in <body>; print CSS (receipt.css) hides the app
 * and an @page rule gives the paper's size (58/80 mm wide and as tall as the receipt, no margins;
 * A4 with margins). The browser prints with window.print(); Electron silently on the receipt printer
 * named in the settings (electron/main/ipc.ts, the same page size in micrometres).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PrintedReceipt, ReceiptPaper } from '../../../electron/core/contract';
import { call } from '../api';
import { errorText } from '../errorText';
import { closeReceipt, useReceiptOffer } from '../stores/receipt';
import { useSession } from '../stores/session';
import { toast } from '../stores/toast';
import { FormError } from './FormParts';
import { Modal } from './Modal';
import { ReceiptView } from './Receipt';

const PX_PER_MM = 96 / 25.4;

/** The @page rule for a receipt of this height (mm); one style element, replaced each time. */
function setPageRule(paper: ReceiptPaper, heightMm: number): void {
  let el = document.getElementById('receipt-page-rule');
  if (!el) {
    el = document.createElement('style');
    el.id = 'receipt-page-rule';
    document.head.appendChild(el);
  }
  el.textContent =
    paper === 'A4'
      ? '@page { size: A4; margin: 15mm; }'
      : `@page { size: ${paper}mm ${heightMm}mm; margin: 0; }`;
}

export function ReceiptHost() {
  const offer = useReceiptOffer((s) => s.offer);
  if (!offer) return null;
  return (
    <ReceiptDialog
      key={`${offer.settlementId}-${offer.reprint}`}
      settlementId={offer.settlementId}
      reprint={offer.reprint}
    />
  );
}

function ReceiptDialog(props: { settlementId: number; reprint: boolean }) {
  const { t } = useTranslation();
  const paper = useSession((s) => s.settings?.receiptPaper ?? '80');
  const printer = useSession((s) => s.settings?.receiptPrinter ?? '');
  const [receipt, setReceipt] = useState<PrintedReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = useRef<HTMLDivElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    call('receipts.get', { settlementId: props.settlementId }).then(
      (r) => live && setReceipt(r),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [props.settlementId]);

  const heightMm = (): number => {
    const el = preview.current?.querySelector('.receipt');
    return el ? Math.ceil(el.getBoundingClientRect().height / PX_PER_MM) + 2 : 100;
  };

  // the page size follows the receipt shown (a test's page.pdf uses it too); gone with the dialog
  useLayoutEffect(() => {
    if (receipt) setPageRule(paper, heightMm());
  }, [receipt, paper]);
  useEffect(() => () => document.getElementById('receipt-page-rule')?.remove(), []);
  useEffect(() => {
    if (receipt) printButton.current?.focus();
  }, [receipt]);

  const print = async () => {
    if (!receipt || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (props.reprint) {
        const copy = await call('receipts.reprint', { settlementId: props.settlementId });
        flushSync(() => setReceipt(copy));
      }
      const h = heightMm();
      setPageRule(paper, h);
      const title = `${t('receipt.title')} ${receipt.number}`;
      const bridge = window.frontDesk;
      if (bridge?.print) {
        const r = await bridge.print({
          pdf: false,
          title,
          receipt: { paper, deviceName: printer, heightMm: h },
        });
        if (!r.ok) {
          setError(t('receipt.failed'));
          return;
        }
      } else {
        window.print();
      }
      toast.ok(t('receipt.printed'));
      closeReceipt();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={props.reprint ? t('receipt.reprint') : t('receipt.title')} onClose={closeReceipt}>
      <div className="receipt-preview" ref={preview}>
        {receipt ? <ReceiptView receipt={receipt} paper={paper} /> : !error && <p>{t('common.loading')}</p>}
      </div>
      <FormError error={error} />
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={closeReceipt}>
          {t('receipt.skip')}
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
      {receipt &&
        createPortal(
          <div className="receipt-print-copy">
            <ReceiptView receipt={receipt} paper={paper} />
          </div>,
          document.body,
        )}
    </Modal>
  );
}
