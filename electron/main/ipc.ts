/**
 * The IPC bridge between the renderer and the core. Two channels only:
 *
 *   fd:call  (op, args)        → core.call(win-<webContentsId>, op, args)
 *   fd:print ({ pdf, title })  → print the sender's page (A4), or save it as a PDF
 *   fd:print ({ pdf: false, title, receipt: { paper, deviceName, heightMm } })
 *                              → print a receipt silently on the receipt printer, at the paper's size
 *
 * Every message must come from a frame showing the app's own files (isAppUrl: app://frontdesk/); the operation must be
 * one of the contract's names. Each window (webContents) is its own staff session. The Electron
 * objects are taken by structural type and the dialog / file writing are injected, so the unit
 * tests drive this with fakes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Core } from '../core/app';
import { OP_NAMES, type Response } from '../core/contract';
import { isAppUrl } from './security';

import { CALL_CHANNEL, PRINT_CHANNEL } from './channels';
export { CALL_CHANNEL, PRINT_CHANNEL };

export function sessionIdFor(webContentsId: number): string {
  return `win-${webContentsId}`;
}

/** What the print channel asks of webContents.print (a subset of Electron's WebContentsPrintOptions). */
export interface PrintOptions {
  silent: boolean;
  printBackground: boolean;
  /** 'A4', or a receipt roll's width × the receipt's height in micrometres. */
  pageSize: 'A4' | { width: number; height: number };
  /** The receipt printer by its system name (absent: the system's default printer). */
  deviceName?: string;
  margins?: { marginType: 'none' | 'default' };
}

/** The parts of a webContents the print channel uses. */
export interface PrintableContents {
  id: number;
  print(options: PrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: typeof PDF_OPTIONS): Promise<Uint8Array>;
}

/**
 * The PDF as the renderer laid it out: its CSS `@page` (A4, its own margins, page numbers in the
 * page) decides; Electron adds no margins, header or footer of its own. A4 only if no CSS says.
 */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
  displayHeaderFooter: false,
  printBackground: true,
} as const;

export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: PrintableContents;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string;
}

export interface IpcOptions {
  /** Asks where to save the PDF (dialog.showSaveDialog on the sender's window). */
  showSaveDialog(
    sender: PrintableContents,
    options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] },
  ): Promise<SaveDialogResult>;
  /** Where the save dialog starts (default: the current directory). */
  defaultPdfDir?: () => string;
  /** Writes the PDF (default fs.promises.writeFile). */
  writeFile?: (file: string, data: Uint8Array) => Promise<void>;
}

/** A receipt (renderer/src/components/ReceiptHost.tsx): the paper, the printer's name ('' = default), its height in mm. */
const ReceiptPrint = z
  .object({
    paper: z.enum(['58', '80', 'A4']),
    deviceName: z.string().max(200),
    heightMm: z.number().int().min(20).max(2000),
  })
  .strict();

export const PrintArgs = z
  .object({ pdf: z.boolean(), title: z.string().max(200), receipt: ReceiptPrint.optional() })
  .strict();

/**
 * How a receipt is printed: silently (no dialog at the counter), on the printer named in the
 * settings, the page as wide as the roll (58 or 80 mm) and as tall as the receipt, no margins (the
 * printer's own unprintable edge is margin enough); on A4 with the default margins.
 */
function receiptPrintOptions(r: z.infer<typeof ReceiptPrint>): PrintOptions {
  return {
    silent: true,
    printBackground: true,
    ...(r.deviceName.trim() ? { deviceName: r.deviceName.trim() } : {}),
    ...(r.paper === 'A4'
      ? { pageSize: 'A4' as const, margins: { marginType: 'default' as const } }
      : {
          pageSize: { width: Number(r.paper) * 1000, height: r.heightMm * 1000 },
          margins: { marginType: 'none' as const },
        }),
  };
}

/** Prints with these options; resolves false when it failed. */
function printWith(contents: PrintableContents, options: PrintOptions): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      contents.print(options, (success) => resolve(success));
    } catch {
      resolve(false);
    }
  });
}

export interface PrintResult {
  ok: boolean;
  path?: string;
  error?: string;
}

const FORBIDDEN: Response<never> = { ok: false, error: { code: 'FORBIDDEN', params: {} } };
const UNKNOWN: Response<never> = { ok: false, error: { code: 'UNKNOWN_OPERATION', params: {} } };
const OPS: ReadonlySet<string> = new Set<string>(OP_NAMES);

/** A file name from a page title: no path separators, reserved or control characters. */
export function pdfFileName(title: string): string {
  const clean = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100)
    .trim();
  return `${clean || 'Front Desk'}.pdf`;
}

/** Prints the page on A4 with the system print dialog; resolves false when cancelled or failed. */
export function printPage(contents: PrintableContents): Promise<boolean> {
  return printWith(contents, { silent: false, printBackground: true, pageSize: 'A4' });
}

export function registerIpc(ipcMain: IpcMainLike, core: Pick<Core, 'call'>, opts: IpcOptions): void {
  const fromApp = (event: IpcEventLike): boolean => {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && isAppUrl(url);
  };

  ipcMain.handle(CALL_CHANNEL, async (event, op, args): Promise<Response<unknown>> => {
    if (!fromApp(event)) return FORBIDDEN;
    if (typeof op !== 'string' || !OPS.has(op)) return UNKNOWN;
    return core.call(sessionIdFor(event.sender.id), op, args);
  });

  ipcMain.handle(PRINT_CHANNEL, async (event, raw): Promise<PrintResult> => {
    if (!fromApp(event)) return { ok: false, error: 'FORBIDDEN' };
    const parsed = PrintArgs.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'VALIDATION' };
    const { pdf, title, receipt } = parsed.data;
    const sender = event.sender;
    if (receipt) {
      if (pdf) return { ok: false, error: 'VALIDATION' };
      return { ok: await printWith(sender, receiptPrintOptions(receipt)) };
    }
    if (!pdf) return { ok: await printPage(sender) };

    const dir = opts.defaultPdfDir?.() ?? process.cwd();
    const choice = await opts.showSaveDialog(sender, {
      title,
      defaultPath: path.join(dir, pdfFileName(title)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { ok: false };
    const file = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
    try {
      const data = await sender.printToPDF(PDF_OPTIONS);
      await (opts.writeFile ?? ((f, d) => fs.promises.writeFile(f, d)))(file, data);
      return { ok: true, path: file };
    } catch (e) {
      console.error('[print] PDF failed:', e);
      return { ok: false, error: 'PRINT_FAILED' };
    }
  });
}
