/**
 * The staff area's contract: the managers' staff list, adding a staff member and changing one (name,
 * role, gender, active, a new PIN). Every operation is declared here once: its input, its result, its
 * kind and who may call it.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { MANAGERS } from '../../kernel/roles';
import { Id, Name, Pin, Role } from '../../contract/common';
import { STAFF_GENDERS, type StaffInfo, type StaffListItem } from './types';

export * from './types';

export const staffContract = {
  'staff.list': query({
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: out<StaffListItem[]>(),
    access: MANAGERS,
  }),
  'staff.create': command({
    input: z.object({ name: Name, role: Role, pin: Pin, gender: z.enum(STAFF_GENDERS) }).strict(),
    output: out<StaffInfo>(),
    access: MANAGERS,
  }),
  'staff.update': command({
    input: z
      .object({
        id: Id,
        name: Name.optional(),
        role: Role.optional(),
        gender: z.enum(STAFF_GENDERS).optional(),
        active: z.boolean().optional(),
        newPin: Pin.optional(),
      })
      .strict(),
    output: out<StaffInfo>(),
    access: MANAGERS,
    tx: 'manual',
  }),
  /**
   * Lifts a staff member's PIN lock at once: the person's, and every computer's or window's lock
   * on trying them (too many wrong PINs from one place). Audited.
   */
  'staff.unlock': command({
    input: z.object({ id: Id }).strict(),
    output: out<StaffListItem>(),
    access: MANAGERS,
  }),
} as const;
