/**
 * A station of the club network (issue 15), seen from its renderer: the station's loopback server
 * answers GET /station/state (pairing and link), POST /station/pair and GET /station/discover; in
 * the desktop app the preload's window.frontDesk.station does the same over IPC and also tells the
 * link's changes as they happen. A host (web build or desktop) gives null for the state.
 */
import { create } from 'zustand';
import type { Response } from '../../electron/core/contract';
import type { FoundHost } from '../../electron/server/station';
import type { StationState } from '../../electron/server/station-backend';
import { ApiCallError } from './api';

export type { FoundHost, StationState };

interface StationStore {
  /** null: this computer is the host (or not yet known). */
  state: StationState | null;
  set(state: StationState | null): void;
}

export const useStation = create<StationStore>((set) => ({
  state: null,
  set: (state) => set({ state }),
}));

export async function fetchStationState(): Promise<StationState | null> {
  const bridge = window.frontDesk;
  if (bridge) return bridge.station ? bridge.station.state() : null;
  const res = await fetch('/station/state', { credentials: 'same-origin' });
  if (res.status === 404) return null;
  const body = (await res.json()) as Response<StationState>;
  return body.ok ? body.data : null;
}

export async function pairStation(hostUrl: string, code: string, name: string): Promise<StationState> {
  let body: Response<StationState>;
  try {
    const bridge = window.frontDesk?.station;
    if (bridge) body = await bridge.pair({ hostUrl, code, name });
    else {
      const res = await fetch('/station/pair', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ hostUrl, code, name }),
      });
      body = (await res.json()) as Response<StationState>;
    }
  } catch {
    throw new ApiCallError({ code: 'CONNECTION_LOST', params: {} });
  }
  if (!body.ok) throw new ApiCallError(body.error);
  return body.data;
}

export async function discoverHosts(): Promise<FoundHost[]> {
  try {
    const bridge = window.frontDesk?.station;
    if (bridge) return await bridge.discover();
    const res = await fetch('/station/discover', { credentials: 'same-origin' });
    const body = (await res.json()) as Response<FoundHost[]>;
    return body.ok ? body.data : [];
  } catch {
    return [];
  }
}

/** Whether this is a station whose link to the host is down now (commands are refused). */
export const useOffline = (): boolean =>
  useStation((s) => s.state !== null && s.state.stage === 'active' && s.state.link !== 'connected');

// The desktop app tells the station's stage and link as they change (the banner at once).
window.frontDesk?.station?.onState((state) => useStation.getState().set(state));
