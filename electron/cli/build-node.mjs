// `npm run build:node`: bundles the Node-side entry points with esbuild.
//
//   electron/main/main.ts       → build/main/main.js      (Electron main; electron + better-sqlite3 external)
//   electron/main/preload.ts    → build/main/preload.js   (sandboxed preload: only 'electron' external)
//   electron/server/web.ts      → build/node/web.js       (loopback server, `npm run web`)
//   electron/server/demo-cli.ts → build/node/demo.js      (`npm run demo`)
//   bench/bench.ts              → build/node/bench.js     (only when the file exists)
//   bench/import.ts             → build/node/bench-import.js (the roster import, `npm run bench:import`)
//
// better-sqlite3 stays external everywhere: it is a native module, loaded from node_modules
// (or from the Electron build named by FRONTDESK_NATIVE_BINDING, see start.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const at = (p) => path.join(root, p);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

const targets = [
  { entry: 'electron/main/main.ts', out: 'build/main/main.js', external: ['electron', 'better-sqlite3'] },
  { entry: 'electron/main/preload.ts', out: 'build/main/preload.js', external: ['electron'], preload: true },
  { entry: 'electron/server/web.ts', out: 'build/node/web.js', external: ['electron', 'better-sqlite3'] },
  {
    entry: 'electron/server/demo-cli.ts',
    out: 'build/node/demo.js',
    external: ['electron', 'better-sqlite3'],
  },
  {
    entry: 'bench/import.ts',
    out: 'build/node/bench-import.js',
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    optional: true,
  },
  {
    entry: 'bench/bench.ts',
    out: 'build/node/bench.js',
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    optional: true,
  },
];

const started = Date.now();
for (const t of targets) {
  if (!fs.existsSync(at(t.entry))) {
    if (t.optional) continue;
    console.error(`build:node: ${t.entry} is missing.`);
    process.exit(1);
  }
  const result = await esbuild.build({
    ...common,
    entryPoints: [at(t.entry)],
    outfile: at(t.out),
    external: t.external,
    metafile: !!t.preload,
  });
  if (t.preload) {
    // A sandboxed preload can require only 'electron' (and a few polyfilled modules); anything else
    // left as a require() would fail at run time, so refuse to build it.
    const imports = Object.values(result.metafile.inputs).flatMap((i) =>
      i.imports.filter((x) => x.external).map((x) => x.path),
    );
    const bad = [...new Set(imports)].filter((p) => p !== 'electron');
    if (bad.length > 0) {
      console.error(
        `build:node: the preload must not require ${bad.join(', ')} (only 'electron' is available in a sandboxed preload).`,
      );
      process.exit(1);
    }
  }
  console.log(`  ${t.out}`);
}
console.log(`build:node done in ${Date.now() - started} ms`);
