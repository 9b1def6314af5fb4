/**
 * `npm run web`: the same renderer and core as the desktop app, served to a browser on this
 * computer only (127.0.0.1). Options: --data-dir DIR (default ./.data or FRONTDESK_DATA_DIR),
 * --port N (default 5174 or PORT; 0 picks a free port). The club network (issue 15) listens while a
 * manager has it on: --lan-port N (default 5175), --lan-host ADDRESS (default 0.0.0.0: every network),
 * announced on the LAN by mDNS unless --no-mdns.
 *
 * A station of the club network: --station (or a data folder that holds a pairing) serves the same
 * renderer on loopback but forwards every call and change to the paired host (station-backend.ts);
 * its data folder keeps only the pairing. --local-address ADDRESS: the address to reach the host from.
 */
import type http from 'node:http';
import path from 'node:path';
import { Core } from '../core/app';
import { dataDirFrom, parseArgs } from './args';
import { ensureIdentity } from '../core/areas/network';
import { startLanHost } from './lan';
import { startServer } from './server';
import { loadCredential } from './station';
import { StationBackend } from './station-backend';
import { removeClubDatabase, Switchable } from './switchable';

async function runStation(dataDir: string, port: number, localAddress: string | undefined): Promise<void> {
  const backend = new StationBackend(dataDir, { localAddress });
  const staticDir = path.resolve(__dirname, '..', 'renderer');
  const server = await startServer({ core: backend, staticDir, port, routes: backend.routes });
  backend.start();
  console.log(`Front Desk (station) is running at ${server.url}`);
  console.log(`Data folder: ${dataDir}`);
  const stop = () => {
    backend.close();
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = path.resolve(dataDirFrom(args));
  const port = Number(args.port ?? process.env.PORT ?? 5174);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535 (got ${args.port})`);
    process.exit(2);
  }
  if (args.station === 'true' || loadCredential(dataDir))
    return runStation(dataDir, port, args['local-address']);
  const staticDir = path.resolve(__dirname, '..', 'renderer');
  const core = await Core.open({ dataDir });
  const backend = new Switchable(core);
  let station: StationBackend | null = null;
  // first start, not yet set up: this computer may join a club's front desk instead of being it
  const routes = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean => {
    if (station) return station.routes(req, res, pathname);
    if (core.state !== 'setup' || (pathname !== '/station/pair' && pathname !== '/station/discover'))
      return false;
    const candidate = new StationBackend(dataDir, {
      localAddress: args['local-address'],
      onPaired: () => {
        if (station || core.state !== 'setup') return;
        station = candidate;
        backend.switchTo(candidate);
        void lan.close();
        core.close();
        removeClubDatabase(dataDir);
        candidate.start();
        console.log('This computer is now a station of the club network.');
      },
    });
    return candidate.routes(req, res, pathname);
  };
  const server = await startServer({ core: backend, staticDir, port, routes });
  console.log(`Front Desk is running at ${server.url}`);
  console.log(`Data folder: ${dataDir}`);
  const lanPort = Number(args['lan-port'] ?? 5175);
  const lan = await startLanHost({
    core,
    identity: await ensureIdentity(dataDir),
    host: args['lan-host'] ?? '0.0.0.0',
    mdns: args['no-mdns'] !== 'true',
    port: Number.isInteger(lanPort) && lanPort >= 0 && lanPort <= 65535 ? lanPort : 5175,
    staticDir, // tablets' browsers get the same pages there
    onListening: (url) => console.log(url ? `Club network: stations join at ${url}` : 'Club network: off'),
  });
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void Promise.all([server.close(), lan.close()]).finally(() => {
      if (station) station.close();
      else core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const code = (e as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error('That port is already in use. Choose another with --port N.');
  else console.error(e);
  process.exit(1);
});
