/**
 * The limits every transport applies to a client before the core sees a call: who the client is
 * (`ClientId`), how many bytes and how deep a call's JSON may be, and how many live-update streams a
 * session may hold. The loopback server applies them today; the club network's paired devices will
 * go through the same functions with `{ kind: 'device', id }`.
 */
import type { OpDef } from './op';

/**
 * Who is calling, as the transport knows it (never what the client says about itself):
 * - 'ipc': an Electron window of the desk app (id: the window's session);
 * - 'loopback': a process on this computer through the loopback server (id: the peer address —
 *   every such process is one source, since a cookie can be dropped at will);
 * - 'device': a paired device of the club network (id: its pairing).
 * Wrong PINs and rate limits are counted per client (see clients.ts).
 */
export interface ClientId {
  kind: 'loopback' | 'ipc' | 'device';
  id: string;
}

export function clientKey(c: ClientId): string {
  return `${c.kind}:${c.id}`;
}

/** Any call's body unless its operation declares more (`maxBytes` in its contract entry). */
export const DEFAULT_BODY_BYTES = 256 * 1024;
/** A call from a client that nobody is logged in at: the public operations need little. */
export const ANONYMOUS_BODY_BYTES = 16 * 1024;
/** Nesting of arrays and objects in a call's JSON (the deepest input is far shallower). */
export const MAX_JSON_DEPTH = 16;
/** Live-update streams one logged-in session may hold (a few tabs of the browser build). */
export const MAX_STREAMS_PER_SESSION = 3;
/** Live-update streams in all (every session's together). */
export const MAX_STREAMS = 64;

/** The most bytes a call of this operation may carry, for a logged-in client or not. */
export function bodyLimit(def: OpDef | undefined, loggedIn: boolean): number {
  const declared = def?.maxBytes ?? DEFAULT_BODY_BYTES;
  return loggedIn ? declared : Math.min(declared, ANONYMOUS_BODY_BYTES);
}

/**
 * Counts the nesting depth of JSON text as its bytes arrive, before anything is parsed: strings
 * (with their escapes) are skipped, every `[` or `{` outside one goes a level deeper. `push` returns
 * false as soon as the depth passes the limit, so a deeply nested body is refused after reading
 * only as far as it goes too deep.
 */
export class JsonDepthGuard {
  private depth = 0;
  private inString = false;
  private escaped = false;

  constructor(private readonly max: number = MAX_JSON_DEPTH) {}

  push(chunk: Uint8Array): boolean {
    for (const b of chunk) {
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === 0x5c) this.escaped = true;
        else if (b === 0x22) this.inString = false;
      } else if (b === 0x22) this.inString = true;
      else if (b === 0x7b || b === 0x5b) {
        if (++this.depth > this.max) return false;
      } else if (b === 0x7d || b === 0x5d) this.depth--;
    }
    return true;
  }
}
