import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import { openDatabase } from '../../electron/core/db/database';
import { memberState, type MemberRow } from '../../electron/core/areas/members';
import { localDate } from '../../electron/shared/dates';
import { tempDir } from './helpers';

describe('demo club', () => {
  // Different days of the year (month ends, leap day, new year) must all give a valid demo.
  for (const at of [
    '2026-11-25T03:00:00Z',
    '2026-01-01T02:00:00Z',
    '2028-02-29T09:00:00Z',
    '2026-12-31T13:00:00Z',
  ]) {
    it(`is created on ${at} with 300+ members in every state, staff of every role and visits today`, async () => {
      const dir = tempDir('demo');
      const clock = new ManualClock(at);
      const core = await Core.open({ dataDir: dir, clock, dailyBackup: false });
      const r = await core.call('x', 'system.createDemo', { language: 'zh-CN' });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const staff = (r as { data: { staff: { role: string; pin: string }[] } }).data.staff;
      // The club's name and language are known at once, without a restart.
      const status = await core.call('x', 'system.status', {});
      expect(status.ok && status.data).toMatchObject({
        state: 'ready',
        clubName: '江畔健身会所',
        language: 'zh-CN',
      });
      expect(new Set(staff.map((s) => s.role))).toEqual(
        new Set([
          'reception',
          'bar',
          'consultant',
          'shift_lead',
          'cs_manager',
          'duty_manager',
          'store_manager',
        ]),
      );
      core.close();

      const db = openDatabase(path.join(dir, 'frontdesk.sqlite3'));
      const today = localDate(clock.now(), 'Asia/Shanghai');
      const members = db.prepare('SELECT * FROM members').all() as MemberRow[];
      expect(members.length).toBeGreaterThanOrEqual(300);
      const states = new Set(members.map((m) => memberState(m, today)));
      expect(states).toEqual(
        new Set(['active', 'expired', 'not_started', 'frozen', 'no_visits', 'deactivated']),
      );
      expect(members.some((m) => /^[\u4e00-\u9fff]+$/.test(m.name))).toBe(true);
      expect(members.some((m) => /^[A-Za-z]+ [A-Za-z]+$/.test(m.name))).toBe(true);
      expect((db.prepare('SELECT count(*) AS n FROM key_tags').get() as { n: number }).n).toBe(60);
      expect((db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n).toBeGreaterThan(0);
      // Every issued tag is held by exactly one open visit.
      const issued = db.prepare("SELECT count(*) AS n FROM key_tags WHERE status = 'issued'").get() as {
        n: number;
      };
      const open = db
        .prepare('SELECT count(*) AS n FROM visits WHERE checked_out_at IS NULL AND tag_id IS NOT NULL')
        .get() as { n: number };
      expect(issued.n).toBe(open.n);
      // The bar has a catalogue with stock, and every stored-value balance equals its ledger.
      expect(
        (db.prepare('SELECT count(*) AS n FROM bar_items').get() as { n: number }).n,
      ).toBeGreaterThanOrEqual(8);
      expect(
        (db.prepare('SELECT count(*) AS n FROM bar_slip_lines').get() as { n: number }).n,
      ).toBeGreaterThan(0);
      // The pro shop (专卖区) has goods in stock and sales on today's tabs, written by reception.
      const shop = db
        .prepare(
          `SELECT i.name, coalesce((SELECT sum(quantity) FROM stock_moves m WHERE m.item_id = i.id), 0) AS stock
             FROM bar_items i WHERE i.point = 'shop' AND i.active = 1`,
        )
        .all() as { name: string; stock: number }[];
      expect(shop.map((i) => i.name)).toEqual(expect.arrayContaining(['毛巾', '蛋白棒', '一次性洗浴用品']));
      expect(shop.every((i) => i.stock > 0)).toBe(true);
      const shopSales = db
        .prepare(
          `SELECT DISTINCT s.id, st.role, i.point FROM bar_slips s JOIN staff st ON st.id = s.created_by
             JOIN bar_slip_lines l ON l.slip_id = s.id JOIN bar_items i ON i.id = l.item_id
            WHERE s.point = 'shop'`,
        )
        .all() as { id: number; role: string; point: string }[];
      expect(shopSales.length).toBeGreaterThanOrEqual(2);
      expect(shopSales.every((s) => s.role === 'reception' && s.point === 'shop')).toBe(true);
      // and the bar's slips sell only the bar's items
      expect(
        (
          db
            .prepare(
              `SELECT count(*) AS n FROM bar_slips s JOIN bar_slip_lines l ON l.slip_id = s.id
                 JOIN bar_items i ON i.id = l.item_id WHERE i.point <> s.point`,
            )
            .get() as { n: number }
        ).n,
      ).toBe(0);
      const mismatched = db
        .prepare(
          `SELECT count(*) AS n FROM members m WHERE m.stored_value_cents <>
             coalesce((SELECT sum(amount_cents) FROM stored_value_ledger l WHERE l.member_id = m.id), 0)`,
        )
        .get() as { n: number };
      expect(mismatched.n).toBe(0);
      expect(
        (db.prepare('SELECT count(*) AS n FROM members WHERE stored_value_cents > 0').get() as { n: number })
          .n,
      ).toBeGreaterThan(10);
      db.close();
    });
  }
});
