/**
 * The settings area's values and result types: the club's settings and the values a new club
 * starts with. No zod here: the renderer imports these (through electron/core/contract) without the
 * schemas. The area throws no codes of its own.
 */
import type { Language } from '../../contract/types';
import type { ReceiptPaper } from '../receipts/types';

export interface Settings {
  clubName: string;
  timeZone: string;
  language: Language;
  staffArriveTime: string;
  openTime: string;
  closeTime: string;
  duplicateScanSeconds: number;
  idleLockMinutes: number;
  lostTagFeeCents: number;
  /** 0 = Sunday … 6 = Saturday */
  disinfectionDays: number[];
  expiryWarnDays: number;
  visitsWarnThreshold: number;
  currency: string;
  /** Visitors: an appointment this many days old or less belongs to the consultant who fixed it first. */
  leadOwnershipDays: number;
  /** Visitors: how long a called consultant has to come to the desk. */
  callTimeoutSeconds: number;
  /** Visitors: pages on the public address at most (the first call is page 1). */
  maxPages: number;
  /** Visitors: when the time is up, page again / call the next consultant without a click. */
  autoProposeNext: boolean;
  /** Class announcements: minutes before the class. */
  announceLeadMinutes: number;
  /** The pre-closing announcement: minutes before closing. */
  preClosingAnnounceMinutes: number;
  /** Shift opening checklist; an item starting with "@" is a built-in one the desk words in its language. */
  openingChecklist: string[];
  /** Pre-closing checklist of the day close (same convention). */
  closingChecklist: string[];
  /** The float of the very first shift (later shifts take the float handed over at the last close). */
  defaultFloatCents: number;
  /**
   * Drink bar: minutes after a slip is written during which the bar may correct it on the spot (the
   * member confirms, the tab unpaid). Afterwards any removal or reduction is a void (a supervisor's PIN).
   */
  barCorrectionMinutes: number;
  /** Complaints: a complaint is to be closed within this many days of being registered (club-local dates). */
  complaintDeadlineDays: number;
  /**
   * A second backup folder (a USB disk, a network share) that receives a verified copy of the newest
   * backup; '' = none. Set only through backups.setSecondFolder (which checks the folder takes files).
   */
  secondBackupDir: string;
  /** Losses and repairs: the places offered when one is reported (same "@" convention; free text too). */
  repairPlaces: string[];
  /** Receipts: the paper of the desk's receipt printer (58 or 80 mm thermal roll, or A4). */
  receiptPaper: ReceiptPaper;
  /** Receipts (desktop app): the printer's name as the system knows it; '' = the system's default printer. */
  receiptPrinter: string;
}

/** What a club starts with; a setting never written reads as its default. */
export const DEFAULT_SETTINGS: Settings = {
  clubName: '',
  timeZone: 'Asia/Shanghai',
  language: 'zh-CN',
  staffArriveTime: '09:50',
  openTime: '11:00',
  closeTime: '22:00',
  duplicateScanSeconds: 10,
  idleLockMinutes: 10,
  lostTagFeeCents: 2000,
  disinfectionDays: [3, 6],
  expiryWarnDays: 7,
  visitsWarnThreshold: 3,
  currency: 'CNY',
  leadOwnershipDays: 3,
  callTimeoutSeconds: 120,
  maxPages: 2,
  autoProposeNext: false,
  announceLeadMinutes: 15,
  preClosingAnnounceMinutes: 30,
  openingChecklist: ['@handover', '@forms', '@supplies', '@music', '@screens', '@tags'],
  closingChecklist: ['@announce', '@tagsCounted', '@stock', '@valuables', '@cash', '@lights'],
  defaultFloatCents: 50_000,
  barCorrectionMinutes: 10,
  complaintDeadlineDays: 6,
  secondBackupDir: '',
  repairPlaces: ['@gym', '@studio', '@cycling', '@lockers', '@showers', '@bar', '@billiards', '@desk'],
  receiptPaper: '80',
  receiptPrinter: '',
};
