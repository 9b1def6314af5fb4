/**
 * The message book (留言本): a message taken at the desk for a named member of staff, from a caller
 * or a visitor. The values and result types the renderer uses (no zod here).
 */
export const MESSAGE_SOURCES = ['caller', 'visitor'] as const;
export type MessageSource = (typeof MESSAGE_SOURCES)[number];
export const MESSAGE_FILTERS = ['open', 'all'] as const;

export const MESSAGES_ERROR_CODES = ['MESSAGE_ADDRESSEE_INVALID', 'MESSAGE_ALREADY_DONE'] as const;

interface StaffRef {
  id: number;
  name: string;
}

export interface StaffMessage {
  id: number;
  to: StaffRef;
  source: MessageSource;
  fromName: string;
  /** Full for the addressee, the one who took it and managers; masked for everyone else; '' when none given. */
  phone: string;
  text: string;
  takenAt: string;
  takenBy: StaffRef;
  doneAt: string | null;
  doneBy: StaffRef | null;
  doneNote: string | null;
}

/** An open message as the handover lists it (no phone: the addressee has it). */
export interface OpenMessage {
  id: number;
  toName: string;
  source: MessageSource;
  fromName: string;
  takenAt: string;
}
