/**
 * The preload (sandboxed, context-isolated): exposes exactly one function per contract operation,
 * a print function, the change events and the club network station's four functions (state, pair,
 * discover, onState) as window.frontDesk. Nothing generic: the page never sees ipcRenderer, a
 * channel name or an event object. esbuild bundles this file with everything but 'electron' in it,
 * since a sandboxed preload can require only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { OP_NAMES } from '../core/contract';
import {
  CALL_CHANNEL,
  CHANGE_CHANNEL,
  PRINT_CHANNEL,
  STATION_CHANGED_CHANNEL,
  STATION_DISCOVER_CHANNEL,
  STATION_COPY_CHANNEL,
  STATION_PROMOTE_CHANNEL,
  STATION_PAIR_CHANNEL,
  STATION_STATE_CHANNEL,
} from './channels';
import type { StationBridge } from './station-ipc';

const ops = Object.fromEntries(
  OP_NAMES.map((op) => [op, (args: unknown) => ipcRenderer.invoke(CALL_CHANNEL, op, args)]),
);

contextBridge.exposeInMainWorld('frontDesk', {
  ops,
  print: (options: {
    pdf: boolean;
    title: string;
    receipt?: { paper: string; deviceName: string; heightMm: number };
  }) => ipcRenderer.invoke(PRINT_CHANNEL, options),
  /** Calls back with { op, at } whenever an operation changed something; returns an unsubscribe function. */
  onChange: (callback: (e: { op: string; at: string }) => void) => {
    const listener = (_event: unknown, e: { op: string; at: string }) =>
      callback({ op: String(e.op), at: String(e.at) });
    ipcRenderer.on(CHANGE_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(CHANGE_CHANNEL, listener);
    };
  },
  /** The club network's station (issue 15): its state, pairing with a host, hosts found on the LAN. */
  station: {
    state: () => ipcRenderer.invoke(STATION_STATE_CHANNEL),
    pair: (args: { hostUrl: string; code: string; name: string }) =>
      ipcRenderer.invoke(STATION_PAIR_CHANNEL, args),
    discover: () => ipcRenderer.invoke(STATION_DISCOVER_CHANNEL),
    copyNow: () => ipcRenderer.invoke(STATION_COPY_CHANNEL),
    promote: (pin: string) => ipcRenderer.invoke(STATION_PROMOTE_CHANNEL, pin),
    onState: (callback) => {
      const listener = (_event: unknown, state: Parameters<typeof callback>[0]) => callback(state);
      ipcRenderer.on(STATION_CHANGED_CHANNEL, listener);
      return () => {
        ipcRenderer.removeListener(STATION_CHANGED_CHANNEL, listener);
      };
    },
  } satisfies StationBridge,
});
