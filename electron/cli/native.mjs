// Shared by start.mjs and dist.mjs: the Electron binary check, running npm scripts, and keeping the
// Node build of better-sqlite3 intact while something rebuilds it for Electron.
//
// Why: better-sqlite3 is a native module, built for one ABI. node_modules holds the build for Node
// (used by `npm test`, `npm run web`, the e2e tests). Electron needs a build for its own ABI.
// @electron/rebuild and electron-builder both rebuild node_modules/better-sqlite3 *in place*, which
// would break every Node use. So: back up the Node build first, let them rebuild, keep a copy of the
// Electron build (build/native/electron/better_sqlite3.node), and always put the Node build back.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NODE_BUILD = path.join(
  root,
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);
export const NATIVE_DIR = path.join(root, 'build', 'native');
export const NODE_BACKUP = path.join(NATIVE_DIR, 'node-backup.node');
export const ELECTRON_BUILD = path.join(NATIVE_DIR, 'electron', 'better_sqlite3.node');
/** Present while node_modules may hold a foreign (Electron) build; a crashed run is repaired from the backup. */
const IN_PROGRESS = path.join(NATIVE_DIR, 'rebuild-in-progress');

const require = createRequire(import.meta.url);
const isWin = process.platform === 'win32';

export function electronVersion() {
  return require(path.join(root, 'node_modules', 'electron', 'package.json')).version;
}

/**
 * The path of the Electron executable, or null when it is not installed. Does not call
 * require('electron') first: when the binary is missing, that tries to download it.
 */
export function electronBinary() {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const rel = fs.readFileSync(pathTxt, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const expected = override ? path.join(override, rel || 'electron') : path.join(pkgDir, 'dist', rel);
  if (!rel || !fs.existsSync(expected)) return null;
  try {
    const p = require('electron');
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** Exits with a clear message when the Electron binary is missing. Touches nothing. */
export function requireElectronBinary() {
  const bin = electronBinary();
  if (bin) return bin;
  console.error(
    [
      '',
      'Electron is not installed (node_modules/electron has no Electron binary).',
      '',
      '  • With internet access and without ELECTRON_SKIP_BINARY_DOWNLOAD set, run `npm install`',
      '    (or `npm rebuild electron` if it is already installed) so that the electron package',
      '    downloads its binary; then run this command again.',
      '  • Or run the same app in a browser: `npm run web`.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

/** Runs a command in the repo root, inheriting stdio; exits with its status on failure. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: isWin, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    const err = new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    err.exitCode = r.status ?? 1;
    throw err;
  }
}

export const npm = isWin ? 'npm.cmd' : 'npm';
export const npx = isWin ? 'npx.cmd' : 'npx';

/** Puts the Node build back from the backup if a previous run died halfway. */
export function repairInterruptedRebuild() {
  if (fs.existsSync(IN_PROGRESS) && fs.existsSync(NODE_BACKUP)) {
    console.log('Restoring the Node build of better-sqlite3 left behind by an interrupted rebuild.');
    restoreNodeBuild();
  }
  fs.rmSync(IN_PROGRESS, { force: true });
}

function restoreNodeBuild() {
  fs.mkdirSync(path.dirname(NODE_BUILD), { recursive: true });
  fs.copyFileSync(NODE_BACKUP, NODE_BUILD);
}

/**
 * Runs `work` (which may rebuild node_modules/better-sqlite3 for Electron) with the Node build
 * backed up, and restores it afterwards, also when `work` fails.
 */
export async function preservingNodeBuild(work) {
  repairInterruptedRebuild();
  fs.mkdirSync(NATIVE_DIR, { recursive: true });
  const hadNodeBuild = fs.existsSync(NODE_BUILD);
  if (hadNodeBuild) fs.copyFileSync(NODE_BUILD, NODE_BACKUP);
  fs.writeFileSync(IN_PROGRESS, new Date().toISOString());
  try {
    return await work();
  } finally {
    if (hadNodeBuild) {
      restoreNodeBuild();
      console.log('Restored the Node build of better-sqlite3 (npm test keeps working).');
    }
    fs.rmSync(IN_PROGRESS, { force: true });
  }
}
