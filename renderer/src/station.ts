/**
 * A station of the club network (issue 15), seen from its renderer: the station's loopback server
 * answers GET /station/state (pairing and link), POST /station/pair and GET /station/discover; so
 * does the host's club network listener for a tablet's browser (its state says `browser`). In the
 * desktop app the preload's window.frontDesk.station does the same over IPC and also tells the
 * link's changes as they happen. A host (web build or desktop) gives null for the state.
 */
import { create } from 'zustand';
import type { Response } from '../../electron/core/contract';
import type { FoundHost } from '../../electron/server/station';
import type { StationState as BackendState } from '../../electron/server/station-backend';
import { ApiCallError } from './api';

/**
 * `browser`: a tablet's browser served by the host's club network listener itself (no app, no
 * loopback server of its own): it pairs with the code and its name only, its credential in a cookie.
 */
export type StationState = BackendState & { browser?: true };
export type { FoundHost };

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
  // a tablet's browser talks to the desk's computer itself: not reaching it is its link down
  const cur = useStation.getState().state;
  const unreachable = (e: unknown) => {
    if (cur?.browser) return { ...cur, link: 'disconnected' as const };
    throw e;
  };
  let res: globalThis.Response;
  try {
    res = await fetch('/station/state', { credentials: 'same-origin' });
  } catch (e) {
    return unreachable(e);
  }
  if (res.status === 404) return null;
  const body = (await res.json().catch(() => null)) as Response<StationState> | null;
  if (body?.ok) return body.data;
  return cur?.browser ? unreachable(null) : null;
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
        // a tablet's browser pairs with the host that served it: no address to give
        body: JSON.stringify(hostUrl ? { hostUrl, code, name } : { code, name }),
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

/** A POST to one of the station's own endpoints; its refusal as an ApiCallError. */
async function stationPost<T>(pathname: string, data: unknown): Promise<T> {
  let body: Response<T>;
  try {
    const res = await fetch(pathname, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
    });
    body = (await res.json()) as Response<T>;
  } catch {
    throw new ApiCallError({ code: 'CONNECTION_LOST', params: {} });
  }
  if (!body.ok) throw new ApiCallError(body.error);
  return body.data;
}

/** The desktop app's answer as the web build's: its refusal as an ApiCallError. */
async function bridged<T>(call: () => Promise<Response<T>>): Promise<T> {
  let body: Response<T>;
  try {
    body = await call();
  } catch {
    throw new ApiCallError({ code: 'CONNECTION_LOST', params: {} });
  }
  if (!body.ok) throw new ApiCallError(body.error);
  return body.data;
}

/** The standby takes a copy of the club's data now ("Copy now"). */
export const copyStandbyNow = () => {
  const bridge = window.frontDesk?.station;
  return bridge
    ? bridged(() => bridge.copyNow())
    : stationPost<StationState['standby']>('/station/standby/refresh', {});
};

/** Makes this standby the club's front desk with a manager's PIN (then everyone logs in again). */
export const promoteStation = (pin: string) => {
  const bridge = window.frontDesk?.station;
  return bridge
    ? bridged(() => bridge.promote(pin))
    : stationPost<{ promoted: true }>('/station/promote', { pin });
};
