/**
 * The drink bar: the item list (with stock), the open tab (one visit's slips) and the pending slip
 * being put together before it is saved. The core decides everything; this only keeps what is shown.
 */
import { create } from 'zustand';
import { call, newOpId } from '../api';
import type { BarItem, Tab } from '../../../electron/core/contract';

export type TabRef = { visitId: number } | { tagNumber: number } | { cardNo: string };

export interface SlipLine {
  itemId: number;
  quantity: number;
}

/** Most of one item on one slip, and most lines on one slip (the contract's limits). */
export const MAX_QTY = 999;
export const MAX_SLIP_LINES = 50;

export interface Authorization {
  staffId: number;
  pin: string;
  reason: string;
}

interface BarState {
  /** Items as last loaded (inactive ones too when `withInactive`). */
  items: BarItem[] | null;
  withInactive: boolean;
  itemsError: unknown;
  tab: Tab | null;
  tabBusy: boolean;
  /** The pending slip, in the order the items were first picked. */
  slip: SlipLine[];
  /** Idempotency key of the pending slip: the same while it is unchanged (so a retry is not a second sale). */
  slipOpId: string;
  saving: boolean;
  /** Free water served today (null = not known yet). */
  waterToday: number | null;

  loadItems(opts?: { includeInactive?: boolean }): Promise<void>;
  setItem(item: BarItem): void;
  openTab(ref: TabRef): Promise<Tab>;
  refreshTab(): Promise<void>;
  closeTab(): void;
  setTab(tab: Tab): void;
  add(itemId: number, delta?: number): void;
  setQuantity(itemId: number, quantity: number): void;
  remove(itemId: number): void;
  clearSlip(): void;
  saveSlip(): Promise<Tab>;
  correct(lineId: number, quantity: number): Promise<Tab>;
  /**
   * Voids lines (or `quantities` of them) with a supervisor's authorisation; money paid goes back
   * where it came from (`cashBack`: stored value in cash, a manager's PIN). The tab says what went back.
   */
  voidLines(
    lineIds: number[],
    auth: Authorization,
    opts?: { quantities?: number[]; cashBack?: boolean },
  ): Promise<Tab>;
  water(): Promise<number>;
  setWaterToday(n: number): void;
}

export const useBar = create<BarState>((set, get) => ({
  items: null,
  withInactive: false,
  itemsError: null,
  tab: null,
  tabBusy: false,
  slip: [],
  slipOpId: newOpId(),
  saving: false,
  waterToday: null,

  async loadItems(opts) {
    const includeInactive = opts?.includeInactive ?? get().withInactive;
    try {
      const items = await call('bar.items', includeInactive ? { includeInactive: true } : {});
      set({ items, withInactive: includeInactive, itemsError: null });
    } catch (e) {
      set({ itemsError: e });
    }
  },

  setItem(item) {
    const items = get().items;
    if (!items) return;
    const i = items.findIndex((x) => x.id === item.id);
    set({ items: i < 0 ? [...items, item] : items.map((x) => (x.id === item.id ? item : x)) });
  },

  async openTab(ref) {
    set({ tabBusy: true });
    try {
      const tab = await call('bar.tab', ref);
      set({ tab });
      return tab;
    } finally {
      set({ tabBusy: false });
    }
  },

  async refreshTab() {
    const tab = get().tab;
    if (!tab) return;
    try {
      set({ tab: await call('bar.tab', { visitId: tab.visit.visitId }) });
    } catch {
      // keep what is shown; the next action reports the problem
    }
  },

  closeTab() {
    set({ tab: null });
  },

  setTab(tab) {
    set({ tab });
  },

  add(itemId, delta = 1) {
    const slip = get().slip;
    const line = slip.find((l) => l.itemId === itemId);
    if (line) {
      get().setQuantity(itemId, line.quantity + delta);
      return;
    }
    if (delta <= 0 || slip.length >= MAX_SLIP_LINES) return;
    set({ slip: [...slip, { itemId, quantity: Math.min(delta, MAX_QTY) }], slipOpId: newOpId() });
  },

  setQuantity(itemId, quantity) {
    const q = Math.min(MAX_QTY, Math.floor(quantity));
    if (q <= 0) {
      get().remove(itemId);
      return;
    }
    set({
      slip: get().slip.map((l) => (l.itemId === itemId ? { ...l, quantity: q } : l)),
      slipOpId: newOpId(),
    });
  },

  remove(itemId) {
    set({ slip: get().slip.filter((l) => l.itemId !== itemId), slipOpId: newOpId() });
  },

  clearSlip() {
    set({ slip: [], slipOpId: newOpId() });
  },

  async saveSlip() {
    const { tab, slip, slipOpId } = get();
    if (!tab || slip.length === 0) throw new Error('nothing to save');
    set({ saving: true });
    try {
      const next = await call('bar.sell', {
        visitId: tab.visit.visitId,
        items: slip.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
        opId: slipOpId,
      });
      set({ tab: next, slip: [], slipOpId: newOpId() });
      void get().loadItems();
      return next;
    } finally {
      set({ saving: false });
    }
  },

  async correct(lineId, quantity) {
    const tab = await call('bar.correctLine', { lineId, quantity, memberConfirmed: true });
    set({ tab });
    void get().loadItems();
    return tab;
  },

  async voidLines(lineIds, auth, opts = {}) {
    const tab = await call('bar.void', {
      lineIds,
      reason: auth.reason,
      authorization: auth,
      ...(opts.quantities ? { quantities: opts.quantities } : {}),
      ...(opts.cashBack ? { cashBack: true } : {}),
    });
    set({ tab });
    void get().loadItems();
    return tab;
  },

  async water() {
    const r = await call('bar.water', {});
    set({ waterToday: r.today });
    return r.today;
  },

  setWaterToday(n) {
    set({ waterToday: n });
  },
}));

/** Items on sale, grouped by category (in the order of `sort`, then name). */
export function groupByCategory(items: readonly BarItem[]): { category: string; items: BarItem[] }[] {
  const sorted = [...items].sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
  const groups = new Map<string, BarItem[]>();
  for (const it of sorted) {
    const g = groups.get(it.category);
    if (g) g.push(it);
    else groups.set(it.category, [it]);
  }
  return [...groups].map(([category, list]) => ({ category, items: list }));
}
