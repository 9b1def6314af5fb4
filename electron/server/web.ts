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
 * A station the host names as standby keeps a verified copy of the club's database (standby.ts); when
 * a manager promotes it (POST /station/promote), its loopback server switches to a core opened on
 * that copy and the club network listens on --lan-host/--lan-port as on a host.
 */
import type http from 'node:http';
import path from 'node:path';
import { Core } from '../core/app';
import { dataDirFrom, type LanArgs, lanArgs, parseArgs } from './args';
import { ensureIdentity } from '../core/areas/network';
import { type LanHost, lanUrlOf, startLanHost } from './lan';
import { startServer } from './server';
import { loadCredential } from './station';
import { StationBackend } from './station-backend';
import { removeClubDatabase, Switchable } from './switchable';

/** The club network's listener (tablets' browsers get the renderer's pages from `staticDir`). */
function startLan(core: Core, dataDir: string, lan: LanArgs, staticDir: string): Promise<LanHost> {
  return ensureIdentity(dataDir).then((identity) =>
    startLanHost({
      core,
      identity,
      host: lan.host,
      mdns: lan.mdns,
      port: lan.port,
      staticDir,
      onListening: (url) => console.log(url ? `Club network: stations join at ${url}` : 'Club network: off'),
    }),
  );
}

async function runStation(
  dataDir: string,
  port: number,
  args: Record<string, string | undefined>,
): Promise<void> {
  const lanOpts = lanArgs(args);
  const staticDir = path.resolve(__dirname, '..', 'renderer');
  let promoted: { core: Core; lan: LanHost } | null = null;
  const station: StationBackend = new StationBackend(dataDir, {
    localAddress: args['local-address'],
    lanUrl: lanUrlOf(lanOpts),
    // a manager made this standby the front desk: the same loopback server now serves the core
    onPromoted: async (core) => {
      backend.switchTo(core);
      promoted = { core, lan: await startLan(core, dataDir, lanOpts, staticDir) };
    },
  });
  const backend = new Switchable(station);
  const server = await startServer({ core: backend, staticDir, port, routes: station.routes });
  station.start();
  console.log(`Front Desk (station) is running at ${server.url}`);
  console.log(`Data folder: ${dataDir}`);
  const stop = () => {
    const p = promoted;
    void Promise.all([server.close(), p?.lan.close()]).finally(() => {
      station.close(); // and the promoted core
      process.exit(0);
    });
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
  if (args.station === 'true' || loadCredential(dataDir)) return runStation(dataDir, port, args);
  const staticDir = path.resolve(__dirname, '..', 'renderer');
  const core = await Core.open({ dataDir });
  const backend = new Switchable(core);
  let station: StationBackend | null = null;
  /** A station that joined at first start, then became the standby and was promoted. */
  let promoted: { core: Core; lan: LanHost } | null = null;
  // first start, not yet set up: this computer may join a club's front desk instead of being it
  const routes = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean => {
    if (station) return station.routes(req, res, pathname);
    if (core.state !== 'setup' || (pathname !== '/station/pair' && pathname !== '/station/discover'))
      return false;
    const candidate = new StationBackend(dataDir, {
      localAddress: args['local-address'],
      lanUrl: lanUrlOf(lanArgs(args)),
      onPromoted: async (c) => {
        backend.switchTo(c);
        promoted = { core: c, lan: await startLan(c, dataDir, lanArgs(args), staticDir) };
      },
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
  const lan = await startLan(core, dataDir, lanArgs(args), staticDir);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    const p = promoted;
    void Promise.all([server.close(), lan.close(), p?.lan.close()]).finally(() => {
      p?.core.close();
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
