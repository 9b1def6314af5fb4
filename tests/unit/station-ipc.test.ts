/**
 * The club network station's IPC channels in the desktop app (issue 15): exactly three, only for
 * the app's own frames, and a pairing's arguments refused before anything reaches the network
 * (the join screen's rules: the host's address, a 6-digit code, a name of 1 to 40 characters).
 */
import { describe, expect, it, vi } from 'vitest';

// The bridge must never need the real Electron module (it cannot load here).
vi.mock('electron', () => ({}));

import {
  STATION_DISCOVER_CHANNEL,
  STATION_PAIR_CHANNEL,
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
};

function setup() {
  const handlers = new Map<string, Handler>();
  const paired: unknown[] = [];
  const impl: StationHandlers = {
    state: vi.fn(async () => PENDING),
    discover: vi.fn(async () => [
      { name: 'Front desk', url: 'https://192.168.1.10:5175', fingerprintStart: 'AA' },
    ]),
    pair: vi.fn(async (a) => {
      paired.push(a);
      return { ok: true as const, data: PENDING };
    }),
  };
  registerStationIpc({ handle: (channel: string, h: Handler) => void handlers.set(channel, h) }, impl);
  const event = (url: string | null = APP_URL): IpcEventLike => ({
    senderFrame: url === null ? null : { url },
    sender: { id: 1, print: () => undefined, printToPDF: async () => new Uint8Array() },
  });
  const invoke = (channel: string, e: IpcEventLike, ...args: unknown[]) =>
    Promise.resolve(handlers.get(channel)!(e, ...args));
  return { handlers, impl, paired, event, invoke };
}

describe('the station IPC channels', () => {
  it('registers exactly the three station channels', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      [STATION_DISCOVER_CHANNEL, STATION_PAIR_CHANNEL, STATION_STATE_CHANNEL].sort(),
    );
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
    }
    expect(impl.pair).not.toHaveBeenCalled();
    expect(impl.state).not.toHaveBeenCalled();
    expect(impl.discover).not.toHaveBeenCalled();
    expect(await invoke(STATION_STATE_CHANNEL, event())).toEqual(PENDING);
    expect(await invoke(STATION_DISCOVER_CHANNEL, event())).toHaveLength(1);
  });
});
