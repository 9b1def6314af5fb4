/**
 * The counter's state: what the result panel shows. Actions call the core and play the status
 * sound; errors are turned into words by the caller (errorText). Who is inside and today's counts
 * are queries (`checkin.inside`, `checkin.today`), fetched again after every action here.
 */
import { create } from 'zustand';
import { call, newOpId } from '../api';
import type {
  AuthReasonCode,
  CheckinResult,
  CheckoutPreview,
  CheckoutResult,
  OpArgs,
  PaymentPart,
  StatusReason,
  VisitInfo,
  WarningCode,
} from '../../../electron/core/contract';
import { refresh } from '../query';
import { playSound } from '../sound';

/**
 * Performance marks for the scan-to-paint measurement (`npm run bench` reads them): one when a scan
 * is submitted, one after the browser painted its result. Kept bounded (they are cleared every 500).
 */
export const SCAN_MARK_SUBMIT = 'fd:scan:submit';
export const SCAN_MARK_PAINTED = 'fd:scan:painted';
function markScan(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (name === SCAN_MARK_SUBMIT && performance.getEntriesByName(name).length >= 500) {
    performance.clearMarks(SCAN_MARK_SUBMIT);
    performance.clearMarks(SCAN_MARK_PAINTED);
  }
  performance.mark(name);
}
/**
 * After the next frame is painted: requestAnimationFrame runs before the paint, the task after it.
 * Where no frame comes (no requestAnimationFrame, a hidden window) it runs after 100 ms anyway.
 */
