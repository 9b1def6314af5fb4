/**
 * The visitor desk's screen state: the last registration (its decision is shown in words until
 * dismissed). The rotation board, today's visitors, the open calls and the announcements are
 * queries (screens/visitors/data.ts), kept the same in every window by the core's change events.
 */
import { create } from 'zustand';
import type { VisitorDetail } from '../../../electron/core/contract';

interface VisitorsState {
  lastRegistered: VisitorDetail | null;
  setLastRegistered(v: VisitorDetail | null): void;
}

export const useVisitors = create<VisitorsState>((set) => ({
  lastRegistered: null,
  setLastRegistered(v) {
    set({ lastRegistered: v });
  },
}));
