/** The bar's paged menu: the favourites' page first, then a page per category, ten tiles a page. */
import { describe, expect, it } from 'vitest';
import type { BarItem } from '../../electron/core/contract';
import { menuPages } from '../../renderer/src/stores/bar';

let next = 1;
function item(name: string, category: string, o: { sort?: number; favourite?: boolean } = {}): BarItem {
  return {
    id: next++,
    name,
    category,
    priceCents: 800,
    notes: '',
    sort: o.sort ?? 0,
    active: true,
    favourite: o.favourite ?? false,
    point: 'bar',
    stock: 5,
  };
}

const names = (p: { items: BarItem[] }) => p.items.map((i) => i.name);

describe('the bar menu pages', () => {
  it('puts the favourites on a page of their own, first, and keeps them on their category page', () => {
    const items = [
      item('Latte', 'Coffee', { sort: 2, favourite: true }),
      item('Cola', 'Drinks', { sort: 1 }),
      item('Water', 'Drinks', { sort: 0, favourite: true }),
      item('Americano', 'Coffee', { sort: 1 }),
    ];
    const pages = menuPages(items, '常用');
    expect(pages.map((p) => p.label)).toEqual(['常用', 'Drinks', 'Coffee']);
    // in the menu's order: by category as the pages follow, then sort
    expect(names(pages[0]!)).toEqual(['Water', 'Latte']);
    expect(names(pages[1]!)).toEqual(['Water', 'Cola']);
    expect(names(pages[2]!)).toEqual(['Americano', 'Latte']);
  });

  it('has no favourites page when nothing is a favourite', () => {
    const pages = menuPages([item('Cola', 'Drinks'), item('Tea', 'Hot')], 'Favourites');
    expect(pages.map((p) => p.label)).toEqual(['Drinks', 'Hot']);
  });

  it('splits twelve favourites into two numbered pages of at most ten (one number key per tile)', () => {
    const items = Array.from({ length: 12 }, (_, i) =>
      item(`Drink ${String(i).padStart(2, '0')}`, 'Drinks', { sort: i, favourite: true }),
    );
    const pages = menuPages(items, 'Favourites');
    expect(pages.map((p) => [p.label, p.items.length])).toEqual([
      ['Favourites 1/2', 10],
      ['Favourites 2/2', 2],
      ['Drinks 1/2', 10],
      ['Drinks 2/2', 2],
    ]);
    // keys stay unique even if a category were called like the favourites' page
    const clash = menuPages([item('X', 'Favourites', { favourite: true })], 'Favourites');
    expect(new Set(clash.map((p) => p.key)).size).toBe(2);
  });
});