function afterPaint(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

export type MemberRef = { memberId: number } | { cardNo: string };
export type CheckoutBy = { visitId: number } | { tagNumber: number } | { cardNo: string };
/** A supervisor's authorisation: the PIN alone names them (the result says who). */
export interface Auth {
  pin: string;
  reasonCode?: AuthReasonCode;
  reason: string;
}

export interface CheckoutSettle {
  payment?: { parts: PaymentPart[] };
  leaveUnpaid?: Auth;
}

export type Panel =
  | { kind: 'idle' }
  | {
      kind: 'result';
      result: CheckinResult;
      ref: MemberRef;
      /** The tag the receptionist typed for this check-in (kept for a retry). */
      tagNumber?: number;
      /** Who let the member in, and why (an override or a visit without a tag). */
      authBy?: { name: string; reason: string };
      at: number;
    }
  | { kind: 'guest'; visit: VisitInfo; at: number }
  | {
      kind: 'checkedOut';
      result: CheckoutResult;
      /** A shift lead let the member leave with the tab unpaid: who and why (amount in the result). */
      leftUnpaidBy?: { name: string; reason: string };
      at: number;
    }
  | { kind: 'error'; text: string; at: number };

/** Who is inside and today's counts, fetched again (after an action's result is on the screen). */
export function refreshCounter(): Promise<void> {
  return refresh('checkin.inside', 'checkin.today');
}

interface CheckinState {
  panel: Panel;
  busy: boolean;
  scan(
    ref: MemberRef,
    opts?: { scanned?: boolean; tagNumber?: number; noTag?: boolean; auth?: Auth },
  ): Promise<CheckinResult>;
  guest(args: Omit<OpArgs<'checkin.guest'>, 'opId'>): Promise<VisitInfo>;
  changeTag(visitId: number, tagNumber: number): Promise<VisitInfo>;
  preview(by: CheckoutBy): Promise<CheckoutPreview>;
  /**
   * Checks a visit out. A tab is settled with `payment` (parts adding up to the tab), or left
   * unpaid with a shift lead's authorisation (`leaveUnpaid`). The opId is the caller's: the same
   * one for a retry of the same attempt, so it is never applied twice.
   */
  checkout(
    visitId: number,
    tagReturned: boolean,
    opId: string,
    settle?: CheckoutSettle,
  ): Promise<CheckoutResult>;
  showError(text: string): void;
  clear(): void;
}

/** The warnings staff must act on (amber): a birthday is a friendly note, not one of them. */
export function actionWarnings(ws: StatusReason<WarningCode>[]): StatusReason<WarningCode>[] {
  return ws.filter((w) => w.code !== 'BIRTHDAY');
}

/**
 * A scan of a member who is inside (the desk keeps the card): the way out, shown neutrally. The
 * tag number they have (null: none); undefined when the result is something else.
 */
export function insideTag(r: CheckinResult): number | null | undefined {
  if (r.outcome !== 'blocked') return undefined;
  const b = r.blocks.find((x) => x.code === 'ALREADY_INSIDE');
  if (!b) return undefined;
  const tag = b.params.tag ?? b.params.tagNumber;
  return typeof tag === 'number' ? tag : null;
}

function soundFor(r: CheckinResult): void {
  if (r.outcome === 'checked_in') playSound(actionWarnings(r.warnings).length > 0 ? 'warning' : 'ok');
  else if (r.outcome === 'duplicate_ignored') playSound('ok');
  else if (insideTag(r) !== undefined) {
    // Someone on the way out: not an alarm.
    playSound('warning');
  } else playSound('blocked');
}

export const useCheckin = create<CheckinState>((set, get) => ({
  panel: { kind: 'idle' },
  busy: false,

  async scan(ref, opts = {}) {
    markScan(SCAN_MARK_SUBMIT);
    set({ busy: true });
    try {
      const result = await call('checkin.scan', {
        ref,
        ...(opts.scanned ? { scanned: true } : {}),
        ...(opts.tagNumber !== undefined ? { tagNumber: opts.tagNumber } : {}),
        ...(opts.noTag ? { noTag: true } : {}),
        ...(opts.auth ? { authorization: opts.auth } : {}),
        opId: newOpId(),
      });
      const authBy =
        opts.auth && result.outcome === 'checked_in' && result.authorizedByName
          ? { name: result.authorizedByName, reason: opts.auth.reason }
          : undefined;
      // The result first, in one render (busy off with it); the sound at once; the list of people
      // inside and today's counts only after the result's frame is on the screen.
      set({
        panel: {
          kind: 'result',
          result,
          ref,
          ...(opts.tagNumber !== undefined ? { tagNumber: opts.tagNumber } : {}),
          ...(authBy ? { authBy } : {}),
          at: Date.now(),
        },
        busy: false,
      });
      soundFor(result);
      afterPaint(() => {
        markScan(SCAN_MARK_PAINTED);
        void refreshCounter();
      });
      return result;
    } catch (e) {
      playSound('blocked');
      throw e;
    } finally {
      set({ busy: false });
    }
  },

  async guest(args) {
    set({ busy: true });
    try {
      const visit = await call('checkin.guest', { ...args, opId: newOpId() });
      set({ panel: { kind: 'guest', visit, at: Date.now() }, busy: false });
      playSound('ok');
      afterPaint(() => void refreshCounter());
      return visit;
    } finally {
      set({ busy: false });
    }
  },

  async changeTag(visitId, tagNumber) {
    const visit = await call('checkin.changeTag', { visitId, tagNumber });
    const p = get().panel;
    if (p.kind === 'guest' && p.visit.id === visitId) set({ panel: { ...p, visit } });
    if (
      p.kind === 'result' &&
      (p.result.outcome === 'checked_in' || p.result.outcome === 'duplicate_ignored') &&
      p.result.visit.id === visitId
    ) {
      set({ panel: { ...p, result: { ...p.result, visit } } });
    }
    void refreshCounter();
    return visit;
  },

  preview(by) {
    return call('checkin.checkoutPreview', by);
  },

  async checkout(visitId, tagReturned, opId, settle = {}) {
    const result = await call('checkin.checkout', {
      visitId,
      tagReturned,
      ...(settle.payment ? { payment: settle.payment } : {}),
      ...(settle.leaveUnpaid ? { leaveUnpaid: settle.leaveUnpaid } : {}),
      opId,
    });
    set({
      panel: {
        kind: 'checkedOut',
        result,
        ...(settle.leaveUnpaid
          ? { leftUnpaidBy: { name: result.unpaidAllowedByName ?? '', reason: settle.leaveUnpaid.reason } }
          : {}),
        at: Date.now(),
      },
    });
    playSound(tagReturned ? 'ok' : 'warning');
    afterPaint(() => void refreshCounter());
    return result;
  },

  showError(text) {
    set({ panel: { kind: 'error', text, at: Date.now() } });
  },

  clear() {
    set({ panel: { kind: 'idle' } });
  },
}));
