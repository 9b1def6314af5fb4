import type { Migration } from '../types';

/**
 * Bar favourites (issue 14): an item can be marked a favourite (常用); the bar's paged menu shows
 * the favourites on a page of their own, first. Existing items are not favourites.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'bar-favourites',
  up(db) {
    db.exec(`
      ALTER TABLE bar_items ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0,1));
    `);
  },
};
