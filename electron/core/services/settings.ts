import type { DB } from '../db/database';
import type { Settings } from '../contract';
import { handlers } from '../context';
import { stmt } from '../kernel/statements';

export const DEFAULT_SETTINGS: Settings = {
  clubName: '',
  timeZone: 'Asia/Shanghai',
  language: 'zh-CN',
  staffArriveTime: '09:50',
  openTime: '11:00',
  closeTime: '22:00',
  duplicateScanSeconds: 10,
  idleLockMinutes: 10,
  lostTagFeeCents: 2000,
  disinfectionDays: [3, 6],
  expiryWarnDays: 7,
  visitsWarnThreshold: 3,
  currency: 'CNY',
  leadOwnershipDays: 3,
  callTimeoutSeconds: 120,
  maxPages: 2,
  autoProposeNext: false,
  announceLeadMinutes: 15,
  preClosingAnnounceMinutes: 30,
  openingChecklist: ['@handover', '@forms', '@supplies', '@music', '@screens', '@tags'],
  closingChecklist: ['@announce', '@tagsCounted', '@stock', '@valuables', '@cash', '@lights'],
  defaultFloatCents: 50_000,
  barCorrectionMinutes: 10,
  complaintDeadlineDays: 6,
};

export function readSettings(db: DB): Settings {
  const rows = stmt(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const s: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) s[r.key] = JSON.parse(r.value);
  return s as unknown as Settings;
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
  const upsert = stmt(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || !(k in DEFAULT_SETTINGS)) continue;
    upsert.run(k, JSON.stringify(v));
  }
}

export function isSetUp(db: DB): boolean {
  return !!stmt(db, "SELECT 1 FROM settings WHERE key = 'clubName'").get();
}

export const settingsHandlers = handlers({
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
});
