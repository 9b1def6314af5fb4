import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The IPC bridge must never need the real Electron module (it cannot load here).
vi.mock('electron', () => ({}));

import { Core } from '../../electron/core/app';
import {
  CALL_CHANNEL,
  type IpcEventLike,
  type IpcOptions,
  type PrintableContents,
  PRINT_CHANNEL,
  pdfFileName,
  registerIpc,
  sessionIdFor,
} from '../../electron/main/ipc';
import { tempDir } from './helpers';

const APP_URL = 'app://frontdesk/index.html';

type Handler = (event: IpcEventLike, ...args: unknown[]) => unknown;

function fakeContents(
  id: number,
): PrintableContents & { printed: unknown[]; pdfs: number; pdfOptions: unknown[] } {
  const c = {
    id,
    printed: [] as unknown[],
    pdfs: 0,
    pdfOptions: [] as unknown[],
    print(options: unknown, callback: (success: boolean, failureReason: string) => void) {
      c.printed.push(options);
      callback(true, '');
    },
    async printToPDF(options: unknown) {
      c.pdfs += 1;
      c.pdfOptions.push(options);
      return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    },
  };
  return c;
}

function fakeEvent(
  id: number,
  url: string | null = APP_URL,
): IpcEventLike & { sender: ReturnType<typeof fakeContents> } {
  return { senderFrame: url === null ? null : { url }, sender: fakeContents(id) };
}

