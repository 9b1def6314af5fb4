import type { Migration } from '../types';

/**
 * Indexes found by the benchmark on a one-year club (bench/): an item's stock is the sum of its
 * movements, read on every bar sale and in every bar report (a covering index makes it an index-only
 * sum: 38 ms → 1 ms per item with 300,000 slips), and the bar report's list of voids (a partial
 * index over the few voided lines: 32 ms → 0.1 ms). The shift close's list of key tags not returned
 * in the shift's window (a partial index over the few visits that ended without their tag: a scan
 * of every visit of the year, 6 ms at 100,000 visits, → under 0.1 ms).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'indexes',
  up(db) {
    db.exec(`
      CREATE INDEX stock_moves_item_kind ON stock_moves(item_id, kind, at, quantity);
      CREATE INDEX bar_slip_lines_voided ON bar_slip_lines(voided_at) WHERE voided_at IS NOT NULL;
      CREATE INDEX visits_tag_not_returned ON visits(checked_out_at) WHERE checkout_kind = 'tag_not_returned';
    `);
  },
};
