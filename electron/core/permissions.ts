/**
 * Who may call what: the role matrix, decided here in the core and nowhere else.
 * 'public' operations need no login (status, setup, the login itself);
 * 'staff' operations need any logged-in staff member.
 */
import type { OpName, Role } from './contract';
import { CONTACT_ROLES, DESK, MANAGERS, PRICE_ROLES, SUPERVISORS, VOID_AUTHORIZERS } from './contract/roles';

export { CONTACT_ROLES, DESK, MANAGERS, PRICE_ROLES, SUPERVISORS, VOID_AUTHORIZERS };

export type Access = 'public' | 'staff' | readonly Role[];

export const PERMISSIONS: Record<OpName, Access> = {
  'system.status': 'public',
  'system.setup': 'public',
  'system.createDemo': 'public',
  'backups.list': MANAGERS,
  'backups.create': MANAGERS,
  'backups.restore': MANAGERS,

  'session.staffList': 'public',
  'session.login': 'public',
  'session.current': 'public',
  'session.logout': 'public',
  'session.lock': 'staff',
  'session.changePin': 'staff',

  'settings.get': 'staff',
  'settings.update': MANAGERS,
  'staff.list': MANAGERS,
  'staff.create': MANAGERS,
  'staff.update': MANAGERS,
  'audit.search': MANAGERS,

  'cardTypes.list': 'staff',
  'cardTypes.create': MANAGERS,
  'cardTypes.update': MANAGERS,
  'members.search': [...DESK, 'bar', 'consultant'],
  'members.get': [...DESK, 'consultant'],
  // Entitlements change only through explicit operations: a card is sold or renewed at the desk
  // (money in the shift's drawer), a manager registers a card sold before or corrects one.
  'members.create': MANAGERS,
  'members.update': [...DESK, 'consultant'],
  'members.sell': DESK,
  'members.renew': DESK,
  'members.correct': MANAGERS,
  'members.freeze': [...SUPERVISORS, 'consultant'],
  'members.unfreeze': [...SUPERVISORS, 'consultant'],
  'members.setPhoto': [...DESK, 'consultant'],
  'members.photo': [...DESK, 'consultant'],
  'members.importPreview': MANAGERS,
  'members.importValidate': MANAGERS,
  'members.importCommit': MANAGERS,
  'members.importCancel': MANAGERS,
  'members.exportCsv': MANAGERS,

  'checkin.scan': DESK,
  'checkin.guest': DESK,
  'checkin.changeTag': DESK,
  'checkin.inside': [...DESK, 'bar'],
  'checkin.checkoutPreview': DESK,
  'checkin.checkout': DESK,
  'checkin.today': [...DESK, 'bar', 'consultant'],
  'checkin.recent': DESK,

  'bar.items': [...DESK, 'bar', 'consultant'],
  'bar.itemCreate': ['bar', ...MANAGERS],
  'bar.itemUpdate': ['bar', ...MANAGERS],
  'bar.receive': ['bar', ...SUPERVISORS],
  'bar.tab': [...DESK, 'bar'],
  'bar.sell': [...DESK, 'bar'],
  'bar.correctLine': [...DESK, 'bar'],
  'bar.void': [...DESK, 'bar'],
  'bar.water': [...DESK, 'bar'],
  'bar.stocktake': ['bar', ...SUPERVISORS],
  'bar.report': ['bar', ...SUPERVISORS],
  'bar.reportCsv': ['bar', ...SUPERVISORS],
  'bar.orderList': ['bar', ...SUPERVISORS],

  'payments.debts': DESK,
  'payments.payDebts': DESK,
  'storedValue.account': [...DESK, 'consultant'],
  'storedValue.topup': DESK,
  'storedValue.refund': MANAGERS,
  'storedValue.adjust': MANAGERS,
  'storedValue.check': SUPERVISORS,

  'tags.board': [...DESK, 'bar'],
  'tags.sendToDisinfection': DESK,
  'tags.returnFromDisinfection': DESK,
  'tags.add': MANAGERS,
  'tags.retire': SUPERVISORS,
  'tags.restore': SUPERVISORS,
  'tags.renumber': MANAGERS,
  'tags.setLocker': SUPERVISORS,

  // Incidents: anyone opens one; managers complete, close and review. Non-managers see the desk
  // view (no medical details) of the incidents they opened and of the open ones (services/incidents.ts).
  'incidents.open': 'staff',
  'incidents.update': MANAGERS,
  'incidents.setStatus': MANAGERS,
  'incidents.addAddendum': MANAGERS,
  'incidents.addFollowUp': MANAGERS,
  'incidents.completeFollowUp': 'staff',
  'incidents.attach': 'staff',
  'incidents.attachment': 'staff',
  'incidents.get': 'staff',
  'incidents.list': 'staff',
  'incidents.exportCsv': MANAGERS,
  'incidents.report': MANAGERS,
  'complaints.create': MANAGERS,
  'complaints.update': MANAGERS,
  'complaints.assign': MANAGERS,
  'complaints.resolve': MANAGERS,
  'complaints.escalate': MANAGERS,
  'complaints.close': MANAGERS,
  'complaints.addNote': MANAGERS,
  'complaints.list': MANAGERS,
  'complaints.get': MANAGERS,
  'review.openItems': 'staff',

  // Visitors and the rotation: the desk runs it; consultants act on their own state and visitors
  // (the service checks "own"); managers decide disputes and see the consultant report.
  'rotation.signIn': [...DESK, 'consultant'],
  'rotation.setState': [...DESK, 'consultant'],
  'rotation.signOut': [...DESK, 'consultant'],
  'rotation.board': [...DESK, 'consultant'],
  'visitors.register': DESK,
  'visitors.page': DESK,
  'visitors.proposeNext': DESK,
  'visitors.tick': DESK,
  'visitors.accept': [...DESK, 'consultant'],
  'visitors.outcome': [...DESK, 'consultant'],
  'visitors.leave': DESK,
  'visitors.get': [...DESK, 'consultant'],
  'visitors.today': [...DESK, 'consultant'],
  'visitors.list': [...DESK, 'consultant'],
  'visitors.dispute': [...DESK, 'consultant'],
  'visitors.disputes': [...MANAGERS, 'consultant'],
  'visitors.decideDispute': MANAGERS,
  'appointments.create': [...DESK, 'consultant'],
  'appointments.list': [...DESK, 'consultant'],
  'appointments.cancel': [...SUPERVISORS, 'consultant'],
  'inquiries.create': DESK,
  'inquiries.list': [...DESK, 'consultant'],
  'inquiries.assign': DESK,
  'inquiries.markCalledBack': [...DESK, 'consultant'],
  'classes.list': 'staff',
  'classes.create': SUPERVISORS,
  'classes.update': SUPERVISORS,
  'announcements.due': DESK,
  'announcements.markAnnounced': DESK,
  'announcements.list': DESK,
  'reports.consultants': MANAGERS,

  // Shift close and handover: the desk opens, runs and closes shifts; shift leads and managers close
  // the day and see every shift (reception sees the shifts it was on; services/shift.ts).
  'shift.opening': DESK,
  'shift.open': DESK,
  'shift.current': DESK,
  'shift.update': DESK,
  // A pay-out and a recount also need a shift lead's or manager's PIN (services/shift.ts).
  'shift.payout': DESK,
  'shift.count': DESK,
  'shift.authorizeRecount': DESK,
  'shift.close': DESK,
  'shift.addCorrection': DESK,
  'shift.report': DESK,
  'shift.reportCsv': DESK,
  'shift.history': DESK,
  'shift.charts': DESK,
  'shift.dayPreview': SUPERVISORS,
  'shift.closeDay': SUPERVISORS,
  'shift.dayReport': SUPERVISORS,
  // Reopening a closed day takes a manager's PIN (a shift lead asks a manager on the spot).
  'shift.reopenDay': SUPERVISORS,
};

export function isAllowed(op: OpName, role: Role | null): boolean {
  const a = PERMISSIONS[op];
  if (a === 'public') return true;
  if (role === null) return false;
  if (a === 'staff') return true;
  return a.includes(role);
}

export function allowedOps(role: Role): OpName[] {
  return (Object.keys(PERMISSIONS) as OpName[]).filter((op) => isAllowed(op, role));
}
