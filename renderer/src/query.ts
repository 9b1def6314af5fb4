/**
 * Server data in the renderer. Every read of the core is a TanStack query whose key is the
 * operation and its arguments (`[op, args]`); the change events the core already sends (Electron:
 * an IPC broadcast, browser: server-sent events) invalidate the queries on screen, so a drink sold
 * at the bar shows on the desk at once. zustand stores keep only the state of the screen being
 * worked (a pending slip, a selection, the last result).
 *
 * Writes go through `call()` (api.ts) as before, inside `useSubmit().run` where a form shows the
 * error line; the answer of a change is put in the cache at once (`setOpData`) or what it touched
 * is fetched again (`refresh`). `useCommand` is the same for a button without a form (the error in
 * a toast). Idempotent operations keep the op ids their callers already hold.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  keepPreviousData,
  QueryClient,
  useQueries,
  useQuery,
  type Query,
  type UseQueryResult,
} from '@tanstack/react-query';
import { call, subscribeChanges, type ApiCallError, type OpArgs, type OpName, type OpResult } from './api';
import { errorText } from './errorText';
import { toast } from './stores/toast';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // an error is shown at once (the next change event or visit tries again), as before
      retry: false,
      // fresh on every mount and on every change event; never behind the user's back on focus
      staleTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

/**
 * Which change events refresh a query: every one (`true`, the default), only those of operations
 * starting with one of these prefixes (e.g. `['incidents.', 'complaints.']`), or none (`false`:
 * period reports that would move under the reader; they load again when opened or asked).
 */
type Live = boolean | readonly string[];

interface OpMeta extends Record<string, unknown> {
  live: Live;
}

type OpKey<K extends OpName> = readonly [K, OpArgs<K>];

function opKey<K extends OpName>(op: K, args: OpArgs<K>): OpKey<K> {
  return [op, args] as const;
}

/**
 * Operations this window reads through queries. A change event named after one of them comes from a
 * read that records who looked (an audit row), never from a change to what is shown: it refreshes
 * nothing (refreshing would record another look, and so on).
 */
const reads = new Set<string>();

export interface OpQueryOptions<R, T> {
  enabled?: boolean;
  live?: Live;
  /** Keep showing the data of the previous arguments while the new ones load (searches, pages). */
  keepPrevious?: boolean;
  /** Also refresh every so many milliseconds while shown (figures that move with the clock). */
  refetchInterval?: number | false;
  select?: (data: R) => T;
}

/** The result of an operation, fetched when first shown and kept fresh by the change events. */
export function useOp<K extends OpName, T = OpResult<K>>(
  op: K,
  args: OpArgs<K>,
  opts: OpQueryOptions<OpResult<K>, T> = {},
): UseQueryResult<T, ApiCallError> {
  reads.add(op);
  return useQuery<OpResult<K>, ApiCallError, T, OpKey<K>>({
    queryKey: opKey(op, args),
    queryFn: () => call(op, args),
    enabled: opts.enabled ?? true,
    meta: { live: opts.live ?? true } satisfies OpMeta,
    ...(opts.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(opts.refetchInterval ? { refetchInterval: opts.refetchInterval } : {}),
    ...(opts.select ? { select: opts.select } : {}),
  });
}

/** The same operation for several argument sets (e.g. the detail of each open call). */
export function useOps<K extends OpName>(
  op: K,
  argsList: readonly OpArgs<K>[],
  opts: { enabled?: boolean; live?: Live; refetchInterval?: number | false } = {},
): UseQueryResult<OpResult<K>, ApiCallError>[] {
  reads.add(op);
  return useQueries({
    queries: argsList.map((args) => ({
      queryKey: opKey(op, args),
      queryFn: () => call(op, args),
      enabled: opts.enabled ?? true,
      meta: { live: opts.live ?? true } satisfies OpMeta,
      ...(opts.refetchInterval ? { refetchInterval: opts.refetchInterval } : {}),
    })),
  });
}

/** Changes the cached answer of a query in place (e.g. a row of a list), if it is cached. */
export function updateOpData<K extends OpName>(
  op: K,
  args: OpArgs<K>,
  fn: (data: OpResult<K>) => OpResult<K>,
): void {
  queryClient.setQueryData<OpResult<K>>(opKey(op, args), (d) => (d === undefined ? d : fn(d)));
}

/** Puts the answer of a change (the new board, the new detail) where the screens read it. */
export function setOpData<K extends OpName>(op: K, args: OpArgs<K>, data: OpResult<K>): void {
  queryClient.setQueryData(opKey(op, args), data);
}

/** Fetches these operations again now (every argument set of each); no operation: all that are live. */
export function refresh(...ops: OpName[]): Promise<void> {
  if (ops.length === 0) return queryClient.invalidateQueries({ predicate: (q) => liveFor(q, null) });
  return Promise.all(ops.map((op) => queryClient.invalidateQueries({ queryKey: [op] }))).then(
    () => undefined,
  );
}

/** Calls an operation that changes something, then refreshes what is on screen. */
export async function command<K extends OpName>(op: K, args: OpArgs<K>): Promise<OpResult<K>> {
  const r = await call(op, args);
  void refresh();
  return r;
}

/**
 * A command behind a button (no form around it): `run(args, onDone)` calls the operation, refreshes
 * what is on screen and hands the answer to `onDone`; a refusal is said in a toast in the user's
 * language (errorText), as the quick actions always did. `busy` while it runs. A form uses
 * useSubmit().run with `command()` inside instead, for its error line.
 */
export function useCommand<K extends OpName>(
  op: K,
): {
  run(args: OpArgs<K>, onDone?: (r: OpResult<K>) => void): Promise<void>;
  busy: boolean;
} {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (args: OpArgs<K>, onDone?: (r: OpResult<K>) => void) => {
      setBusy(true);
      try {
        onDone?.(await command(op, args));
      } catch (e) {
        toast.error(errorText(e));
      } finally {
        setBusy(false);
      }
    },
    [op],
  );
  return { run, busy };
}

function liveFor(q: Query, ops: readonly string[] | null): boolean {
  const live = (q.meta as OpMeta | undefined)?.live ?? true;
  if (live === false) return false;
  if (live === true || ops === null) return true;
  return ops.some((op) => live.some((prefix) => op.startsWith(prefix)));
}

/**
 * Listens to the core's change events for as long as the app runs: a burst of events (a check-out
 * settles a tab, frees a tag, pays…) refreshes the live queries once, 150 ms after the last one.
 */
export function listenForChanges(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Set<string>();
  const off = subscribeChanges((e) => {
    if (reads.has(e.op)) return;
    pending.add(e.op);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ops = [...pending];
      pending.clear();
      void queryClient.invalidateQueries({ predicate: (q) => liveFor(q, ops) });
    }, 150);
  });
  return () => {
    clearTimeout(timer);
    off();
  };
}

/**
 * Someone else is at the counter (login, switch user): nothing fetched for the previous person
 * stays (phone numbers, prices are shown by role); what is on screen loads again.
 */
export function resetServerData(): void {
  queryClient.removeQueries({ type: 'inactive' });
  void queryClient.resetQueries();
}

/**
 * Why a query has nothing to show, in words (null while loading or once loaded). A refresh that
 * fails after the data came keeps the data on screen, as the screens always did.
 */
export function loadError(q: { data: unknown; error: unknown }): string | null {
  return q.data === undefined && q.error ? errorText(q.error) : null;
}

/** A value that has stopped changing for `ms` (search text typed as you go, before it is sent). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), Math.max(0, ms));
    return () => clearTimeout(id);
  }, [value, ms]);
  return ms <= 0 ? value : settled;
}
