/**
 * The station's IPC channels (issue 15): what the join screen and the link banner need in the
 * desktop app, the same as the station web build's /station/* endpoints, nothing generic:
 *
 *   fd:station-state     ()                       → the station's state, or null on a host
 *   fd:station-pair      ({ hostUrl, code, name }) → pairs with a host (a manager confirms there)
 *   fd:station-discover  ()                       → the hosts found on the LAN by mDNS
 *   fd:station-copy      ()                       → the standby takes a copy of the club's data now
 *   fd:station-promote   (pin)                    → the standby becomes the club's front desk
 *
 * Each message must come from a frame showing the app's own files (as fd:call); the pairing's
 * arguments are checked here with the web build's zod rules (../server/pair-args.ts: the host's
 * address, a 6-digit code, a name of 1 to 40 characters) before anything reaches the network.
 */
import type { z } from 'zod';
import { Pin } from '../core/contract/common';
import type { Response } from '../core/contract';
import type { FoundHost } from '../server/station';
import { PairArgs } from '../server/pair-args';
import type { StationState } from '../server/station-backend';
import {
  STATION_COPY_CHANNEL,
  STATION_DISCOVER_CHANNEL,
  STATION_PAIR_CHANNEL,
  STATION_PROMOTE_CHANNEL,
  STATION_STATE_CHANNEL,
} from './channels';
import type { IpcMainLike } from './ipc';
import { isAppUrl } from './security';

/** What the preload exposes as window.frontDesk.station (the renderer's view of it). */
export interface StationBridge {
  state(): Promise<StationState | null>;
  pair(args: { hostUrl: string; code: string; name: string }): Promise<Response<StationState>>;
  discover(): Promise<FoundHost[]>;
  /** The standby takes a copy now (its standby state after it). */
  copyNow(): Promise<Response<StationState['standby']>>;
  /** The standby becomes the club's front desk (a manager's PIN, checked against the copy). */
  promote(pin: string): Promise<Response<{ promoted: true }>>;
  /**
   * Calls back with the new state whenever the station's stage or link changes (null: this computer
   * became the club's host); returns an unsubscribe function.
   */
  onState(callback: (state: StationState | null) => void): () => void;
}

/** What the main process does for the channels (its windows' station, or the first start that may become one). */
export interface StationHandlers {
  state(): Promise<StationState | null>;
  /** Pairs with valid arguments; a refusal comes back as a Response error. */
  pair(args: z.infer<typeof PairArgs>): Promise<Response<StationState>>;
  discover(): Promise<FoundHost[]>;
  copyNow(): Promise<Response<StationState['standby']>>;
  /** A PIN of the right shape; a refusal comes back as a Response error. */
  promote(pin: string): Promise<Response<{ promoted: true }>>;
}

const FORBIDDEN: Response<never> = { ok: false, error: { code: 'FORBIDDEN', params: {} } };
const VALIDATION: Response<never> = { ok: false, error: { code: 'VALIDATION', params: {} } };

export function registerStationIpc(ipcMain: IpcMainLike, handlers: StationHandlers): void {
  const fromApp = (event: { senderFrame: { url: string } | null }): boolean => {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && isAppUrl(url);
  };

  ipcMain.handle(STATION_STATE_CHANNEL, async (event, ...rest): Promise<StationState | null> => {
    if (!fromApp(event) || rest.length > 0) return null;
    return handlers.state();
  });

  ipcMain.handle(STATION_PAIR_CHANNEL, async (event, raw, ...rest): Promise<Response<StationState>> => {
    if (!fromApp(event)) return FORBIDDEN;
    const parsed = PairArgs.safeParse(raw);
    if (!parsed.success || rest.length > 0) return VALIDATION;
    return handlers.pair(parsed.data);
  });

  ipcMain.handle(STATION_DISCOVER_CHANNEL, async (event, ...rest): Promise<FoundHost[]> => {
    if (!fromApp(event) || rest.length > 0) return [];
    return handlers.discover();
  });

  ipcMain.handle(STATION_COPY_CHANNEL, async (event, ...rest): Promise<Response<StationState['standby']>> => {
    if (!fromApp(event)) return FORBIDDEN;
    if (rest.length > 0) return VALIDATION;
    return handlers.copyNow();
  });

  ipcMain.handle(
    STATION_PROMOTE_CHANNEL,
    async (event, raw, ...rest): Promise<Response<{ promoted: true }>> => {
      if (!fromApp(event)) return FORBIDDEN;
      const pin = Pin.safeParse(raw);
      if (!pin.success || rest.length > 0) return VALIDATION;
      return handlers.promote(pin.data);
    },
  );
}
