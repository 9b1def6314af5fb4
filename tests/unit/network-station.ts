/**
 * A station process of the club network integration tests (tests/unit/network.test.ts and
 * network-netns.test.ts), plain Node, bundled by the test with esbuild. Driven over the IPC channel:
 * each message `{ id, cmd, … }` is answered `{ id, ok, result | error }`. Its credential lives in its
 * own data folder.
 *
 *   node net-station.cjs <dataDir> <localAddress>
 */
import {
  discoverHosts,
  loadCredential,
  pairWithHost,
  saveCredential,
  Station,
} from '../../electron/server/station';

interface Msg {
  id: number;
  cmd: 'pair' | 'pairingStatus' | 'start' | 'call' | 'calls' | 'log' | 'credential' | 'discover' | 'stop';
  argsList?: unknown[];
  hostUrl?: string;
  code?: string;
  name?: string;
  op?: string;
  args?: unknown;
}

const [dataDir, localAddress] = process.argv.slice(2) as [string, string];
let station: Station | null = null;
const log: { at: number; kind: 'status' | 'change' | 'revoked'; value: string }[] = [];

function current(): Station {
  if (station) return station;
  const c = loadCredential(dataDir);
  if (!c) throw new Error('not paired');
  station = new Station(c, { localAddress });
  station.on('status', (s: string) => log.push({ at: Date.now(), kind: 'status', value: s }));
  station.on('change', (e: { op: string }) => log.push({ at: Date.now(), kind: 'change', value: e.op }));
  station.on('revoked', () => log.push({ at: Date.now(), kind: 'revoked', value: '' }));
  return station;
}

async function run(m: Msg): Promise<unknown> {
  switch (m.cmd) {
    case 'pair': {
      const c = await pairWithHost(m.hostUrl!, m.code!, m.name!, { localAddress });
      saveCredential(dataDir, c);
      return { deviceId: c.deviceId, fingerprint: c.fingerprint };
    }
    case 'pairingStatus':
      return current().pairingStatus();
    case 'start':
      current().start();
      return null;
    case 'call':
      return current().call(m.op!, m.args);
    case 'calls': {
      // one after the other, each timed here (no IPC in the measure)
      const ms: number[] = [];
      for (const args of m.argsList!) {
        const t = performance.now();
        const r = await current().call(m.op!, args);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        ms.push(performance.now() - t);
      }
      return ms;
    }
    case 'log':
      return { status: current().status, log };
    case 'credential':
      return loadCredential(dataDir);
    case 'discover':
      // the hosts announcing themselves by mDNS on this process's network (its namespace's LAN)
      return discoverHosts(2_000);
    case 'stop':
      station?.stop();
      setTimeout(() => process.exit(0), 10);
      return null;
  }
}

process.on('message', (m: Msg) => {
  run(m).then(
    (result) => process.send!({ id: m.id, ok: true, result }),
    (e: unknown) => process.send!({ id: m.id, ok: false, error: (e as Error).message }),
  );
});
process.on('disconnect', () => process.exit(0));
