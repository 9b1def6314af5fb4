/**
 * The demo club's people: its staff with their known PINs, the names its members are drawn from,
 * and the seeded random generator that makes the demo the same every time.
 */
import type { Role } from '../../kernel/roles';

export const DEMO_STAFF: { name: string; role: Role; pin: string; gender: 'male' | 'female' }[] = [
  { name: '王芳', role: 'store_manager', pin: '8001', gender: 'female' },
  { name: '周强', role: 'duty_manager', pin: '7001', gender: 'male' },
  { name: '孙梅', role: 'cs_manager', pin: '6001', gender: 'female' },
  { name: '陈静', role: 'shift_lead', pin: '5001', gender: 'female' },
  { name: '李娜', role: 'reception', pin: '2001', gender: 'female' },
  { name: 'Alice Chen', role: 'reception', pin: '2002', gender: 'female' },
  { name: '赵敏', role: 'bar', pin: '3001', gender: 'female' },
  { name: '张伟', role: 'consultant', pin: '4001', gender: 'male' },
  { name: '刘洋', role: 'consultant', pin: '4002', gender: 'male' },
  { name: 'Emma Liu', role: 'consultant', pin: '4003', gender: 'female' },
];

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '晨',
  '浩然',
  '子涵',
  '欣怡',
  '梓轩',
  '雨桐',
  '一诺',
  '思远',
  '佳怡',
  '宇航',
  '诗涵',
  '俊杰',
  '婷婷',
  '志强',
  '海燕',
  '建国',
  '晓东',
  '丹丹',
  '文博',
  '佳琪',
  '鑫',
  '倩',
  '悦',
  '博文',
  '嘉怡',
  '子豪',
  '梦瑶',
];
export const FIRST_EN = [
  'Anna',
  'David',
  'Emily',
  'James',
  'Lucy',
  'Michael',
  'Sophie',
  'Daniel',
  'Grace',
  'Oliver',
  'Mia',
  'Lucas',
  'Chloe',
  'Ethan',
  'Hannah',
  'Leo',
];
export const LAST_EN = [
  'Smith',
  'Brown',
  'Wilson',
  'Taylor',
  'Martin',
  'Garcia',
  'Müller',
  'Dubois',
  'Rossi',
  'Tanaka',
  'Kim',
  'Nguyen',
  'Ivanova',
  'Costa',
];

/** A small deterministic random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
