/**
 * The handler types of the services not yet moved to electron/core/areas/ (each area types its
 * handlers with `HandlersOf<typeof xContract>` from kernel/ctx.ts). Goes when the last service moved.
 */
import type { Contract, OpName } from './contract';
import type { Handler as KernelHandler } from './kernel/ctx';

export { type Actor, type AuditEntry, type Ctx, makeCtx, writeAudit } from './kernel/ctx';

export type Handler<K extends OpName> = KernelHandler<Contract[K]>;
export type Handlers<K extends OpName = OpName> = { [P in K]: Handler<P> };

/** Typed helper for a service's handlers. */
export function handlers<K extends OpName>(h: Handlers<K>): Handlers<K> {
  return h;
}
