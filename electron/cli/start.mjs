// `npm start`: builds the app and runs it in Electron.
//
//  1. Checks that the Electron binary is installed (without downloading it); if not, explains what
//     to do and exits 1 without touching node_modules.
//  2. `npm run build` (renderer with vite, main/preload with esbuild).
//  3. Makes a better-sqlite3 build for Electron's ABI without losing the Node one (see native.mjs):
//     backs up node_modules/better-sqlite3/build/Release/better_sqlite3.node, runs @electron/rebuild
//     on that module only, copies the result to build/native/electron/better_sqlite3.node and puts the
//     Node build back (in a finally, so also when the rebuild fails), so `npm test` keeps working.
//     The Electron build is reused on later starts while Electron, better-sqlite3, the platform and
//     the architecture stay the same (build/native/electron/stamp.json).
//  4. Starts Electron on the app with FRONTDESK_NATIVE_BINDING naming that build; the core opens
//     better-sqlite3 with it (the `nativeBinding` option) instead of the Node build.
//
// Extra arguments are passed to Electron: `npm start -- --some-flag`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  ELECTRON_BUILD,
  NODE_BUILD,
  electronVersion,
  npm,
  preservingNodeBuild,
  repairInterruptedRebuild,
  requireElectronBinary,
  root,
  run,
} from './native.mjs';

const require = createRequire(import.meta.url);

async function electronBuildOfBetterSqlite() {
  const stampFile = path.join(path.dirname(ELECTRON_BUILD), 'stamp.json');
  const stamp = JSON.stringify({
    electron: electronVersion(),
    betterSqlite3: require(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  });
  if (
    fs.existsSync(ELECTRON_BUILD) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === stamp
  ) {
    console.log('Using the Electron build of better-sqlite3 in build/native/electron.');
    return;
  }
  console.log(`Building better-sqlite3 for Electron ${electronVersion()}…`);
  const { rebuild } = await import('@electron/rebuild');
  await preservingNodeBuild(async () => {
    await rebuild({
      buildPath: root,
      electronVersion: electronVersion(),
      onlyModules: ['better-sqlite3'],
      force: true,
    });
    if (!fs.existsSync(NODE_BUILD))
      throw new Error(`@electron/rebuild left no ${path.relative(root, NODE_BUILD)}`);
    fs.mkdirSync(path.dirname(ELECTRON_BUILD), { recursive: true });
    fs.copyFileSync(NODE_BUILD, ELECTRON_BUILD);
    fs.writeFileSync(stampFile, stamp);
  });
}

async function main() {
  const electron = requireElectronBinary();
  repairInterruptedRebuild();
  run(npm, ['run', 'build']);
  await electronBuildOfBetterSqlite();

  const env = { ...process.env, FRONTDESK_NATIVE_BINDING: ELECTRON_BUILD };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(typeof e?.exitCode === 'number' ? e.exitCode : 1);
});
