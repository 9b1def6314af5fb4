/**
 * The club network station's IPC channels in the desktop app (issue 15): exactly five, only for
 * the app's own frames, and a pairing's or a promotion's arguments refused before anything reaches
 * the network or the copy
 * (the join screen's rules: the host's address, a 6-digit code, a name of 1 to 40 characters).
 */
import { describe, expect, it, vi } from 'vitest';

// The bridge must never need the real Electron module (it cannot load here).
vi.mock('electron', () => ({}));

import {
  STATION_COPY_CHANNEL,
  STATION_DISCOVER_CHANNEL,
  STATION_PAIR_CHANNEL,
  STATION_PROMOTE_CHANNEL,
  STATION_STATE_CHANNEL,
} from '../../electron/main/channels';
import type { IpcEventLike } from '../../electron/main/ipc';
import { registerStationIpc, type StationHandlers } from '../../electron/main/station-ipc';
import type { StationState } from '../../electron/server/station-backend';

type Handler = (event: IpcEventLike, ...args: unknown[]) => unknown;

const APP_URL = 'app://frontdesk/index.html';
const PENDING: StationState = {
  mode: 'station',
  stage: 'pending',
  link: 'disconnected',
  hostUrl: 'https://192.168.1.10:5175',
  name: '水吧',
  fingerprint: 'AA:BB',
  standby: null,
};

function setup() {
  const handlers = new Map<string, Handler>();
  const paired: unknown[] = [];
  const promoted: string[] = [];
  const impl: StationHandlers = {
    state: vi.fn(async () => PENDING),
    discover: vi.fn(async () => [
      { name: 'Front desk', url: 'https://192.168.1.10:5175', fingerprintStart: 'AA' },
    ]),
    pair: vi.fn(async (a) => {
      paired.push(a);
      return { ok: true as const, data: PENDING };
    }),
    copyNow: vi.fn(async () => ({ ok: true as const, data: null })),
    promote: vi.fn(async (pin: string) => {
      promoted.push(pin);
      return { ok: true as const, data: { promoted: true as const } };
    }),
  };
  registerStationIpc({ handle: (channel: string, h: Handler) => void handlers.set(channel, h) }, impl);
  const event = (url: string | null = APP_URL): IpcEventLike => ({
    senderFrame: url === null ? null : { url },
    sender: { id: 1, print: () => undefined, printToPDF: async () => new Uint8Array() },
  });
  const invoke = (channel: string, e: IpcEventLike, ...args: unknown[]) =>
    Promise.resolve(handlers.get(channel)!(e, ...args));
  return { handlers, impl, paired, promoted, event, invoke };
}

