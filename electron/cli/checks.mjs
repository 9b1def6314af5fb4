// `npm run checks`: the static checks of `npm test` (typecheck, lint, format:check, unused), two at
// a time. Each is single-threaded, so on CI's two cores a pair takes as long as the slower of the
// two. Each check's output is printed whole when it ends (never interleaved); the run fails if any
// check failed, after all have run.
import { spawn } from 'node:child_process';

const PAIRS = [
  ['typecheck', 'lint'],
  ['format:check', 'unused'],
];

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> ${script}: ${code === 0 ? 'ok' : `failed (${code})`} in ${secs} s\n`);
      process.stdout.write(Buffer.concat(out));
      resolve(code === 0);
    });
  });
}

let ok = true;
for (const pair of PAIRS) {
  const results = await Promise.all(pair.map(run));
  ok = ok && results.every(Boolean);
}
process.exit(ok ? 0 : 1);
