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
import type { BackupHealth, BackupInfo, DemoResult, LostReport, SystemStatus } from './types';

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
  /** Answered by the Core (its backup schedule): the age of the newest good copy in each place, failures. */
  'backups.status': query({ input: Empty, output: out<BackupHealth>(), access: 'staff' }),
  /** The second backup folder ('' = none): it must exist and take files; a copy follows at once. */
  'backups.setSecondFolder': command({
    input: z
      .object({
        folder: z
          .string()
          .trim()
          .max(400)
          .refine((s) => !s.includes('\0'), 'NUL'),
      })
      .strict(),
    output: out<BackupHealth>(),
    access: MANAGERS,
    tx: 'manual',
  }),
  /**
   * What restoring the backup would lose (the audit log's operations after it) and their CSV. In the
   * broken state it reads a copy of the damaged file and needs a manager's PIN from the backup.
   */
  'backups.lost': command({
    input: z
      .object({
        file: z.string().max(200),
        language: Language.optional(),
        authorization: z.object({ staffId: Id.optional(), pin: Pin }).strict().optional(),
      })
      .strict(),
    output: out<LostReport>(),
    access: MANAGERS,
    tx: 'manual',
    announce: false,
    states: ['broken'],
  }),
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
