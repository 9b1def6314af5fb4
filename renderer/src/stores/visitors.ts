/**
 * The visitor desk's live state: the rotation board, today's visitors, the open calls (with the
 * proposal of whom to call next) and today's announcements. `refresh` reloads what the logged-in
 * role may see; the Shell calls it on every change event from the core, so every window shows the
 * same rotation at once.
 */
import { create } from 'zustand';
import { call } from '../api';
import type {
  AnnouncementsDue,
  LoginStaff,
  RotationBoard,
  VisitorDetail,
  VisitorsToday,
} from '../../../electron/core/contract';
import { can } from './session';

interface VisitorsState {
  board: RotationBoard | null;
  today: VisitorsToday | null;
  /** Details of the visitors being called or waiting (for the calling cards), by visitor id. */
  open: Record<number, VisitorDetail>;
  announcements: AnnouncementsDue | null;
  /** Consultants on the staff list (for sign-in and the selects). */
  consultants: LoginStaff[];
  /** The last registration (its decision is shown in words until dismissed). */
  lastRegistered: VisitorDetail | null;
  stale: boolean;
  refresh(): Promise<void>;
  refreshAnnouncements(): Promise<void>;
  loadConsultants(): Promise<void>;
  setBoard(board: RotationBoard): void;
  setVisitor(v: VisitorDetail): void;
  setAnnouncements(a: AnnouncementsDue): void;
  setLastRegistered(v: VisitorDetail | null): void;
}

let refreshing: Promise<void> | null = null;
let again = false;

export const useVisitors = create<VisitorsState>((set, get) => ({
  board: null,
  today: null,
  open: {},
  announcements: null,
  consultants: [],
  lastRegistered: null,
  stale: false,

  refresh() {
    // one refresh at a time; a request during one runs once more afterwards
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        try {
          if (!can('rotation.board')) {
            set({ board: null, today: null, open: {}, lastRegistered: null });
            return;
          }
          const [board, today] = await Promise.all([
            call('rotation.board', {}),
            can('visitors.today') ? call('visitors.today', {}) : Promise.resolve(null),
          ]);
          const openRows = (today?.visitors ?? []).filter(
            (v) => v.status === 'calling' || v.status === 'waiting',
          );
          const details = await Promise.all(openRows.map((v) => call('visitors.get', { id: v.id })));
          const open: Record<number, VisitorDetail> = {};
          for (const d of details) open[d.id] = d;
          set({ board, today, open, stale: false });
        } catch {
          set({ stale: true });
        }
      } while (again);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  },

  async refreshAnnouncements() {
    if (!can('announcements.due')) {
      set({ announcements: null });
      return;
    }
    try {
      set({ announcements: await call('announcements.due', {}) });
    } catch {
      // keep what is shown; the next poll tries again
    }
  },

  async loadConsultants() {
    try {
      const list = await call('session.staffList', {});
      set({ consultants: list.filter((s) => s.role === 'consultant') });
    } catch {
      // the selects stay empty; the next visit to the screen tries again
    }
  },

  setBoard(board) {
    set({ board });
  },

  setVisitor(v) {
    const open = { ...get().open };
    if (v.status === 'calling' || v.status === 'waiting') open[v.id] = v;
    else delete open[v.id];
    const last = get().lastRegistered;
    set({ open, ...(last && last.id === v.id ? { lastRegistered: v } : {}) });
    void get().refresh();
  },

  setAnnouncements(a) {
    set({ announcements: a });
  },

  setLastRegistered(v) {
    set({ lastRegistered: v });
  },
}));
