// `npm run dist`: builds the app and packages it with electron-builder (electron-builder.yml).
// Extra arguments go to electron-builder: `npm run dist -- --linux deb`, `npm run dist -- --win`.
//
// electron-builder rebuilds native modules for Electron itself (npmRebuild: true), in place in
// node_modules/better-sqlite3. That would leave Node with a build it cannot load, so the Node build
// is backed up first and restored afterwards, also when packaging fails (see native.mjs).
import { npm, npx, preservingNodeBuild, requireElectronBinary, run } from './native.mjs';

async function main() {
  requireElectronBinary();
  run(npm, ['run', 'build']);
  await preservingNodeBuild(async () => {
    run(npx, [
      '--no-install',
      'electron-builder',
      '--config',
      'electron-builder.yml',
      ...process.argv.slice(2),
    ]);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(typeof e?.exitCode === 'number' ? e.exitCode : 1);
});
