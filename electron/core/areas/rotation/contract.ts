/**
 * The rotation area's contract: the consultants' sign-in order for the day (会籍顾问轮值), their
 * state (away with an expected return, back, signed out) and the board with whose turn is next in
 * each queue. The desk runs the rotation; a consultant acts on their own state (the handlers check
 * "own"). The renderer imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK } from '../../kernel/roles';
import { Id, Pin, ShortText, TimeStr } from '../../contract/common';
import { AWAY_KINDS, type RotationBoard } from './types';

export * from './types';

/** A consultant at the desk with their own PIN (the visitors area uses it for disputes too). */
export const ConsultantPin = z.object({ staffId: Id, pin: Pin }).strict();

export const rotationContract = {
  /** A consultant signs in for the day with their own PIN; a late sign-in joins the end. */
  'rotation.signIn': command({
    input: ConsultantPin,
    output: out<RotationBoard>(),
    access: [...DESK, 'consultant'],
  }),
  /** Away (meal / outside / other, with an expected return time, club-local) or back (available). */
  'rotation.setState': command({
    input: z
      .object({
        staffId: Id,
        state: z.enum(['available', 'away']),
        awayKind: z.enum(AWAY_KINDS).optional(),
        expectedBack: TimeStr.optional(),
        note: ShortText.optional(),
      })
      .strict(),
    output: out<RotationBoard>(),
    access: [...DESK, 'consultant'],
  }),
  'rotation.signOut': command({
    input: z.object({ staffId: Id }).strict(),
    output: out<RotationBoard>(),
    access: [...DESK, 'consultant'],
  }),
  'rotation.board': query({
    input: z.object({}).strict(),
    output: out<RotationBoard>(),
    access: [...DESK, 'consultant'],
  }),
} as const;
