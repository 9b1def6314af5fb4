/** The demo club's drink bar: its catalogue, the opening delivery and a few slips today. */
import type { DB } from '../../db/database';
import * as q from './demoQueries';

/** The bar's catalogue with stock delivered a week ago, and a few slips on today's open visits. */
export function seedDemoBar(db: DB, o: { now: Date; en: boolean; barId: number; managerId: number }): void {
  const nowIso = o.now.toISOString();
  const weekAgo = new Date(o.now.getTime() - 7 * 86_400_000).toISOString();
  const items: [string, string, string, string, number, number][] = [
    ['矿泉水', 'Mineral water', '饮料', 'Drinks', 300, 48],
    ['运动饮料', 'Sports drink', '饮料', 'Drinks', 800, 36],
    ['椰子水', 'Coconut water', '饮料', 'Drinks', 1200, 24],
    ['鲜榨橙汁', 'Fresh orange juice', '饮料', 'Drinks', 1800, 20],
    ['美式咖啡', 'Americano', '咖啡', 'Coffee', 1500, 60],
    ['拿铁', 'Latte', '咖啡', 'Coffee', 2000, 60],
    ['乳清蛋白奶昔', 'Whey protein shake', '蛋白', 'Protein', 2800, 30],
    ['植物蛋白奶昔', 'Plant protein shake', '蛋白', 'Protein', 3000, 18],
    ['蛋白棒', 'Protein bar', '零食', 'Snacks', 1500, 40],
    ['能量胶', 'Energy gel', '零食', 'Snacks', 1000, 3],
  ];
  const ids = items.map(([zh, en, cz, ce, price, stock], i) => {
    // the bar's favourites (常用): water, the sports drink, the Americano and the whey shake
    const favourite = [0, 1, 4, 6].includes(i);
    const id = q.insertBarItem(db, o.en ? en : zh, o.en ? ce : cz, price, i, weekAgo, favourite);
    const note = o.en ? 'Opening delivery' : '首批进货';
    q.insertStockMove(
      db,
      { itemId: id, kind: 'delivery', quantity: stock, lineId: null, note },
      weekAgo,
      o.managerId,
    );
    return { id, name: o.en ? en : zh, price };
  });
  q.openMemberVisitIds(db).forEach((visitId, i) => {
    const slip = q.insertBarSlip(db, visitId, nowIso, o.barId);
    const it = ids[(i * 3 + 1) % ids.length]!;
    const qty = 1 + (i % 2);
    const line = q.insertBarSlipLine(db, slip, it, qty);
    q.insertStockMove(
      db,
      { itemId: it.id, kind: 'sale', quantity: -qty, lineId: line, note: null },
      nowIso,
      o.barId,
    );
  });
}