describe('the station IPC channels', () => {
  it('registers exactly the five station channels', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      [
        STATION_DISCOVER_CHANNEL,
        STATION_PAIR_CHANNEL,
        STATION_STATE_CHANNEL,
        STATION_COPY_CHANNEL,
        STATION_PROMOTE_CHANNEL,
      ].sort(),
    );
  });

  it('promotes only with a PIN of the right shape, and copies with no arguments', async () => {
    const { invoke, event, impl, promoted } = setup();
    const VALIDATION = { ok: false, error: { code: 'VALIDATION', params: {} } };
    for (const bad of ['', '123', '123456789', '12a4', 1234, null, undefined, { pin: '1234' }, ['1234']])
      expect(await invoke(STATION_PROMOTE_CHANNEL, event(), bad), JSON.stringify(bad)).toEqual(VALIDATION);
    expect(await invoke(STATION_PROMOTE_CHANNEL, event(), '1234', 'more')).toEqual(VALIDATION);
    expect(impl.promote).not.toHaveBeenCalled();
    expect(await invoke(STATION_PROMOTE_CHANNEL, event(), '2468')).toEqual({
      ok: true,
      data: { promoted: true },
    });
    expect(promoted).toEqual(['2468']);
    expect(await invoke(STATION_COPY_CHANNEL, event(), 'now')).toEqual(VALIDATION);
    expect(impl.copyNow).not.toHaveBeenCalled();
    expect(await invoke(STATION_COPY_CHANNEL, event())).toEqual({ ok: true, data: null });
  });

  it('pairs with valid arguments, the address and name as the join screen normalises them', async () => {
    const { invoke, event, paired } = setup();
    const r = await invoke(STATION_PAIR_CHANNEL, event(), {
      hostUrl: ' 192.168.1.10 ',
      code: '123456',
      name: '  水吧 ',
    });
    expect(r).toEqual({ ok: true, data: PENDING });
    expect(paired).toEqual([{ hostUrl: 'https://192.168.1.10:5175', code: '123456', name: '水吧' }]);
    await invoke(STATION_PAIR_CHANNEL, event(), {
      hostUrl: 'http://10.0.0.2:6000/whatever',
      code: '000000',
      name: 'x'.repeat(40),
    });
    expect(paired[1]).toEqual({ hostUrl: 'https://10.0.0.2:6000', code: '000000', name: 'x'.repeat(40) });
  });

  it('refuses a wrong code, name or address without pairing', async () => {
    const { invoke, event, impl } = setup();
    const good = { hostUrl: '192.168.1.10', code: '123456', name: 'Bar' };
    for (const bad of [
      { ...good, code: '12345' },
      { ...good, code: '1234567' },
      { ...good, code: '12345a' },
      { ...good, code: 123456 },
      { ...good, code: '１２３４５６' },
      { ...good, name: '' },
      { ...good, name: '   ' },
      { ...good, name: 'x'.repeat(41) },
      { ...good, name: null },
      { ...good, hostUrl: '' },
      { ...good, hostUrl: 'http://[::1' },
      { ...good, hostUrl: 'a b' },
      { ...good, hostUrl: `${'a'.repeat(200)}.lan` },
      { ...good, hostUrl: ['192.168.1.10'] },
      { ...good, extra: 1 },
      { hostUrl: good.hostUrl, code: good.code },
      null,
      'https://192.168.1.10 123456 Bar',
      undefined,
    ]) {
      const r = await invoke(STATION_PAIR_CHANNEL, event(), bad);
      expect(r, JSON.stringify(bad)).toEqual({ ok: false, error: { code: 'VALIDATION', params: {} } });
    }
    // extra arguments are refused too
    expect(await invoke(STATION_PAIR_CHANNEL, event(), good, 'more')).toEqual({
      ok: false,
      error: { code: 'VALIDATION', params: {} },
    });
    expect(impl.pair).not.toHaveBeenCalled();
  });

  it('answers only the app’s own frames', async () => {
    const { invoke, event, impl } = setup();
    for (const url of ['https://evil.example/', 'app://evil/index.html', 'about:blank', '', null]) {
      expect(
        await invoke(STATION_PAIR_CHANNEL, event(url), {
          hostUrl: '192.168.1.10',
          code: '123456',
          name: 'Bar',
        }),
      ).toEqual({ ok: false, error: { code: 'FORBIDDEN', params: {} } });
      expect(await invoke(STATION_STATE_CHANNEL, event(url))).toBeNull();
      expect(await invoke(STATION_DISCOVER_CHANNEL, event(url))).toEqual([]);
      expect(await invoke(STATION_PROMOTE_CHANNEL, event(url), '2468')).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', params: {} },
      });
      expect(await invoke(STATION_COPY_CHANNEL, event(url))).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', params: {} },
      });
    }
    expect(impl.promote).not.toHaveBeenCalled();
    expect(impl.copyNow).not.toHaveBeenCalled();
    expect(impl.pair).not.toHaveBeenCalled();
    expect(impl.state).not.toHaveBeenCalled();
    expect(impl.discover).not.toHaveBeenCalled();
    expect(await invoke(STATION_STATE_CHANNEL, event())).toEqual(PENDING);
    expect(await invoke(STATION_DISCOVER_CHANNEL, event())).toHaveLength(1);
  });
});
