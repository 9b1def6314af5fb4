import { create } from 'zustand';

export type Screen =
  | 'checkin'
  | 'bar'
  | 'barReport'
  | 'tags'
  | 'members'
  | 'settings'
  | 'staff'
  | 'audit'
  | 'visitors'
  | 'incidents'
  | 'shift'
  | 'notes'
  | 'calls';

interface NavState {
  screen: Screen;
  /** Optional parameters for the screen, e.g. { memberId: 12 } for members. */
  params: Record<string, string | number>;
  go(screen: Screen, params?: Record<string, string | number>): void;
}

export const useNav = create<NavState>((set) => ({
  screen: 'checkin',
  params: {},
  go: (screen, params = {}) => set({ screen, params }),
}));
