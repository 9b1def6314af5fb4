/**
 * The drink bar's screen state: whose tab is open, the pending slip being put together before it
 * is saved, and today's free water as the last tap answered. The items (with stock) and the open
 * tab are queries (`bar.items`, `bar.tab`), fresh after every change anywhere.
 */
import { create } from 'zustand';
import { call, newOpId } from '../api';
import {
  pointsOfRole,
  type AuthReasonCode,
  type BarItem,
  type SalesPoint,
  type Tab,
} from '../../../electron/core/contract';
import { refresh, setOpData, updateOpData, useOp } from '../query';
import { useSession } from './session';

export type TabRef = { visitId: number } | { tagNumber: number } | { cardNo: string };

export interface SlipLine {
  itemId: number;
  quantity: number;
}

/** Most of one item on one slip, and most lines on one slip (the contract's limits). */
export const MAX_QTY = 999;
export const MAX_SLIP_LINES = 50;

/** A supervisor's authorisation: the PIN alone names them. */
export interface Authorization {
  pin: string;
  reasonCode?: AuthReasonCode;
  reason: string;
}

interface BarState {
  /** The visit whose tab is open (null: none). */
  tabVisitId: number | null;
  tabBusy: boolean;
  /** The pending slip, in the order the items were first picked. */
  slip: SlipLine[];
  /** Idempotency key of the pending slip: the same while it is unchanged (so a retry is not a second sale). */
  slipOpId: string;
  saving: boolean;
  /** Free water served today as the last tap here answered (null = not tapped yet). */
  waterToday: number | null;
  /** The sales point chosen (shift leads and managers work at both); null: the role's first. */
  point: SalesPoint | null;

  /** Switches the sales point (a pending slip is one point's: it is dropped). */
  setPoint(point: SalesPoint): void;
  openTab(ref: TabRef): Promise<Tab>;
  closeTab(): void;
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
}

/**
 * The sales points the logged-in role works at (bar staff the bar, reception the shop, supervisors
 * both) and the one on screen.
 */
export function useSalesPoint(): { point: SalesPoint; points: readonly SalesPoint[] } {
  const role = useSession((s) => s.info?.staff.role);
  const chosen = useBar((s) => s.point);
  const points = role ? pointsOfRole(role) : (['bar'] as const);
  return { point: chosen && points.includes(chosen) ? chosen : points[0]!, points };
}

/** One filter per point, so a query's selection stays the same between renders. */
const OF_POINT: Record<SalesPoint, (items: BarItem[]) => BarItem[]> = {
  bar: (items) => items.filter((i) => i.point === 'bar'),
  shop: (items) => items.filter((i) => i.point === 'shop'),
};

/**
 * The items (with stock) on sale at the point on screen; `includeInactive` adds those taken off
 * sale (the stock list).
 */
export function useBarItems(includeInactive = false) {
  const { point } = useSalesPoint();
  return useOp('bar.items', includeInactive ? { includeInactive: true } : {}, { select: OF_POINT[point] });
}

/** The open tab, fresh after every change and every 20 s (it may be paid at check-out meanwhile). */
export function useTab() {
  const visitId = useBar((s) => s.tabVisitId);
  return useOp('bar.tab', { visitId: visitId ?? 0 }, { enabled: visitId !== null, refetchInterval: 20_000 });
}

/** A tab as a change answered it. */
function showTab(tab: Tab): Tab {
  setOpData('bar.tab', { visitId: tab.visit.visitId }, tab);
  return tab;
}

/** An item as a change answered it (a delivery, an edit): in every list of items at once. */
export function setItem(item: BarItem): void {
  for (const args of [{}, { includeInactive: true }])
    updateOpData('bar.items', args, (items) =>
      items.some((x) => x.id === item.id)
        ? items.map((x) => (x.id === item.id ? item : x))
        : [...items, item],
    );
}

export const useBar = create<BarState>((set, get) => ({
  tabVisitId: null,
  tabBusy: false,
  slip: [],
  slipOpId: newOpId(),
  saving: false,
  waterToday: null,
  point: null,

  setPoint(point) {
    if (point !== get().point) set({ point, slip: [], slipOpId: newOpId() });
  },

  async openTab(ref) {
    set({ tabBusy: true });
    try {
      const tab = showTab(await call('bar.tab', ref));
      set({ tabVisitId: tab.visit.visitId });
      return tab;
    } finally {
      set({ tabBusy: false });
    }
  },

  closeTab() {
    set({ tabVisitId: null });
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
    const { tabVisitId, slip, slipOpId } = get();
    if (tabVisitId === null || slip.length === 0) throw new Error('nothing to save');
    set({ saving: true });
    try {
      const next = showTab(
        await call('bar.sell', {
          visitId: tabVisitId,
          items: slip.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
          opId: slipOpId,
        }),
      );
      set({ slip: [], slipOpId: newOpId() });
      void refresh('bar.items');
      return next;
    } finally {
      set({ saving: false });
    }
  },

  async correct(lineId, quantity) {
    const tab = showTab(await call('bar.correctLine', { lineId, quantity, memberConfirmed: true }));
    void refresh('bar.items');
    return tab;
  },

  async voidLines(lineIds, auth, opts = {}) {
    const tab = showTab(
      await call('bar.void', {
        lineIds,
        reason: auth.reason,
        authorization: auth,
        ...(opts.quantities ? { quantities: opts.quantities } : {}),
        ...(opts.cashBack ? { cashBack: true } : {}),
      }),
    );
    void refresh('bar.items');
    return tab;
  },

  async water() {
    const r = await call('bar.water', {});
    set({ waterToday: r.today });
    return r.today;
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

/** Tiles on a menu page: one number key each (1–9, then 0). */
const PAGE_SIZE = 10;

/** A page of the bar's menu: its tab label and at most ten items. */
export interface MenuPage {
  key: string;
  label: string;
  items: BarItem[];
}

/**
 * The menu's pages: the favourites first (常用, on their own page, in the menu's order), then one
 * page per category (a category of more than ten items takes several, numbered). A favourite stays
 * on its category's page as well. A page holds at most ten tiles so each has its number key and
 * nothing ever needs scrolling.
 */
export function menuPages(items: readonly BarItem[], favouritesLabel: string): MenuPage[] {
  const out: MenuPage[] = [];
  const add = (key: string, label: string, list: BarItem[]) => {
    const parts = Math.ceil(list.length / PAGE_SIZE);
    for (let p = 0; p < parts; p++)
      out.push({
        key: `${key}\u0000${p}`,
        label: parts > 1 ? `${label} ${p + 1}/${parts}` : label,
        items: list.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE),
      });
  };
  const groups = groupByCategory(items);
  // the favourites keep the menu's order: by category as the pages follow, then sort and name
  add(
    '\u0001favourites',
    favouritesLabel,
    groups.flatMap((g) => g.items.filter((i) => i.favourite)),
  );
  for (const g of groups) add(g.category, g.category, g.items);
  return out;
}
