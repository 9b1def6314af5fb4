/**
 * A small LAN on this machine for the club network's integration test
 * (tests/unit/network-netns.test.ts): a network namespace per computer, each joined by a veth pair
 * to a bridge in a namespace of its own. The addresses (10.231.0.0/24) exist only inside those
 * namespaces and nothing is routed out of them. Needs root and iproute2 (`ip`; `tc` to drop
 * packets).
 *
 * Every name carries the test process's pid: namespaces `fdn<pid>-<computer>` and `fdn<pid>-lan`,
 * links `fdn<pid>e<i>` (the computer's end) and `fdn<pid>p<i>` (the bridge's port), bridge
 * `fdn<pid>br`. `remove()` deletes the namespaces (their links and the bridge go with them, and any
 * process still in them); `sweepStale()` deletes those of earlier runs whose process is gone (a run
 * killed before its clean-up); `leftovers()` lists what of this run is still there.
 */
import { execFileSync, type SpawnOptions, spawn } from 'node:child_process';
import fs from 'node:fs';

const PREFIX = 'fdn';
const SUBNET = '10.231.0';

function run(cmd: 'ip' | 'tc', args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function message(e: unknown): string {
  const err = e as { stderr?: string; message?: string };
  return (err.stderr || err.message || String(e)).trim();
}

/** How a link is made to drop every packet it sends: netem where the kernel has it, else tbf. */
type Dropper = 'netem' | 'tbf';
const DROP_ARGS: Record<Dropper, string[]> = {
  netem: ['netem', 'loss', '100%'],
  // a token bucket of one byte: every packet is bigger than the bucket, and tbf drops it
  tbf: ['tbf', 'rate', '1kbit', 'burst', '1', 'limit', '1'],
};

export interface NetnsSupport {
  /** Why namespaces cannot be made here (the test file is skipped), or null. */
  unavailable: string | null;
  /** How packets can be dropped with `tc` (null: no tc, or no qdisc that does it). */
  dropper: Dropper | null;
}

/** Tries a namespace with a veth pair (and a dropping qdisc on it) and removes it again. */
export function probeNetns(): NetnsSupport {
  if (process.platform !== 'linux') return { unavailable: 'not Linux', dropper: null };
  if (process.getuid?.() !== 0)
    return {
      unavailable: 'not root (network namespaces need root; CI machines run the tests as root)',
      dropper: null,
    };
  try {
    run('ip', ['-V']);
  } catch {
    return { unavailable: 'no `ip` command (install iproute2; .ci/run does)', dropper: null };
  }
  const ns = `${PREFIX}${process.pid}-probe`;
  try {
    run('ip', ['netns', 'add', ns]);
    const dev = `${PREFIX}${process.pid}x`;
    run('ip', ['-n', ns, 'link', 'add', 'name', dev, 'type', 'veth', 'peer', 'name', `${dev}y`]);
    let dropper: Dropper | null = null;
    for (const d of ['netem', 'tbf'] as const) {
      try {
        run('tc', ['-n', ns, 'qdisc', 'replace', 'dev', dev, 'root', ...DROP_ARGS[d]]);
        dropper = d;
        break;
      } catch {
        // not in this kernel, or no tc
      }
    }
    return { unavailable: null, dropper };
  } catch (e) {
    return { unavailable: `cannot make a network namespace with a veth pair: ${message(e)}`, dropper: null };
  } finally {
    try {
      run('ip', ['netns', 'del', ns]);
    } catch {
      // it was never made
    }
  }
}

function namespaces(): string[] {
  return run('ip', ['netns', 'list'])
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter((n) => n.startsWith(PREFIX));
}

function alive(pid: number): boolean {
  return fs.existsSync(`/proc/${pid}`);
}

/** Deletes the namespaces of earlier runs whose process is gone; returns their names. */
export function sweepStale(): string[] {
  const stale = namespaces().filter((n) => {
    const pid = Number(/^fdn(\d+)-/.exec(n)?.[1]);
    return Number.isInteger(pid) && pid !== process.pid && !alive(pid);
  });
  for (const n of stale) run('ip', ['netns', 'del', n]);
  return stale;
}

interface Computer {
  ns: string;
  address: string;
  /** Its end of the veth pair, in its own namespace. */
  dev: string;
  /** The other end: the bridge's port, in the bridge's namespace. */
  port: string;
}

export class Lan<Name extends string> {
  readonly tag = `${PREFIX}${process.pid}`;
  readonly lanNs = `${this.tag}-lan`;
  private readonly computers = new Map<Name, Computer>();

  /** Makes the namespaces, the bridge and a link per computer, addressed .1, .2, … in order. */
  constructor(
    names: readonly Name[],
    private readonly dropper: Dropper | null,
  ) {
    try {
      const bridge = `${this.tag}br`;
      run('ip', ['netns', 'add', this.lanNs]);
      run('ip', ['-n', this.lanNs, 'link', 'add', 'name', bridge, 'type', 'bridge']);
      run('ip', ['-n', this.lanNs, 'link', 'set', 'dev', bridge, 'up']);
      names.forEach((name, i) => {
        const c: Computer = {
          ns: `${this.tag}-${name}`,
          address: `${SUBNET}.${i + 1}`,
          dev: `${this.tag}e${i}`,
          port: `${this.tag}p${i}`,
        };
        run('ip', ['netns', 'add', c.ns]);
        this.computers.set(name, c);
        run('ip', [
          'link',
          'add',
          'name',
          c.dev,
          'netns',
          c.ns,
          'type',
          'veth',
          'peer',
          'name',
          c.port,
          'netns',
          this.lanNs,
        ]);
        run('ip', ['-n', this.lanNs, 'link', 'set', 'dev', c.port, 'master', bridge, 'up']);
        run('ip', ['-n', c.ns, 'link', 'set', 'dev', 'lo', 'up']);
        run('ip', ['-n', c.ns, 'addr', 'add', `${c.address}/24`, 'dev', c.dev]);
        run('ip', ['-n', c.ns, 'link', 'set', 'dev', c.dev, 'up']);
        // multicast (mDNS) leaves by the LAN link, as a default route would send it on a real one
        run('ip', ['-n', c.ns, 'route', 'add', '224.0.0.0/4', 'dev', c.dev]);
      });
    } catch (e) {
      this.remove();
      throw new Error(`making the test LAN failed: ${message(e)}`);
    }
  }

  private get(name: Name): Computer {
    const c = this.computers.get(name);
    if (!c) throw new Error(`no computer ${name} on the test LAN`);
    return c;
  }

  address(name: Name): string {
    return this.get(name).address;
  }

  /** Runs a program inside a computer's namespace (`ip netns exec` execs it: the pid is the program's). */
  spawn(name: Name, program: string, args: string[], opts: SpawnOptions) {
    return spawn('ip', ['netns', 'exec', this.get(name).ns, program, ...args], opts);
  }

  /** The computer's cable pulled out of the switch (`ip link set … down` on its bridge port), or back. */
  plug(name: Name, on: boolean): void {
    run('ip', ['-n', this.lanNs, 'link', 'set', 'dev', this.get(name).port, on ? 'up' : 'down']);
  }

  /**
   * Every packet dropped (`tc qdisc … netem loss 100%`, or tbf where the kernel has no netem) on the
   * way to the computer ('in'), from it ('out'), or let through again (null). The link stays up.
   */
  drop(name: Name, way: 'in' | 'out', on: boolean): void {
    if (!this.dropper) throw new Error('no tc qdisc here can drop packets');
    const c = this.get(name);
    const where = way === 'in' ? ['-n', this.lanNs, 'qdisc'] : ['-n', c.ns, 'qdisc'];
    const dev = way === 'in' ? c.port : c.dev;
    if (on) run('tc', [...where, 'replace', 'dev', dev, 'root', ...DROP_ARGS[this.dropper]]);
    else run('tc', [...where, 'del', 'dev', dev, 'root']);
  }

  /** The computer's link as made: plugged in, nothing dropped (after a test that failed midway). */
  heal(name: Name): void {
    for (const way of ['in', 'out'] as const)
      try {
        this.drop(name, way, false);
      } catch {
        // nothing was dropping
      }
    this.plug(name, true);
  }

  /** What of this run is still there: namespaces, and links that fell back to the root namespace. */
  leftovers(): string[] {
    const links = run('ip', ['-o', 'link', 'show'])
      .split('\n')
      .map((l) => /^\d+: ([^:@]+)/.exec(l)?.[1])
      .filter((n): n is string => !!n && n.startsWith(this.tag));
    return [...namespaces().filter((n) => n.startsWith(`${this.tag}-`)), ...links];
  }

  /**
   * Deletes every namespace of this run (their links and the bridge with them); never throws.
   * A namespace lives on, unnamed, while a process runs in it: any still there (the test kills its
   * own first) is killed and returned, as "pid in namespace", for the test to fail on.
   */
  remove(): string[] {
    const strays: string[] = [];
    for (const ns of [...[...this.computers.values()].map((c) => c.ns), this.lanNs]) {
      try {
        for (const pid of run('ip', ['netns', 'pids', ns]).split('\n').filter(Boolean)) {
          strays.push(`process ${pid} in ${ns}`);
          try {
            process.kill(Number(pid), 'SIGKILL');
          } catch {
            // gone meanwhile
          }
        }
        run('ip', ['netns', 'del', ns]);
      } catch {
        // not made, or already gone
      }
    }
    return strays;
  }
}
