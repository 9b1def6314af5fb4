/**
 * A station of the club network (issue 15), seen from its renderer: the station's loopback server
 * answers GET /station/state (pairing and link), POST /station/pair and GET /station/discover. A
 * host's server (and Electron) has none of these: `fetchStationState` gives null there.
 */
import { create } from 'zustand';
import type { Response } from '../../electron/core/contract';
import type { StationState } from '../../electron/server/station-backend';
import { ApiCallError } from './api';

export type { StationState };

export interface FoundHost {
  name: string;
  url: string;
  fingerprintStart: string;
}

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
  if (window.frontDesk) return null;
  const res = await fetch('/station/state', { credentials: 'same-origin' });
  if (res.status === 404) return null;
  const body = (await res.json()) as Response<StationState>;
  return body.ok ? body.data : null;
}

export async function pairStation(hostUrl: string, code: string, name: string): Promise<StationState> {
  let body: Response<StationState>;
  try {
    const res = await fetch('/station/pair', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ hostUrl, code, name }),
    });
    body = (await res.json()) as Response<StationState>;
  } catch {
    throw new ApiCallError({ code: 'CONNECTION_LOST', params: {} });
  }
  if (!body.ok) throw new ApiCallError(body.error);
  return body.data;
}

export async function discoverHosts(): Promise<FoundHost[]> {
  try {
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

/** The standby takes a copy of the club's data now ("Copy now"). */
export const copyStandbyNow = () => stationPost<StationState['standby']>('/station/standby/refresh', {});

/** Makes this standby the club's front desk with a manager's PIN (then everyone logs in again). */
export const promoteStation = (pin: string) => stationPost<{ promoted: true }>('/station/promote', { pin });
