/**
 * The club's settings: read once per connection (every call gets them as ctx.settings), written by
 * the setup, the demo and a manager's update (what changed is audited). The SQL is in queries.ts.
 */
import type { DB } from '../../db/database';
import type { HandlersOf } from '../../kernel/ctx';
import { DEFAULT_SETTINGS, type Settings, type settingsContract } from './contract';
import * as q from './queries';

/** The stored settings over the defaults (a key the app no longer knows is ignored). */
export function readSettings(db: DB): Settings {
  const stored = q.settingRows(db).filter((r) => r.key in DEFAULT_SETTINGS);
  return Object.assign(
    {},
    DEFAULT_SETTINGS,
    Object.fromEntries(stored.map((r) => [r.key, JSON.parse(r.value)])),
  );
}

/**
 * The settings every call gets (ctx.settings), read once per connection and read again after
 * writeSettings — the only way they change (a rolled-back write only costs one more read).
 */
const cached = new WeakMap<DB, Settings>();
export function settingsOf(db: DB): Settings {
  let s = cached.get(db);
  if (!s) cached.set(db, (s = readSettings(db)));
  return s;
}

export function writeSettings(db: DB, patch: Partial<Settings>): void {
  cached.delete(db);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || !(k in DEFAULT_SETTINGS)) continue;
    q.upsertSetting(db, k, JSON.stringify(v));
  }
}

export function isSetUp(db: DB): boolean {
  return q.hasClubName(db);
}

export const settingsHandlers: HandlersOf<typeof settingsContract> = {
  'settings.get': (ctx) => ctx.settings,

  'settings.update': (ctx, patch) => {
    const before = ctx.settings;
    const clean = { ...patch };
    if (clean.disinfectionDays) clean.disinfectionDays = [...new Set(clean.disinfectionDays)].sort();
    writeSettings(ctx.db, clean);
    const after = readSettings(ctx.db);
    const changed: Record<string, unknown> = {};
    const was: Record<string, unknown> = {};
    for (const k of Object.keys(clean) as (keyof Settings)[]) {
      if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
        changed[k] = after[k];
        was[k] = before[k];
      }
    }
    if (Object.keys(changed).length) {
      ctx.audit({ op: 'settings.update', entity: 'settings', before: was, after: changed });
    }
    return after;
  },
};
