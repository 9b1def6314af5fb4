/**
 * The statement cache, explicit: `stmt<Params, Row>(db, sql)` returns the connection's compiled
 * statement for that SQL text, compiling it on first use.
 *
 *   const visit = stmt<[number], VisitRow>(db, 'SELECT * FROM visits WHERE id = ?').get(id);
 *   //    ^ VisitRow | undefined — typed by the generics, no cast
 *
 * Compiling costs more than running (~70 µs against a schema of this size, and a check-in runs
 * some 30 statements), so every statement of a hot path goes through here. Each connection (the
 * writer and the read-only handle) has its own cache: a statement belongs to the connection that
 * compiled it. The cache is bounded (least recently used out first), so SQL built with variable text
 * cannot grow it forever. A cached statement is shared by every caller of the same SQL: never switch
 * one to pluck/raw/expand mode, bind it, or leave an `iterate()` unfinished — use `db.prepare` for
 * a one-off statement that needs any of that.
 */
import type { Statement } from 'better-sqlite3';
import type { DB } from '../db/database';

/** Statements kept per connection. */
export const STATEMENT_CACHE_SIZE = 500;

type Cache = Map<string, Statement<unknown[], unknown>>;
const caches = new WeakMap<DB, Cache>();

/** Statement types as `db.prepare<P, R>` gives them: a single object parameter binds named values. */
export type Stmt<P extends unknown[] | object, R> = P extends unknown[] ? Statement<P, R> : Statement<[P], R>;

export function stmt<P extends unknown[] | object = unknown[], R = unknown>(db: DB, sql: string): Stmt<P, R> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (st) {
    // most recently used last: the first key is the one to drop
    cache.delete(sql);
  } else {
    st = db.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, st);
  return st as unknown as Stmt<P, R>;
}

/** How many statements a connection holds (tests). */
export function cachedStatementCount(db: DB): number {
  return caches.get(db)?.size ?? 0;
}
