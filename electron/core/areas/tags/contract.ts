/**
 * The key-tags area's contract (手牌): the board, disinfection, adding, retiring, restoring,
 * renumbering tags and binding them to lockers. Every operation is declared here once: its input,
 * its result, its kind and who may call it.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK, MANAGERS, SUPERVISORS } from '../../kernel/roles';
import { Empty, Reason, ShortText, TagNumber } from '../../contract/common';
import type { TagBoard } from './types';

export * from './types';

export const tagsContract = {
  'tags.board': query({ input: Empty, output: out<TagBoard>(), access: [...DESK, 'bar'] }),
  'tags.sendToDisinfection': command({
    input: z.object({ numbers: z.array(TagNumber).min(1).max(2000) }).strict(),
    output: out<TagBoard>(),
    access: DESK,
  }),
  'tags.returnFromDisinfection': command({
    input: z.object({ numbers: z.array(TagNumber).min(1).max(2000) }).strict(),
    output: out<TagBoard>(),
    access: DESK,
  }),
  'tags.add': command({
    input: z.object({ from: TagNumber, to: TagNumber }).strict(),
    output: out<TagBoard>(),
    access: MANAGERS,
  }),
  'tags.retire': command({
    input: z.object({ numbers: z.array(TagNumber).min(1).max(2000), reason: Reason }).strict(),
    output: out<TagBoard>(),
    access: SUPERVISORS,
  }),
  /** Puts a lost or retired tag back in service (found, repaired). */
  'tags.restore': command({
    input: z.object({ number: TagNumber, reason: Reason }).strict(),
    output: out<TagBoard>(),
    access: SUPERVISORS,
  }),
  'tags.renumber': command({
    input: z.object({ from: TagNumber, to: TagNumber }).strict(),
    output: out<TagBoard>(),
    access: MANAGERS,
  }),
  'tags.setLocker': command({
    input: z.object({ number: TagNumber, locker: ShortText.nullable() }).strict(),
    output: out<TagBoard>(),
    access: SUPERVISORS,
  }),
} as const;
