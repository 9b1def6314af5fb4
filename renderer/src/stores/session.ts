import { create } from 'zustand';
import type { OpName, SessionInfo, Settings, SystemStatus } from '../../../electron/core/contract';

interface SessionState {
  status: SystemStatus | null;
  info: SessionInfo | null;
  settings: Settings | null;
  /** Set when the core answered SESSION_LOCKED: who was logged in, for a quick unlock. */
  locked: { staffId: number; staffName: string } | null;
  set(patch: Partial<Pick<SessionState, 'status' | 'info' | 'settings' | 'locked'>>): void;
}

export const useSession = create<SessionState>((set) => ({
  status: null,
  info: null,
  settings: null,
  locked: null,
  set: (patch) => set(patch),
}));

/** Whether the logged-in staff member may call an operation (for showing controls; the core decides). */
export function can(op: OpName): boolean {
  return useSession.getState().info?.allowed.includes(op) ?? false;
}

export function useCan(op: OpName): boolean {
  return useSession((s) => s.info?.allowed.includes(op) ?? false);
}
