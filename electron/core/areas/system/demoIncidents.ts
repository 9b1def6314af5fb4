/**
 * The demo club's incident log and complaints: a closed injury with its hospital visit and report,
 * one in follow-up (a call overdue, one due today), a lost phone opened at the desk today, a closed
 * conflict; a closed complaint, one still open from yesterday, one escalated to the store manager
 * five days ago (its 6-day deadline is tomorrow).
 */
import type { DB } from '../../db/database';
import { addDays, ageOn, localDate } from '../../../shared/dates';
import * as q from './demoQueries';

interface DemoStaff {
  storeManager: number;
  dutyManager: number;
  csManager: number;
  reception: number;
  consultant: number;
}

export function seedDemoIncidents(db: DB, o: { now: Date; en: boolean; tz: string; staff: DemoStaff }): void {
  const { now, en, tz, staff } = o;
  const t = (zh: string, eng: string) => (en ? eng : zh);
  const ago = (days: number, hours = 0) =>
    new Date(now.getTime() - (days * 24 + hours) * 3_600_000).toISOString();
  const today = localDate(now, tz);
  const members = q.incidentMembers(db);
  if (members.length < 3) return;
  const person = (i: number, at: string) => {
    const m = members[i]!;
    return [m.id, m.card_no, m.name, m.gender, ageOn(m.birth_date, localDate(new Date(at), tz))];
  };

  // 1. Three weeks ago: a sprained ankle, hospital, compensation agreed, closed, with an addendum.
  const at1 = ago(21, 2);
  const closed1 = ago(12);
  const i1 = q.insertIncident(db, [
    'closed',
    at1,
    staff.reception,
    at1,
    t('器械区跑步机旁', 'Gym floor, by the treadmills'),
    t('会员下跑步机时踩到湿滑的地垫摔倒。', 'The member stepped off a treadmill onto a wet mat and fell.'),
    'injury',
    'moderate',
    ...person(0, at1),
    t('右脚踝扭伤，肿胀，无法行走', 'Sprained right ankle, swollen, could not walk'),
    staff.csManager,
    at1,
    t('李教练', 'Coach Li'),
    at1,
    t('李教练', 'Coach Li'),
    t('冰敷，抬高患肢', 'Ice pack, ankle raised'),
    staff.reception,
    ago(21, 1),
    1,
    t('市第一人民医院', 'City Hospital No. 1'),
    staff.consultant,
    38_000,
    t('软组织扭伤，未见骨折', 'Soft-tissue sprain, no fracture'),
    ago(21),
    t('报销检查费用', 'The club pays the examination'),
    50_000,
    38_000,
    t(
      '会所承担检查费用；跑步机区域更换防滑地垫。',
      'The club pays the examination; non-slip mats by the treadmills.',
    ),
    closed1,
    staff.csManager,
    closed1,
  ]);
  q.insertFollowUp(
    db,
    i1,
    'consultant_call',
    addDays(today, -19),
    staff.consultant,
    '',
    at1,
    staff.csManager,
    ago(19),
    staff.consultant,
    t('恢复良好', 'Recovering well'),
  );
  q.insertFollowUp(
    db,
    i1,
    'manager_call',
    addDays(today, -14),
    staff.csManager,
    '',
    at1,
    staff.csManager,
    ago(14),
    staff.csManager,
    t('同意报销检查费', 'Agreed to pay the examination'),
  );
  // The member's consultant was told (a step of the rulebook when the member has one).
  if (members[0]!.consultant_id !== null) q.setConsultantTold(db, i1, ago(21, 1), staff.csManager);
  q.insertAddendum(
    db,
    i1,
    t('会员回访时表示满意，已恢复训练。', 'The member came back satisfied and is training again.'),
    ago(5),
    staff.csManager,
  );

  // 2. Three days ago: a pulled muscle in a class, in follow-up (one call overdue, one due today).
  const at2 = ago(3, 4);
  const i2 = q.insertIncident(db, [
    'follow_up',
    at2,
    staff.reception,
    at2,
    t('团操室', 'Group exercise studio'),
    t('会员在搏击操课上拉伤大腿后侧。', 'The member pulled a hamstring in a kickboxing class.'),
    'injury',
    'minor',
    ...person(1, at2),
    t('大腿后侧拉伤', 'Pulled hamstring'),
    staff.csManager,
    at2,
    t('王教练', 'Coach Wang'),
    at2,
    t('王教练', 'Coach Wang'),
    t('冰敷', 'Ice pack'),
    staff.reception,
    at2,
    0,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    at2,
  ]);
  q.insertFollowUp(
    db,
    i2,
    'consultant_call',
    addDays(today, -1),
    staff.consultant,
    '',
    at2,
    staff.csManager,
    null,
    null,
    null,
  );
  q.insertFollowUp(
    db,
    i2,
    'manager_call',
    today,
    staff.csManager,
    '',
    at2,
    staff.csManager,
    null,
    null,
    null,
  );

  // 3. Today at the desk: a lost phone, just opened.
  const at3 = ago(0, 1);
  q.insertIncident(db, [
    'open',
    at3,
    staff.reception,
    at3,
    t('更衣室', 'Locker room'),
    t('会员称手机放在更衣柜中丢失。', 'The member says a phone went missing from a locker.'),
    'property',
    null,
    ...person(2, at3),
    ...Array<null>(9).fill(null),
    0,
    ...Array<null>(11).fill(null),
    at3,
  ]);

  // 4. Last month: an argument over a bench, closed.
  const at4 = ago(34);
  const i4 = q.insertIncident(db, [
    'closed',
    at4,
    staff.reception,
    at4,
    t('自由力量区', 'Free weights'),
    t('两名会员因占用卧推凳发生争执。', 'Two members argued over a bench.'),
    'conflict',
    'minor',
    ...Array<null>(5).fill(null),
    ...Array<null>(9).fill(null),
    0,
    ...Array<null>(6).fill(null),
    null,
    null,
    t('当班经理调解，张贴器械使用须知。', 'The duty manager mediated; equipment etiquette posted.'),
    ago(33),
    staff.dutyManager,
    ago(33),
  ]);
  // the customer-service manager was told (a step for every kind)
  q.setCsManagerTold(db, i4, staff.csManager, at4);

  // closed within the deadline (complaintDeadlineDays, 6 by default) of being registered
  const due = (registered: string) => addDays(localDate(new Date(registered), tz), 6);
  const m = (i: number) => [members[i]!.id, members[i]!.card_no, members[i]!.name];
  const c10 = ago(10, 3);
  q.insertComplaint(db, [
    'closed',
    c10,
    staff.dutyManager,
    ...m(0),
    'in_person',
    t('毛巾发放处员工态度冷淡。', 'The towel attendant was curt.'),
    t('晚班毛巾发放员', 'Evening towel attendant'),
    'front_desk',
    t('前台主管陈静', 'Front desk supervisor Chen'),
    c10,
    staff.dutyManager,
    t('排队时间长，员工态度不佳。', 'Long queue; the attendant was short with the member.'),
    c10,
    t('当面致歉，赠送饮品一杯。', 'Apology and a free drink.'),
    t('口头警告', 'Verbal warning'),
    ago(10, 1),
    staff.dutyManager,
    null,
    null,
    null,
    ago(10),
    staff.dutyManager,
    ago(10),
    due(c10),
    t('希望员工道歉。', 'An apology from the attendant.'),
    t('当面致歉并赠送饮品一杯，会员接受。', 'Apology in person and a free drink; the member accepted.'),
  ]);
  const c1 = ago(1, 2);
  q.insertComplaint(db, [
    'assigned',
    c1,
    staff.dutyManager,
    ...m(1),
    'phone',
    t('淋浴间热水不足。', 'The showers ran cold in the evening.'),
    '',
    'facilities',
    t('工程部主管', 'Facilities supervisor'),
    c1,
    staff.dutyManager,
    ...Array<null>(11).fill(null),
    c1,
    due(c1),
    t('尽快修好热水。', 'Hot water fixed soon.'),
    null,
  ]);
  // five days ago: its deadline is tomorrow (due)
  const c2 = ago(5, 5);
  q.insertComplaint(db, [
    'escalated',
    c2,
    staff.dutyManager,
    ...m(2),
    'written',
    t('私教课被重复扣费。', 'Charged twice for a personal-training pack.'),
    t('会籍顾问', 'Membership consultant'),
    'sales',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    ago(4),
    staff.dutyManager,
    t(
      '退款金额超出值班经理权限，会员要求书面答复。',
      'The refund is above the duty manager’s limit; the member wants a written answer.',
    ),
    null,
    null,
    ago(4),
    due(c2),
    t('退还重复扣除的费用。', 'A refund of the second charge.'),
    null,
  ]);
}