describe('Electron IPC bridge', () => {
  let core: Core;
  let dataDir: string;
  const handlers = new Map<string, Handler>();
  const written: { file: string; data: Uint8Array }[] = [];
  const saveDialog = vi.fn<IpcOptions['showSaveDialog']>(async () => ({
    canceled: false,
    filePath: '/tmp/out/report',
  }));

  const invoke = (channel: string, event: IpcEventLike, ...args: unknown[]) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(h(event, ...args)) as Promise<{
      ok: boolean;
      data?: unknown;
      error?: { code: string } | string;
      path?: string;
    }>;
  };

  beforeAll(async () => {
    dataDir = tempDir('ipc');
    core = await Core.open({ dataDir });
    const ipcMain = { handle: (channel: string, h: Handler) => void handlers.set(channel, h) };
    registerIpc(ipcMain, core, {
      showSaveDialog: saveDialog,
      defaultPdfDir: () => '/tmp/out',
      writeFile: async (file, data) => void written.push({ file, data }),
    });
  });

  afterAll(() => {
    core.close();
  });

  it('registers exactly the two channels', () => {
    expect([...handlers.keys()].sort()).toEqual([CALL_CHANNEL, PRINT_CHANNEL].sort());
    expect(sessionIdFor(7)).toBe('win-7');
  });

  it('a valid call reaches the core', async () => {
    const r = await invoke(CALL_CHANNEL, fakeEvent(1), 'system.status', {});
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({ state: 'setup' });
  });

  it('refuses unknown and non-string operations', async () => {
    for (const op of [
      'no.such',
      '__proto__',
      'constructor',
      'toString',
      42,
      null,
      undefined,
      { op: 'system.status' },
      ['system.status'],
    ]) {
      const r = await invoke(CALL_CHANNEL, fakeEvent(1), op, {});
      expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', params: {} } });
    }
  });

  it('refuses senders that are not the app’s own files', async () => {
    for (const url of [
      // the files the renderer was loaded from before app:// (and anything else on the disk)
      pathToFileURL(path.join(os.tmpdir(), 'build', 'renderer', 'index.html')).href,
      'app://evil/index.html',
      'app://frontdesk/../main/main.js'.replace('/../', '/%2e%2e%2f'),
      'https://evil.example/',
      'http://localhost:5173/',
      'about:blank',
      'devtools://devtools/',
      '',
      null,
    ]) {
      const r = await invoke(CALL_CHANNEL, fakeEvent(1, url), 'system.status', {});
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', params: {} } });
      const p = await invoke(PRINT_CHANNEL, fakeEvent(1, url), { pdf: false, title: 'x' });
      expect(p.ok).toBe(false);
    }
  });

  it('each window is its own session', async () => {
    const setup = await invoke(CALL_CHANNEL, fakeEvent(1), 'system.setup', {
      clubName: 'IPC Club',
      timeZone: 'Asia/Shanghai',
      language: 'en',
      staffArriveTime: '09:50',
      openTime: '11:00',
      closeTime: '22:00',
      tagCount: 10,
      manager: { name: 'Manager Wang', pin: '9999', gender: 'female' },
    });
    expect(setup.ok).toBe(true);
    const staff = await invoke(CALL_CHANNEL, fakeEvent(1), 'session.staffList', {});
    expect(staff.ok).toBe(true);
    const staffId = (staff.data as { id: number }[])[0]!.id;
    const login = await invoke(CALL_CHANNEL, fakeEvent(1), 'session.login', { staffId, pin: '9999' });
    expect(login.ok).toBe(true);

    expect((await invoke(CALL_CHANNEL, fakeEvent(1), 'checkin.today', {})).ok).toBe(true);
    const other = await invoke(CALL_CHANNEL, fakeEvent(2), 'checkin.today', {});
    expect(other).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('validates the print arguments', async () => {
    for (const bad of [
      undefined,
      null,
      'pdf',
      {},
      { pdf: 'yes', title: 'x' },
      { pdf: true },
      { pdf: true, title: 5 },
      { pdf: true, title: 'x'.repeat(201) },
      { pdf: true, title: 'x', path: '/etc/passwd' },
    ]) {
      const r = await invoke(PRINT_CHANNEL, fakeEvent(1), bad);
      expect(r).toEqual({ ok: false, error: 'VALIDATION' });
    }
    expect(saveDialog).not.toHaveBeenCalled();
    expect(written).toHaveLength(0);
  });

  it('prints the sender’s page on A4', async () => {
    const e = fakeEvent(3);
    expect(await invoke(PRINT_CHANNEL, e, { pdf: false, title: 'Today' })).toEqual({ ok: true });
    expect(e.sender.printed).toEqual([expect.objectContaining({ pageSize: 'A4', silent: false })]);
  });

  it('prints a receipt silently on the receipt printer, at the roll’s width and the receipt’s height', async () => {
    const e = fakeEvent(5);
    const receipt = { paper: '58', deviceName: 'XP-58 ', heightMm: 140 };
    expect(await invoke(PRINT_CHANNEL, e, { pdf: false, title: 'Receipt', receipt })).toEqual({ ok: true });
    expect(
      await invoke(PRINT_CHANNEL, e, {
        pdf: false,
        title: 'Receipt',
        receipt: { ...receipt, paper: '80', deviceName: '' },
      }),
    ).toEqual({ ok: true });
    expect(
      await invoke(PRINT_CHANNEL, e, { pdf: false, title: 'Receipt', receipt: { ...receipt, paper: 'A4' } }),
    ).toEqual({ ok: true });
    expect(e.sender.printed).toEqual([
      {
        silent: true,
        printBackground: true,
        deviceName: 'XP-58',
        pageSize: { width: 58_000, height: 140_000 },
        margins: { marginType: 'none' },
      },
      {
        silent: true,
        printBackground: true,
        pageSize: { width: 80_000, height: 140_000 },
        margins: { marginType: 'none' },
      },
      {
        silent: true,
        printBackground: true,
        deviceName: 'XP-58',
        pageSize: 'A4',
        margins: { marginType: 'default' },
      },
    ]);
    for (const bad of [
      { pdf: true, title: 'x', receipt },
      { pdf: false, title: 'x', receipt: { ...receipt, paper: '57' } },
      { pdf: false, title: 'x', receipt: { ...receipt, heightMm: 0 } },
      { pdf: false, title: 'x', receipt: { ...receipt, deviceName: 7 } },
      { pdf: false, title: 'x', receipt: { ...receipt, margins: 'none' } },
    ]) {
      expect(await invoke(PRINT_CHANNEL, e, bad)).toEqual({ ok: false, error: 'VALIDATION' });
    }
    expect(e.sender.printed).toHaveLength(3);
  });

  it('saves a PDF where the user chooses', async () => {
    const e = fakeEvent(4);
    const r = await invoke(PRINT_CHANNEL, e, { pdf: true, title: 'Report: 11/18 <members>' });
    expect(r).toEqual({ ok: true, path: '/tmp/out/report.pdf' });
    expect(e.sender.pdfs).toBe(1);
    // the page's own CSS @page decides the layout: Electron adds no margins, header or footer
    expect(e.sender.pdfOptions).toEqual([
      expect.objectContaining({
        pageSize: 'A4',
        preferCSSPageSize: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        displayHeaderFooter: false,
      }),
    ]);
    expect(written).toEqual([
      { file: '/tmp/out/report.pdf', data: new Uint8Array([0x25, 0x50, 0x44, 0x46]) },
    ]);
    expect(saveDialog).toHaveBeenCalledWith(
      e.sender,
      expect.objectContaining({ defaultPath: path.join('/tmp/out', 'Report 11 18 members.pdf') }),
    );

    saveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await invoke(PRINT_CHANNEL, fakeEvent(4), { pdf: true, title: 'x' })).toEqual({ ok: false });
    expect(written).toHaveLength(1);
  });

  it('makes safe PDF file names', () => {
    expect(pdfFileName('../../etc/passwd')).toBe('etc passwd.pdf');
    expect(pdfFileName('')).toBe('Front Desk.pdf');
    expect(pdfFileName('a\u0000b')).toBe('a b.pdf');
  });
});
