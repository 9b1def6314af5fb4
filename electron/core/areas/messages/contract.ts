/**
 * The message book's operations: any desk role takes a message for a named member of staff; the
 * addressee sees their open messages when they log in and marks each done (so may a manager); the
 * desk and managers read the whole book, everyone else the messages to them or taken by them.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK } from '../../kernel/roles';
import { Id, Name, OpId, Phone, ShortText } from '../../contract/common';
import { MESSAGE_FILTERS, MESSAGE_SOURCES, type StaffMessage } from './types';

export * from './types';

export const messagesContract = {
  'messages.create': command({
    input: z
      .object({
        toStaffId: Id,
        source: z.enum(MESSAGE_SOURCES),
        fromName: Name,
        /** How to reach them ('' when the caller leaves no number). */
        phone: Phone,
        text: z.string().trim().min(1).max(2000),
        opId: OpId.optional(),
      })
      .strict(),
    output: out<StaffMessage>(),
    access: DESK,
  }),
  /** My open messages (shown after login and as the top bar's badge). */
  'messages.mine': query({ input: z.object({}).strict(), output: out<StaffMessage[]>(), access: 'staff' }),
  'messages.list': query({
    input: z.object({ filter: z.enum(MESSAGE_FILTERS) }).strict(),
    output: out<StaffMessage[]>(),
    access: 'staff',
  }),
  /** Only the addressee or a manager. */
  'messages.markDone': command({
    input: z.object({ id: Id, note: ShortText.optional() }).strict(),
    output: out<StaffMessage>(),
    access: 'staff',
  }),
} as const;
