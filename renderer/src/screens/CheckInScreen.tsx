/**
 * The counter's home screen. Left: the scan / search field, an optional key tag number, trial guest
 * and coach buttons, and the big result of the last action. Right: who is inside now, with check-out.
 * Bottom: today's counts. A scanner burst anywhere on the screen checks the card in.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckoutPreview, InsideVisit, MemberSummary, VisitInfo } from '../../../electron/core/contract';
import { AuthorizeDialog, type Authorization } from '../components/AuthorizeDialog';
import { Icon } from './checkin/Icon';
import { errorText } from '../errorText';
import { useOp } from '../query';
import { createScanListener, isEditable } from '../scanner';
import { isMuted, setMuted } from '../sound';
import { useCheckin, type CheckoutBy, type MemberRef } from '../stores/checkin';
import { useCan } from '../stores/session';
import { toast } from '../stores/toast';
import { ChangeTagDialog } from './checkin/ChangeTagDialog';
import { CheckoutDialog } from './checkin/CheckoutDialog';
import { GuestDialog } from './checkin/GuestDialog';
import { InsideList } from './checkin/InsideList';
import { ResultPanel } from './checkin/ResultPanel';
import { ScanBox, type ScanBoxHandle } from './checkin/ScanBox';
import { TodayStrip } from './checkin/TodayStrip';
import { NextChip } from './visitors/NextChip';
import { ComplaintDeadlineNotice } from './incidents/ComplaintDeadline';
import './CheckInScreen.css';

type Dialog =
  | { kind: 'override' }
  | { kind: 'noTag' }
  | { kind: 'guest'; guest: 'trial' | 'coach' }
  | { kind: 'changeTag'; visit: VisitInfo }
  | { kind: 'checkout'; preview: CheckoutPreview };

const REFRESH_MS = 15_000;
const NOBODY: InsideVisit[] = [];

export default function CheckInScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const panel = useCheckin((s) => s.panel);
  const busy = useCheckin((s) => s.busy);
  // who is inside + today's counts: fresh after every action, every change event and every 15 s
  const inside = useOp('checkin.inside', {}, { refetchInterval: REFRESH_MS });
  const today = useOp('checkin.today', {}, { refetchInterval: REFRESH_MS });
  // the last refresh failed: shown quietly, the next one tries again
  const stale = inside.isError || today.isError;
  const canScan = useCan('checkin.scan');
  const canGuest = useCan('checkin.guest');
  const canCheckout = useCan('checkin.checkoutPreview');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [tagText, setTagText] = useState('');
  const [tagError, setTagError] = useState<string | null>(null);
  const [muted, setMutedState] = useState(isMuted());
  const scanBox = useRef<ScanBoxHandle>(null);
  const dialogRef = useRef<Dialog | null>(null);
  useLayoutEffect(() => {
    dialogRef.current = dialog;
  }, [dialog]);

  const focusScan = useCallback(() => {
    // after the dialog's own focus handling
    requestAnimationFrame(() => scanBox.current?.focus());
  }, []);

  // back to the scan field after every result and when a dialog closes
  useEffect(() => {
    if (!dialog) focusScan();
  }, [dialog, panel, focusScan]);

  /** The typed tag number, if any (undefined = lowest free). Null = not a valid number. */
  const typedTag = (): number | undefined | null => {
    const v = tagText.trim();
    if (!v) return undefined;
    const n = Number(v);
    return Number.isInteger(n) && n > 0 && n <= 100_000 ? n : null;
  };

  const doScan = useCallback(
    async (ref: MemberRef, scanned: boolean) => {
      const tag = typedTag();
      if (tag === null) {
        setTagError(t('checkin.badTag'));
        return;
      }
      setTagError(null);
      try {
        const r = await useCheckin
          .getState()
          .scan(ref, { scanned, ...(tag !== undefined ? { tagNumber: tag } : {}) });
        if (r.outcome === 'checked_in') setTagText('');
      } catch (e) {
        useCheckin.getState().showError(errorText(e));
      }
    },
    // typedTag reads tagText
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tagText, t],
  );

  const openCheckout = useCallback(
    async (by: CheckoutBy) => {
      try {
        const preview = await useCheckin.getState().preview(by);
        setDialog({ kind: 'checkout', preview });
      } catch (e) {
        toast.error(errorText(e));
        focusScan();
      }
    },
    [focusScan],
  );

  // a scanner burst anywhere on the screen
  const onScanRef = useRef<(code: string) => void>(() => undefined);
  useLayoutEffect(() => {
    onScanRef.current = (code: string) => {
      const d = dialogRef.current;
      if (d && d.kind !== 'checkout') {
        toast.warn(t('checkin.closeDialogFirst'));
        return;
      }
      if (d) setDialog(null);
      scanBox.current?.clear();
      if (!canScan) return;
      void doScan({ cardNo: code }, true);
    };
  });
  useEffect(() => {
    const l = createScanListener((code) => onScanRef.current(code), {
      isScanField: (el) => el !== null && el === scanBox.current?.input(),
    });
    // typing anywhere (nothing focused) goes to the scan field
    const onKey = (e: KeyboardEvent) => {
      if (dialogRef.current || e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1) return;
      const a = document.activeElement;
      if (!a || a === document.body) scanBox.current?.focus();
      else if (!isEditable(a) && a.tagName !== 'SELECT' && /^[0-9A-Za-z]$/.test(e.key))
        scanBox.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      l.dispose();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  // Stable props, so the result panel and the list of people inside (memoised) render again only
  // when what they show changed, not on every change of this screen's state.
  const resultActions = useMemo(
    () => ({
      onOverride: () => setDialog({ kind: 'override' }),
      onNoTag: () => setDialog({ kind: 'noTag' }),
      onCheckoutInstead: (cardNo: string) => void openCheckout({ cardNo }),
      onChangeTag: (visit: VisitInfo) => setDialog({ kind: 'changeTag', visit }),
      onTrialGuest: () => setDialog({ kind: 'guest', guest: 'trial' }),
    }),
    [openCheckout],
  );
  const onCheckoutVisit = useCallback((visitId: number) => void openCheckout({ visitId }), [openCheckout]);
  const onCheckoutTag = useCallback((tagNumber: number) => void openCheckout({ tagNumber }), [openCheckout]);

  const onPick = (m: MemberSummary) => void doScan({ memberId: m.id }, false);
  const onCard = (cardNo: string) => void doScan({ cardNo }, true);
  const onEmptyEnter = () => {
    // Enter on the empty field after "already inside": check that member out
    if (
      panel.kind === 'result' &&
      panel.result.outcome === 'blocked' &&
      panel.result.blocks.some((b) => b.code === 'ALREADY_INSIDE')
    ) {
      const cardNo = panel.result.member?.cardNo ?? panel.result.cardNo;
      if (cardNo) void openCheckout({ cardNo });
    }
  };

  const authorizeRetry = async (auth: Authorization, noTag: boolean) => {
    if (panel.kind !== 'result') return;
    const r = await useCheckin.getState().scan(panel.ref, {
      ...(panel.tagNumber !== undefined && !noTag ? { tagNumber: panel.tagNumber } : {}),
      ...(noTag ? { noTag: true } : {}),
      auth,
    });
    if (r.outcome === 'checked_in') setTagText('');
    setDialog(null);
  };

  const resultMember = panel.kind === 'result' ? panel.result.member : null;

  return (
    <div className="page checkin-page">
      <div className="checkin-main">
        <div className="checkin-left">
          <div className="scan-row card">
            <ScanBox
              ref={scanBox}
              disabled={!canScan}
              onCard={onCard}
              onPick={onPick}
              onEmptyEnter={onEmptyEnter}
              inside={inside.data ?? NOBODY}
              onTag={onCheckoutTag}
            />
            <div className="field scan-tag">
              <label htmlFor={`${uid}-tag`}>{t('checkin.tagField')}</label>
              <input
                id={`${uid}-tag`}
                inputMode="numeric"
                maxLength={6}
                placeholder={t('checkin.tagAuto')}
                value={tagText}
                onChange={(e) => {
                  setTagText(e.target.value.replace(/\D/g, ''));
                  setTagError(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    scanBox.current?.focus();
                  }
                }}
                aria-invalid={!!tagError || undefined}
              />
              {tagError && <div className="field-error">{tagError}</div>}
            </div>
            <div className="scan-buttons">
              {canGuest && (
                <>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => setDialog({ kind: 'guest', guest: 'trial' })}
                  >
                    {t('checkin.trialButton')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => setDialog({ kind: 'guest', guest: 'coach' })}
                  >
                    {t('checkin.coachButton')}
                  </button>
                </>
              )}
              <button
                type="button"
                className="btn btn-ghost scan-mute"
                aria-pressed={muted}
                aria-label={muted ? t('checkin.soundOn') : t('checkin.soundOff')}
                title={muted ? t('checkin.soundOn') : t('checkin.soundOff')}
                onClick={() => {
                  setMuted(!muted);
                  setMutedState(!muted);
                  focusScan();
                }}
              >
                <Icon name={muted ? 'mute' : 'sound'} />
              </button>
            </div>
            {busy && <div className="scan-busy muted">{t('checkin.checking')}</div>}
          </div>
          <ResultPanel panel={panel} actions={resultActions} />
        </div>
        <InsideList
          rows={inside.data ?? NOBODY}
          stale={stale}
          canCheckout={canCheckout}
          onCheckout={onCheckoutVisit}
          onCheckoutTag={onCheckoutTag}
        />
      </div>
      {/* managers: complaints due or overdue (nothing for reception, nothing when none is due) */}
      <div className="checkin-chips">
        <NextChip />
        <ComplaintDeadlineNotice />
      </div>
      <TodayStrip today={today.data ?? null} />

      {dialog?.kind === 'override' && (
        <AuthorizeDialog
          title={t('checkin.override')}
          confirmLabel={t('checkin.overrideConfirm')}
          onClose={() => setDialog(null)}
          action="override"
          onAuthorize={(auth) => authorizeRetry(auth, false)}
        >
          <p>{t('checkin.overrideWhat', { name: resultMember?.name ?? '' })}</p>
        </AuthorizeDialog>
      )}
      {dialog?.kind === 'noTag' && (
        <AuthorizeDialog
          title={t('checkin.recordNoTag')}
          confirmLabel={t('checkin.noTagConfirm')}
          onClose={() => setDialog(null)}
          action="noTag"
          onAuthorize={(auth) => authorizeRetry(auth, true)}
        >
          <p>{t('checkin.noTagWhat', { name: resultMember?.name ?? '' })}</p>
        </AuthorizeDialog>
      )}
      {dialog?.kind === 'guest' && (
        <GuestDialog kind={dialog.guest} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />
      )}
      {dialog?.kind === 'changeTag' && (
        <ChangeTagDialog
          visit={dialog.visit}
          onClose={() => setDialog(null)}
          onDone={(v) => {
            toast.ok(t('checkin.changeTag.done', { name: v.name, tag: v.tagNumber ?? '' }));
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'checkout' && (
        <CheckoutDialog
          preview={dialog.preview}
          onClose={() => setDialog(null)}
          // no toast: the result panel says it all (hand back the card, the change, how it was paid)
          onDone={() => setDialog(null)}
        />
      )}
    </div>
  );
}
