/**
 * The renderer's only way to reach the core. In Electron the preload exposes `window.frontDesk`
 * (one function per contract operation); in the browser build the same calls go to the loopback
 * server. Either way the result is { ok, data } or { ok: false, error: { code, params } }.
 */
import type { OpArgs, OpName, OpResult, Response } from '../../electron/core/contract';
import type { StationBridge } from '../../electron/main/station-ipc';

export type { OpArgs, OpName, OpResult };

export interface ApiError {
  code: string;
  params: Record<string, unknown>;
}

export class ApiCallError extends Error {
  readonly code: string;
  readonly params: Record<string, unknown>;
  constructor(e: ApiError) {
    super(e.code);
    this.code = e.code;
    this.params = e.params;
  }
}

declare global {
  interface Window {
    /** Set by the Electron preload: exactly the contract's operations, nothing else. */
    frontDesk?: {
      ops: Record<string, (args: unknown) => Promise<Response<unknown>>>;
      print?: (options: {
        pdf: boolean;
        title: string;
        /** A receipt: printed silently on the receipt printer with the paper's page size. */
        receipt?: { paper: '58' | '80' | 'A4'; deviceName: string; heightMm: number };
      }) => Promise<{ ok: boolean; path?: string }>;
      onChange?: (callback: (e: ChangeEvent) => void) => () => void;
      /** The club network's station (renderer/src/station.ts). */
      station?: StationBridge;
    };
  }
}

type Listener = (e: ApiError, op: string) => void;
const listeners = new Set<Listener>();

/** Subscribe to session-level errors (locked, logged out) to bring up the login screen. */
export function onApiError(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

async function transport(op: string, args: unknown): Promise<Response<unknown>> {
  const bridge = window.frontDesk;
  if (bridge) {
    const fn = bridge.ops[op];
    if (!fn) return { ok: false, error: { code: 'UNKNOWN_OPERATION', params: {} } };
    return fn(args);
  }
  try {
    const res = await fetch(`/api/${encodeURIComponent(op)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    return (await res.json()) as Response<unknown>;
  } catch {
    return { ok: false, error: { code: 'CONNECTION_LOST', params: {} } };
  }
}

/** Called after every successful login (the browser build's event stream opens again for it). */
const onLogin = new Set<() => void>();

/** Calls an operation; resolves with its data or rejects with ApiCallError. */
export async function call<K extends OpName>(op: K, args: OpArgs<K>): Promise<OpResult<K>> {
  const r = await transport(op, args);
  if (!r.ok) {
    for (const l of listeners) l(r.error, op);
    throw new ApiCallError(r.error);
  }
  if (op === 'session.login') for (const l of onLogin) l();
  return r.data as OpResult<K>;
}

/** A fresh id for operations that must not be applied twice (retries, double clicks). */
export function newOpId(): string {
  const a = new Uint8Array(16);
  crypto.getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const isElectron = (): boolean => !!window.frontDesk;

export interface ChangeEvent {
  op: string;
  at: string;
}

/**
 * Calls back when any counter changed something (a bar slip, a check-out…), so live screens can
 * refresh at once. Electron: from the main process; browser: server-sent events from the core,
 * which the server gives only to a logged-in session: the stream opens (again) at every login,
 * since a login also gives the browser a new session id.
 */
export function subscribeChanges(callback: (e: ChangeEvent) => void): () => void {
  const bridge = window.frontDesk;
  if (bridge?.onChange) return bridge.onChange(callback);
  if (bridge || typeof EventSource === 'undefined') return () => undefined;
  const onEvent = (m: MessageEvent<string>) => {
    try {
      callback(JSON.parse(m.data) as ChangeEvent);
    } catch {
      // ignore a malformed event
    }
  };
  let source: EventSource | null = null;
  const open = () => {
    source?.close();
    source = new EventSource('/api/events');
    source.addEventListener('change', onEvent);
  };
  open();
  onLogin.add(open);
  return () => {
    onLogin.delete(open);
    source?.close();
  };
}
