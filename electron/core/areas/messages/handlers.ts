/**
 * The message book's rules: a desk role takes a message for an active member of staff; only the
 * addressee or a manager marks it done (once: who, when, an optional note). The desk and managers
 * read the whole book, bar and consultants their own messages; the phone number is shown in full to
 * the addressee, the one who took it and managers, masked to anyone else. Every change is
 * audited. The SQL is in queries.ts.
 */
import type { Ctx, HandlersOf } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import { DESK, MANAGERS } from '../../kernel/roles';
import { formatPhone, maskPhone } from '../../../shared/phone';
import type { messagesContract } from './contract';
import type { OpenMessage, StaffMessage } from './types';
import * as q from './queries';
import type { MessageRow } from './queries';

const isManager = (ctx: Ctx) => MANAGERS.includes(ctx.requireActor().role);

function toMessage(ctx: Ctx, r: MessageRow): StaffMessage {
  const me = ctx.requireActor();
  const full = isManager(ctx) || me.id === r.to_staff_id || me.id === r.created_by;
  return {
    id: r.id,
    to: { id: r.to_staff_id, name: r.to_name },
    source: r.source,
    fromName: r.from_name,
    phone: r.phone === '' ? '' : full ? formatPhone(r.phone) : (maskPhone(r.phone) ?? ''),
    text: r.text,
    takenAt: r.created_at,
    takenBy: { id: r.created_by, name: r.created_by_name },
    doneAt: r.done_at,
    doneBy: r.done_by === null ? null : { id: r.done_by, name: r.done_by_name ?? '' },
    doneNote: r.done_note,
  };
}

function load(ctx: Ctx, id: number): MessageRow {
  const r = q.messageById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'message' });
  return r;
}

/** Messages still open at a moment (the handover, the day close): no phone numbers. */
export function openMessagesAt(ctx: Ctx, at: string): OpenMessage[] {
  return q.openMessagesAt(ctx.db, at).map((r) => ({
    id: r.id,
    toName: r.to_name,
    source: r.source,
    fromName: r.from_name,
    takenAt: r.created_at,
  }));
}

export const messagesHandlers: HandlersOf<typeof messagesContract> = {
  'messages.create': (ctx, a) => {
    const me = ctx.requireActor();
    const to = q.activeStaff(ctx.db, a.toStaffId);
    if (!to || to.active !== 1) throw new AppError('MESSAGE_ADDRESSEE_INVALID', { staffId: a.toStaffId });
    const id = q.insertMessage(ctx.db, {
      to: a.toStaffId,
      source: a.source,
      fromName: a.fromName,
      phone: a.phone,
      text: a.text,
      at: ctx.nowIso(),
      by: me.id,
    });
    ctx.audit({
      op: 'messages.create',
      entity: 'message',
      entityId: id,
      after: { to: a.toStaffId, source: a.source, fromName: a.fromName, phone: maskPhone(a.phone) },
    });
    return toMessage(ctx, load(ctx, id));
  },

  'messages.mine': (ctx) => q.openMessagesTo(ctx.db, ctx.requireActor().id).map((r) => toMessage(ctx, r)),

  /** Managers and the desk (the message book) see every message; bar and consultants theirs. */
  'messages.list': (ctx, a) => {
    const open = a.filter === 'open';
    const me = ctx.requireActor();
    const rows = DESK.includes(me.role) ? q.allMessages(ctx.db, open) : q.messagesOf(ctx.db, me.id, open);
    return rows.map((r) => toMessage(ctx, r));
  },

  'messages.markDone': (ctx, a) => {
    const me = ctx.requireActor();
    const r = load(ctx, a.id);
    if (r.to_staff_id !== me.id && !isManager(ctx))
      throw new AppError('FORBIDDEN', { op: 'messages.markDone' });
    if (r.done_at !== null) throw new AppError('MESSAGE_ALREADY_DONE', { id: r.id });
    const note = a.note?.trim() || null;
    const at = ctx.nowIso();
    if (!q.markDone(ctx.db, r.id, at, me.id, note)) throw new AppError('MESSAGE_ALREADY_DONE', { id: r.id });
    ctx.audit({
      op: 'messages.markDone',
      entity: 'message',
      entityId: r.id,
      before: { doneAt: null },
      after: { doneAt: at, doneBy: me.id, note },
    });
    return toMessage(ctx, load(ctx, r.id));
  },
};
