/**
 * The system area's contract: the status (answered by the Core itself, in every state), the
 * first-run setup, the demo club, and backups listed, made and restored by hand. Every operation is
 * declared here once: its input, its result, its kind and who may call it.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { MANAGERS } from '../../kernel/roles';
import { Empty, Id, Language, Name, Pin, TimeStr, TimeZone } from '../../contract/common';
import { STAFF_GENDERS } from '../staff/types';
import type { BackupInfo, DemoResult, SystemStatus } from './types';

export * from './types';

export const systemContract = {
  'system.status': query({
    input: Empty,
    output: out<SystemStatus>(),
    access: 'public',
    states: ['setup', 'broken'],
    sessionless: true,
  }),
  'system.setup': command({
    input: z
      .object({
        clubName: Name,
        timeZone: TimeZone,
        language: Language,
        staffArriveTime: TimeStr,
        openTime: TimeStr,
        closeTime: TimeStr,
        tagCount: z.number().int().min(1).max(2000),
        manager: z.object({ name: Name, pin: Pin, gender: z.enum(STAFF_GENDERS) }).strict(),
      })
      .strict(),
    output: out<{ ok: true }>(),
    access: 'public',
    states: ['setup'],
  }),
  'system.createDemo': command({
    input: z.object({ language: Language }).strict(),
    output: out<DemoResult>(),
    access: 'public',
    states: ['setup'],
  }),
  'backups.list': query({
    input: Empty,
    output: out<BackupInfo[]>(),
    access: MANAGERS,
    states: ['broken'],
  }),
  'backups.create': command({ input: Empty, output: out<BackupInfo>(), access: MANAGERS, tx: 'manual' }),
  /** In the broken state, any manager's PIN from the backup being restored authorises it. */
  'backups.restore': command({
    input: z
      .object({
        file: z.string().max(200),
        authorization: z.object({ staffId: Id.optional(), pin: Pin }).strict().optional(),
      })
      .strict(),
    output: out<{ ok: true }>(),
    access: MANAGERS,
    tx: 'manual',
    states: ['broken'],
  }),
} as const;
