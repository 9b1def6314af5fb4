/**
 * A station's pairing request from its own renderer (the join screen), checked the same way
 * whichever way it came: the web build's POST /station/pair or the desktop app's IPC channel
 * (electron/main/station-ipc.ts). The host's address, a 6-digit code, a name of 1 to 40 characters.
 */
import { z } from 'zod';
import type { Response } from '../core/contract';

/** "192.168.1.10", "192.168.1.10:5175" or a full https URL → https://address:port. */
function normalizeHost(text: string): string | null {
  const t = text.trim();
  if (!t || t.length > 200) return null;
  try {
    const u = new URL(/^https?:\/\//i.test(t) ? t.replace(/^http:/i, 'https:') : `https://${t}`);
    if (!u.port) u.port = '5175';
    return `https://${u.host}`;
  } catch {
    return null;
  }
}

export const PairArgs = z
  .object({
    hostUrl: z
      .string()
      .max(200)
      .transform((t, ctx) => {
        const url = normalizeHost(t);
        if (!url) {
          ctx.addIssue({ code: 'custom', message: 'host address' });
          return z.NEVER;
        }
        return url;
      }),
    code: z.string().regex(/^\d{6}$/),
    name: z
      .string()
      .max(200)
      .transform((t) => t.trim())
      .pipe(z.string().min(1).max(40)),
  })
  .strict();

/** A pairing's failure as the join screen shows it: the host's error code, or the link lost. */
export function pairFailure(e: unknown): Response<never> {
  const code = e instanceof Error ? e.message : '';
  return {
    ok: false,
    error: /^[A-Z_]+$/.test(code) ? { code, params: {} } : { code: 'CONNECTION_LOST', params: {} },
  };
}
