/**
 * The demo club's drink bar and pro shop (专卖区, sold at the desk): their catalogues, the opening
 * delivery and a few slips today.
 */
import type { DB } from '../../db/database';
import * as q from './demoQueries';

type Point = 'bar' | 'shop';
/** zh name, en name, zh category, en category, price in cents, opening stock. */
type Row = [string, string, string, string, number, number];

const BAR: Row[] = [
  ['矿泉水', 'Mineral water', '饮料', 'Drinks', 300, 48],
  ['运动饮料', 'Sports drink', '饮料', 'Drinks', 800, 36],
  ['椰子水', 'Coconut water', '饮料', 'Drinks', 1200, 24],
  ['鲜榨橙汁', 'Fresh orange juice', '饮料', 'Drinks', 1800, 20],
  ['美式咖啡', 'Americano', '咖啡', 'Coffee', 1500, 60],
  ['拿铁', 'Latte', '咖啡', 'Coffee', 2000, 60],
  ['乳清蛋白奶昔', 'Whey protein shake', '蛋白', 'Protein', 2800, 30],
  ['植物蛋白奶昔', 'Plant protein shake', '蛋白', 'Protein', 3000, 18],
  ['能量胶', 'Energy gel', '零食', 'Snacks', 1000, 3],
];

/** The desk's goods: towels, drinks to take away, supplements, toiletries. */
const SHOP: Row[] = [
  ['毛巾', 'Towel', '毛巾', 'Towels', 3500, 30],
  ['矿泉水（外带）', 'Mineral water (take-away)', '外带饮料', 'Take-away', 300, 48],
  ['运动饮料（外带）', 'Sports drink (take-away)', '外带饮料', 'Take-away', 800, 24],
  ['蛋白棒', 'Protein bar', '营养补剂', 'Supplements', 1500, 40],
  ['一次性洗浴用品', 'Disposable toiletries kit', '洗浴用品', 'Toiletries', 1000, 50],
];

/** The catalogues with stock delivered a week ago, and a few slips on today's open visits. */
export function seedDemoBar(
  db: DB,
  o: { now: Date; en: boolean; barId: number; receptionId: number; managerId: number },
): void {
  const nowIso = o.now.toISOString();
  const weekAgo = new Date(o.now.getTime() - 7 * 86_400_000).toISOString();
  const stock = (rows: Row[], point: Point, favourites: number[]) =>
    rows.map(([zh, en, cz, ce, price, n], i) => {
      const name = o.en ? en : zh;
      const id = q.insertBarItem(db, name, o.en ? ce : cz, price, i, weekAgo, favourites.includes(i), point);
      const note = o.en ? 'Opening delivery' : '首批进货';
      q.insertStockMove(
        db,
        { itemId: id, kind: 'delivery', quantity: n, lineId: null, note },
        weekAgo,
        o.managerId,
      );
      return { id, name, price };
    });
  // the bar's favourites (常用): water, the sports drink, the Americano and the whey shake
  const bar = stock(BAR, 'bar', [0, 1, 4, 6]);
  // the shop's: the towel and the water to take away
  const shop = stock(SHOP, 'shop', [0, 1]);
  const sell = (
    visitId: number,
    point: Point,
    lines: [{ id: number; name: string; price: number }, number][],
  ) => {
    const by = point === 'bar' ? o.barId : o.receptionId;
    const slip = q.insertBarSlip(db, visitId, nowIso, by, point);
    for (const [it, qty] of lines) {
      const line = q.insertBarSlipLine(db, slip, it, qty);
      q.insertStockMove(
        db,
        { itemId: it.id, kind: 'sale', quantity: -qty, lineId: line, note: null },
        nowIso,
        by,
      );
    }
  };
  const visits = q.openMemberVisitIds(db);
  visits.forEach((visitId, i) => sell(visitId, 'bar', [[bar[(i * 3 + 1) % bar.length]!, 1 + (i % 2)]]));
  // at the desk: a towel for one member, a toiletries kit and water to take away for another
  if (visits[0] !== undefined) sell(visits[0], 'shop', [[shop[0]!, 1]]);
  if (visits[2] !== undefined)
    sell(visits[2], 'shop', [
      [shop[4]!, 1],
      [shop[1]!, 2],
    ]);
}
