/**
 * The session area's contract: the login list, logging in and out at the counter, the idle lock,
 * and the staff member's own PIN. Every operation is declared here once: its input, its result, its
 * kind and who may call it. The sessions themselves are kernel/sessions.ts.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { Empty, Id, Pin } from '../../contract/common';
import type { LoginStaff } from '../staff/types';
import type { SessionInfo } from './types';

export * from './types';

export const sessionContract = {
  'session.staffList': query({
    input: Empty,
    output: out<LoginStaff[]>(),
    access: 'public',
    sessionless: true,
  }),
  'session.login': command({
    input: z.object({ staffId: Id, pin: Pin }).strict(),
    output: out<SessionInfo>(),
    access: 'public',
    tx: 'manual',
    sessionless: true,
  }),
  'session.current': command({
    input: Empty,
    output: out<SessionInfo | null>(),
    access: 'public',
    tx: 'manual',
    sessionless: true,
  }),
  'session.logout': command({
    input: Empty,
    output: out<{ ok: true }>(),
    access: 'public',
    tx: 'manual',
    sessionless: true,
  }),
  /** Locks the counter now (keeps who was logged in, for a quick unlock). */
  'session.lock': command({ input: Empty, output: out<{ ok: true }>(), access: 'staff', tx: 'manual' }),
  'session.changePin': command({
    input: z.object({ currentPin: Pin, newPin: Pin }).strict(),
    output: out<{ ok: true }>(),
    access: 'staff',
  }),
} as const;
