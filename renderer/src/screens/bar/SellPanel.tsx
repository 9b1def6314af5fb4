/**
 * Selling at the bar. Left: the tag number field and the open tab (who, the lines, what is unpaid).
 * Right: the quick-pick grid and the pending slip with "Save slip".
 */
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TabLine } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { fmtMoney } from '../../format';
import { isEditable } from '../../scanner';
import { refresh } from '../../query';
import { useBar, useBarItems, useSalesPoint, useTab, type TabRef } from '../../stores/bar';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { CorrectDialog } from './CorrectDialog';
import { QuickPick } from './QuickPick';
import { SlipPanel } from './SlipPanel';
import { TabView } from './TabView';
import { VoidDialog } from './VoidDialog';

export interface SellPanelHandle {
  /** Opens the tab of the member whose card was scanned. */
  openCard(cardNo: string): void;
  /** The tag number field (a scanner burst there is a card scan too). */
  tagInput(): HTMLInputElement | null;
}

type Dialog = { kind: 'correct'; line: TabLine } | { kind: 'void'; line: TabLine };

export function SellPanel({ ref }: { ref?: Ref<SellPanelHandle> }) {
  const { t } = useTranslation();
  const { point } = useSalesPoint();
  const uid = useId();
  // the open tab: fresh after every change and every 20 s (it may be paid at check-out meanwhile)
  const tab = useTab().data ?? null;
  const tabBusy = useBar((s) => s.tabBusy);
  const itemsQuery = useBarItems();
  const items = itemsQuery.data ?? null;
  const slip = useBar((s) => s.slip);
  const canSell = useCan('bar.sell');
  const canCorrect = useCan('bar.correctLine');
  const canVoid = useCan('bar.void');
  const [tagText, setTagText] = useState('');
  const [tagError, setTagError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const open = async (r: TabRef) => {
    setTagError(null);
    try {
      await useBar.getState().openTab(r);
      setTagText('');
      // the tab is open: the number keys pick from the menu (Escape goes back to the tag field)
      document.querySelector<HTMLElement>('.bar-pick')?.focus();
      return;
    } catch (e) {
      setTagError(errorText(e));
    }
    input.current?.focus();
  };

  useImperativeHandle(
    ref,
    () => ({
      openCard: (cardNo: string) => {
        setTagText('');
        void open({ cardNo });
      },
      tagInput: () => input.current,
    }),
    // open() only uses state setters, the store and a ref: the handle never goes stale
    [],
  );

  // start at the tag field; typing a digit with nothing focused goes there too
  useEffect(() => {
    input.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || !/^[0-9]$/.test(e.key)) return;
      if (document.querySelector('[role="dialog"]')) return;
      const a = document.activeElement;
      if (!a || a === document.body) input.current?.focus();
      else if (!isEditable(a) && a.tagName !== 'SELECT' && !a.closest('[role="tablist"], .bar-pick'))
        input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submitTag = () => {
    const v = tagText.trim();
    const n = Number(v);
    if (!v || !Number.isInteger(n) || n <= 0 || n > 100_000) {
      setTagError(t('bar.badTag'));
      return;
    }
    void open({ tagNumber: n });
  };

  const byId = useMemo(() => new Map((items ?? []).map((i) => [i.id, i])), [items]);

  const save = async () => {
    try {
      const next = await useBar.getState().saveSlip();
      toast.ok(
        t('bar.slipSaved', {
          context: point,
          name: next.visit.name,
          unpaid: fmtMoney(next.unpaidCents),
        }),
      );
      if (next.stockWarnings.length > 0) {
        toast.warn(
          t('bar.stockWarning', {
            list: next.stockWarnings
              .map((w) => t('bar.stockWarningItem', { name: w.name, stock: w.stock }))
              .join(t('bar.listSep')),
          }),
        );
      }
      input.current?.focus();
    } catch (e) {
      toast.error(errorText(e));
    }
  };

  return (
    <div className="bar-sell">
      <div className="bar-left">
        <form
          className="card bar-tagrow"
          onSubmit={(e) => {
            e.preventDefault();
            submitTag();
          }}
        >
          <div className="field bar-tagfield">
            <label htmlFor={`${uid}-tag`}>{t('bar.tagLabel')}</label>
            <input
              ref={input}
              id={`${uid}-tag`}
              inputMode="numeric"
              autoComplete="off"
              maxLength={32}
              value={tagText}
              onChange={(e) => {
                setTagText(e.target.value.replace(/\D/g, ''));
                setTagError(null);
              }}
              aria-invalid={!!tagError || undefined}
              aria-describedby={tagError ? `${uid}-tagerr` : `${uid}-taghint`}
            />
          </div>
          <button type="submit" className="btn btn-primary bar-open-btn" disabled={tabBusy}>
            {t('bar.openTab')}
          </button>
          <div className="bar-tag-msg">
            {tagError ? (
              <div className="field-error" id={`${uid}-tagerr`} role="alert">
                {tagError}
              </div>
            ) : (
              <div className="muted field-hint" id={`${uid}-taghint`}>
                {tabBusy ? t('common.loading') : t('bar.tagHint')}
              </div>
            )}
          </div>
        </form>
        <TabView
          tab={tab}
          canCorrect={canCorrect}
          canVoid={canVoid}
          onCorrect={(line) => setDialog({ kind: 'correct', line })}
          onVoid={(line) => setDialog({ kind: 'void', line })}
          onClose={() => {
            useBar.getState().closeTab();
            input.current?.focus();
          }}
          onRefresh={() => void refresh('bar.tab')}
        />
      </div>
      <div className="bar-right">
        <QuickPick
          items={items}
          itemsError={itemsQuery.error}
          slip={slip}
          disabled={!canSell}
          onPick={(id) => useBar.getState().add(id, 1)}
          onEscape={() => input.current?.focus()}
        />
        <SlipPanel tab={tab} slip={slip} byId={byId} canSell={canSell} onSave={() => void save()} />
      </div>

      {dialog?.kind === 'correct' && tab && (
        <CorrectDialog
          line={dialog.line}
          onClose={() => setDialog(null)}
          onVoidInstead={() => setDialog({ kind: 'void', line: dialog.line })}
          onDone={(q) => {
            toast.ok(
              q === 0
                ? t('bar.correct.removed', { name: dialog.line.name })
                : t('bar.correct.done', { name: dialog.line.name, quantity: q }),
            );
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'void' && tab && (
        <VoidDialog
          line={dialog.line}
          tab={tab}
          onClose={() => setDialog(null)}
          onDone={({ quantity, refund }) => {
            const what = { name: dialog.line.name, quantity };
            toast.ok(
              refund.length === 0
                ? t('bar.void.done', what)
                : t('bar.void.doneRefund', {
                    ...what,
                    parts: refund
                      .map((p) => t(`bar.void.refundTo.${p.method}`, { amount: fmtMoney(p.amountCents) }))
                      .join(t('bar.listSep')),
                  }),
            );
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}
