/**
 * The settings area's contract: the club's settings, read by anyone logged in and changed by a
 * manager (a partial patch; what changed is audited). Every operation is declared here once: its
 * input, its result, its kind and who may call it.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { MANAGERS } from '../../kernel/roles';
import { Cents, Empty, Language, Name, TimeStr, TimeZone } from '../../contract/common';
import type { Settings } from './types';
import { RECEIPT_PAPERS } from '../receipts/types';

export * from './types';

const SettingsPatch = z
  .object({
    clubName: Name,
    timeZone: TimeZone,
    language: Language,
    staffArriveTime: TimeStr,
    openTime: TimeStr,
    closeTime: TimeStr,
    duplicateScanSeconds: z.number().int().min(0).max(600),
    idleLockMinutes: z.number().int().min(1).max(240),
    lostTagFeeCents: Cents,
    disinfectionDays: z.array(z.number().int().min(0).max(6)).max(7),
    expiryWarnDays: z.number().int().min(0).max(90),
    visitsWarnThreshold: z.number().int().min(0).max(100),
    leadOwnershipDays: z.number().int().min(0).max(60),
    callTimeoutSeconds: z.number().int().min(10).max(3600),
    maxPages: z.number().int().min(1).max(10),
    autoProposeNext: z.boolean(),
    announceLeadMinutes: z.number().int().min(0).max(120),
    preClosingAnnounceMinutes: z.number().int().min(0).max(180),
    openingChecklist: z.array(z.string().trim().min(1).max(200)).max(50),
    closingChecklist: z.array(z.string().trim().min(1).max(200)).max(50),
    defaultFloatCents: Cents,
    barCorrectionMinutes: z.number().int().min(0).max(60),
    complaintDeadlineDays: z.number().int().min(1).max(60),
    repairPlaces: z.array(z.string().trim().min(1).max(100)).max(50),
    receiptPaper: z.enum(RECEIPT_PAPERS),
    receiptPrinter: z.string().trim().max(200),
  })
  .partial()
  .strict();

export const settingsContract = {
  'settings.get': query({ input: Empty, output: out<Settings>(), access: 'staff' }),
  'settings.update': command({ input: SettingsPatch, output: out<Settings>(), access: MANAGERS }),
} as const;
