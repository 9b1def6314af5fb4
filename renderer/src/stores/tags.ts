/**
 * The key-tag board's screen state: the filter and which tags are selected for the batch actions.
 * The board itself is the query `tags.board`.
 */
import { create } from 'zustand';
import type { TagBoard, KeyTag, TagStatus } from '../../../electron/core/contract';

export type TagFilter = TagStatus | 'all';

interface TagsState {
  filter: TagFilter;
  selected: ReadonlySet<number>;
  /** The last tile clicked (the anchor for shift-click ranges). */
  anchor: number | null;
  /** A new board: keep only selections that still exist and are still selectable. */
  keepSelectable(b: TagBoard): void;
  setFilter(f: TagFilter): void;
  toggle(n: number): void;
  selectRange(to: number, visible: readonly KeyTag[]): void;
  selectWhere(status: TagStatus, board: TagBoard | null): void;
  clearSelection(): void;
}

/** Tags that can be selected for batch actions (an issued tag is with a person; its click opens check-out). */
export function selectable(t: KeyTag): boolean {
  return t.status !== 'issued';
}

/** The selected tags that an action applies to. */
export function selectedWith(
  board: TagBoard | null,
  selected: ReadonlySet<number>,
  statuses: readonly TagStatus[],
): number[] {
  if (!board) return [];
  return board.tags.filter((t) => selected.has(t.number) && statuses.includes(t.status)).map((t) => t.number);
}

export const useTags = create<TagsState>((set, get) => ({
  filter: 'all',
  selected: new Set(),
  anchor: null,

  keepSelectable(board) {
    const ok = new Set(board.tags.filter(selectable).map((t) => t.number));
    const now = get().selected;
    const selected = new Set([...now].filter((n) => ok.has(n)));
    if (selected.size !== now.size) set({ selected });
  },

  setFilter(filter) {
    set({ filter });
  },

  toggle(n) {
    const s = new Set(get().selected);
    if (s.has(n)) s.delete(n);
    else s.add(n);
    set({ selected: s, anchor: n });
  },

  selectRange(to, visible) {
    const from = get().anchor;
    if (from === null) {
      get().toggle(to);
      return;
    }
    const i = visible.findIndex((t) => t.number === from);
    const j = visible.findIndex((t) => t.number === to);
    if (i < 0 || j < 0) {
      get().toggle(to);
      return;
    }
    const s = new Set(get().selected);
    for (const t of visible.slice(Math.min(i, j), Math.max(i, j) + 1)) if (selectable(t)) s.add(t.number);
    set({ selected: s, anchor: to });
  },

  selectWhere(status, b) {
    if (!b) return;
    set({ selected: new Set(b.tags.filter((t) => t.status === status).map((t) => t.number)), anchor: null });
  },

  clearSelection() {
    set({ selected: new Set(), anchor: null });
  },
}));
