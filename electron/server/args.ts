/** Tiny command-line parsing for the web and demo commands: --name value or --name=value. */
export function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) out[a.slice(2)] = argv[++i]!;
    else out[a.slice(2)] = 'true';
  }
  return out;
}

/** Where the club network listens on a host (`--lan-host`, `--lan-port`, `--no-mdns`). */
export interface LanArgs {
  /** The address to listen on ('0.0.0.0': every network). */
  host: string;
  port: number;
  /** Announce the host on the LAN by mDNS. */
  mdns: boolean;
}

/** The club network's options from the command line (the web build's and the desktop app's). */
export function lanArgs(args: Record<string, string | undefined>): LanArgs {
  const lanPort = Number(args['lan-port'] ?? 5175);
  return {
    host: args['lan-host'] ?? '0.0.0.0',
    port: Number.isInteger(lanPort) && lanPort >= 0 && lanPort <= 65535 ? lanPort : 5175,
    mdns: args['no-mdns'] !== 'true',
  };
}

export function dataDirFrom(args: Record<string, string>): string {
  return args['data-dir'] ?? process.env.FRONTDESK_DATA_DIR ?? '.data';
}
