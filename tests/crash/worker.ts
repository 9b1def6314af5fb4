/**
 * The crash test's child process (plain Node, no Electron): opens the core on a data folder and loops
 * forever — check a member in, sell a bar slip on the tag, settle the tab at check-out (stored value
 * where the balance allows, the rest in cash), top up stored value now and then. After each
 * operation's Core.call returned ok, and only then, it appends the operation to the acknowledgement
 * file and fsyncs it. The parent kills it with SIGKILL at random moments.
 *
 *   node crash-worker.cjs <dataDir> <ackFile> <seed>
 *
 * The club (staff, members, items) is described by <dataDir>/crash-config.json, written by the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../../electron/core/app';
import type { Response } from '../../electron/core/contract';

export interface CrashConfig {
  desk: { id: number; pin: string };
  bar: { id: number; pin: string };
  members: { id: number; cardNo: string }[];
  items: number[];
}

export interface Ack {
  op: 'checkin.scan' | 'bar.sell' | 'checkin.checkout' | 'storedValue.topup';
  opId: string;
  visitId?: number;
  tag?: number | null;
  settlementId?: number | null;
  storedValueCents?: number;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const [dataDir, ackFile, seedArg] = process.argv.slice(2);
  if (!dataDir || !ackFile) throw new Error('usage: worker <dataDir> <ackFile> <seed>');
  const cfg = JSON.parse(fs.readFileSync(path.join(dataDir, 'crash-config.json'), 'utf8')) as CrashConfig;
  const r = rng(Number(seedArg ?? 1));
  const core = await Core.open({ dataDir, dailyBackup: false });
  if (core.state !== 'ready') {
    process.stderr.write(`core state ${core.state}\n`);
    process.exit(3);
  }
  const call = async <T>(session: string, op: string, args: unknown): Promise<T> => {
    const res: Response<unknown> = await core.call(session, op, args);
    if (!res.ok) throw Object.assign(new Error(`${op}: ${res.error.code}`), { code: res.error.code });
    return res.data as T;
  };
  await call('desk', 'session.login', { staffId: cfg.desk.id, pin: cfg.desk.pin });
  await call('bar', 'session.login', { staffId: cfg.bar.id, pin: cfg.bar.pin });

  const fd = fs.openSync(ackFile, 'a');
  const ack = (a: Ack) => {
    fs.writeSync(fd, `${JSON.stringify(a)}\n`);
    fs.fsyncSync(fd);
  };
  let seq = 0;
  const opId = () => `c${process.pid}x${++seq}x${Math.floor(r() * 1e9).toString(36)}`;
  process.stdout.write('ready\n');

  for (;;) {
    const inside = await call<{ visitId: number; memberId: number | null; tagNumber: number | null }[]>(
      'desk',
      'checkin.inside',
      {},
    );
    const x = r();
    if (inside.length < 4 || (x < 0.3 && inside.length < 12)) {
      // Check a member in (one who is not inside).
      const insideIds = new Set(inside.map((v) => v.memberId));
      const free = cfg.members.filter((m) => !insideIds.has(m.id));
      const m = free[Math.floor(r() * free.length)];
      if (!m) continue;
      const id = opId();
      const res = await call<{ outcome: string; visit?: { id: number; tagNumber: number | null } }>(
        'desk',
        'checkin.scan',
        { ref: { cardNo: m.cardNo }, opId: id },
      );
      if (res.outcome === 'checked_in' && res.visit)
        ack({ op: 'checkin.scan', opId: id, visitId: res.visit.id, tag: res.visit.tagNumber });
      continue;
    }
    const v = inside[Math.floor(r() * inside.length)]!;
    if (x < 0.6) {
      // A slip on the tag: the bar looks the tab up by the tag number, then sells.
      const tab = await call<{ visit: { visitId: number } }>('bar', 'bar.tab', { tagNumber: v.tagNumber });
      const items = [
        { itemId: cfg.items[Math.floor(r() * cfg.items.length)]!, quantity: 1 + Math.floor(r() * 3) },
      ];
      if (r() < 0.4) items.push({ itemId: cfg.items[0]!, quantity: 1 });
      const id = opId();
      await call('bar', 'bar.sell', { visitId: tab.visit.visitId, items, opId: id });
      ack({ op: 'bar.sell', opId: id, visitId: tab.visit.visitId });
    } else if (x < 0.93) {
      // Check-out, settling the tab: stored value as far as the balance allows, the rest in cash.
      const preview = await call<{ tabCents: number; storedValueCents: number | null }>(
        'desk',
        'checkin.checkoutPreview',
        { visitId: v.visitId },
      );
      const tab = preview.tabCents;
      const parts: { method: string; amountCents: number; tenderedCents?: number }[] = [];
      if (tab > 0) {
        const sv = Math.min(preview.storedValueCents ?? 0, r() < 0.5 ? tab : Math.floor(tab / 2));
        if (sv > 0) parts.push({ method: 'stored_value', amountCents: sv });
        if (tab - sv > 0)
          parts.push({
            method: 'cash',
            amountCents: tab - sv,
            tenderedCents: Math.ceil((tab - sv) / 5000) * 5000,
          });
      }
      const id = opId();
      const res = await call<{ receipt: { settlementId: number } | null }>('desk', 'checkin.checkout', {
        visitId: v.visitId,
        tagReturned: true,
        ...(parts.length ? { payment: { parts } } : {}),
        opId: id,
      });
      ack({
        op: 'checkin.checkout',
        opId: id,
        visitId: v.visitId,
        settlementId: res.receipt?.settlementId ?? null,
      });
    } else if (v.memberId !== null) {
      const id = opId();
      const res = await call<{ settlementId: number; storedValueAfterCents: number }>(
        'desk',
        'storedValue.topup',
        {
          memberId: v.memberId,
          amountCents: 5000,
          method: 'cash',
          opId: id,
        },
      );
      ack({
        op: 'storedValue.topup',
        opId: id,
        settlementId: res.settlementId,
        storedValueCents: res.storedValueAfterCents,
      });
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`worker failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
});
