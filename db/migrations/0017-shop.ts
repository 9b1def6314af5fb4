import type { Migration } from '../types';

/**
 * The pro shop (专卖区) as the bar's second sales point: the desk sells towels, drinks to take away
 * and supplements from the bar's catalogue, stock and stocktake machinery. An item belongs to one
 * point ('bar' or 'shop'); a slip records the point it was written at (so a report per point stays
 * what it was if an item moves later); a stocktake counts one point. Everything already there was the
 * bar's.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'shop',
  up(db) {
    db.exec(`
      ALTER TABLE bar_items ADD COLUMN point TEXT NOT NULL DEFAULT 'bar' CHECK (point IN ('bar','shop'));
      ALTER TABLE bar_slips ADD COLUMN point TEXT NOT NULL DEFAULT 'bar' CHECK (point IN ('bar','shop'));
      ALTER TABLE stocktakes ADD COLUMN point TEXT NOT NULL DEFAULT 'bar' CHECK (point IN ('bar','shop'));
      CREATE INDEX bar_items_point ON bar_items(point, active);
    `);
  },
};
